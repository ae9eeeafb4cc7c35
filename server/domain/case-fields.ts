import * as Type from 'typebox';
import type { NewAttorney } from '../../db/attorneys-repository.js';
import type { CriminalCounts } from '../../db/parties-repository.js';
import { nonBlank } from './account-fields.js';

/**
 * A case as data: the seed file's `cases` and the control plane's `POST /__admin/cases` take the
 * same shape, checked by these schemas (so the OpenAPI document shows the rules the seed follows).
 * A description says what a valid value is: problems read "must be <description>".
 *
 * ```json
 * { "court": "flsd", "number": "1:26-cv-20001", "pacerCaseId": 642110, "title": "Alvarez v. Sunshine Marine Supply, LLC",
 *   "judge": "Judge Marguerite A. Thornbury", "filed": "2026-01-12", "natureOfSuit": "710 Labor: Fair Standards",
 *   "parties": [{ "role": "Plaintiff", "lastName": "Alvarez", "firstName": "Carmen",
 *                 "attorneys": [{ "name": "Elena Ruiz Ramos", "firm": "Ramos & Whitcombe, P.A.", "lead": true, "toBeNoticed": true }] }],
 *   "entries": [{ "number": 1, "filed": "2026-01-12", "text": "COMPLAINT against ... filed by Carmen Alvarez.", "filer": "Ruiz Ramos, Elena",
 *                 "pages": 14, "attachments": [{ "description": "Civil Cover Sheet", "pages": 2 }] }] }
 * ```
 */

/** Fidelity: party roles as dockets print them (captured district and bankruptcy dockets). */
export const PARTY_ROLES = [
  'Plaintiff',
  'Defendant',
  'Petitioner',
  'Respondent',
  'Debtor',
  'Joint Debtor',
  'Creditor',
  'Creditor Committee',
  'Trustee',
  'U.S. Trustee',
  'Interested Party',
  'Movant',
  'Intervenor',
  'Amicus',
  'Counter Claimant',
  'Counter Defendant',
  'Third Party Plaintiff',
  'Third Party Defendant',
  'Witness',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Fidelity: the docket's "Jury Demand:" values. */
export const JURY_DEMANDS = ['', 'None', 'Plaintiff', 'Defendant', 'Both'] as const;

/** Fidelity: national case numbers look like 1:26-cv-21234 (office:year-type-number). */
export const CASE_NUMBER_RE = /^\d:\d{2}-(cv|cr|mc|mj|md|bk|ap)-\d{5}$/;
export const MAX_PARTIES = 40;
export const MAX_ENTRIES = 2000;
export const MAX_ATTACHMENTS = 200;
/** Up to 10,000 generated entries: enough for the bench's large docket. */
export const MAX_GENERATED = 10_000;
/** A document of up to 2,000 pages and 100 MB (the bench streams a 20 MB one). */
export const MAX_PAGES = 2000;
export const MAX_BYTES = 100_000_000;

const DAY = 'a date written YYYY-MM-DD';
const day = () => Type.String({ format: 'date', description: DAY });
const optionalDay = () => Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description: `${DAY}, or null`, default: null }));
const text = (max: number, fallback = '') => Type.Optional(Type.String({ maxLength: max, default: fallback }));
const flag = (description: string) => Type.Optional(Type.Boolean({ default: false, description }));
const lines = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 12, default: [], description }));
const pages = () => Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGES, default: 1, description: `a whole number of pages, 1-${MAX_PAGES}` }));
const bytes = () =>
  Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_BYTES,
      description: `a size in bytes up to ${MAX_BYTES} (the PDF is padded to it; a smaller one than the PDF needs is ignored)`,
    }),
  );

/**
 * The case schema; `strict` refuses fields it does not list at every level (the control plane's
 * body), otherwise they are ignored (the seed file, as for its other entries).
 */
function caseSchema(strict: boolean) {
  const obj = <P extends Type.TProperties>(properties: P) => Type.Object(properties, strict ? { additionalProperties: false } : {});
  const Count = obj({ name: nonBlank(200), disposition: text(300) });
  const counts = Type.Optional(Type.Array(Count, { maxItems: 40, default: [] }));

  /** Fidelity: what a criminal docket shows under a defendant (captured txsd_1). */
  const CriminalInput = obj({
    defendant: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, default: 1, description: "the defendant's number in the case, 1-999" })),
    pendingCounts: counts,
    terminatedCounts: counts,
    highestOffenseLevelOpening: text(40, 'None'),
    highestOffenseLevelTerminated: text(40, 'None'),
    complaints: counts,
  });

  const AttorneyInput = obj({
    name: nonBlank(120),
    firm: text(200),
    address: lines('an array of address lines'),
    phone: text(40),
    fax: text(40),
    email: text(200),
    barStatus: text(100),
    lead: flag('LEAD ATTORNEY'),
    toBeNoticed: flag('ATTORNEY TO BE NOTICED'),
    proHacVice: flag('PRO HAC VICE'),
    designation: text(100),
    terminated: optionalDay(),
  });

  const PartyInput = obj({
    role: Type.Unsafe<PartyRole>({ type: 'string', enum: [...PARTY_ROLES] }),
    /** Query's search keys; a business is a party with only `lastName`. */
    lastName: nonBlank(200),
    firstName: text(100),
    /** As the docket prints it; default "First Last" (or the business name). */
    name: Type.Optional(nonBlank(250)),
    extra: lines('an array of lines shown under the name'),
    terminated: optionalDay(),
    criminal: Type.Optional(CriminalInput),
    attorneys: Type.Optional(
      Type.Array(AttorneyInput, {
        maxItems: 20,
        default: [],
        description: 'an array of attorneys (one named earlier in the case may be given by name alone)',
      }),
    ),
  });

  const AttachmentInput = obj({
    description: text(200),
    pages: pages(),
    bytes: bytes(),
    sealed: flag('The document is sealed: it is never served.'),
    restricted: flag('The document is restricted: "The document is not available."'),
  });

  const FreeLookInput = obj({
    magicNum: Type.String({ pattern: '^\\d{8}$', description: 'an 8-digit magic number' }),
    recipient: text(200),
    /** How many days before the seed time it was sent (16 and more: expired). */
    ageDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, default: 0, description: 'a whole number of days, 0-3650' })),
  });

  const EntryInput = obj({
    /** The document number; leave it out for an entry without one (a minute entry). */
    number: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999, description: 'a document number, 1-999999' })),
    filed: day(),
    /** Default: the day filed. */
    entered: Type.Optional(day()),
    text: nonBlank(8000),
    filer: text(100),
    kind: Type.Optional(Type.String({ pattern: '^[a-z]{0,20}$', default: '', description: "'' or a lower-case word such as opinion or order" })),
    short: text(200),
    /** The main document's pages (entries with a number have one). */
    pages: pages(),
    bytes: bytes(),
    description: text(200, 'Main Document'),
    sealed: flag('The entry and its documents are sealed.'),
    restricted: flag('The entry\'s documents are restricted.'),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS, default: [], description: `an array of at most ${MAX_ATTACHMENTS} attachments` })),
    freeLooks: Type.Optional(Type.Array(FreeLookInput, { maxItems: 20, default: [] })),
  });

  const Template = obj({ text: nonBlank(2000), short: text(200), kind: Type.Optional(Type.String({ pattern: '^[a-z]{0,20}$', default: '' })) });

  /**
   * A long docket described in a few lines (the seed's 300-entry docket, the bench's 10,000): entry
   * i is filed `everyDays` after entry i-1; every `minuteEvery`-th entry has no number; the texts
   * cycle; `{ref}` in a text refers to the entry numbered before it.
   */
  const GeneratedEntriesInput = obj({
    count: Type.Integer({ minimum: 1, maximum: MAX_GENERATED, description: `a whole number of entries, 1-${MAX_GENERATED}` }),
    firstFiled: day(),
    everyDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, default: 1, description: 'a whole number of days, 0-365' })),
    texts: Type.Array(Template, { minItems: 1, maxItems: 50, description: 'an array of 1-50 entry texts' }),
    filers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20, default: [] })),
    minuteEvery: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 0, description: 'a whole number, 0 for none' })),
    minuteTexts: Type.Optional(Type.Array(Template, { maxItems: 50, default: [] })),
    minuteFiler: text(100),
    attachmentsEvery: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, default: 0, description: 'a whole number, 0 for none' })),
    attachments: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20, default: [] })),
    maxPages: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGES, default: 12, description: `a whole number of pages, 1-${MAX_PAGES}` })),
  });

  const caseProperties = {
    court: nonBlank(8),
    number: Type.String({ pattern: CASE_NUMBER_RE.source, description: 'a case number like 1:26-cv-21234' }),
    pacerCaseId: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999, description: 'a whole number, 1-999999999' })),
    /** The suffix of the full number; default: the judge's initials. */
    judgeInitials: Type.Optional(Type.String({ pattern: '^[A-Z]{1,4}(-[A-Z]{1,4})?$', description: 'upper-case initials such as KMW or KMW-DKO' })),
    title: nonBlank(300),
    judge: text(120),
    referral: text(120),
    filed: day(),
    closed: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description: `${DAY}, not before filed`, default: null })),
    natureOfSuit: text(100),
    cause: text(200),
    jurisdiction: text(100),
    juryDemand: Type.Optional(Type.Unsafe<(typeof JURY_DEMANDS)[number]>({ type: 'string', enum: [...JURY_DEMANDS], default: '' })),
    demand: text(40),
    flags: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z0-9_]{1,20}$' }), { maxItems: 12, default: [], description: 'an array of flags such as CLOSED, APPEAL' })),
    chapter: text(4),
    asset: text(4),
    voluntary: text(2),
    /** An adversary proceeding's bankruptcy case, by number (it must come before it). */
    leadCase: Type.Optional(Type.String({ pattern: CASE_NUMBER_RE.source, description: 'a case number like 1:26-bk-10234' })),
    sealed: flag('The whole case is under seal.'),
    inOpening: flag('The case is in the process of being opened.'),
    parties: Type.Array(PartyInput, { minItems: 1, maxItems: MAX_PARTIES, description: `an array of 1-${MAX_PARTIES} parties` }),
    entries: Type.Optional(Type.Array(EntryInput, { maxItems: MAX_ENTRIES, default: [], description: `an array of at most ${MAX_ENTRIES} entries` })),
    generatedEntries: Type.Optional(GeneratedEntriesInput),
  };
  return obj(caseProperties);
}

/** The seed file's case: unknown fields are ignored, as elsewhere in the seed. */
export const SeedCaseInput = caseSchema(false);
/** The control plane's body (`POST /__admin/cases`): unknown fields refused, at every level. */
export const CaseInput = caseSchema(true);

/** A case after validation, every default filled in (what the schemas above give). */
export interface CaseData {
  court: string;
  number: string;
  pacerCaseId?: number;
  judgeInitials?: string;
  title: string;
  judge: string;
  referral: string;
  filed: string;
  closed: string | null;
  natureOfSuit: string;
  cause: string;
  jurisdiction: string;
  juryDemand: (typeof JURY_DEMANDS)[number];
  demand: string;
  flags: string[];
  chapter: string;
  asset: string;
  voluntary: string;
  leadCase?: string;
  sealed: boolean;
  inOpening: boolean;
  parties: PartyData[];
  entries: EntryData[];
  generatedEntries?: GeneratedEntriesData;
}

/** Fidelity (captured txsd_1): a criminal defendant's counts, as the parties table keeps them. */
export type CriminalData = CriminalCounts;

/** An attorney as the case gives it: the contact, and how they represent the party. */
export type AttorneyData = Omit<NewAttorney, 'court'> & {
  lead: boolean;
  toBeNoticed: boolean;
  proHacVice: boolean;
  designation: string;
  terminated: string | null;
};

export interface PartyData {
  role: PartyRole;
  lastName: string;
  firstName: string;
  name?: string;
  extra: string[];
  terminated: string | null;
  criminal?: CriminalData;
  attorneys: AttorneyData[];
}

export interface AttachmentData {
  description: string;
  pages: number;
  bytes?: number;
  sealed: boolean;
  restricted: boolean;
}

export interface FreeLookData {
  magicNum: string;
  recipient: string;
  ageDays: number;
}

export interface EntryData {
  number?: number;
  filed: string;
  entered?: string;
  text: string;
  filer: string;
  kind: string;
  short: string;
  pages: number;
  bytes?: number;
  description: string;
  sealed: boolean;
  restricted: boolean;
  attachments: AttachmentData[];
  freeLooks: FreeLookData[];
}

export interface TemplateData {
  text: string;
  short: string;
  kind: string;
}

export interface GeneratedEntriesData {
  count: number;
  firstFiled: string;
  everyDays: number;
  texts: TemplateData[];
  filers: string[];
  minuteEvery: number;
  minuteTexts: TemplateData[];
  minuteFiler: string;
  attachmentsEvery: number;
  attachments: string[];
  maxPages: number;
}
