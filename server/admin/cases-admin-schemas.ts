import * as Type from 'typebox';
import type { Counsel } from '../../db/attorneys-repository.js';
import type { CourtCase } from '../../db/cases-repository.js';
import type { Court } from '../../db/courts-repository.js';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import type { FreeLook } from '../../db/free-looks-repository.js';
import type { Party } from '../../db/parties-repository.js';
import { entryLink, type EntryDocuments } from '../domain/docket.js';
import { formatDocId } from '../domain/doc-ids.js';

/**
 * The control plane's case answers (`/__admin/cases`), their schemas (for the OpenAPI document)
 * and the functions that make them from the rows. The request body is server/domain/case-fields.ts
 * `CaseInput`, the seed's format.
 */
const nullableString = (description?: string) => Type.Unsafe<string | null>({ type: ['string', 'null'], ...(description ? { description } : {}) });

export const CaseSummaryJson = Type.Object({
  court: Type.String(),
  pacerCaseId: Type.Integer({ description: 'The caseid every page uses (DktRpt.pl?<id>, all_case_ids).' }),
  caseNumber: Type.String({ description: 'The short number: 1:26-cv-20001.' }),
  numberFull: Type.String({ description: 'As the docket header writes it: 1:26-cv-20001-MAT, FLSB 26-10234-RAM.' }),
  title: Type.String(),
  caseType: Type.String(),
  filed: Type.String({ format: 'date' }),
  closed: nullableString('The date terminated.'),
  lastFiling: Type.String({ format: 'date' }),
  flags: Type.Array(Type.String()),
  sealed: Type.Boolean(),
  inOpening: Type.Boolean(),
  entries: Type.Integer({ description: 'Docket entries.' }),
});
export type CaseSummaryJson = Type.Static<typeof CaseSummaryJson>;

const AttorneyJson = Type.Object({
  name: Type.String(),
  firm: Type.String(),
  address: Type.Array(Type.String()),
  phone: Type.String(),
  fax: Type.String(),
  email: Type.String(),
  lead: Type.Boolean(),
  toBeNoticed: Type.Boolean(),
  proHacVice: Type.Boolean(),
  designation: Type.String(),
  terminated: nullableString(),
});

const PartyJson = Type.Object({
  role: Type.String(),
  name: Type.String(),
  lastName: Type.String(),
  firstName: Type.String(),
  extra: Type.Array(Type.String()),
  terminated: nullableString(),
  criminal: Type.Unsafe<Party['criminalCounts']>({ type: ['object', 'null'], description: 'Counts and offense levels of a criminal defendant.' }),
  attorneys: Type.Array(AttorneyJson),
});

export const CaseJson = Type.Object({
  ...CaseSummaryJson.properties,
  judge: Type.String(),
  referral: Type.String(),
  natureOfSuit: Type.String(),
  cause: Type.String(),
  jurisdiction: Type.String(),
  juryDemand: Type.String(),
  demand: Type.String(),
  chapter: Type.String(),
  asset: Type.String(),
  voluntary: Type.String(),
  leadCase: nullableString("An adversary proceeding's bankruptcy case number."),
  docketReport: Type.String({ description: "The case's Docket Report address on its court host." }),
  parties: Type.Array(PartyJson),
});
export type CaseJson = Type.Static<typeof CaseJson>;

const DocumentJson = Type.Object({
  attachment: Type.Integer({ description: '0 for the main document.' }),
  description: Type.String(),
  pages: Type.Integer(),
  bytes: Type.Integer({ description: "The PDF's exact size." }),
  sealed: Type.Boolean(),
  restricted: Type.Boolean(),
  docId: Type.String({ description: 'The doc1 id of the document itself (fourth digit 1).' }),
  freeLooks: Type.Array(Type.Object({ magicNum: Type.String(), recipient: Type.String(), used: Type.Boolean() })),
});

export const EntryJson = Type.Object({
  seq: Type.Integer({ description: 'de_seq_num' }),
  number: Type.Unsafe<number | null>({ type: ['integer', 'null'], description: 'The document number, or null.' }),
  filed: Type.String({ format: 'date' }),
  entered: Type.String({ format: 'date' }),
  text: Type.String({ description: 'The stored text; [[n]] refers to entry number n.' }),
  filer: Type.String(),
  kind: Type.String(),
  shortDescription: Type.String(),
  sealed: Type.Boolean(),
  restricted: Type.Boolean(),
  docId: nullableString("The doc1 id the docket links the number to: the attachment menu's (fourth digit 0) when there are attachments."),
  documents: Type.Array(DocumentJson),
});
export type EntryJson = Type.Static<typeof EntryJson>;

export const CourtQuery = Type.Object({ court: Type.Optional(Type.String({ maxLength: 8, description: 'Court code, e.g. flsd (default: DEFAULT_COURT).' })) });
export const CaseListQuery = Type.Object({ court: Type.Optional(Type.String({ maxLength: 8, description: 'Only this court (code, e.g. flsd).' })) });
export const CaseParams = Type.Object({ pacerCaseId: Type.Integer({ minimum: 1, maximum: 999_999_999, description: 'The PACER case id.' }) });

export function caseSummaryJson(c: CourtCase, entries: number): CaseSummaryJson {
  return {
    court: c.court,
    pacerCaseId: c.pacerCaseId,
    caseNumber: c.numberShort,
    numberFull: c.numberFull,
    title: c.title,
    caseType: c.caseType,
    filed: c.filedOn,
    closed: c.terminatedOn,
    lastFiling: c.lastFilingOn,
    flags: c.flags,
    sealed: c.sealed,
    inOpening: c.inOpening,
    entries,
  };
}

export function caseJson(c: CourtCase, more: { entries: number; parties: Party[]; counsel: Counsel[]; leadCase: string | null }): CaseJson {
  return {
    ...caseSummaryJson(c, more.entries),
    judge: c.judge,
    referral: c.referral,
    natureOfSuit: c.natureOfSuit,
    cause: c.cause,
    jurisdiction: c.jurisdiction,
    juryDemand: c.juryDemand,
    demand: c.demand,
    chapter: c.chapter,
    asset: c.asset,
    voluntary: c.voluntary,
    leadCase: more.leadCase,
    docketReport: `/cgi-bin/DktRpt.pl?${c.pacerCaseId}`,
    parties: more.parties.map((p) => ({
      role: p.role,
      name: p.name,
      lastName: p.lastName,
      firstName: p.firstName,
      extra: p.extra,
      terminated: p.terminatedOn,
      criminal: p.criminalCounts,
      attorneys: more.counsel
        .filter((a) => a.partyId === p.id)
        .map((a) => ({
          name: a.name,
          firm: a.firm,
          address: a.address,
          phone: a.phone,
          fax: a.fax,
          email: a.email,
          lead: a.lead,
          toBeNoticed: a.toBeNoticed,
          proHacVice: a.proHacVice,
          designation: a.designation,
          terminated: a.terminatedOn,
        })),
    })),
  };
}

export function entryJson(e: DocketEntry, docs: EntryDocuments | undefined, court: Court, looks: (d: CourtDocument) => FreeLook[]): EntryJson {
  const all = docs ? [...(docs.main ? [docs.main] : []), ...docs.attachments] : [];
  return {
    seq: e.seq,
    number: e.docNumber,
    filed: e.filedOn,
    entered: e.enteredOn,
    text: e.text,
    filer: e.filer,
    kind: e.kind,
    shortDescription: e.shortDescription,
    sealed: e.sealed,
    restricted: e.restricted,
    docId: entryLink(e, docs, court.docPrefix)?.docId ?? null,
    documents: all.map((d) => ({
      attachment: d.attachment,
      description: d.description,
      pages: d.pages,
      bytes: d.bytes,
      sealed: d.sealed,
      restricted: d.restricted,
      docId: formatDocId(court.docPrefix, d.serial, false),
      freeLooks: looks(d).map((f) => ({ magicNum: f.magicNum, recipient: f.recipient, used: f.usedAt !== null })),
    })),
  };
}
