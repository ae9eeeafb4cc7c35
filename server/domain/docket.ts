import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import { formatDocId } from './doc-ids.js';
import { isoDayToUs } from './us-dates.js';

/**
 * A docket as reports show it: which entries a request selects and in what order, when the report
 * warns that a docket is large, and each entry's text with its links. Pure: the pages
 * (server/ecf/reports/) read the rows and render these.
 *
 * Fidelity (juriscraper DocketReport.query and ERROR_STRINGS; captured dockets/district/*,
 * dockets/not_dockets/*): a report filters on the date filed or entered and on document numbers,
 * and sorts oldest first, most recent first, or by document number; a request for a docket of
 * more than 300 entries with no date range gets "The report may take a long time to run ...".
 */

/** Fidelity: CM/ECF 4.1.1 asks before running a report of more than 300 entries. */
export const LARGE_DOCKET_ENTRIES = 300;

/** Fidelity: the real error texts juriscraper recognises (docket_report.py ERROR_STRINGS). */
export const START_AFTER_END = 'The start date must be less than or equal to the end date';
export const NUMBER_RANGE_BACKWARDS = 'The starting document number must be less than or equal to the ending document number';
/** Invented: the real report's wording for an unreadable date or document number is not public. */
export const BAD_DATE = 'Enter dates as mm/dd/yyyy.';
export const BAD_NUMBER = 'Document numbers must be whole numbers.';

export type DocketSort = 'oldest' | 'newest' | 'numberAsc' | 'numberDesc';

/**
 * Fidelity: the `sort1` values: the form's "oldest date first", "most recent date first",
 * "document number ascending", "document number descending", and juriscraper's "document number".
 * Anything else sorts oldest first, the form's default.
 */
export function parseSort(sort1: string): DocketSort {
  switch (sort1.trim().toLowerCase()) {
    case 'most recent date first':
      return 'newest';
    case 'document number':
    case 'document number ascending':
      return 'numberAsc';
    case 'document number descending':
      return 'numberDesc';
    default:
      return 'oldest';
  }
}

export interface DocketCriteria {
  /** Which date the range applies to (`date_range_type` Filed | Entered; bankruptcy `date_type`). */
  dateType: 'filed' | 'entered';
  /** YYYY-MM-DD, inclusive; null when open at that end. */
  from: string | null;
  to: string | null;
  numberFrom: number | null;
  numberTo: number | null;
  sort: DocketSort;
}

/** The report form's fields as posted (`date_from`, `date_to`, `date_range_type`, `documents_numbered_from_`, `documents_numbered_to_`, `sort1`). */
export interface DocketForm {
  dateFrom: string;
  dateTo: string;
  dateType: string;
  numberFrom: string;
  numberTo: string;
  sort: string;
}

/**
 * "m/d/yyyy" as YYYY-MM-DD; null when empty; undefined when it is not a real date. Years before
 * 1970 are dates too: juriscraper sends `date_from=1/1/1960` with every report (us-dates.ts's
 * parser stops at 1970, which billing needs and a docket must not).
 */
function day(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return undefined;
  const [month, date, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, date));
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) return undefined;
  return d.toISOString().slice(0, 10);
}

function docNumber(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,9}$/.test(t) ? Number(t) : undefined;
}

/** Checks a report request; the error is the page's text. */
export function docketCriteria(form: DocketForm): { ok: true; criteria: DocketCriteria } | { ok: false; error: string } {
  const from = day(form.dateFrom);
  const to = day(form.dateTo);
  if (from === undefined || to === undefined) return { ok: false, error: BAD_DATE };
  if (from !== null && to !== null && from > to) return { ok: false, error: START_AFTER_END };
  const numberFrom = docNumber(form.numberFrom);
  const numberTo = docNumber(form.numberTo);
  if (numberFrom === undefined || numberTo === undefined) return { ok: false, error: BAD_NUMBER };
  if (numberFrom !== null && numberTo !== null && numberFrom > numberTo) return { ok: false, error: NUMBER_RANGE_BACKWARDS };
  const dateType = form.dateType.trim().toLowerCase() === 'entered' ? 'entered' : 'filed';
  return { ok: true, criteria: { dateType, from, to, numberFrom, numberTo, sort: parseSort(form.sort) } };
}

/** Whether the request names a date range (juriscraper always sends `date_from`, which keeps it clear of the warning). */
export const hasDateRange = (c: DocketCriteria): boolean => c.from !== null || c.to !== null;

/** Fidelity: more than 300 entries selected and no date range: the "may take a long time" page instead of the report. */
export function needsLargeDocketWarning(selected: number, c: DocketCriteria): boolean {
  return selected > LARGE_DOCKET_ENTRIES && !hasDateRange(c);
}

/**
 * The entries a report shows, in its order. A document-number range leaves out entries without a
 * number. Sorting by number keeps an unnumbered entry after the numbered one it follows, so a
 * minute order stays beside the motion it decides.
 */
export function selectEntries(entries: readonly DocketEntry[], c: DocketCriteria): DocketEntry[] {
  const dateOf = (e: DocketEntry) => (c.dateType === 'entered' ? e.enteredOn : e.filedOn);
  const bySeq = [...entries].sort((a, b) => a.seq - b.seq);
  // The number each entry sorts under: its own, or the last one before it.
  const sortNumber = new Map<number, number>();
  let last = 0;
  for (const e of bySeq) {
    if (e.docNumber !== null) last = e.docNumber;
    sortNumber.set(e.id, last);
  }
  const chosen = bySeq.filter((e) => {
    const d = dateOf(e);
    if (c.from !== null && d < c.from) return false;
    if (c.to !== null && d > c.to) return false;
    if (c.numberFrom !== null || c.numberTo !== null) {
      if (e.docNumber === null) return false;
      if (c.numberFrom !== null && e.docNumber < c.numberFrom) return false;
      if (c.numberTo !== null && e.docNumber > c.numberTo) return false;
    }
    return true;
  });
  const byDate = (a: DocketEntry, b: DocketEntry) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.seq - b.seq);
  const byNumber = (a: DocketEntry, b: DocketEntry) => (sortNumber.get(a.id) ?? 0) - (sortNumber.get(b.id) ?? 0) || a.seq - b.seq;
  switch (c.sort) {
    case 'oldest':
      return chosen.sort(byDate);
    case 'newest':
      return chosen.sort((a, b) => byDate(b, a));
    case 'numberAsc':
      return chosen.sort(byNumber);
    case 'numberDesc':
      return chosen.sort((a, b) => byNumber(b, a));
  }
}

// ---------------------------------------------------------------- documents and links

/** An entry's main document and its attachments. */
export interface EntryDocuments {
  main: CourtDocument | null;
  attachments: CourtDocument[];
}

/** A case's documents (documents.forCase) by entry row id. */
export function documentsByEntry(docs: readonly CourtDocument[]): Map<number, EntryDocuments> {
  const out = new Map<number, EntryDocuments>();
  for (const d of docs) {
    const group = out.get(d.entryId) ?? { main: null, attachments: [] };
    if (d.attachment === 0) group.main = d;
    else group.attachments.push(d);
    out.set(d.entryId, group);
  }
  for (const g of out.values()) g.attachments.sort((a, b) => a.attachment - b.attachment);
  return out;
}

/** What a document link carries: the doc1 id (`/doc1/<docId>`) and the goDLS de_seq_num. */
export interface DocLink {
  docId: string;
  seq: number;
}

/**
 * The link of an entry's number: to the attachment menu (fourth digit 0) when the main document
 * has attachments, else to the document (1). Fidelity (captured dcd_3): a sealed document's
 * number is shown without a link; a restricted one keeps its link (the document page refuses it).
 */
export function entryLink(entry: DocketEntry, docs: EntryDocuments | undefined, prefix: string): DocLink | null {
  const main = docs?.main;
  if (!main || main.sealed || entry.sealed) return null;
  return { docId: formatDocId(prefix, main.serial, (docs?.attachments.length ?? 0) > 0), seq: entry.seq };
}

/** An attachment's own link: always to the document (fourth digit 1), as the captured dockets have it. */
export function attachmentLink(entry: DocketEntry, doc: CourtDocument, prefix: string): DocLink | null {
  if (doc.sealed || entry.sealed) return null;
  return { docId: formatDocId(prefix, doc.serial, false), seq: entry.seq };
}

/** One piece of an entry's text: plain, or a number linked to a document. */
export interface TextPart {
  text: string;
  link?: DocLink;
}

/** `[[n]]` in stored text: a reference to entry number n. */
const REFERENCE = /\[\[(\d{1,9})\]\]/g;

/** The document numbers an entry's text refers to. */
export function references(text: string): number[] {
  return [...text.matchAll(REFERENCE)].map((m) => Number(m[1]));
}

export interface DocketTextContext {
  docs: EntryDocuments | undefined;
  /** The court's doc1 prefix. */
  prefix: string;
  /** The link of entry number n, or null (not in the case, no document, sealed). */
  refLink: (n: number) => DocLink | null;
}

/**
 * An entry's whole docket text, in parts: the stored text with each `[[n]]` as the linked number
 * n; then "(Attachments: # 1 Exhibit A, # 2 ...)" with each number linked; then the filer in
 * parentheses; then "(Entered: mm/dd/yyyy)". Fidelity (captured nyed.html, txsd_1.html): "...
 * filed by Samuel Weber. (Attachments: # 1 Proposed Summons, # 2 Civil Cover Sheet) (Fishbein,
 * Adam) (Entered: 12/29/2014)"; "ORDER granting 5 motion ..." with 5 linked.
 */
export function docketTextParts(entry: DocketEntry, ctx: DocketTextContext): TextPart[] {
  const parts: TextPart[] = [];
  const push = (p: TextPart) => {
    const prev = parts[parts.length - 1];
    if (!p.link && prev && !prev.link) prev.text += p.text;
    else if (p.text !== '') parts.push(p);
  };
  let at = 0;
  for (const m of entry.text.matchAll(REFERENCE)) {
    push({ text: entry.text.slice(at, m.index) });
    const n = Number(m[1]);
    const link = ctx.refLink(n);
    push(link ? { text: String(n), link } : { text: String(n) });
    at = m.index + m[0].length;
  }
  push({ text: entry.text.slice(at) });

  const attachments = ctx.docs?.attachments ?? [];
  if (attachments.length > 0) {
    push({ text: ' (Attachments: ' });
    attachments.forEach((d, i) => {
      push({ text: `${i === 0 ? '' : ', '}# ` });
      const link = attachmentLink(entry, d, ctx.prefix);
      push(link ? { text: String(d.attachment), link } : { text: String(d.attachment) });
      push({ text: d.description ? ` ${d.description}` : '' });
    });
    push({ text: ')' });
  }
  if (entry.filer) push({ text: ` (${entry.filer})` });
  push({ text: ` (Entered: ${isoDayToUs(entry.enteredOn)})` });
  return parts;
}

/** The same text without links, as a client reads it (juriscraper's `description`). */
export const plainText = (parts: readonly TextPart[]): string => parts.map((p) => p.text).join('');

/**
 * The `[[n]]` resolver over a case's docket: entry number n's link (the first entry with that
 * number), or null.
 */
export function referenceLinks(entries: readonly DocketEntry[], docs: ReadonlyMap<number, EntryDocuments>, prefix: string): (n: number) => DocLink | null {
  const byNumber = new Map<number, DocketEntry>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) if (e.docNumber !== null && !byNumber.has(e.docNumber)) byNumber.set(e.docNumber, e);
  return (n) => {
    const e = byNumber.get(n);
    return e ? entryLink(e, docs.get(e.id), prefix) : null;
  };
}
