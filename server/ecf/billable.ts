import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dollars } from '../domain/billing.js';
import { receiptTime } from '../domain/us-dates.js';

/**
 * What every billable CM/ECF page does (FIDELITY §7): record the transaction as a billing row
 * under the session's client code, and end the page with the real transaction receipt
 * (views/partials/receipt.eta). "Cost: " therefore only ever appears on logged-in pages.
 */
export interface Receipt {
  time: string;
  login: string;
  clientCode: string;
  description: string;
  criteria: string;
  pages: number;
  cost: string;
}

/**
 * Records one billable transaction for the logged-in account at this court and returns the
 * receipt to print at the end of the page.
 */
export function bill(app: FastifyInstance, request: FastifyRequest, t: { description: string; criteria: string; pages: number; costCents: number }): Receipt {
  const { account, session, court } = request.ecf;
  const now = app.clock.now();
  app.repos.db.transaction(() => {
    app.repos.billing.add({
      pacerAccountId: account.id,
      court: court.code,
      at: now,
      description: t.description,
      searchCriteria: t.criteria,
      pages: t.pages,
      costCents: t.costCents,
      clientCode: session.clientCode,
    });
    app.record(request, {
      actor: account.username,
      action: 'billing',
      outcome: 'charged',
      detail: `court=${court.code} ${t.description}: ${t.pages} page(s), ${dollars(t.costCents)}${session.clientCode ? `, client code ${session.clientCode}` : ''}`,
    });
  })();
  return {
    time: receiptTime(now),
    login: account.username,
    clientCode: session.clientCode,
    description: t.description,
    criteria: t.criteria,
    pages: t.pages,
    cost: dollars(t.costCents),
  };
}
