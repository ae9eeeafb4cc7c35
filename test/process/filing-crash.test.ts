import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { PACER_PASSWORD } from '../support/app.js';
import { startServerProcess } from '../support/spawn.js';
import { FilingClient, makePdf, optionFor, stepOf, type Answer } from '../support/filing.js';

/**
 * kill -9 in the middle of filings (issue 13): after a restart on the same database and
 * DOCUMENTS_DIR, every filing is either a whole entry (its row, its documents, their files) or
 * nothing, and no file is left that no document names.
 */
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const startServer = (env: Record<string, string>) => startServerProcess({ TLS_PORT: 'off', ...env }, children);

/** A session of its own (the Authentication API), so each filing runs beside the others. */
async function session(port: number): Promise<Record<string, string>> {
  const res = await request(`http://127.0.0.1:${port}/services/cso-auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ loginId: 'rlinked', password: PACER_PASSWORD, redactFlag: '1' }),
  });
  const body = (await res.body.json()) as { nextGenCSO: string };
  return { NextGenCSO: body.nextGenCSO };
}

const CASE = '1:26-cv-20001';

/** A motion walked to its final screen. */
async function toFinal(c: FilingClient, i: number): Promise<Answer> {
  let page = await c.next(await c.get('/cgi-bin/Dispatch.pl?civmotion'), { event: 'motexcess' });
  page = await c.next(page, { case_num: CASE });
  page = await c.next(page);
  page = await c.next(page, { filer: optionFor(page.body, 'Carmen Alvarez') });
  if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${/name="assoc_(-?\d+)"/.exec(page.body)?.[1]}`]: 'y' });
  page = await c.next(page, {
    file_1: { file: makePdf(`Motion ${i}`, 2, 300_000), name: `motion-${i}.pdf` },
    file_2: { file: makePdf(`Exhibit ${i}`), name: `exhibit-${i}.pdf` },
    category_2: 'Exhibit',
    description_2: String(i),
  });
  while (stepOf(page) !== 'final') page = await c.next(page);
  return page;
}

describe('SIGKILL while filings commit', () => {
  it('restarts with each filing a whole entry or nothing, and no orphan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-filing-kill-'));
    dirs.push(dir);
    const env = { DATABASE_PATH: join(dir, 'state.sqlite'), DOCUMENTS_DIR: join(dir, 'documents') };
    const first = await startServer(env);
    const base = `http://localhost:${first.port}`;
    const FILINGS = 16;
    const ready = await Promise.all(
      Array.from({ length: FILINGS }, async (_, i) => {
        const c = new FilingClient(base, await session(first.port));
        return { c, page: await toFinal(c, i) };
      }),
    );
    // Every final Next at once; the server dies once a few have answered.
    let answered = 0;
    const commits = ready.map(({ c, page }) =>
      c.next(page).then(
        () => answered++,
        () => undefined,
      ),
    );
    while (answered < 3) await new Promise((r) => setTimeout(r, 1));
    const exited = new Promise((r) => first.proc.once('exit', r));
    first.proc.kill('SIGKILL');
    await Promise.all(commits);
    await exited;

    // What a crash between the file move and the transaction leaves, made certain here: a moved
    // file no document names, and the staging folder of a filing that is not open.
    mkdirSync(join(env.DOCUMENTS_DIR, 'uploaded'), { recursive: true });
    writeFileSync(join(env.DOCUMENTS_DIR, 'uploaded', 'feedfacefeedface-0.pdf'), makePdf());
    mkdirSync(join(env.DOCUMENTS_DIR, 'staging', 'deadbeefdeadbeef'), { recursive: true });
    writeFileSync(join(env.DOCUMENTS_DIR, 'staging', 'deadbeefdeadbeef', 'x.pdf'), makePdf());

    // The restart's sweep runs before it listens.
    const second = await startServer(env);
    const stopped = new Promise((r) => second.proc.once('exit', r));
    second.proc.kill('SIGTERM');
    await stopped;

    const db = new Database(env.DATABASE_PATH, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const committed = db.prepare("SELECT id, entry_id, doc_number FROM filings WHERE state = 'committed'").all() as { id: number; entry_id: number; doc_number: number }[];
      expect(committed.length).toBeGreaterThanOrEqual(3);
      const caseId = (db.prepare("SELECT id FROM cases WHERE number_short = ?").get(CASE) as { id: number }).id;
      const entries = db.prepare("SELECT id, doc_number FROM docket_entries WHERE case_id = ? AND filer = 'Linked, Robert'").all(caseId) as { id: number; doc_number: number }[];
      // Whole or nothing: an entry for each committed filing and none for another.
      expect(entries.map((e) => e.id).sort()).toEqual(committed.map((f) => f.entry_id).sort());
      const before = (db.prepare("SELECT MAX(doc_number) AS n FROM docket_entries WHERE case_id = ? AND filer <> 'Linked, Robert'").get(caseId) as { n: number }).n;
      expect(entries.map((e) => e.doc_number).sort((a, b) => a - b)).toEqual(entries.map((_, i) => before + 1 + i));
      // Each entry has both documents, each with its file on disk.
      const docs = db.prepare("SELECT entry_id, filename, bytes FROM documents WHERE origin = 'uploaded'").all() as { entry_id: number; filename: string; bytes: number }[];
      for (const e of entries) expect(docs.filter((d) => d.entry_id === e.id)).toHaveLength(2);
      for (const d of docs) expect(existsSync(join(env.DOCUMENTS_DIR, 'uploaded', d.filename)), d.filename).toBe(true);
      // No file without its document; no staging left of a filing no longer open.
      expect(readdirSync(join(env.DOCUMENTS_DIR, 'uploaded')).sort()).toEqual(docs.map((d) => d.filename).sort());
      const open = new Set((db.prepare("SELECT key FROM filings WHERE state = 'open'").all() as { key: string }[]).map((r) => r.key));
      expect(existsSync(join(env.DOCUMENTS_DIR, 'staging', 'deadbeefdeadbeef'))).toBe(false);
      for (const k of existsSync(join(env.DOCUMENTS_DIR, 'staging')) ? readdirSync(join(env.DOCUMENTS_DIR, 'staging')) : []) expect(open.has(k), k).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});
