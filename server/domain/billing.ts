import type { BillingRepository } from '../../db/billing-repository.js';
import { imageDescription } from './documents.js';
import type { ServiceDeps } from './service-deps.js';
import { formatUsDate } from './us-dates.js';

/**
 * PACER's fee arithmetic (FIDELITY §7, real): $0.10 per page, a document capped at $3.00
 * (30 pages), and no bill for a quarter whose total is $30 or less. Everything is whole cents, so
 * sums never pick up floating-point dust (0.10 + 0.20 is 30 cents, not 0.30000000000000004).
 */
export const CENTS_PER_PAGE = 10;
export const DOCUMENT_CAP_PAGES = 30;
export const DOCUMENT_CAP_CENTS = DOCUMENT_CAP_PAGES * CENTS_PER_PAGE;
export const QUARTER_WAIVER_CENTS = 3000;
/** Fidelity: for HTML reports and search results a billable page is 4,320 bytes of extracted text. */
export const BYTES_PER_PAGE = 4320;

const wholePages = (pages: number) => (Number.isFinite(pages) && pages > 0 ? Math.ceil(pages) : 0);

/** A document (a PDF): per page, at most the cap. */
export function documentCostCents(pages: number): number {
  return Math.min(wholePages(pages), DOCUMENT_CAP_PAGES) * CENTS_PER_PAGE;
}

/** A document's billable pages as its receipt shows them: its pages, at most the 30 the cap charges for. */
export function documentBillablePages(pages: number): number {
  return Math.min(wholePages(pages), DOCUMENT_CAP_PAGES);
}

/**
 * What buying a document bills and its receipt shows. Fidelity (confirmation_pages/cand_1, ctd_1,
 * vaed_1): Description "Image<document number>-<attachment>", the case number (as the docket
 * header writes it) where a search shows its criteria, the billable pages and their cost.
 */
export function documentCharge(d: { caseNumber: string; docNumber: number | null; attachment: number; pages: number }) {
  const pages = documentBillablePages(d.pages);
  return { description: imageDescription(d, d), criteria: d.caseNumber, pages, costCents: documentCostCents(pages) };
}

/** Search results and reports: per page with no cap (the cap is for documents; real). */
export function searchCostCents(pages: number): number {
  return wholePages(pages) * CENTS_PER_PAGE;
}

/** Billable pages of a result whose extracted text is `text`: at least one. */
export function billablePagesForText(text: string): number {
  return Math.max(1, Math.ceil(Buffer.byteLength(text, 'utf8') / BYTES_PER_PAGE));
}

/** Fidelity: the receipt writes "0.10" (no dollar sign). */
export function dollars(cents: number): string {
  const c = Math.round(cents);
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function money(cents: number): string {
  return `$${dollars(cents)}`;
}

export interface Transaction {
  at: number;
  court: string;
  description: string;
  searchCriteria: string;
  pages: number;
  costCents: number;
  clientCode: string;
}

export type BillingSort = 'date' | 'client';

/** By date; or by client code, then date (a blank client code sorts first). */
export function sortTransactions<T extends Transaction>(list: readonly T[], sort: BillingSort): T[] {
  const copy = [...list];
  return copy.sort((a, b) => (sort === 'client' ? a.clientCode.localeCompare(b.clientCode, 'en') : 0) || a.at - b.at);
}

export interface Totals {
  clientCode: string;
  transactions: number;
  pages: number;
  costCents: number;
}

/** Totals per client code (sorted by code) and over all. */
export function totalsByClientCode(list: readonly Transaction[]): { perClientCode: Totals[]; overall: Totals } {
  const by = new Map<string, Totals>();
  const overall: Totals = { clientCode: '', transactions: 0, pages: 0, costCents: 0 };
  for (const t of list) {
    const row = by.get(t.clientCode) ?? { clientCode: t.clientCode, transactions: 0, pages: 0, costCents: 0 };
    for (const acc of [row, overall]) {
      acc.transactions += 1;
      acc.pages += t.pages;
      acc.costCents += t.costCents;
    }
    by.set(t.clientCode, row);
  }
  const perClientCode = [...by.values()].sort((a, b) => a.clientCode.localeCompare(b.clientCode, 'en'));
  return { perClientCode, overall };
}

export interface Quarter {
  /** First instant of the quarter (UTC). */
  start: number;
  /** First instant of the next quarter. */
  end: number;
  label: string;
}

export function quarterOf(ms: number): Quarter {
  const d = new Date(ms);
  const q = Math.floor(d.getUTCMonth() / 3);
  const start = Date.UTC(d.getUTCFullYear(), q * 3, 1);
  const end = Date.UTC(d.getUTCFullYear(), q * 3 + 3, 1);
  return { start, end, label: `${formatUsDate(start)} to ${formatUsDate(end - 1)}` };
}

/**
 * The note under the history. Fidelity: fees are waived when a quarter's total is $30 or less
 * (real); the sentences are ours.
 */
export function waiverNote(quarterCents: number, quarter: Quarter): { waived: boolean; text: string } {
  const waived = quarterCents <= QUARTER_WAIVER_CENTS;
  const total = `Your total for this quarter (${quarter.label}) is ${money(quarterCents)}`;
  return waived
    ? { waived, text: `${total}. Fees are waived when a quarter's total is $30 or less, so you will not be billed for this quarter.` }
    : { waived, text: `${total}, more than $30. Fees are waived only when a quarter's total is $30 or less, so this quarter will be billed.` };
}

/** What charging needs from the app: the billing table, besides the journal, transaction and time. */
export interface BillingDeps extends ServiceDeps {
  billing: Pick<BillingRepository, 'add'>;
}

/** One billable transaction of a logged-in account at a court. */
export interface Charge {
  pacerAccountId: number;
  username: string;
  court: string;
  /** The session's client code (FIDELITY §7): billed under it, and shown on the receipt. */
  clientCode: string;
  /** The Host the page was asked on, for the journal. */
  host: string;
  description: string;
  criteria: string;
  pages: number;
  costCents: number;
}

export function createBillingService(deps: BillingDeps) {
  return {
    /** Records the billing row and its journal entry in one transaction; returns the time billed (for the receipt). */
    charge(c: Charge): number {
      const at = deps.now();
      deps.transaction(() => {
        deps.billing.add({
          pacerAccountId: c.pacerAccountId,
          court: c.court,
          at,
          description: c.description,
          searchCriteria: c.criteria,
          pages: c.pages,
          costCents: c.costCents,
          clientCode: c.clientCode,
        });
        deps.journal.add({
          at,
          actor: c.username,
          host: c.host,
          action: 'billing',
          outcome: 'charged',
          detail: `court=${c.court} ${c.description}: ${c.pages} page(s), ${dollars(c.costCents)}${c.clientCode ? `, client code ${c.clientCode}` : ''}`,
        });
      });
      return at;
    },
  };
}
export type BillingService = ReturnType<typeof createBillingService>;
