import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createFeeService, FEE_LOCK_TEXT, formatMoney, paymentAuthorization, STORED_CARD, withAuthorization, type Fee } from '../domain/fees.js';
import { field, fieldList } from '../domain/form-fields.js';
import { courtTime } from '../domain/nef-settings.js';
import { dummyHash, verifyPassword } from '../domain/passwords.js';
import { courtPage, FORM_EXPIRED, formToken, formTokenValid } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * Filing fees on the court host (research A.7; docs/nef.md): Utilities > Internet Payments Due
 * (the account's unpaid fees at this court, payable there) and the pay.gov-like page both it and
 * the filing's Pay Now lead to. Paths and pages are invented (README); the steps are the guides':
 * re-enter the PACER password, the stored card, authorize, back to CM/ECF.
 */

/** Invented texts of the pay page. */
export const PAY_TEXT = {
  password: 'The PACER password is not correct.',
  authorize: 'Check the box to authorize the payment.',
  nothing: 'There is nothing to pay: the fees are paid already or are not yours.',
} as const;

/** Where Pay Now may send the filer back: a court script on this host, never elsewhere. */
const LOCAL_RETURN = /^\/cgi-bin\/[A-Za-z0-9_.]+\.pl(\?[A-Za-z0-9_.,=&%+-]*)?$/;
const FILING_KEY = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_FEES = 50;

/** What the pay page is for: a filing's fees (Pay Now) or unpaid fees picked on Internet Payments Due. */
type Payment = { kind: 'filing'; filingKey: string; returnUrl: string; fees: Fee[] } | { kind: 'due'; feeIds: number[] };

function readPayment(params: URLSearchParams): Payment | null {
  const filingKey = params.get('filing');
  if (filingKey !== null) {
    const returnUrl = params.get('return') ?? '';
    if (!FILING_KEY.test(filingKey) || !LOCAL_RETURN.test(returnUrl)) return null;
    const labels = params.getAll('label');
    const fees = params
      .getAll('fee')
      .slice(0, MAX_FEES)
      .map((c, n) => ({ cents: Number(c), label: (labels[n] ?? 'Filing fee').slice(0, 200) }))
      .filter((f) => Number.isSafeInteger(f.cents) && f.cents > 0);
    return { kind: 'filing', filingKey, returnUrl, fees };
  }
  const feeIds = params
    .getAll('fee_id')
    .slice(0, MAX_FEES)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return feeIds.length > 0 ? { kind: 'due', feeIds } : null;
}

/** The payment's fields as hidden inputs, so the POST carries what the GET showed. */
function paymentFields(p: Payment): [string, string][] {
  if (p.kind === 'due') return p.feeIds.map((id) => ['fee_id', String(id)]);
  return [['filing', p.filingKey], ['return', p.returnUrl], ...p.fees.flatMap((f): [string, string][] => [['fee', String(f.cents)], ['label', f.label]])];
}

export default async function feesRoutes(app: FastifyInstance) {
  const fees = createFeeService({ repos: app.repos, clock: app.clock });

  /** The fees a due payment names that are this account's, unpaid, at this court. */
  function dueFees(request: FastifyRequest, ids: readonly number[]) {
    const { account, court } = request.ecf;
    const mine = new Set(ids);
    return fees.unpaid(account.id, court.code).filter((f) => mine.has(f.id));
  }

  function renderPay(request: FastifyRequest, reply: FastifyReply, payment: Payment, error: string | null, status = 200) {
    const shown = payment.kind === 'filing' ? payment.fees : dueFees(request, payment.feeIds).map((f) => ({ cents: f.amountCents, label: `${f.label} (${f.receiptNumber})` }));
    if (shown.length === 0) return courtPage(reply, request, 'ecf/fees/pay', payData(payment, [], PAY_TEXT.nothing, request), { status: 404 });
    return courtPage(reply, request, 'ecf/fees/pay', payData(payment, shown, error, request), { status });
  }

  function payData(payment: Payment, shown: Fee[], error: string | null, request: FastifyRequest) {
    return {
      fees: shown,
      total: shown.reduce((n, f) => n + f.cents, 0),
      card: STORED_CARD,
      error,
      money: formatMoney,
      hidden: [['token', formToken(app, request, 'pay')], ...paymentFields(payment)],
    };
  }

  const queryOf = (request: FastifyRequest) => new URLSearchParams(request.url.split('?')[1] ?? '');

  app.get(ECF_PATHS.internetPayment, async (request, reply) => {
    const payment = readPayment(queryOf(request));
    if (!payment) return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    return renderPay(request, reply, payment, null);
  });

  app.post(ECF_PATHS.internetPayment, async (request, reply) => {
    const body = request.body;
    const params = new URLSearchParams();
    for (const name of ['filing', 'return']) if (field(body, name, 2000) !== '') params.set(name, field(body, name, 2000));
    for (const name of ['fee', 'label', 'fee_id']) for (const v of fieldList(body, name, 200, MAX_FEES)) params.append(name, v);
    const payment = readPayment(params);
    if (!payment) return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    if (!formTokenValid(app, request, 'pay', field(body, 'token', 200))) return renderPay(request, reply, payment, FORM_EXPIRED, 403);
    if (field(body, 'action', 20) === 'cancel') return reply.redirect(payment.kind === 'filing' ? payment.returnUrl : ECF_PATHS.paymentsDue, 303);

    const { account, court, session } = request.ecf;
    const password = field(body, 'password', 200);
    const ok = await verifyPassword(password, account.passwordHash || dummyHash(app.config.passwordHashCost));
    const who = { actor: account.username, action: 'fee.authorize', detail: `court=${court.code}` };
    if (!ok) {
      app.record(request, { ...who, outcome: 'bad_password' });
      return renderPay(request, reply, payment, PAY_TEXT.password);
    }
    if (field(body, 'authorize', 10) !== 'yes') return renderPay(request, reply, payment, PAY_TEXT.authorize);

    if (payment.kind === 'filing') {
      // The filing charges the fee at its commit, marked paid; this only vouches that the filer authorized.
      app.record(request, { ...who, outcome: 'ok', detail: `${who.detail} filing=${payment.filingKey}` });
      return reply.redirect(withAuthorization(payment.returnUrl, paymentAuthorization(app.secret, session.token, payment.filingKey)), 303);
    }
    const paid = fees.pay(account.id, court.code, payment.feeIds, STORED_CARD, app.clock.now(), { actor: account.username, host: request.headers.host ?? '' });
    if (paid.length === 0) return renderPay(request, reply, payment, PAY_TEXT.nothing, 409);
    return reply.redirect(`${ECF_PATHS.paymentsDue}?paid=${paid.map((f) => f.id).join(',')}`, 303);
  });

  app.get(ECF_PATHS.paymentsDue, async (request, reply) => {
    const { account, court } = request.ecf;
    if (request.ecf.variant === 'pacer') return courtPage(reply, request, 'ecf/not-a-filer', { category: 'Internet Payments Due' }, { status: 403 });
    const zone = court.notice.timeZone;
    const unpaid = fees.unpaid(account.id, court.code);
    const paidIds = new Set((queryOf(request).get('paid') ?? '').split(',').map(Number));
    const paid = [...paidIds]
      .map((id) => app.repos.fees.byId(id))
      .filter((f) => f !== null && f.pacerAccountId === account.id && f.court === court.code && f.paidAt !== null);
    const locksAt = fees.locksAt(account.id, court.code);
    return courtPage(reply, request, 'ecf/fees/due', {
      fees: unpaid.map((f) => ({
        ...f,
        incurred: courtTime(zone, f.incurredAt).date,
        caseNumber: f.caseId === null ? '' : (app.repos.cases.byId(f.caseId)?.numberFull ?? ''),
      })),
      total: unpaid.reduce((n, f) => n + f.amountCents, 0),
      paid,
      locked: fees.filingLocked(account.id, court.code),
      lockText: FEE_LOCK_TEXT,
      // The lock comes at the end of the day: "after 11:59 p.m. on <that day>".
      locksAt: locksAt === null ? null : courtTime(zone, locksAt - 1).date,
      money: formatMoney,
    });
  });
}
