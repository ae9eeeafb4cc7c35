import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The mock's own PDF writer: N real pages of Helvetica text, a valid cross-reference table,
 * the same bytes for the same spec, written as a stream of chunks (a 20 MB document never sits
 * in memory whole). Why our own rather than a library: it is a couple of hundred lines, adds no
 * dependency, its output is deterministic (a library stamps times and ids), and issue 13 needs a
 * matching small inspector for uploads (inspect.ts), which reads what this writes.
 *
 * Layout (PDF 1.7, ISO 32000-1 §7.5): header; object 1 the catalog, 2 the page tree, 3 the font,
 * 4 the document information; then for page k (from 0) object 5+2k the page and 6+2k its content
 * stream; the xref table; the trailer. Every character written is Latin-1, one byte each, so
 * offsets are counted in string lengths.
 */
export interface PdfSpec {
  pages: number;
  /** The document information's /Title. */
  title: string;
  /** The document information's /CreationDate, `D:YYYYMMDDHHmmSSZ` (from the filing date: no clock is read). */
  date: string;
  /** The stamp at the top of every page, before "Page k of N": "Case 1:26-cv-20001-KMW Document 12 Filed 01/12/26". */
  stamp: string;
  /** The lines each page shows under the stamp (the description first). */
  lines: string[];
  /**
   * Pad the file to exactly this many bytes (comment lines before `startxref`, which readers skip), so
   * a seeded document can have a realistic size. Ignored when below the natural size.
   */
  bytes?: number;
}

export const MAX_PAGES = 100_000;

const HEADER = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
const CHUNK = 64 * 1024;

/** Text as a PDF literal string: ASCII only (accents dropped, others as ?), with \ ( ) escaped. */
export function pdfString(text: string): string {
  const ascii = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

const SANDBOX_NOTE = ['This is a sandbox document made by mock-pacer, a mock of PACER and CM/ECF.', 'It is not a court record.'];

/** A page's content stream; only the page number changes from page to page, so the rest is escaped once per document. */
/** The sandbox note's lines as page content (never the first line, so always 11 pt), made once. */
let note: string | undefined;
const noteBody = () => (note ??= SANDBOX_NOTE.map((l) => `/F1 11 Tf\n0 -18 Td\n${pdfString(l)} Tj\n`).join(''));

function pageContents(spec: PdfSpec): (k: number) => string {
  const lines = [...spec.lines, ''];
  const body = lines.map((l, i) => `${i === 0 ? '/F1 14 Tf' : '/F1 11 Tf'}\n0 -${i === 0 ? 0 : 18} Td\n${pdfString(l)} Tj\n`).join('') + noteBody();
  const stamp = pdfString(spec.stamp).slice(0, -1);
  const after = `BT\n72 690 Td\n${body}ET\n`;
  return (k) => `BT\n/F1 9 Tf\n36 760 Td\n${stamp} Page ${k + 1} of ${spec.pages}) Tj\nET\n${after}`;
}

// The file's pieces, shared by the writer and the size arithmetic so the two cannot disagree.
const object = (n: number, body: string) => `${n} 0 obj\n${body}\nendobj\n`;
const CATALOG = object(1, '<< /Type /Catalog /Pages 2 0 R >>');
const FONT = object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
const info = (spec: PdfSpec) => object(4, `<< /Title ${pdfString(spec.title)} /Producer (mock-pacer) /CreationDate (${spec.date}) >>`);
const KIDS_OPEN = '2 0 obj\n<< /Type /Pages /Kids [';
const kid = (k: number) => `${k === 0 ? '' : ' '}${5 + 2 * k} 0 R`;
const kidsClose = (pages: number) => `] /Count ${pages} >>\nendobj\n`;
const pageObject = (k: number) =>
  object(5 + 2 * k, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * k} 0 R >>`);
const contentHead = (k: number, length: number) => `${6 + 2 * k} 0 obj\n<< /Length ${length} >>\nstream\n`;
const CONTENT_TAIL = 'endstream\nendobj\n';
const xrefHead = (size: number) => `xref\n0 ${size}\n0000000000 65535 f \n`;
const xrefEntry = (offset: number) => `${String(offset).padStart(10, '0')} 00000 n \n`;
const XREF_ENTRY = 20;
const trailer = (size: number) => `trailer\n<< /Size ${size} /Root 1 0 R /Info 4 0 R >>\n`;
const end = (xref: number) => `startxref\n${xref}\n%%EOF\n`;
const digits = (n: number) => String(n).length;
/** The fixed parts of a page's kid reference, page object and content head (their lengths less the numbers' digits). */
const KID_FIXED = kid(0).length - digits(5);
const PAGE_FIXED = pageObject(0).length - digits(5) - digits(6);
const HEAD_FIXED = contentHead(0, 0).length - digits(6) - digits(0);

function checkPages(spec: PdfSpec): void {
  if (!Number.isInteger(spec.pages) || spec.pages < 1 || spec.pages > MAX_PAGES) throw new RangeError(`pages must be 1-${MAX_PAGES}`);
}

/** Where the padding goes, and how long it is. */
interface Padding {
  pad: number;
}

/**
 * The file piece by piece; `pad` bytes of padding go between the trailer and `startxref`, where
 * they move no offset (padding earlier would, and the digits of the offsets with it).
 */
function* pieces(spec: PdfSpec, pad: number): Generator<string | Padding> {
  checkPages(spec);
  const offsets: number[] = [];
  let at = 0;
  const emit = (s: string) => {
    at += s.length;
    return s;
  };
  const start = (n: number) => {
    offsets[n] = at;
  };

  yield emit(HEADER);
  start(1);
  yield emit(CATALOG);
  start(2);
  yield emit(KIDS_OPEN);
  for (let k = 0; k < spec.pages; k++) yield emit(kid(k));
  yield emit(kidsClose(spec.pages));
  start(3);
  yield emit(FONT);
  start(4);
  yield emit(info(spec));
  const pageContent = pageContents(spec);
  for (let k = 0; k < spec.pages; k++) {
    start(5 + 2 * k);
    yield emit(pageObject(k));
    const content = pageContent(k);
    start(6 + 2 * k);
    yield emit(contentHead(k, content.length) + content + CONTENT_TAIL);
  }
  const size = 5 + 2 * spec.pages;
  const xref = at;
  yield emit(xrefHead(size));
  for (let n = 1; n < size; n++) yield emit(xrefEntry(offsets[n] ?? 0));
  yield emit(trailer(size));
  if (pad > 0) yield { pad };
  yield emit(end(xref));
}

/**
 * The size of the file `spec` describes, without padding, worked out without writing it: only the
 * page number changes from page to page, so one page's content gives every page's length.
 */
export function naturalPdfSize(spec: PdfSpec): number {
  checkPages(spec);
  const first = pageContents(spec)(0);
  let at = HEADER.length + CATALOG.length + KIDS_OPEN.length + kidsClose(spec.pages).length + FONT.length + info(spec).length;
  // Per page only the object numbers' and the length's digits vary: count them, build no strings
  // (the seeder sizes every sandbox document at start-up).
  for (let k = 0; k < spec.pages; k++) {
    const length = first.length - 1 + digits(k + 1);
    const page = digits(5 + 2 * k);
    const content = digits(6 + 2 * k);
    at += (k === 0 ? 0 : 1) + KID_FIXED + page + PAGE_FIXED + page + content + HEAD_FIXED + content + digits(length) + length + CONTENT_TAIL.length;
  }
  const size = 5 + 2 * spec.pages;
  return at + xrefHead(size).length + XREF_ENTRY * (size - 1) + trailer(size).length + end(at).length;
}

/** The exact size of the file `spec` describes: `spec.bytes` when that is at least the natural size. */
export function pdfSize(spec: PdfSpec): number {
  const natural = naturalPdfSize(spec);
  return spec.bytes !== undefined && spec.bytes > natural ? spec.bytes : natural;
}

const FILLER = '% mock-pacer sandbox document: padding to the document\'s recorded size ';
/** `n` bytes of comment lines (a single byte is a newline), which PDF readers skip. */
function* padding(n: number): Generator<string> {
  const line = `${FILLER.repeat(2).slice(0, 79)}\n`;
  const block = line.repeat(Math.floor(CHUNK / line.length));
  let left = n;
  while (left >= block.length) {
    yield block;
    left -= block.length;
  }
  while (left >= line.length) {
    yield line;
    left -= line.length;
  }
  if (left === 1) yield '\n';
  else if (left > 1) yield `%${'.'.repeat(left - 2)}\n`;
}

/** The file as Latin-1 chunks of about 64 KB. */
export function* pdfChunks(spec: PdfSpec): Generator<Buffer> {
  const natural = naturalPdfSize(spec);
  const pad = spec.bytes !== undefined && spec.bytes > natural ? spec.bytes - natural : 0;
  let buffered: string[] = [];
  let length = 0;
  const flush = () => {
    const out = Buffer.from(buffered.join(''), 'latin1');
    buffered = [];
    length = 0;
    return out;
  };
  for (const s of pieces(spec, pad)) {
    // The padding comes in blocks of its own, so a large one is never one string.
    if (typeof s !== 'string') {
      if (length > 0) yield flush();
      for (const p of padding(s.pad)) yield Buffer.from(p, 'latin1');
      continue;
    }
    buffered.push(s);
    length += s.length;
    if (length >= CHUNK) yield flush();
  }
  if (length > 0) yield flush();
}

/** Writes the file to `out` with backpressure, and ends it. */
export async function writePdf(spec: PdfSpec, out: NodeJS.WritableStream): Promise<void> {
  await pipeline(Readable.from(pdfChunks(spec)), out);
}
