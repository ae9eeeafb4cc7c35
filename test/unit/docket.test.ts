import { describe, expect, it } from 'vitest';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import {
  BAD_DATE,
  docketCriteria,
  docketTextParts,
  documentsByEntry,
  entryLink,
  LARGE_DOCKET_ENTRIES,
  needsLargeDocketWarning,
  NUMBER_RANGE_BACKWARDS,
  parseSort,
  plainText,
  referenceLinks,
  selectEntries,
  START_AFTER_END,
  type DocketForm,
} from '../../server/domain/docket.js';

let nextId = 1;
const entry = (seq: number, docNumber: number | null, filedOn: string, more: Partial<DocketEntry> = {}): DocketEntry => ({
  id: nextId++,
  caseId: 1,
  seq,
  docNumber,
  filedOn,
  enteredOn: filedOn,
  text: `Entry ${seq}`,
  filer: '',
  kind: '',
  shortDescription: '',
  restricted: false,
  sealed: false,
  ...more,
});
const doc = (entryId: number, attachment: number, serial: number, more: Partial<CourtDocument> = {}): CourtDocument => ({
  id: serial,
  court: 'flsd',
  entryId,
  attachment,
  serial,
  pages: 2,
  bytes: 2000,
  description: attachment === 0 ? 'Main Document' : `Exhibit ${attachment}`,
  sealed: false,
  restricted: false,
  origin: 'generated',
  filename: '',
  originalName: '',
  ...more,
});

const form = (more: Partial<DocketForm> = {}): DocketForm => ({ dateFrom: '', dateTo: '', dateType: 'Filed', numberFrom: '', numberTo: '', sort: '', ...more });
const criteria = (more: Partial<DocketForm> = {}) => {
  const c = docketCriteria(form(more));
  if (!c.ok) throw new Error(c.error);
  return c.criteria;
};

// A docket as CM/ECF keeps it: seq order, a minute order after the motion it decides, one entry entered late.
const docket = [
  entry(1, 1, '2026-01-12'),
  entry(3, null, '2026-01-12'),
  entry(4, 2, '2026-01-13'),
  entry(6, 3, '2026-02-02', { enteredOn: '2026-02-05' }),
  entry(8, null, '2026-02-03'),
  entry(9, 4, '2026-01-30'),
];
const seqs = (list: DocketEntry[]) => list.map((e) => e.seq);

describe('a report request', () => {
  it('reads the sort orders the form and juriscraper send', () => {
    expect(['oldest date first', 'most recent date first', 'document number ascending', 'document number', 'document number descending', 'Most Recent Date First', 'x'].map(parseSort)).toEqual([
      'oldest',
      'newest',
      'numberAsc',
      'numberAsc',
      'numberDesc',
      'newest',
      'oldest',
    ]);
  });

  it("answers the real error texts for ranges backwards, and ours for what it cannot read", () => {
    expect(docketCriteria(form({ dateFrom: '02/01/2026', dateTo: '01/01/2026' }))).toEqual({ ok: false, error: START_AFTER_END });
    expect(docketCriteria(form({ numberFrom: '9', numberTo: '3' }))).toEqual({ ok: false, error: NUMBER_RANGE_BACKWARDS });
    expect(docketCriteria(form({ dateFrom: '2026-01-01' }))).toEqual({ ok: false, error: BAD_DATE });
    expect(docketCriteria(form({ dateTo: '02/30/2026' }))).toEqual({ ok: false, error: BAD_DATE });
    expect(docketCriteria(form({ numberFrom: '1e3' })).ok).toBe(false);
    // juriscraper's big-docket workaround is a plain date.
    expect(criteria({ dateFrom: '1/1/1960', sort: 'oldest date first' })).toMatchObject({ from: '1960-01-01', to: null, dateType: 'filed' });
    expect(criteria({ dateType: 'Entered' }).dateType).toBe('entered');
  });
});

describe('selecting and sorting entries', () => {
  it('sorts oldest first by date filed (then seq), newest first as its reverse', () => {
    expect(seqs(selectEntries(docket, criteria()))).toEqual([1, 3, 4, 9, 6, 8]);
    expect(seqs(selectEntries(docket, criteria({ sort: 'most recent date first' })))).toEqual([8, 6, 9, 4, 3, 1]);
  });

  it('sorts by number keeping an unnumbered entry after the numbered one before it', () => {
    expect(seqs(selectEntries(docket, criteria({ sort: 'document number' })))).toEqual([1, 3, 4, 6, 8, 9]);
    expect(seqs(selectEntries(docket, criteria({ sort: 'document number descending' })))).toEqual([9, 8, 6, 4, 3, 1]);
  });

  it('filters on the date filed or entered, inclusive, and on document numbers (leaving out unnumbered entries)', () => {
    expect(seqs(selectEntries(docket, criteria({ dateFrom: '01/13/2026', dateTo: '02/02/2026' })))).toEqual([4, 9, 6]);
    expect(seqs(selectEntries(docket, criteria({ dateFrom: '02/04/2026', dateType: 'Entered' })))).toEqual([6]);
    expect(seqs(selectEntries(docket, criteria({ numberFrom: '2', numberTo: '3' })))).toEqual([4, 6]);
    expect(seqs(selectEntries(docket, criteria({ numberFrom: '4' })))).toEqual([9]);
  });

  it('warns before a report of more than 300 entries only when no date range is given', () => {
    expect(needsLargeDocketWarning(LARGE_DOCKET_ENTRIES, criteria())).toBe(false);
    expect(needsLargeDocketWarning(LARGE_DOCKET_ENTRIES + 1, criteria())).toBe(true);
    expect(needsLargeDocketWarning(LARGE_DOCKET_ENTRIES + 1, criteria({ dateFrom: '1/1/1960' }))).toBe(false);
    expect(needsLargeDocketWarning(LARGE_DOCKET_ENTRIES + 1, criteria({ dateTo: '12/31/2026' }))).toBe(false);
  });
});

describe('docket text', () => {
  const complaint = entry(11, 1, '2026-01-12', { text: 'COMPLAINT against Sunshine Marine Supply, LLC, filed by Carmen Alvarez.', filer: 'Ruiz Ramos, Elena' });
  const motion = entry(13, 4, '2026-02-02', { text: 'MOTION to Dismiss [[1]] Complaint by Sunshine Marine Supply, LLC.', filer: 'Pell, Gregory' });
  const order = entry(14, null, '2026-02-03', { text: 'ORDER granting [[4]] Motion to Dismiss and [[9]] (not in the case).', filer: 'mtk', enteredOn: '2026-02-04' });
  const sealed = entry(15, 5, '2026-02-05', { text: 'SEALED DOCUMENT', sealed: true });
  const entries = [complaint, motion, order, sealed];
  const docs = documentsByEntry([
    doc(complaint.id, 0, 15100001),
    doc(complaint.id, 2, 15100003, { description: 'Summons' }),
    doc(complaint.id, 1, 15100002, { description: 'Civil Cover Sheet' }),
    doc(motion.id, 0, 15100004),
    doc(sealed.id, 0, 15100005),
  ]);
  const ctx = (e: DocketEntry) => ({ docs: docs.get(e.id), prefix: '051', refLink: referenceLinks(entries, docs, '051') });

  it('reads as the captured dockets: attachments, the filer, then the date entered', () => {
    const parts = docketTextParts(complaint, ctx(complaint));
    expect(plainText(parts)).toBe(
      'COMPLAINT against Sunshine Marine Supply, LLC, filed by Carmen Alvarez. (Attachments: # 1 Civil Cover Sheet, # 2 Summons) (Ruiz Ramos, Elena) (Entered: 01/12/2026)',
    );
    // Each attachment number links to its own document (fourth digit 1), with the entry's seq.
    expect(parts.filter((p) => p.link).map((p) => [p.text, p.link])).toEqual([
      ['1', { docId: '051115100002', seq: 11 }],
      ['2', { docId: '051115100003', seq: 11 }],
    ]);
  });

  it('turns [[n]] into the linked number n, to the attachment menu when entry n has attachments', () => {
    const parts = docketTextParts(order, ctx(order));
    expect(plainText(parts)).toBe('ORDER granting 4 Motion to Dismiss and 9 (not in the case). (mtk) (Entered: 02/04/2026)');
    expect(parts.filter((p) => p.link).map((p) => [p.text, p.link?.docId])).toEqual([['4', '051115100004']]);
    expect(docketTextParts(motion, ctx(motion)).find((p) => p.link)).toEqual({ text: '1', link: { docId: '051015100001', seq: 11 } });
  });

  it("links an entry's number to its menu or document, and a sealed one not at all", () => {
    expect(entryLink(complaint, docs.get(complaint.id), '051')).toEqual({ docId: '051015100001', seq: 11 });
    expect(entryLink(motion, docs.get(motion.id), '051')).toEqual({ docId: '051115100004', seq: 13 });
    expect(entryLink(order, docs.get(order.id), '051')).toBeNull();
    expect(entryLink(sealed, docs.get(sealed.id), '051')).toBeNull();
  });
});
