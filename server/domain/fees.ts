import type { Court, CourtsRepository } from '../../db/courts-repository.js';
import type { Fee as FeeRow, FeesRepository } from '../../db/fees-repository.js';
import type { JournalRepository } from '../../db/journal-repository.js';
import { ECF_PATHS } from '../ecf/paths.js';
import type { Clock } from './clock.js';
import { endOfCourtDay } from './nef-settings.js';
import { sign, signatureMatches } from './tokens.js';

/**
 * Filing fees (research A.7; docs/nef.md): a fee event's amount comes from the court's event
 * catalogue (`feeCents`, seed data of the filing slice); the filing charges it inside its commit,
 * paid through Pay Now or left for later; the receipt number lands in the docket text. An unpaid
 * fee locks the account for e-filing at that court once the court's day it was incurred ends.
 */

export type { FeeRow };

/** What one fee event costs: `label` is the event's short description ("Notice of Appeal"). */
export interface Fee {
  cents: number;
  label: string;
}

/** The fee of an event, or null: `feeCents` null or 0 means none. Structural, so the catalogue's type need not be imported. */
export function feeForEvent(_court: Pick<Court, 'code'>, event: { feeCents: number | null; short: string; name: string }): Fee | null {
  if (event.feeCents === null || !Number.isInteger(event.feeCents) || event.feeCents <= 0) return null;
  return { cents: event.feeCents, label: event.short || event.name };
}

/**
 * "$ 605" for whole dollars, "$ 505.50" otherwise. Fidelity: docket texts "Filing fee $ 402, receipt
 * number ACANDC-18615816", "Filing fee $ 505.50 ..." (research A.7).
 */
export function formatFeeAmount(cents: number): string {
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `$ ${dollars}` : `$ ${dollars}.${String(rest).padStart(2, '0')}`;
}

/** The page form of an amount: "$605.00" (the charges panel and Internet Payments Due; invented). */
export function formatMoney(cents: number): string {
  return `$${(cents / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Fidelity: the docket text's fee sentence, "Filing fee $ 605, receipt number AFLSDC-19600001". */
export function feeDocketText(fee: Pick<Fee, 'cents'>, receiptNumber: string): string {
  return `Filing fee ${formatFeeAmount(fee.cents)}, receipt number ${receiptNumber}`;
}

/**
 * The refusal when filing is locked. Fidelity: the first sentence's words are the NextGen guide's
 * (nmb.uscourts.gov, "Pay filing fee": "CM/ECF will automatically lock your account for e-filing
 * purposes ... click on Utilities, and select Internet Payments Due"); the framing is invented.
 */
export const FEE_LOCK_TEXT =
  'A filing fee incurred on an earlier day is unpaid, and CM/ECF will automatically lock your account for e-filing purposes until it is paid. ' +
  'To pay it, click on Utilities, and select Internet Payments Due.';

/**
 * The receipt number: "A" + the court's CSO id + "-" + eight digits (research A.7: ANYSDC-26832229,
 * ACANDC-18615816; INFERRED rule). The digits: one counter per court, starting above this floor
 * (invented: the real numbering is not public).
 */
export const RECEIPT_FLOOR = 19_600_000;
export function receiptNumber(court: Pick<Court, 'pscCourtId'>, seq: number): string {
  return `A${court.pscCourtId}-${seq}`;
}

export interface ChargeInput {
  court: Court;
  pacerAccountId: number;
  ecfAccountId: number;
  caseId: number;
  docNumber: number;
  filingId: number;
  fee: Fee;
  /** true when the filer went through Pay Now and authorized. */
  paid: boolean;
  /** ms, the virtual clock. */
  at: number;
  /** How it was paid ("Visa ending 1111"), when `paid`. */
  card?: string;
}

export interface FeeServiceDeps {
  repos: {
    fees: FeesRepository;
    courts: Pick<CourtsRepository, 'byCode'>;
    journal: Pick<JournalRepository, 'add'>;
    transaction: <T>(fn: () => T) => T;
  };
  clock: Clock;
}

/** Who pays, for the journal. */
export interface Payer {
  actor: string;
  host: string;
}

/** The card the pay page offers (invented: PACER's stored payment methods are not modelled). */
export const STORED_CARD = 'Visa ending 1111';

export function createFeeService(deps: FeeServiceDeps) {
  const { repos, clock } = deps;
  const zoneOf = (court: string) => repos.courts.byCode(court)?.notice.timeZone ?? 'America/New_York';
  return {
    /**
     * Records the fee and gives its receipt number. Synchronous: called inside the filing's commit
     * transaction, so the counter read and the insert are one step (better-sqlite3 serialises).
     */
    charge(input: ChargeInput): { receiptNumber: string; feeId: number } {
      const seq = Math.max(repos.fees.lastReceiptSeq(input.court.code) ?? 0, RECEIPT_FLOOR) + 1;
      const number = receiptNumber(input.court, seq);
      const feeId = repos.fees.insert({
        court: input.court.code,
        pacerAccountId: input.pacerAccountId,
        caseId: input.caseId,
        docNumber: input.docNumber,
        label: input.fee.label,
        amountCents: input.fee.cents,
        receiptSeq: seq,
        receiptNumber: number,
        incurredAt: input.at,
        paidAt: input.paid ? input.at : null,
        card: input.paid ? (input.card ?? STORED_CARD) : '',
      });
      return { receiptNumber: number, feeId };
    },
    /**
     * Locked: an unpaid fee at this court whose court day has ended (the guides' "unpaid by 11:59
     * p.m."). One index probe: the filing asks before every filing starts.
     */
    filingLocked(pacerAccountId: number, court: string, now: number = clock.now()): boolean {
      const oldest = repos.fees.oldestUnpaidAt(pacerAccountId, court);
      return oldest !== null && now >= endOfCourtDay(zoneOf(court), oldest);
    },
    /** When the account will lock if nothing is paid (ms), or null when nothing is due. */
    locksAt(pacerAccountId: number, court: string): number | null {
      const oldest = repos.fees.oldestUnpaidAt(pacerAccountId, court);
      return oldest === null ? null : endOfCourtDay(zoneOf(court), oldest);
    },
    unpaid(pacerAccountId: number, court: string): FeeRow[] {
      return repos.fees.unpaid(pacerAccountId, court);
    },
    /** Pays the named fees that are this account's, at this court, and unpaid; returns those it paid. */
    pay(pacerAccountId: number, court: string, feeIds: readonly number[], card: string = STORED_CARD, now: number = clock.now(), who: Payer = { actor: '', host: '' }): FeeRow[] {
      return repos.transaction(() => {
        const paid: FeeRow[] = [];
        for (const id of new Set(feeIds)) {
          const f = repos.fees.byId(id);
          if (!f || f.pacerAccountId !== pacerAccountId || f.court !== court || f.paidAt !== null) continue;
          if (repos.fees.pay(id, now, card)) paid.push({ ...f, paidAt: now, card });
        }
        if (paid.length > 0) {
          repos.journal.add({ at: now, actor: who.actor, host: who.host, action: 'fee.pay', outcome: 'ok', detail: `${court} ${paid.map((f) => f.receiptNumber).join(' ')}` });
        }
        return paid;
      });
    },
  };
}
export type FeeService = ReturnType<typeof createFeeService>;

// ------------------------------------------------------------------ Pay Now (the filing's round trip)


/**
 * Where Pay Now sends the filer: the pay page with the filing's key, where to come back and what
 * is owed (display only: `charge` records what the filing passes).
 */
export function feePaymentUrl(filingKey: string, returnUrl: string, fees: readonly Fee[]): string {
  const q = new URLSearchParams({ filing: filingKey, return: returnUrl });
  for (const f of fees) {
    q.append('fee', String(f.cents));
    q.append('label', f.label);
  }
  return `${ECF_PATHS.internetPayment}?${q.toString()}`;
}

/** The token the pay page adds to `returnUrl` when the filer authorizes: bound to the session and the filing. */
export function paymentAuthorization(secret: Buffer, sessionToken: string, filingKey: string): string {
  return sign(secret, 'fee-payment', sessionToken, filingKey);
}

export function paymentAuthorized(secret: Buffer, sessionToken: string, filingKey: string, given: unknown): boolean {
  return signatureMatches(secret, given, 'fee-payment', sessionToken, filingKey);
}

/** `returnUrl` with `authorization=<token>` (`?` or `&` as its query needs). */
export function withAuthorization(returnUrl: string, token: string): string {
  return `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}authorization=${encodeURIComponent(token)}`;
}
