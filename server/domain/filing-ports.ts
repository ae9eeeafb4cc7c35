import type { Court } from '../../db/courts-repository.js';
import type { FilingEvent } from './filing-events.js';
import type { ChargeInput, Fee } from './fees.js';
import type { NefInput, NefIssued } from './nef.js';

/**
 * What the commit needs from the NEF and fees slice (docs/filing.md, docs/nef.md), as ports: the
 * filing service takes them as dependencies, so a test may pass fakes; the app wires the real
 * modules (server/ecf/filing/filing-seams.ts).
 */
export type { ChargeInput, Fee, NefInput };

export interface NefPort {
  /** Synchronous, inside the commit's transaction: the notice, its e-mails, free looks and nefs row. */
  issue(input: NefInput): Pick<NefIssued, 'nefId'>;
}

export interface FeePort {
  feeForEvent(court: Court, event: Pick<FilingEvent, 'feeCents' | 'short' | 'name'>): Fee | null;
  /** Synchronous, inside the commit's transaction. */
  charge(input: ChargeInput): { receiptNumber: string };
  filingLocked(pacerAccountId: number, court: string, now: number): boolean;
  /** The refusal shown when filing is locked. */
  lockText: string;
}
