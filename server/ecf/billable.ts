import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createBillingService, dollars } from '../domain/billing.js';
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
  const billing = createBillingService({ billing: app.repos.billing, journal: app.repos.journal, transaction: app.repos.transaction, now: () => app.clock.now() });
  const now = billing.charge({
    pacerAccountId: account.id,
    username: account.username,
    court: court.code,
    clientCode: session.clientCode,
    host: request.headers.host ?? '',
    ...t,
  });
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
