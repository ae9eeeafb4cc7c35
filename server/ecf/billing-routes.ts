import type { FastifyInstance } from 'fastify';
import { dollars, quarterOf, sortTransactions, totalsByClientCode, waiverNote, type BillingSort } from '../domain/billing.js';
import { formatUsDate, ONE_DAY_MS, parseUsDate, receiptTime, startOfUtcDay } from '../domain/us-dates.js';
import { courtPage } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * The account's records, from Utilities:
 * - Review Billing History (real label; the script name BillingHistory.pl is invented): the
 *   transactions of a date range at every court, sorted by date or by client code then date, with
 *   totals per client code and the quarter's waiver note (FIDELITY §7).
 * - View Your Transaction Log (real label, linked filers only; TransactionLog.pl is invented):
 *   the journal's entries for this account at this court.
 */
const MAX_RANGE_DAYS = 3 * 366;
const LOG_LIMIT = 200;

/** Invented: the form's problems. */
const TEXT = {
  badDate: 'Enter dates as mm/dd/yyyy.',
  order: 'The start date must not be after the end date.',
  tooLong: 'Choose a date range of three years or less.',
} as const;

export default async function billingRoutes(app: FastifyInstance) {
  app.get(ECF_PATHS.billingHistory, async (request, reply) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof q[k] === 'string' ? (q[k]).trim().slice(0, 20) : '');
    const now = app.clock.now();
    const quarter = quarterOf(now);
    const sort: BillingSort = str('sort') === 'client' ? 'client' : 'date';
    // Defaults: this quarter so far.
    const fromText = str('date_from') || formatUsDate(quarter.start);
    const toText = str('date_to') || formatUsDate(now);
    const { account } = request.ecf;

    const quarterRows = app.repos.billing.between(account.id, quarter.start, quarter.end);
    const note = waiverNote(totalsByClientCode(quarterRows).overall.costCents, quarter);
    const render = (error: string | null, rows: ReturnType<typeof app.repos.billing.between> = []) => {
      const sorted = sortTransactions(rows, sort).map((r) => ({ ...r, when: receiptTime(r.at), courtName: r.court.toUpperCase(), cost: dollars(r.costCents) }));
      const totals = totalsByClientCode(rows);
      return courtPage(reply, request, 'ecf/billing-history', {
        error,
        from: fromText,
        to: toText,
        sort,
        rows: sorted,
        perClientCode: totals.perClientCode.map((t) => ({ ...t, cost: dollars(t.costCents) })),
        overall: { ...totals.overall, cost: dollars(totals.overall.costCents) },
        note,
      });
    };

    const from = parseUsDate(fromText);
    const to = parseUsDate(toText);
    if (from === null || to === null) return render(TEXT.badDate);
    if (from > to) return render(TEXT.order);
    if (to - from > MAX_RANGE_DAYS * ONE_DAY_MS) return render(TEXT.tooLong);
    // Whole days: the end date is included.
    return render(null, app.repos.billing.between(account.id, from, startOfUtcDay(to) + ONE_DAY_MS));
  });

  app.get(ECF_PATHS.transactionLog, async (request, reply) => {
    const { account, court } = request.ecf;
    const linked = app.repos.ecfAccounts.linkedTo(court.code, account.id);
    if (!linked) return courtPage(reply, request, 'ecf/not-a-filer', { category: 'View Your Transaction Log' }, { status: 403 });
    // Entries made at this court: they name it in their detail, or came in on its own host.
    const mark = `court=${court.code}`;
    const hostRe = new RegExp(`^ecf(-train)?\\.${court.code}\\.`, 'i');
    const entries = app.repos.journal
      .list({ actor: account.username, limit: 5000 })
      .filter((e) => e.detail.split(' ').includes(mark) || hostRe.test(e.host))
      .slice(0, LOG_LIMIT)
      .map((e) => ({ when: receiptTime(e.at), action: e.action, outcome: e.outcome, detail: e.detail }));
    return courtPage(reply, request, 'ecf/transaction-log', { entries, linked, limit: LOG_LIMIT });
  });
}
