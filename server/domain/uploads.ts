import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { constants as zlibConstants, inflateSync } from 'node:zlib';

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

/** `stream` followed by its end of line (CRLF or LF, ISO 32000 7.3.8.1), not the end of `endstream`. */
const STREAM_KEYWORD = /(?<![A-Za-z])stream(?:\r\n|\n)/g;
const OBJSTM = /\/Type\s*\/ObjStm(?![A-Za-z0-9])/;
const FLATE = /\/FlateDecode(?![A-Za-z0-9])/;
/**
 * Object streams hold only dictionaries and arrays: real ones are kilobytes packed, a few times
 * that unpacked. One beyond these bounds (or a decompression bomb) cannot be read through, so the
 * file is refused as not well-formed rather than passed unread.
 */
const OBJSTM_CAP = 16 * 1024 * 1024;
const OBJSTM_UNPACKED_CAP = 64 * 1024 * 1024;
const DICT_WINDOW = 2048;

/**
 * Finds the compressed object streams (`/Type /ObjStm`, PDF 1.5) as the bytes go by and hands
 * each one's unpacked text to `onText`. Most PDFs written since 2005 (Word, Acrobat, pdf-lib,
 * Ghostscript) keep their page dictionaries, actions and name trees there: a scan of the raw
 * bytes alone would find no pages in them (and call them not well-formed) and miss a script.
 * Only object streams are collected, one at a time, so memory stays small whatever the upload.
 */
class ObjectStreams {
  private window = '';
  private parts: Buffer[] | null = null;
  private size = 0;
  private flate = false;
  private endCarry = '';
  /** An object stream too large to read through was met. */
  oversized = false;

  constructor(private readonly onText: (text: string) => void) {}

  /** `chunk` and `latin1`, the same bytes as text (one character a byte, so offsets agree). */
  push(chunk: Buffer, latin1: string): void {
    let rest = chunk;
    let restText = latin1;
    while (rest.length > 0) {
      if (this.parts) {
        const seen = this.endCarry + restText;
        const at = seen.indexOf('endstream');
        if (at < 0) {
          this.keep(rest);
          this.endCarry = seen.slice(-8);
          return;
        }
        const inRest = at - this.endCarry.length;
        if (inRest > 0) this.keep(rest.subarray(0, inRest));
        this.finish(inRest < 0 ? -inRest : 0);
        const next = Math.max(0, inRest + 'endstream'.length);
        rest = rest.subarray(next);
        restText = restText.slice(next);
        continue;
      }
      const text = this.window + restText;
      let start = -1;
      for (const m of text.matchAll(STREAM_KEYWORD)) {
        const end = m.index + m[0].length;
        if (end <= this.window.length) continue;
        const before = text.slice(Math.max(0, m.index - DICT_WINDOW), m.index);
        const dict = before.slice(Math.max(0, before.lastIndexOf(' obj')));
        if (!OBJSTM.test(dict)) continue;
        this.flate = FLATE.test(dict);
        start = end - this.window.length;
        break;
      }
      if (start < 0) {
        this.window = text.slice(-DICT_WINDOW);
        return;
      }
      this.parts = [];
      this.size = 0;
      this.endCarry = '';
      this.window = '';
      rest = rest.subarray(start);
      restText = restText.slice(start);
    }
  }

  private keep(bytes: Buffer): void {
    if (!this.parts) return;
    this.size += bytes.length;
    if (this.size > OBJSTM_CAP) {
      this.parts = null;
      this.oversized = true;
    } else this.parts.push(Buffer.from(bytes));
  }

  /** The object stream ended (`drop` bytes of `endstream` had been kept): unpack and hand it on. */
  private finish(drop: number): void {
    const parts = this.parts;
    this.parts = null;
    this.endCarry = '';
    if (!parts) return;
    let data = Buffer.concat(parts);
    data = data.subarray(0, Math.max(0, data.length - drop));
    let end = data.length;
    while (end > 0 && (data[end - 1] === 0x0a || data[end - 1] === 0x0d)) end--;
    data = data.subarray(0, end);
    try {
      const text = this.flate ? inflateSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: OBJSTM_UNPACKED_CAP }) : data;
      this.onText(text.toString('latin1'));
    } catch (err) {
      // Too large unpacked: refused. Otherwise damaged: its objects stay unread, as in a reader.
      if (err instanceof RangeError) this.oversized = true;
    }
  }
}

/** The scan's state as the bytes go by (latin1: one character a byte). */
class PdfScan {
  private carry = '';
  private head = '';
  private tail = '';
  private readonly objectStreams = new ObjectStreams((text) => this.scanText(text, 0));
  pages = 0;
  counted = 0;
  active = false;
  encrypted = false;

  push(chunk: Buffer): void {
    const s = chunk.toString('latin1');
    if (this.head.length < 1024) this.head += s.slice(0, 1024 - this.head.length);
    const text = this.carry + s;
    this.scanText(text, this.carry.length);
    this.objectStreams.push(chunk, s);
    this.carry = text.slice(-CARRY);
    this.tail = (this.tail + s).slice(-TAIL);
  }

  /** Looks for the markers in `text`; a page match wholly inside its first `seen` characters was counted before. */
  private scanText(text: string, seen: number): void {
    if (!this.active && ACTIVE.test(text)) this.active = true;
    if (!this.encrypted && ENCRYPT.test(text)) this.encrypted = true;
    for (const m of text.matchAll(PAGE)) if (m.index + m[0].length > seen) this.pages++;
    for (const m of text.matchAll(COUNT)) this.counted = Math.max(this.counted, Number(m[1] ?? m[2]));
  }

  /** The refusal, or null for an acceptable PDF. */
  verdict(bytes: number): string | null {
    if (bytes === 0) return EMPTY_FILE;
    // Fidelity: a PDF starts with %PDF-n.n (within its first 1024 bytes, as readers allow) and ends with %%EOF.
    if (!/%PDF-\d\.\d/.test(this.head) || !/startxref\s+\d+\s+%%EOF\s*$/.test(this.tail)) return PDF_REFUSALS.notWellFormed;
    if (this.objectStreams.oversized) return PDF_REFUSALS.notWellFormed;
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
 * Removes the staging folders of filings no longer open (abandoned, or cut off by a restart).
 * Uploaded files no document names are the document store's to sweep (document-store.ts sweep()).
 */
export async function sweepStaging(documentsDir: string, openFilingKeys: ReadonlySet<string>): Promise<string[]> {
  const gone: string[] = [];
  for (const n of await readdir(join(documentsDir, STAGING)).catch(() => [] as string[])) {
    if (openFilingKeys.has(n)) continue;
    await rm(join(documentsDir, STAGING, n), { recursive: true, force: true });
    gone.push(join(STAGING, n));
  }
  return gone;
}
