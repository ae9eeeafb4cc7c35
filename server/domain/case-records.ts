import type { AttorneysRepository, NewAttorney, Representation } from '../../db/attorneys-repository.js';
import type { CasesRepository, NewCase } from '../../db/cases-repository.js';
import type { DocketEntriesRepository, NewDocketEntry } from '../../db/docket-entries-repository.js';
import type { DocumentsRepository, NewCourtDocument } from '../../db/documents-repository.js';
import type { FreeLooksRepository } from '../../db/free-looks-repository.js';
import type { NewParty, PartiesRepository } from '../../db/parties-repository.js';
import { formatFull, judgeInitials, parseCaseNumber } from './case-numbers.js';
import type { AttorneyData, CaseData, EntryData, TemplateData } from './case-fields.js';
import { references } from './docket.js';
import { documentPdfSpec } from './pdf/document-pdf.js';
import { pdfSize } from './pdf/pdf-writer.js';
import { ONE_DAY_MS } from './us-dates.js';

/**
 * A case given as data (the seed's cases, `POST /__admin/cases`) turned into the rows it is made
 * of: the checks a schema cannot make, the long docket a few lines describe, the ids (de_seq_num,
 * doc1 serials), each document's exact PDF size, and the insert. Resolving is pure and is done
 * once per process for the seed, so a reset only inserts.
 */

/** What the rows need to know about the court. */
export interface CourtFacts {
  code: string;
  kind: 'district' | 'bankruptcy' | 'appellate';
  docPrefix: string;
}

/** Every row of one case, ready to insert (row ids come from the insert). */
export interface CaseRecord {
  court: string;
  case: Omit<NewCase, 'leadCaseId'>;
  /** An adversary proceeding's bankruptcy case (short number), found when inserting. */
  leadCase: string | null;
  parties: {
    party: Omit<NewParty, 'caseId'>;
    counsel: { attorney: NewAttorney; representation: Omit<Representation, 'partyId' | 'attorneyId'> }[];
  }[];
  entries: {
    entry: Omit<NewDocketEntry, 'caseId'>;
    documents: Omit<NewCourtDocument, 'entryId'>[];
    freeLooks: { magicNum: string; recipient: string; ageDays: number }[];
  }[];
}

/** A problem with a case: where (relative to the case: `entries[3]`, or '' for the case itself), which field, and what. */
export interface CaseProblem {
  entry: string;
  field: string;
  problem: string;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * ONE_DAY_MS).toISOString().slice(0, 10);

function fill(t: TemplateData, ref: number | null, n: number | undefined): string {
  return t.text.replace(/\{ref\}/g, ref === null ? '' : `[[${ref}]]`).replace(/\{n\}/g, n === undefined ? '' : String(n));
}

/**
 * The case's docket: its entries as given, then the generated ones. Generated entry i (from 0) is
 * filed `everyDays` * i days after `firstFiled`; every `minuteEvery`-th has no number; the others
 * are numbered on from the last given number; the texts cycle, and so do the filers.
 */
export function docketOf(c: CaseData): EntryData[] {
  const given = c.entries;
  const g = c.generatedEntries;
  if (!g) return given;
  let last = given.reduce((m, e) => Math.max(m, e.number ?? 0), 0);
  const out = [...given];
  let numbered = 0;
  for (let i = 0; i < g.count; i++) {
    const filed = addDays(g.firstFiled, i * g.everyDays);
    const minute = g.minuteEvery > 0 && (i + 1) % g.minuteEvery === 0 && g.minuteTexts.length > 0;
    if (minute) {
      const t = g.minuteTexts[i % g.minuteTexts.length] as TemplateData;
      out.push(entry({ filed, text: fill(t, last || null, undefined), filer: g.minuteFiler, kind: t.kind, short: t.short }));
      continue;
    }
    const ref = last || null;
    last += 1;
    const t = g.texts[numbered % g.texts.length] as TemplateData;
    const withAttachments = g.attachmentsEvery > 0 && (numbered + 1) % g.attachmentsEvery === 0;
    out.push(
      entry({
        number: last,
        filed,
        text: fill(t, ref, last),
        filer: g.filers.length > 0 ? (g.filers[numbered % g.filers.length] ?? '') : '',
        kind: t.kind,
        short: t.short,
        // Deterministic and varied: 1 to maxPages pages.
        pages: 1 + ((last * 7) % g.maxPages),
        attachments: withAttachments ? g.attachments.map((description, k) => ({ description, pages: 1 + ((last + k) % 4), sealed: false, restricted: false })) : [],
      }),
    );
    numbered += 1;
  }
  return out;
}

function entry(e: Partial<EntryData> & Pick<EntryData, 'filed' | 'text'>): EntryData {
  return { filer: '', kind: '', short: '', pages: 1, description: 'Main Document', sealed: false, restricted: false, attachments: [], freeLooks: [], ...e };
}

/** How many documents (main documents and attachments) the case has: the doc1 serials it needs. */
export function documentCount(c: CaseData): number {
  return docketOf(c).reduce((n, e) => n + (e.number === undefined ? 0 : 1 + e.attachments.length), 0);
}

/**
 * Fidelity: History/Documents' short description, when the data gives none: the docket text's
 * first clause ("MOTION to Dismiss [[1]] Complaint by ..." -> "Motion to Dismiss"), words in
 * capitals written as words.
 */
export function shortDescription(text: string): string {
  const clause = (text.split(/ against | by | re | filed |\.|\(|\[\[|;/)[0] ?? '').trim();
  return clause
    .split(/\s+/)
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? `${w[0]}${w.slice(1).toLowerCase()}` : w))
    .join(' ')
    .slice(0, 200);
}

/** The rules across a case's fields that a schema cannot say; the first problem, or null. */
export function checkCase(c: CaseData, court: CourtFacts): CaseProblem | null {
  const n = parseCaseNumber(c.number);
  if (!n) return { entry: '', field: 'number', problem: 'must be a case number like 1:26-cv-21234' };
  const bankruptcyType = n.type === 'bk' || n.type === 'ap';
  if (bankruptcyType !== (court.kind === 'bankruptcy')) {
    return { entry: '', field: 'number', problem: `is a ${n.type} case, which ${court.kind === 'bankruptcy' ? 'a bankruptcy court does not have (bk or ap)' : 'only a bankruptcy court has'}` };
  }
  if (c.closed !== null && c.closed < c.filed) return { entry: '', field: 'closed', problem: 'must be a date written YYYY-MM-DD, not before filed' };
  if (c.leadCase !== undefined && n.type !== 'ap') return { entry: '', field: 'leadCase', problem: 'is for an adversary proceeding (an ap case) only' };
  if (c.leadCase !== undefined && !c.leadCase.includes('-bk-')) return { entry: '', field: 'leadCase', problem: 'must name a bankruptcy (bk) case' };

  const docket = docketOf(c);
  const numbers = new Set<number>();
  const magic = new Set<string>();
  for (const [i, e] of docket.entries()) {
    const where = i < c.entries.length ? `entries[${i}]` : `generatedEntries (entry ${i - c.entries.length + 1})`;
    if (e.entered !== undefined && e.entered < e.filed) return { entry: where, field: 'entered', problem: 'must be a date written YYYY-MM-DD, not before filed' };
    if (e.number !== undefined) {
      if (numbers.has(e.number)) return { entry: where, field: 'number', problem: `repeats document number ${e.number}` };
      numbers.add(e.number);
    } else {
      if (e.attachments.length > 0) return { entry: where, field: 'attachments', problem: 'needs a document number: only an entry with a number has documents' };
      if (e.freeLooks.length > 0) return { entry: where, field: 'freeLooks', problem: 'needs a document number: only an entry with a number has documents' };
    }
    for (const f of e.freeLooks) {
      if (magic.has(f.magicNum)) return { entry: where, field: 'freeLooks', problem: `repeats magic number ${f.magicNum}` };
      magic.add(f.magicNum);
    }
  }
  for (const [i, e] of docket.entries()) {
    for (const ref of references(e.text)) {
      if (!numbers.has(ref)) {
        const where = i < c.entries.length ? `entries[${i}]` : `generatedEntries (entry ${i - c.entries.length + 1})`;
        return { entry: where, field: 'text', problem: `refers to [[${ref}]], but no entry in the case has that number` };
      }
    }
  }
  return null;
}

/** The magic numbers a case's free looks use (unique across the whole database). */
export function magicNumbers(c: CaseData): string[] {
  return docketOf(c).flatMap((e) => e.freeLooks.map((f) => f.magicNum));
}

/**
 * The rows of a checked case, with its PACER case id and doc1 serials from `firstSerial` on
 * (`documentCount` of them). Fidelity: de_seq_num counts every docket transaction, not only
 * entries, so real ones have gaps (3, 10, 12, 14 in the captured nyed docket); the mock leaves one
 * after each entry with a document, so a seq is not mistaken for a document number.
 */
export function resolveCase(c: CaseData, court: CourtFacts, ids: { pacerCaseId: number; firstSerial: number }): CaseRecord {
  const n = parseCaseNumber(c.number);
  if (!n) throw new Error(`not a case number: ${c.number}`);
  const numberFull = formatFull(n, court.kind === 'bankruptcy' ? 'bankruptcy' : 'district', c.judgeInitials ?? judgeInitials(c.judge));
  const flags = c.closed !== null && !c.flags.includes('CLOSED') ? [...c.flags, 'CLOSED'] : [...c.flags];

  const known = new Map<string, AttorneyData>();
  for (const p of c.parties) for (const a of p.attorneys) if (a.firm !== '' || a.address.length > 0 || a.email !== '' || a.phone !== '') known.set(a.name, a);
  const parties: CaseRecord['parties'] = c.parties.map((p, i) => ({
    party: {
      position: i + 1,
      role: p.role,
      name: p.name ?? (p.firstName ? `${p.firstName} ${p.lastName}` : p.lastName),
      lastName: p.lastName,
      firstName: p.firstName,
      extra: p.extra,
      terminatedOn: p.terminated,
      criminalCounts: p.criminal ?? null,
    },
    counsel: p.attorneys.map((a, j) => {
      const contact = known.get(a.name) ?? a;
      return {
        attorney: {
          court: court.code,
          name: a.name,
          firm: contact.firm,
          address: contact.address,
          phone: contact.phone,
          fax: contact.fax,
          email: contact.email,
          barStatus: contact.barStatus,
        },
        representation: {
          position: j + 1,
          lead: a.lead,
          toBeNoticed: a.toBeNoticed,
          proHacVice: a.proHacVice,
          designation: a.designation,
          terminatedOn: a.terminated,
        },
      };
    }),
  }));

  let seq = 1;
  let serial = ids.firstSerial;
  const document = (e: EntryData, attachment: number, d: { description: string; pages: number; bytes?: number; sealed: boolean; restricted: boolean }) => {
    const identity = {
      court: court.code,
      bankruptcy: court.kind === 'bankruptcy',
      caseNumber: numberFull,
      caseTitle: c.title,
      docNumber: e.number ?? 0,
      attachment,
      description: d.description,
      filedOn: e.filed,
      pages: d.pages,
      ...(d.bytes === undefined ? {} : { bytes: d.bytes }),
    };
    return {
      court: court.code,
      attachment,
      serial: serial++,
      pages: d.pages,
      bytes: pdfSize(documentPdfSpec(identity)),
      description: d.description,
      sealed: d.sealed || e.sealed,
      restricted: d.restricted || e.restricted,
      origin: 'generated' as const,
      filename: '',
      originalName: '',
    };
  };
  const entries: CaseRecord['entries'] = docketOf(c).map((e) => {
    const record = {
      entry: {
        seq,
        docNumber: e.number ?? null,
        filedOn: e.filed,
        enteredOn: e.entered ?? e.filed,
        text: e.text,
        filer: e.filer,
        kind: e.kind,
        shortDescription: e.short || shortDescription(e.text),
        restricted: e.restricted,
        sealed: e.sealed,
      },
      documents:
        e.number === undefined
          ? []
          : [
              document(e, 0, { description: e.description, pages: e.pages, ...(e.bytes === undefined ? {} : { bytes: e.bytes }), sealed: false, restricted: false }),
              ...e.attachments.map((a, k) => document(e, k + 1, a)),
            ],
      freeLooks: e.freeLooks,
    };
    seq += e.number === undefined ? 1 : 2;
    return record;
  });

  return {
    court: court.code,
    leadCase: c.leadCase ?? null,
    case: {
      court: court.code,
      pacerCaseId: ids.pacerCaseId,
      numberShort: c.number,
      numberFull,
      caseType: n.type,
      office: n.office,
      title: c.title,
      judge: c.judge,
      referral: c.referral,
      filedOn: c.filed,
      terminatedOn: c.closed,
      natureOfSuit: c.natureOfSuit,
      cause: c.cause,
      jurisdiction: c.jurisdiction,
      juryDemand: c.juryDemand,
      demand: c.demand,
      flags,
      chapter: c.chapter,
      asset: c.asset,
      voluntary: c.voluntary,
      sealed: c.sealed,
      inOpening: c.inOpening,
    },
    parties,
    entries,
  };
}

/** The repositories a case's rows go into. */
export interface CaseRecordRepos {
  cases: Pick<CasesRepository, 'insert' | 'byNumber'>;
  parties: Pick<PartiesRepository, 'insert'>;
  attorneys: Pick<AttorneysRepository, 'findOrInsert' | 'represent'>;
  docketEntries: Pick<DocketEntriesRepository, 'insert'>;
  documents: Pick<DocumentsRepository, 'insert'>;
  freeLooks: Pick<FreeLooksRepository, 'insert'>;
}

/**
 * Inserts a case's rows inside the caller's transaction (the seeder's, or the case service's);
 * free looks are dated from `now`. Returns the case's row id.
 */
export function insertCaseRecord(repos: CaseRecordRepos, r: CaseRecord, now: number): number {
  const leadCaseId = r.leadCase === null ? null : (repos.cases.byNumber(r.court, r.leadCase)?.id ?? null);
  const caseId = repos.cases.insert({ ...r.case, leadCaseId });
  for (const p of r.parties) {
    const partyId = repos.parties.insert({ ...p.party, caseId });
    for (const c of p.counsel) repos.attorneys.represent({ ...c.representation, partyId, attorneyId: repos.attorneys.findOrInsert(c.attorney) });
  }
  for (const e of r.entries) {
    const entryId = repos.docketEntries.insert({ ...e.entry, caseId });
    let mainId: number | null = null;
    for (const d of e.documents) {
      const id = repos.documents.insert({ ...d, entryId });
      if (d.attachment === 0) mainId = id;
    }
    if (mainId === null) continue;
    for (const f of e.freeLooks) repos.freeLooks.insert({ magicNum: f.magicNum, documentId: mainId, recipient: f.recipient, createdAt: now - f.ageDays * ONE_DAY_MS });
  }
  return caseId;
}
