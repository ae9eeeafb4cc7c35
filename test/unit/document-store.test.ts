import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createRepositories, type Repositories } from '../../db/index.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile } from '../../seeds/seed.js';
import { createDocumentStore, type DocumentRef } from '../../server/domain/document-store.js';
import { inspectPdf } from '../../server/domain/pdf/inspect.js';
import { documentsDirFor } from '../../server/plugins/documents.js';

/** The documents on disk: made on first request from the document's identity, streamed, swept after a reset. */
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'mock-pacer-store-test-'));
  dirs.push(d);
  return d;
};

function seeded(): Repositories {
  const repos = createRepositories(openDatabase(':memory:'));
  createSeeder(loadSeedFile(BUILT_IN_SEED), 4).seedIfEmpty(repos, Date.UTC(2026, 5, 1));
  return repos;
}
function refOf(repos: Repositories, court: string, number: string, docNumber: number, attachment = 0): DocumentRef {
  const courtCase = repos.cases.byNumber(court, number);
  const entry = courtCase && repos.docketEntries.byNumber(courtCase.id, docNumber);
  const document = entry && repos.documents.forEntry(entry.id).find((d) => d.attachment === attachment);
  const c = repos.courts.byCode(court);
  if (!courtCase || !entry || !document || !c) throw new Error('no such document');
  return { court: c, courtCase, entry, document };
}
async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('the document store', () => {
  it('makes a generated document on first request, of exactly its recorded size and pages, and reuses the file', async () => {
    const repos = seeded();
    const store = createDocumentStore({ dir: tempDir() });
    const ref = refOf(repos, 'flsd', '1:26-cv-20001', 1);
    // Two first requests at once write it once.
    const [a, b] = await Promise.all([store.open(ref), store.open(ref)]);
    const bytes = await read(a.stream);
    expect((await read(b.stream)).equals(bytes)).toBe(true);
    expect(a.size).toBe(ref.document.bytes);
    expect(bytes.length).toBe(ref.document.bytes);
    expect(inspectPdf(bytes)).toMatchObject({ pages: 14, title: '1:26-cv-20001-MAT Document 1: Main Document' });
    expect(bytes.toString('latin1')).toContain('(Case 1:26-cv-20001-MAT Document 1 Filed 01/12/26 Page 14 of 14) Tj');
    const files = readdirSync(join(store.dir, 'generated'));
    expect(files).toEqual([expect.stringMatching(/^flsd-\d{8}-[0-9a-f]{12}\.pdf$/)]);
    await store.close();
  });

  it('pads a document to the size the seed gives it (the NYSD exhibits over 10 MB together)', async () => {
    const repos = seeded();
    const store = createDocumentStore({ dir: tempDir() });
    const ref = refOf(repos, 'nysd', '1:26-cv-01234', 5, 11);
    expect(ref.document.bytes).toBe(5_800_000);
    const { path, size } = await store.file(ref);
    expect(size).toBe(5_800_000);
    expect(inspectPdf(readFileSync(path)).pages).toBe(40);
    await store.close();
  });

  it('with no folder given, uses a temporary one and removes it on close', async () => {
    const repos = seeded();
    const store = createDocumentStore({ dir: null });
    const { path } = await store.file(refOf(repos, 'flsb', '1:26-bk-10234', 1));
    expect(existsSync(path)).toBe(true);
    const dir = store.dir;
    await store.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps DOCUMENTS_DIR, beside the database by default', () => {
    expect(documentsDirFor('/srv/docs', '/data/mock.sqlite')).toBe('/srv/docs');
    expect(documentsDirFor(null, '/data/mock.sqlite')).toBe('/data/documents');
    expect(documentsDirFor(null, ':memory:')).toBeNull();
  });

  it('sweeps files no document names any more, and removes a deleted case’s', async () => {
    const repos = seeded();
    const dir = tempDir();
    const store = createDocumentStore({ dir });
    const kept = await store.file(refOf(repos, 'flsd', '1:26-cv-21234', 1));
    const c = repos.cases.byNumber('flsd', '1:26-cv-20001');
    const gone = await store.file(refOf(repos, 'flsd', '1:26-cv-20001', 2));
    const stale = join(dir, 'generated', 'flsd-99999999-0123456789ab.pdf');
    writeFileSync(stale, 'x');
    mkdirSync(join(dir, 'uploaded'));
    writeFileSync(store.uploadedPath('left-behind.pdf'), 'x');
    const files = repos.documents.filesOfCase(c?.id ?? 0);
    await store.remove(files);
    expect(existsSync(gone.path)).toBe(false);
    expect(existsSync(kept.path)).toBe(true);
    expect(await store.sweep(repos.documents.files())).toBe(2);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(kept.path)).toBe(true);
    expect(() => store.uploadedPath('../escape.pdf')).toThrow();
    await store.close();
    expect(existsSync(kept.path)).toBe(true);
  });

  it('makes a removed document again on its next request, though it remembers the sizes it has seen', async () => {
    const repos = seeded();
    const store = createDocumentStore({ dir: tempDir() });
    const ref = refOf(repos, 'flsd', '1:26-cv-20001', 1);
    const first = await store.file(ref);
    // Removed through the store (a deleted case), then by hand behind its back.
    await store.remove(repos.documents.filesOfCase(ref.courtCase.id));
    expect(existsSync(first.path)).toBe(false);
    expect(await read((await store.open(ref)).stream)).toHaveLength(ref.document.bytes);
    rmSync(first.path);
    const again = await store.open(ref);
    expect(again.size).toBe(ref.document.bytes);
    expect(await read(again.stream)).toHaveLength(ref.document.bytes);
    expect(existsSync(first.path)).toBe(true);
    await store.close();
  });

  it('answers an uploaded document missing from disk with an error (it cannot be made again)', async () => {
    const repos = seeded();
    const store = createDocumentStore({ dir: tempDir() });
    const ref = refOf(repos, 'flsd', '1:26-cv-20001', 1);
    await expect(store.open({ ...ref, document: { ...ref.document, origin: 'uploaded', filename: 'never-written.pdf' } })).rejects.toMatchObject({ code: 'ENOENT' });
    await store.close();
  });
});
