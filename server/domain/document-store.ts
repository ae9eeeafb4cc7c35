import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { CourtCase } from '../../db/cases-repository.js';
import type { Court } from '../../db/courts-repository.js';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import { documentPdfSpec, type DocumentIdentity } from './pdf/document-pdf.js';
import { writePdf } from './pdf/pdf-writer.js';

/**
 * The documents on disk (DOCUMENTS_DIR). A generated document is written on its first request,
 * deterministically from its identity, to a temporary name and then renamed, so a reader never
 * sees half a file and two first requests write it once; after that it is streamed from disk.
 * Uploaded documents (issue 13) are files a filer sent, kept under `uploaded/`. Nothing here reads
 * a whole file into memory: callers get a read stream.
 *
 *   <dir>/generated/<court>-<serial>-<hash of what the PDF shows>.pdf
 *   <dir>/uploaded/<filename>
 */
export interface DocumentRef {
  court: Court;
  courtCase: CourtCase;
  entry: DocketEntry;
  document: CourtDocument;
}

/** What names a document's file: documents.files() rows. */
export interface DocumentFileName {
  court: string;
  serial: number;
  origin: 'generated' | 'uploaded';
  filename: string;
}

export interface OpenDocument {
  size: number;
  stream: ReadStream;
}

/** What a generated document shows and its recorded size (the writer pads to it). */
export function identityOf(ref: DocumentRef): DocumentIdentity {
  return {
    court: ref.court.code,
    bankruptcy: ref.court.kind === 'bankruptcy',
    caseNumber: ref.courtCase.numberFull,
    caseTitle: ref.courtCase.title,
    docNumber: ref.entry.docNumber ?? 0,
    attachment: ref.document.attachment,
    description: ref.document.description,
    filedOn: ref.entry.filedOn,
    pages: ref.document.pages,
    bytes: ref.document.bytes,
  };
}

const GENERATED = 'generated';
const UPLOADED = 'uploaded';
const GENERATED_NAME = /^([a-z]{2,8})-(\d+)-[0-9a-f]{12}\.pdf$/;

export interface DocumentStoreOptions {
  /** DOCUMENTS_DIR, or null for a temporary folder made on first use and removed by close(). */
  dir: string | null;
}

export function createDocumentStore(opts: DocumentStoreOptions) {
  let root = opts.dir;
  const temporary = opts.dir === null;
  const writing = new Map<string, Promise<void>>();
  // The sizes of generated files seen on disk: their names carry a hash of what they show, so a
  // file under a name never changes; a download then costs no stat. remove() and sweep() forget
  // the files they delete, and open() forgets one found missing (deleted by hand) and makes it again.
  const sizes = new Map<string, number>();

  function dir(): string {
    root ??= mkdtempSync(join(tmpdir(), 'mock-pacer-documents-'));
    return root;
  }
  const generatedPath = (ref: DocumentRef) => {
    const spec = documentPdfSpec(identityOf(ref));
    const hash = createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12);
    return { path: join(dir(), GENERATED, `${ref.court.code}-${ref.document.serial}-${hash}.pdf`), spec };
  };
  function uploadedPath(filename: string): string {
    // A stored name is ours (issue 13 makes them), but never let one reach outside the folder.
    if (filename === '' || basename(filename) !== filename || filename.startsWith('.')) throw new Error(`not a stored document name: ${filename}`);
    return join(dir(), UPLOADED, filename);
  }

  async function generate(path: string, spec: ReturnType<typeof documentPdfSpec>): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const temp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}.pdf`);
    try {
      await writePdf(spec, createWriteStream(temp));
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /** The document's file, made first if it is a generated one not yet on disk. */
  async function file(ref: DocumentRef): Promise<{ path: string; size: number }> {
    if (ref.document.origin === 'uploaded') {
      const path = uploadedPath(ref.document.filename);
      return { path, size: (await stat(path)).size };
    }
    const { path, spec } = generatedPath(ref);
    const known = sizes.get(path);
    if (known !== undefined) return { path, size: known };
    const existing = await stat(path).catch(() => null);
    if (!existing) {
      let pending = writing.get(path);
      if (!pending) {
        pending = generate(path, spec).finally(() => writing.delete(path));
        writing.set(path, pending);
      }
      await pending;
    }
    const size = existing?.size ?? (await stat(path)).size;
    sizes.set(path, size);
    return { path, size };
  }

  /** A read stream already open (so a missing file is an error here, before any header is sent). */
  async function opened(path: string): Promise<ReadStream> {
    const stream = createReadStream(path);
    await once(stream, 'ready');
    return stream;
  }

  /** Deletes a file (gone already is fine) and its remembered size. */
  function forget(path: string): Promise<void> {
    sizes.delete(path);
    return unlink(path).catch(() => undefined);
  }

  async function listing(sub: string): Promise<string[]> {
    if (root === null) return [];
    return readdir(join(root, sub)).catch(() => []);
  }

  return {
    /** The folder (made now if it is a temporary one). */
    get dir(): string {
      return dir();
    },
    file,
    /** A read stream of the document's PDF and its size. */
    async open(ref: DocumentRef): Promise<OpenDocument> {
      const { path, size } = await file(ref);
      try {
        return { size, stream: await opened(path) };
      } catch (err) {
        if (ref.document.origin === 'uploaded' || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        sizes.delete(path);
        const again = await file(ref);
        return { size: again.size, stream: await opened(again.path) };
      }
    },
    /** Where an uploaded document's file lives (issue 13 writes it there). */
    uploadedPath,
    /** Removes the files of these documents (a deleted case's). */
    async remove(files: readonly DocumentFileName[]): Promise<void> {
      const serials = new Set(files.filter((f) => f.origin === 'generated').map((f) => `${f.court}-${f.serial}`));
      const uploads = files.filter((f) => f.origin === 'uploaded' && f.filename !== '').map((f) => f.filename);
      await Promise.all([
        ...(await listing(GENERATED)).filter((n) => serials.has(GENERATED_NAME.exec(n)?.slice(1, 3).join('-') ?? '')).map((n) => forget(join(dir(), GENERATED, n))),
        ...uploads.map((n) => unlink(uploadedPath(n)).catch(() => undefined)),
      ]);
    },
    /**
     * Removes every file no document row names any more (after a reset): uploaded files not in
     * `keep`, and generated ones whose court and serial no document has. Returns how many went.
     */
    async sweep(keep: readonly DocumentFileName[]): Promise<number> {
      const serials = new Set(keep.filter((f) => f.origin === 'generated').map((f) => `${f.court}-${f.serial}`));
      const uploads = new Set(keep.filter((f) => f.origin === 'uploaded').map((f) => f.filename));
      const stale = [
        ...(await listing(GENERATED))
          .filter((n) => {
            const m = GENERATED_NAME.exec(n);
            return m !== null && !serials.has(`${m[1]}-${m[2]}`);
          })
          .map((n) => join(GENERATED, n)),
        ...(await listing(UPLOADED)).filter((n) => !n.startsWith('.') && !uploads.has(n)).map((n) => join(UPLOADED, n)),
      ];
      await Promise.all(stale.map((p) => forget(join(dir(), p))));
      return stale.length;
    },
    /** A temporary folder goes; DOCUMENTS_DIR stays. */
    async close(): Promise<void> {
      await Promise.allSettled(writing.values());
      if (temporary && root !== null) await rm(root, { recursive: true, force: true });
    },
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
