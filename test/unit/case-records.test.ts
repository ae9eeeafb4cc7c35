import { describe, expect, it } from 'vitest';
import { SeedCaseInput, type CaseData } from '../../server/domain/case-fields.js';
import { checkCase, docketOf, documentCount, resolveCase, shortDescription, type CourtFacts } from '../../server/domain/case-records.js';
import { documentPdfSpec } from '../../server/domain/pdf/document-pdf.js';
import { naturalPdfSize, pdfChunks } from '../../server/domain/pdf/pdf-writer.js';
import { schemaChecker } from '../../server/domain/json-validation.js';

/** A case given as data: the rules a schema cannot say, the long docket, and the rows with their ids and sizes. */
const check = schemaChecker<CaseData>(SeedCaseInput);
function data(more: Record<string, unknown> = {}): CaseData {
  const r = check({
    court: 'flsd',
    number: '1:26-cv-20001',
    title: 'Alvarez v. Sunshine Marine Supply, LLC',
    judge: 'Judge Marguerite A. Thornbury',
    filed: '2026-01-12',
    parties: [
      { role: 'Plaintiff', lastName: 'Alvarez', firstName: 'Carmen', attorneys: [{ name: 'Elena Ruiz Ramos', firm: 'Ramos & Whitcombe, P.A.', email: 'e@x.example', lead: true }] },
      { role: 'Counter Defendant', lastName: 'Alvarez', firstName: 'Carmen', attorneys: [{ name: 'Elena Ruiz Ramos', toBeNoticed: true }] },
    ],
    entries: [
      { number: 1, filed: '2026-01-12', text: 'COMPLAINT against Sunshine Marine Supply, LLC.', pages: 3, attachments: [{ description: 'Exhibit A', pages: 2 }, { description: 'Exhibit B', bytes: 70_000 }] },
      { filed: '2026-01-12', text: 'Clerks Notice of Judge Assignment.' },
      { number: 2, filed: '2026-02-02', text: 'MOTION to Dismiss [[1]] Complaint by Sunshine Marine Supply, LLC.' },
    ],
    ...more,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}
const FLSD: CourtFacts = { code: 'flsd', kind: 'district', docPrefix: '051' };
const FLSB: CourtFacts = { code: 'flsb', kind: 'bankruptcy', docPrefix: '050' };

describe('a case given as data', () => {
  it('is refused for what a schema cannot say, naming the entry and field', () => {
    const problem = (more: Record<string, unknown>, court = FLSD) => checkCase(data(more), court);
    expect(problem({})).toBeNull();
    expect(problem({ closed: '2025-12-31' })).toEqual({ entry: '', field: 'closed', problem: 'must be a date written YYYY-MM-DD, not before filed' });
    expect(problem({}, FLSB)?.problem).toBe('is a cv case, which a bankruptcy court does not have (bk or ap)');
    expect(problem({ number: '1:26-bk-10234' })?.problem).toBe('is a bk case, which only a bankruptcy court has');
    expect(problem({ leadCase: '1:26-bk-10234' })?.problem).toBe('is for an adversary proceeding (an ap case) only');
    expect(problem({ entries: [{ number: 1, filed: '2026-01-12', text: 'A' }, { number: 1, filed: '2026-01-13', text: 'B' }] })).toEqual({
      entry: 'entries[1]',
      field: 'number',
      problem: 'repeats document number 1',
    });
    expect(problem({ entries: [{ number: 1, filed: '2026-01-12', entered: '2026-01-11', text: 'A' }] })?.field).toBe('entered');
    expect(problem({ entries: [{ filed: '2026-01-12', text: 'A', attachments: [{ description: 'x' }] }] })?.problem).toMatch(/^needs a document number/);
    expect(problem({ entries: [{ number: 1, filed: '2026-01-12', text: 're [[7]]' }] })).toEqual({
      entry: 'entries[0]',
      field: 'text',
      problem: 'refers to [[7]], but no entry in the case has that number',
    });
    expect(
      problem({ entries: [{ number: 1, filed: '2026-01-12', text: 'A', freeLooks: [{ magicNum: '12345678' }, { magicNum: '12345678' }] }] })?.problem,
    ).toBe('repeats magic number 12345678');
  });

  it('becomes rows: the full number, CLOSED, seq numbers with gaps, serials in order, shared counsel', () => {
    const r = resolveCase(data({ closed: '2026-05-01', flags: ['APPEAL'] }), FLSD, { pacerCaseId: 642110, firstSerial: 15100001 });
    expect(r.case).toMatchObject({ pacerCaseId: 642110, numberShort: '1:26-cv-20001', numberFull: '1:26-cv-20001-MAT', caseType: 'cv', office: 1, flags: ['APPEAL', 'CLOSED'] });
    expect(r.entries.map((e) => [e.entry.seq, e.entry.docNumber])).toEqual([
      [1, 1],
      [3, null],
      [4, 2],
    ]);
    expect(r.entries.flatMap((e) => e.documents.map((d) => [d.serial, d.attachment, d.description]))).toEqual([
      [15100001, 0, 'Main Document'],
      [15100002, 1, 'Exhibit A'],
      [15100003, 2, 'Exhibit B'],
      [15100004, 0, 'Main Document'],
    ]);
    expect(documentCount(data())).toBe(4);
    // The bare name in the second party is the same attorney, with the contact given first.
    expect(r.parties[1]?.counsel[0]?.attorney).toMatchObject({ name: 'Elena Ruiz Ramos', firm: 'Ramos & Whitcombe, P.A.', email: 'e@x.example' });
    expect(r.parties[1]?.counsel[0]?.representation).toMatchObject({ lead: false, toBeNoticed: true });
    expect(r.parties[0]?.party).toMatchObject({ name: 'Carmen Alvarez', lastName: 'Alvarez', firstName: 'Carmen', position: 1 });
    expect(r.entries[2]?.entry.shortDescription).toBe('Motion to Dismiss');
  });

  it("records each document's exact PDF size: natural, or padded to the size given", () => {
    const r = resolveCase(data(), FLSD, { pacerCaseId: 1, firstSerial: 15100001 });
    const docs = r.entries[0]?.documents ?? [];
    const identity = (attachment: number, description: string, pages: number, bytes?: number) => ({
      court: 'flsd',
      bankruptcy: false,
      caseNumber: '1:26-cv-20001-MAT',
      caseTitle: 'Alvarez v. Sunshine Marine Supply, LLC',
      docNumber: 1,
      attachment,
      description,
      filedOn: '2026-01-12',
      pages,
      ...(bytes === undefined ? {} : { bytes }),
    });
    expect(docs[0]?.bytes).toBe(naturalPdfSize(documentPdfSpec(identity(0, 'Main Document', 3))));
    expect(docs[0]?.bytes).toBe(Buffer.concat([...pdfChunks(documentPdfSpec(identity(0, 'Main Document', 3, docs[0]?.bytes)))]).length);
    expect(docs[2]?.bytes).toBe(70_000);
  });

  it('writes a bankruptcy number as the court does', () => {
    const bk = data({ number: '1:26-bk-10234', judge: 'Judge Rosalind A. Mercado', parties: [{ role: 'Debtor', lastName: 'Coral Gables Bakery Group, LLC' }], entries: [] });
    expect(resolveCase(bk, FLSB, { pacerCaseId: 1, firstSerial: 1 }).case.numberFull).toBe('26-10234-RAM');
  });

  it('generates a long docket from a few lines, the same every time', () => {
    const long = data({
      generatedEntries: {
        count: 12,
        firstFiled: '2026-03-01',
        everyDays: 2,
        texts: [{ text: 'MOTION to Compel by A.' }, { text: 'RESPONSE re {ref} filed by B.', short: 'Response' }],
        filers: ['Vance, Lydia', 'Brandt, Oscar'],
        minuteEvery: 4,
        minuteTexts: [{ text: 'PAPERLESS ORDER on {ref}.', kind: 'order' }],
        minuteFiler: 'tw',
        attachmentsEvery: 3,
        attachments: ['Exhibit 1'],
      },
    });
    const docket = docketOf(long);
    expect(docket).toEqual(docketOf(long));
    expect(docket).toHaveLength(3 + 12);
    const generated = docket.slice(3);
    expect(generated.map((e) => e.number ?? null)).toEqual([3, 4, 5, null, 6, 7, 8, null, 9, 10, 11, null]);
    expect(generated.map((e) => e.filed).slice(0, 3)).toEqual(['2026-03-01', '2026-03-03', '2026-03-05']);
    expect(generated[1]).toMatchObject({ text: 'RESPONSE re [[3]] filed by B.', filer: 'Brandt, Oscar', short: 'Response' });
    expect(generated[3]).toMatchObject({ text: 'PAPERLESS ORDER on [[5]].', filer: 'tw', kind: 'order' });
    expect(generated.filter((e) => e.attachments.length > 0).map((e) => e.number)).toEqual([5, 8, 11]);
    expect(checkCase(long, FLSD)).toBeNull();
  });

  it('takes the first clause of the docket text as the short description', () => {
    expect(shortDescription('COMPLAINT against Sunshine Marine Supply, LLC.')).toBe('Complaint');
    expect(shortDescription('MOTION to Dismiss [[1]] Complaint by X')).toBe('Motion to Dismiss');
    expect(shortDescription('NOTICE of Attorney Appearance by Gregory T. Pell')).toBe('Notice of Attorney Appearance');
  });
});
