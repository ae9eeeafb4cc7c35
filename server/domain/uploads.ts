import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * A filing's uploads (issue 13): each file streams from the request into the filing's staging
 * folder (`<DOCUMENTS_DIR>/staging/<filing key>/`) while it arrives, never buffered whole, and
 * is checked as it passes: the court's size limit (writing stops at the first byte over it), and
 * what makes a PDF acceptable (a scan of the bytes in passing: the header, the end-of-file
 * marker, encryption, scripts and launch actions, embedded files, the page objects). A refused
 * file is deleted at once: nothing of a refusal is kept. The commit moves accepted files to
 * `uploaded/` (document-store.ts serves them from there).
 *
 * Fidelity (filing-and-reports.md A.5; OKED's "Check PDF Document" utility): the three refusal
 * texts are the real ones, word for word. The over-size and empty-file texts are not public:
 * ours (README, invented names).
 */
export const PDF_REFUSALS = {
  externalAction: 'The document contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted.',
  notWellFormed: 'The document is not a well-formed PDF document (no further information is available). This PDF document cannot be accepted.',
  security: 'The document has security measures in effect, such as password protection or access restrictions. This PDF document cannot be accepted.',
} as const;

/** Invented: the real over-size text is not public ("it will be rejected", NJD). */
export const tooLargeText = (maxBytes: number) =>
  `The document is larger than this court accepts (${Math.floor(maxBytes / (1024 * 1024))} MB per PDF). Split it into smaller documents and attach them separately.`;

/** Invented: an empty file (no bytes at all). */
export const EMPTY_FILE = 'The document is empty (0 bytes). This PDF document cannot be accepted.';

export const STAGING = 'staging';
export const UPLOADED = 'uploaded';

/** What a staged file is, once it has streamed in whole. */
export interface StagedFile {
  /** Its name in the filing's staging folder. */
  staged: string;
  bytes: number;
  sha256: string;
  pages: number;
}

export type StageResult = { ok: true; file: StagedFile } | { ok: false; problem: string };

/** A filing's staging folder. Keys are ours (hex), never a path. */
export function stagingDir(documentsDir: string, filingKey: string): string {
  if (!/^[0-9a-f]{8,64}$/.test(filingKey)) throw new Error(`not a filing key: ${filingKey}`);
  return join(documentsDir, STAGING, filingKey);
}

/**
 * What the PDF scan looks for. `/JS` and `/JavaScript` (scripts), `/Launch` (launch actions),
 * `/EmbeddedFile`(s) and `/RichMedia` (internal attachments, audio/video): "code which may cause
 * an external action"; `/Encrypt` in a trailer or xref stream: "security measures".
 */
const ACTIVE = /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|SubmitForm|ImportData)(?![A-Za-z0-9])/;
const ENCRYPT = /\/Encrypt(?![A-Za-z0-9])/;
const PAGE = /\/Type\s*\/Page(?![A-Za-z0-9])/g;
const COUNT = /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages/g;
/** Long enough to hold any token above across a chunk boundary. */
const CARRY = 64;
const TAIL = 1024;

/** The scan's state as the bytes go by (latin1: one character a byte). */
class PdfScan {
  private carry = '';
  private head = '';
  private tail = '';
  pages = 0;
  counted = 0;
  active = false;
  encrypted = false;

  push(chunk: Buffer): void {
    const s = chunk.toString('latin1');
    if (this.head.length < 1024) this.head += s.slice(0, 1024 - this.head.length);
    const text = this.carry + s;
    if (!this.active && ACTIVE.test(text)) this.active = true;
    if (!this.encrypted && ENCRYPT.test(text)) this.encrypted = true;
    // A match wholly inside the carried part was counted with the chunk before.
    for (const m of text.matchAll(PAGE)) if (m.index + m[0].length > this.carry.length) this.pages++;
    for (const m of text.matchAll(COUNT)) this.counted = Math.max(this.counted, Number(m[1] ?? m[2]));
    this.carry = text.slice(-CARRY);
    this.tail = (this.tail + s).slice(-TAIL);
  }

  /** The refusal, or null for an acceptable PDF. */
  verdict(bytes: number): string | null {
    if (bytes === 0) return EMPTY_FILE;
    // Fidelity: a PDF starts with %PDF-n.n (within its first 1024 bytes, as readers allow) and ends with %%EOF.
    if (!/%PDF-\d\.\d/.test(this.head) || !/startxref\s+\d+\s+%%EOF\s*$/.test(this.tail)) return PDF_REFUSALS.notWellFormed;
    if (this.encrypted) return PDF_REFUSALS.security;
    if (this.active) return PDF_REFUSALS.externalAction;
    if (this.pages === 0 && this.counted === 0) return PDF_REFUSALS.notWellFormed;
    return null;
  }
}

/** Checks a whole PDF in memory (tests, small files): the same scan as a streamed upload. */
export function pdfProblem(file: Buffer): string | null {
  const scan = new PdfScan();
  for (let at = 0; at < file.length; at += 64 * 1024) scan.push(file.subarray(at, at + 64 * 1024));
  return scan.verdict(file.length);
}

/**
 * Streams one upload into `dir`, checking it in passing. Over the limit, writing stops and the
 * rest of the part is read and dropped (the request must still be read to its end); a refused
 * file is deleted before this returns. `truncated()` says whether the parser cut the part at its
 * own limit (also over-size).
 */
export async function stageUpload(source: Readable, opts: { dir: string; maxBytes: number; truncated?: () => boolean }): Promise<StageResult> {
  await mkdir(opts.dir, { recursive: true });
  const staged = `${randomBytes(8).toString('hex')}.pdf`;
  const path = join(opts.dir, staged);
  const hash = createHash('sha256');
  const scan = new PdfScan();
  let bytes = 0;
  let over = false;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (over) return done();
      bytes += chunk.length;
      if (bytes > opts.maxBytes) {
        over = true;
        return done();
      }
      hash.update(chunk);
      scan.push(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, check, createWriteStream(path));
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  const problem = over || opts.truncated?.() ? tooLargeText(opts.maxBytes) : scan.verdict(bytes);
  if (problem) {
    await rm(path, { force: true });
    return { ok: false, problem };
  }
  return { ok: true, file: { staged, bytes, sha256: hash.digest('hex'), pages: Math.max(scan.pages, scan.counted, 1) } };
}

/** Removes staged files (a refused or replaced upload). */
export async function removeStaged(dir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => unlink(join(dir, basename(n))).catch(() => undefined)));
}

/** Removes a filing's whole staging folder (abandoned, committed, swept). */
export async function removeStagingDir(documentsDir: string, filingKey: string): Promise<void> {
  await rm(stagingDir(documentsDir, filingKey), { recursive: true, force: true });
}

/**
 * The commit's first half, before its transaction: staged files renamed into `uploaded/` under
 * their final names (a rename within one folder tree: atomic). Returns the undo.
 */
export async function moveToUploaded(documentsDir: string, moves: readonly { from: string; to: string }[]): Promise<() => Promise<void>> {
  await mkdir(join(documentsDir, UPLOADED), { recursive: true });
  const done: { from: string; to: string }[] = [];
  const undo = async () => {
    for (const m of done.reverse()) await rename(m.to, m.from).catch(() => undefined);
  };
  try {
    for (const m of moves) {
      await rename(m.from, m.to);
      done.push(m);
    }
  } catch (err) {
    await undo();
    throw err;
  }
  return undo;
}

/**
 * The start-up sweep: uploaded files no document row names (a crash between the move and the
 * commit left them), and staging folders of filings no longer open. Returns what went.
 */
export async function sweepUploads(documentsDir: string, keepUploaded: ReadonlySet<string>, openFilingKeys: ReadonlySet<string>): Promise<string[]> {
  const gone: string[] = [];
  for (const n of await readdir(join(documentsDir, UPLOADED)).catch(() => [] as string[])) {
    if (n.startsWith('.') || keepUploaded.has(n)) continue;
    await unlink(join(documentsDir, UPLOADED, n)).catch(() => undefined);
    gone.push(join(UPLOADED, n));
  }
  for (const n of await readdir(join(documentsDir, STAGING)).catch(() => [] as string[])) {
    if (openFilingKeys.has(n)) continue;
    await rm(join(documentsDir, STAGING, n), { recursive: true, force: true });
    gone.push(join(STAGING, n));
  }
  return gone;
}
