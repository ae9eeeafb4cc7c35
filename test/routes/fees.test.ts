import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeeService, paymentAuthorized } from '../../server/domain/fees.js';
import { menuFor } from '../../server/domain/menus.js';
import { ECF_PATHS } from '../../server/ecf/paths.js';
import { makeApp, PACER_PASSWORD } from '../support/app.js';
import { inputValue } from '../support/browser.js';
import { postForm, sessionCookies } from '../support/case-query.js';
import { parsed, texts } from '../support/captured.js';

/** Fees on the court host: Utilities > Internet Payments Due, the pay page, Pay Now's round trip, the charges panel. */
let app: FastifyInstance;
afterEach(async () => app?.close());

// 2026-07-14 15:00 EDT.
const AFTERNOON = Date.UTC(2026, 6, 14, 19, 0);
const LATE = Date.UTC(2026, 6, 15, 3, 50);

async function filerApp() {
  app = await makeApp();
  app.clock.set(AFTERNOON);
  const cookies = sessionCookies(app, 'rlinked');
  const account = app.repos.pacerAccounts.byUsername('rlinked')!;
  const court = app.repos.courts.byCode('flsd')!;
  const courtCase = app.repos.cases.byNumber('flsd', '1:24-cv-21555')!;
  const fees = createFeeService({ repos: app.repos, clock: app.clock });
  const charge = () =>
    fees.charge({ court, pacerAccountId: account.id, ecfAccountId: 0, caseId: courtCase.id, docNumber: 40, filingId: 1, fee: { cents: 60500, label: 'Notice of Appeal' }, paid: false, at: app.clock.now() });
  return { cookies, account, fees, charge, token: cookies['NextGenCSO'] ?? '' };
}

const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies, headers: { host: 'localhost' } });

describe('Utilities > Internet Payments Due', () => {
  it('is on the Utilities page of a linked filer, not of a PACER-only user', async () => {
    const { cookies } = await filerApp();
    const page = await get('/cgi-bin/DisplayMenu.pl?Utilities', cookies);
    expect(parsed(page.body)('a[href="/cgi-bin/InternetPaymentsDue.pl"]').text()).toBe('Internet Payments Due');
    expect(menuFor('pacer').find((m) => m.id === 'utilities')?.submenu?.map((l) => l.text)).not.toContain('Internet Payments Due');
    const researcher = await get(ECF_PATHS.paymentsDue, sessionCookies(app, 'researcher'));
    expect(researcher.statusCode).toBe(403);
    expect(researcher.body).toContain('/cgi-bin/login.pl?logout');
  });

  it('lists the unpaid fee, warns of the lock, locks after 11:59 p.m. court time, and pays through the pay page', async () => {
    const first = await filerApp();
    const { charge, fees, account } = first;
    const empty = await get(ECF_PATHS.paymentsDue, first.cookies);
    expect(empty.body).toContain('There are no fees due at this court.');
    // 11:50 p.m. EDT: the fee's day ends in ten minutes (a session outlives that; a whole day it would not).
    app.clock.set(LATE);
    const cookies = sessionCookies(app, 'rlinked');
    const { receiptNumber, feeId } = charge();

    const due = await get(ECF_PATHS.paymentsDue, cookies);
    const $ = parsed(due.body);
    expect(texts($, '#paymentsDue tbody td').slice(1)).toEqual(['7/14/2026', '1:24-cv-21555-TWH', 'Notice of Appeal', receiptNumber, '$605.00']);
    expect(due.body).toContain('after 11:59 p.m. on 7/14/2026');
    expect($('#feeLock').length).toBe(0);
    expect(due.body).toContain('/cgi-bin/login.pl?logout');

    app.clock.set(LATE + 10 * 60_000);
    const locked = await get(ECF_PATHS.paymentsDue, cookies);
    expect(parsed(locked.body)('#feeLock').text()).toContain('CM/ECF will automatically lock your account for e-filing purposes');
    expect(fees.filingLocked(account.id, 'flsd')).toBe(true);

    // The form sends the checked fees to the pay page.
    const form = parsed(locked.body)('form[action="/cgi-bin/InternetPayment.pl"]');
    expect(form.attr('method')).toBe('get');
    const pay = await get(`${ECF_PATHS.internetPayment}?fee_id=${feeId}`, cookies);
    expect(parsed(pay.body)('#paymentTotal').text()).toBe('$605.00');
    const fields = { token: inputValue(pay.body, 'token') ?? '', fee_id: String(feeId), card: 'Visa ending 1111', action: 'submit' };

    const wrong = await postForm(app, ECF_PATHS.internetPayment, { ...fields, password: 'nope', authorize: 'yes' }, cookies);
    expect(parsed(wrong.body)('#payError').text()).toBe('The PACER password is not correct.');
    const unchecked = await postForm(app, ECF_PATHS.internetPayment, { ...fields, password: PACER_PASSWORD }, cookies);
    expect(parsed(unchecked.body)('#payError').text()).toBe('Check the box to authorize the payment.');
    expect(fees.unpaid(account.id, 'flsd')).toHaveLength(1);

    const done = await postForm(app, ECF_PATHS.internetPayment, { ...fields, password: PACER_PASSWORD, authorize: 'yes' }, cookies);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${ECF_PATHS.paymentsDue}?paid=${feeId}`);
    expect(fees.filingLocked(account.id, 'flsd')).toBe(false);
    const after = await get(done.headers.location as string, cookies);
    expect(after.body).toContain(`receipt number ${receiptNumber}`);
    expect(after.body).toContain('There are no fees due at this court.');
  });

  it("refuses another account's fee and a form without its token", async () => {
    const { charge } = await filerApp();
    const { feeId } = charge();
    const other = sessionCookies(app, 'jattorney');
    const pay = await get(`${ECF_PATHS.internetPayment}?fee_id=${feeId}`, other);
    expect(pay.statusCode).toBe(404);
    expect(parsed(pay.body)('#payError').text()).toBe('There is nothing to pay: the fees are paid already or are not yours.');
    expect(parsed(pay.body)('form[action="/cgi-bin/InternetPayment.pl"]').length).toBe(0);
    const { cookies } = { cookies: sessionCookies(app, 'rlinked') };
    const noToken = await postForm(app, ECF_PATHS.internetPayment, { fee_id: String(feeId), password: PACER_PASSWORD, authorize: 'yes', action: 'submit' }, cookies);
    expect(noToken.statusCode).toBe(403);
  });
});

describe('Pay Now (the filing round trip)', () => {
  const payNow = `${ECF_PATHS.internetPayment}?filing=k42&return=${encodeURIComponent('/cgi-bin/Filing.pl?k42-paid')}&fee=60500&label=Notice+of+Appeal`;

  it('shows the fee, and on authorize sends the browser back with a token the filing can check', async () => {
    const { cookies, token } = await filerApp();
    const page = await get(payNow, cookies);
    expect(page.statusCode).toBe(200);
    expect(texts(parsed(page.body), '#paymentFees tbody td')).toEqual(['Notice of Appeal', '$605.00']);
    const fields = { token: inputValue(page.body, 'token') ?? '', filing: 'k42', return: '/cgi-bin/Filing.pl?k42-paid', fee: '60500', label: 'Notice of Appeal', action: 'submit' };
    const back = await postForm(app, ECF_PATHS.internetPayment, { ...fields, password: PACER_PASSWORD, authorize: 'yes' }, cookies);
    expect(back.statusCode).toBe(303);
    const location = back.headers.location as string;
    expect(location.startsWith('/cgi-bin/Filing.pl?k42-paid&authorization=')).toBe(true);
    const given = decodeURIComponent(location.split('authorization=')[1] ?? '');
    expect(paymentAuthorized(app.secret, token, 'k42', given)).toBe(true);
    expect(paymentAuthorized(app.secret, token, 'k43', given)).toBe(false);
    // Cancel: back without the token.
    const cancel = await postForm(app, ECF_PATHS.internetPayment, { ...fields, action: 'cancel' }, cookies);
    expect(cancel.headers.location).toBe('/cgi-bin/Filing.pl?k42-paid');
  });

  it('never sends the browser to another site', async () => {
    const { cookies } = await filerApp();
    for (const target of ['https://evil.example/', '//evil.example/x.pl', '/cgi-bin/../x', 'javascript:alert(1)']) {
      const res = await get(`${ECF_PATHS.internetPayment}?filing=k42&return=${encodeURIComponent(target)}&fee=60500`, cookies);
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('the Summary of current charges panel', () => {
  it('renders the fees with Pay Now and Continue Filing posting to the filing', async () => {
    await filerApp();
    const html = app.renderView('ecf/fees/charges', {
      fee: { cents: 60500, label: 'Notice of Appeal' },
      fees: [{ cents: 60500, label: 'Notice of Appeal' }],
      action: '/cgi-bin/Filing.pl?k42-charges',
      hidden: { token: 't0k', step: 'charges' },
    });
    const $ = parsed(html);
    expect($('h2').text()).toBe('Summary of current charges');
    expect($('form').attr('action')).toBe('/cgi-bin/Filing.pl?k42-charges');
    expect($('button[name="choice"]').toArray().map((b) => [$(b).attr('value'), $(b).text()])).toEqual([
      ['paynow', 'Pay Now'],
      ['continue', 'Continue Filing'],
    ]);
    expect($('input[type="hidden"][name="token"]').attr('value')).toBe('t0k');
    expect($('#chargesTotal').text()).toBe('$605.00');
  });
});
