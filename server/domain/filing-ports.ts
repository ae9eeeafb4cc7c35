import type { CourtCase } from '../../db/cases-repository.js';
import type { Counsel } from '../../db/attorneys-repository.js';
import type { Court } from '../../db/courts-repository.js';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import type { Party } from '../../db/parties-repository.js';
import type { FilingEvent } from './filing-events.js';
import type { TextParts } from './filing-text.js';

/**
 * What the commit needs from the NEF and fees slice (docs/filing.md, docs/nef.md), as ports: the
 * commit takes them as dependencies, so its tests pass fakes and the app wires the real modules
 * (server/ecf/filing/filing-seams.ts). The shapes are docs/nef.md's, field for field.
 */
export interface NefInput {
  court: Court;
  courtCase: CourtCase;
  entry: DocketEntry;
  textParts: TextParts;
  documents: { document: CourtDocument; sha256: string }[];
  events: Pick<FilingEvent, 'short'>[];
  filer: { lastName: string; firstName: string; email?: string };
  filers: Pick<Party, 'name'>[];
  counsel: Counsel[];
  filedAt: number;
  enteredAt: number;
  origin: string;
  mintMagic: () => string;
}

/** The part of `issue()`'s answer the filing keeps (docs/nef.md NefIssued). */
export interface IssuedNef {
  nefId: number | null;
  html: string;
  subject: string;
  recipients: { name: string; emails: string[] }[];
}

export interface NefPort {
  /** Synchronous, inside the commit's transaction: the notice, its e-mails and free looks written. */
  issue(input: NefInput): IssuedNef;
}

export interface Fee {
  cents: number;
  label: string;
}

export interface ChargeInput {
  court: Court;
  pacerAccountId: number;
  ecfAccountId: number;
  caseId: number;
  docNumber: number;
  filingId: number;
  fee: Fee;
  paid: boolean;
  at: number;
}

export interface FeePort {
  feeForEvent(court: Court, event: Pick<FilingEvent, 'feeCents' | 'short' | 'name'>): Fee | null;
  /** Synchronous, inside the commit's transaction. */
  charge(input: ChargeInput): { receiptNumber: string };
  filingLocked(pacerAccountId: number, court: string, now: number): boolean;
  /** The refusal shown when filing is locked. */
  lockText: string;
}
