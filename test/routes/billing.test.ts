import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  billablePagesForText,
  documentCostCents,
  dollars,
  quarterOf,
  searchCostCents,
  sortTransactions,
  totalsByClientCode,
  waiverNote,
  type Transaction,
} from '../../server/domain/billing.js';
import { parseSeed, SeedError } from '../../seeds/seed.js';
import { makeApp } from '../support/app.js';
import { decodeEntities, inputValue } from '../support/browser.js';
import { caseQueryFields, JURISCRAPER_QUERY_URL, postForm, sessionCookies } from '../support/case-query.js';
import { parsed, receiptOf as readReceipt } from '../support/captured.js';

/**
 * Billing: the fee arithmetic, Query's billable answers and their receipt, Change Client Code,
 * Review Billing History and the Transaction Log.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

function sessionFor(username = 'researcher', clientCode = ''): { token: string; cookies: Record<string, string> } {
  const cookies = sessionCookies(app, username, clientCode);
  return { token: cookies['NextGenCSO'] ?? '', cookies };
}

const get = (url: string, cookies: Record<string, string> = {}, host = 'localhost') =>
  app.inject({ method: 'GET', url, cookies, headers: { host } });

/**
 * Bad input on a logged-in form page (Billing History): each `?query` is answered 200 with
 * its message on the page, and `alsoOnPage` checks what else that answer must (not) show.
 */
async function expectRefusals(
  path: string,
  cookies: Record<string, string>,
  cases: readonly (readonly [query: string, message: string])[],
  alsoOnPage: (body: string) => void,
): Promise<void> {
  for (const [query, message] of cases) {
    const res = await get(`${path}?${query}`, cookies);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(message);
    alsoOnPage(res.body);
  }
}

/** The receipt's rows as label → value, read from the page as clients parse it. */
function receiptOf(html: string): Record<string, string> {
  const { time: _time, ...rows } = readReceipt(parsed(html));
  return rows;
}

const tx = (over: Partial<Transaction>): Transaction => ({
  at: 0,
  court: 'flsd',
  description: 'Search',
  searchCriteria: '',
  pages: 1,
  costCents: 10,
  clientCode: '',
  ...over,
});

describe('billing arithmetic', () => {
  it('charges $0.10 a page, caps a document at $3.00 (30 pages), and never caps searches', () => {
    expect(documentCostCents(1)).toBe(10);
    expect(documentCostCents(29)).toBe(290);
    expect(documentCostCents(30)).toBe(300);
    expect(documentCostCents(31)).toBe(300);
    expect(documentCostCents(500)).toBe(300);
    expect(documentCostCents(0)).toBe(0);
    expect(documentCostCents(-3)).toBe(0);
    expect(searchCostCents(45)).toBe(450);
  });

  it('counts 4,320 bytes of results as a page, at least one', () => {
    expect(billablePagesForText('')).toBe(1);
    expect(billablePagesForText('x'.repeat(4320))).toBe(1);
    expect(billablePagesForText('x'.repeat(4321))).toBe(2);
  });

  it('keeps money in whole cents', () => {
    expect(dollars(10)).toBe('0.10');
    expect(dollars(5)).toBe('0.05');
    expect(dollars(300)).toBe('3.00');
    expect(dollars(123456)).toBe('1234.56');
    expect(dollars(0)).toBe('0.00');
    expect(dollars(9.6)).toBe('0.10');
    // Three 10-cent searches are 30 cents, not 0.30000000000000004.
    expect(dollars(totalsByClientCode([tx({}), tx({}), tx({})]).overall.costCents)).toBe('0.30');
  });

  it('totals per client code and overall; sorts by date or by client code then date', () => {
    const rows = [
      tx({ at: 3, clientCode: 'beta', pages: 2, costCents: 20 }),
      tx({ at: 1, clientCode: 'alpha', pages: 31, costCents: 300 }),
      tx({ at: 2, clientCode: '', pages: 1, costCents: 10 }),
      tx({ at: 4, clientCode: 'alpha', pages: 1, costCents: 10 }),
    ];
    const { perClientCode, overall } = totalsByClientCode(rows);
    expect(perClientCode).toEqual([
      { clientCode: '', transactions: 1, pages: 1, costCents: 10 },
      { clientCode: 'alpha', transactions: 2, pages: 32, costCents: 310 },
      { clientCode: 'beta', transactions: 1, pages: 2, costCents: 20 },
    ]);
    expect(overall).toMatchObject({ transactions: 4, pages: 35, costCents: 340 });
    expect(sortTransactions(rows, 'date').map((r) => r.at)).toEqual([1, 2, 3, 4]);
    expect(sortTransactions(rows, 'client').map((r) => `${r.clientCode}@${r.at}`)).toEqual(['@2', 'alpha@1', 'alpha@4', 'beta@3']);
  });

  it('notes the $30 quarterly waiver', () => {
    const q = quarterOf(Date.UTC(2026, 10, 24, 12));
    expect(q.start).toBe(Date.UTC(2026, 9, 1));
    expect(q.end).toBe(Date.UTC(2027, 0, 1));
    expect(q.label).toBe('10/01/2026 to 12/31/2026');
    expect(quarterOf(Date.UTC(2026, 2, 31, 23, 59)).label).toBe('01/01/2026 to 03/31/2026');
    const within = waiverNote(3000, q);
    expect(within.waived).toBe(true);
    expect(within.text).toBe(
      "Your total for this quarter (10/01/2026 to 12/31/2026) is $30.00. Fees are waived when a quarter's total is $30 or less, so you will not be billed for this quarter.",
    );
    const over = waiverNote(3001, q);
    expect(over.waived).toBe(false);
    expect(over.text).toContain('is $30.01, more than $30');
  });
});

describe('Query (iquery.pl) billing', () => {
  it('bills a "Select a Case" list as a search, ending the page with the receipt and its real criteria wording', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const page = await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'smith' }, cookies);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Select a Case');

    // The receipt block: labels in the real order, then the date line's real format.
    const labels = ['PACER Service Center', 'Transaction Receipt', 'PACER Login:', 'Client Code:', 'Description:', 'Search Criteria:', 'Billable Pages:', 'Cost:'];
    const positions = labels.map((l) => page.body.indexOf(l));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page.body).toContain('<HR><CENTER><TABLE BORDER=1 BGCOLOR=white width="400"><TR><TH COLSPAN=4>');
    expect(readReceipt(parsed(page.body))['time']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    // Fidelity: "LName: lissner FName: michael" (captured case_queries_advanced/canb_2.html).
    expect(receiptOf(page.body)).toEqual({
      'PACER Login': 'researcher',
      'Client Code': '',
      Description: 'Search',
      'Search Criteria': 'LName: smith',
      'Billable Pages': '1',
      Cost: '0.10',
    });
    // It ENDS the page: nothing but closing tags after it.
    const after = page.body.slice(page.body.indexOf('</TABLE></CENTER></HR>') + '</TABLE></CENTER></HR>'.length);
    expect(after.replace(/<\/(div|body|html)>|\s/g, '')).toBe('');

    const account = app.repos.pacerAccounts.byUsername('researcher');
    const rows = app.repos.billing.between(account?.id ?? 0, 0, Number.MAX_SAFE_INTEGER);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ court: 'flsd', description: 'Search', searchCriteria: 'LName: smith', pages: 1, costCents: 10, clientCode: '' });
  });

  it('bills "No match found" and case lists, not a case summary, a refused form or a case not found', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const account = app.repos.pacerAccounts.byUsername('researcher');
    const billed = () => app.repos.billing.between(account?.id ?? 0, 0, Number.MAX_SAFE_INTEGER).map((r) => `${r.searchCriteria}|${r.pages}|${r.costCents}`);
    const alvarez = app.repos.cases.byNumber('flsd', '1:26-cv-20001');

    const summary = await postForm(app, JURISCRAPER_QUERY_URL, caseQueryFields(alvarez?.pacerCaseId ?? 0), cookies);
    expect(summary.body).toContain('Alvarez v. Sunshine Marine Supply, LLC');
    expect(summary.body).not.toContain('Cost: ');
    for (const fields of [{ last_name: '', first_name: 'Jordan' }, { Qry_filed_from: '2026-01-01' }, caseQueryFields(999_999)]) {
      const page = await postForm(app, JURISCRAPER_QUERY_URL, fields, cookies);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Cost: ');
    }
    expect(billed()).toEqual([]);

    // Fidelity: "No match found" with its receipt, 1 page, 0.10 (canb_2.html).
    const none = await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'lissner', first_name: 'michael' }, cookies);
    expect(none.body).toContain('No match found');
    expect(receiptOf(none.body)).toMatchObject({ 'Search Criteria': 'LName: lissner FName: michael', 'Billable Pages': '1', Cost: '0.10' });
    const filed = await postForm(app, JURISCRAPER_QUERY_URL, { Qry_filed_from: '03/01/2026', Qry_filed_to: '03/31/2026' }, cookies);
    expect(receiptOf(filed.body)['Search Criteria']).toBe('Filed From: 03/01/2026 Filed To: 03/31/2026');
    expect(billed()).toEqual(['LName: lissner FName: michael|1|10', 'Filed From: 03/01/2026 Filed To: 03/31/2026|1|10']);
  });

  it('"Cost: " appears only on logged-in pages', async () => {
    app = await makeApp();
    const anonymous = await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'smith' }, {});
    expect(anonymous.body).toContain('/csologin/login.jsf?pscCourtId=FLSDC');
    expect(anonymous.body).not.toContain('Cost: ');
    expect(anonymous.body).not.toContain('/cgi-bin/login.pl?logout');
    expect(app.repos.billing.between(1, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(0);
  });
});

describe('Change Client Code', () => {
  async function change(cookies: Record<string, string>, code: string) {
    const form = await get('/cgi-bin/ChangeClientCode.pl', cookies);
    return app.inject({
      method: 'POST',
      url: '/cgi-bin/ChangeClientCode.pl',
      cookies,
      payload: new URLSearchParams({ token: inputValue(form.body, 'token') ?? '', clientCode: code }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  it('refuses more than 32 characters, otherwise sets the session, the cookie and the next receipt', async () => {
    app = await makeApp();
    const s = sessionFor('researcher', 'start-code');
    const tooLong = await change(s.cookies, 'x'.repeat(33));
    expect(tooLong.statusCode).toBe(200);
    expect(tooLong.body).toContain('Client Code: must be 32 characters or fewer.');
    expect(tooLong.cookies.find((c) => c.name === 'PacerClientCode')).toBeUndefined();
    expect(app.repos.sessions.get(s.token)?.clientCode).toBe('start-code');

    const code = `matter-${'7'.repeat(25)}`; // exactly 32
    const ok = await change(s.cookies, code);
    expect(ok.body).toContain(`Your client code is now <strong>${code}</strong>`);
    expect(ok.cookies.find((c) => c.name === 'PacerClientCode')).toMatchObject({ value: code, path: '/' });
    expect(app.repos.sessions.get(s.token)?.clientCode).toBe(code);

    const query = await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'okafor' }, s.cookies);
    expect(receiptOf(query.body)['Client Code']).toBe(code);
    const account = app.repos.pacerAccounts.byUsername('researcher');
    expect(app.repos.billing.between(account?.id ?? 0, 0, Number.MAX_SAFE_INTEGER)[0]?.clientCode).toBe(code);

    // Blank clears it (and the cookie).
    const cleared = await change(s.cookies, '');
    expect(cleared.cookies.find((c) => c.name === 'PacerClientCode')?.value).toBe('');
    expect(app.repos.sessions.get(s.token)?.clientCode).toBe('');
  });
});

describe('Review Billing History', () => {
  it('lists a date range with totals per client code, sorts, and notes the waiver', async () => {
    app = await makeApp();
    app.clock.set(Date.UTC(2026, 10, 24, 15, 0, 0));
    const account = app.repos.pacerAccounts.byUsername('researcher');
    const id = account?.id ?? 0;
    const add = (at: number, clientCode: string, pages: number, costCents: number, court = 'flsd') =>
      app.repos.billing.add({ pacerAccountId: id, court, at, description: 'Search', searchCriteria: 'Last Name: x', pages, costCents, clientCode });
    add(Date.UTC(2026, 9, 2, 10), 'zeta', 2, 20);
    add(Date.UTC(2026, 9, 5, 10), 'acme', 1, 10, 'nysd');
    add(Date.UTC(2026, 10, 1, 10), 'zeta', 30, 300);
    add(Date.UTC(2026, 6, 1, 10), 'old', 5, 50); // the previous quarter

    const s = sessionFor();
    const page = await get('/cgi-bin/BillingHistory.pl', s.cookies);
    expect(page.statusCode).toBe(200);
    // Default range: this quarter so far.
    expect(inputValue(page.body, 'date_from')).toBe('10/01/2026');
    expect(inputValue(page.body, 'date_to')).toBe('11/24/2026');
    const table = page.body.slice(page.body.indexOf('id="billingTransactions"'), page.body.indexOf('id="billingTotals"'));
    expect(table.match(/<tr><td>/g)).toHaveLength(3);
    expect(table).not.toContain('>old<');
    expect(table).toContain('<td>10/05/2026 10:00:00</td><td>NYSD</td><td>Search</td><td>Last Name: x</td><td class="num">1</td><td class="num">0.10</td><td>acme</td>');
    const totals = page.body.slice(page.body.indexOf('id="billingTotals"'));
    expect(totals).toContain('<td>acme</td><td class="num">1</td><td class="num">1</td><td class="num">0.10</td>');
    expect(totals).toContain('<td>zeta</td><td class="num">2</td><td class="num">32</td><td class="num">3.20</td>');
    expect(totals).toContain('<th scope="row">Total</th><td class="num">3</td><td class="num">33</td><td class="num">3.30</td>');
    expect(decodeEntities(page.body)).toContain(
      "Your total for this quarter (10/01/2026 to 12/31/2026) is $3.30. Fees are waived when a quarter's total is $30 or less, so you will not be billed for this quarter.",
    );
    expect(page.body).not.toContain('Cost: ');

    // Sorted by date by default, by client code then date on request.
    const order = (html: string) => [...html.matchAll(/<td class="num">[\d.]+<\/td><td>(\w*)<\/td><\/tr>/g)].map((m) => m[1]);
    expect(order(table)).toEqual(['zeta', 'acme', 'zeta']);
    const byClient = await get('/cgi-bin/BillingHistory.pl?date_from=10%2F01%2F2026&date_to=11%2F24%2F2026&sort=client', s.cookies);
    expect(order(byClient.body.slice(byClient.body.indexOf('id="billingTransactions"'), byClient.body.indexOf('id="billingTotals"')))).toEqual(['acme', 'zeta', 'zeta']);

    // A range that ends on a day includes that whole day.
    const oneDay = await get('/cgi-bin/BillingHistory.pl?date_from=11%2F01%2F2026&date_to=11%2F01%2F2026', s.cookies);
    expect(oneDay.body).toContain('<th scope="row">Total</th><td class="num">1</td><td class="num">30</td><td class="num">3.00</td>');

    // Over $30 in the quarter: the note says it will be billed.
    for (let i = 0; i < 9; i++) add(Date.UTC(2026, 10, 2 + i, 10), 'zeta', 30, 300);
    const over = await get('/cgi-bin/BillingHistory.pl', s.cookies);
    expect(over.body).toContain('is $30.30, more than $30. Fees are waived only when a quarter');

    await expectRefusals('/cgi-bin/BillingHistory.pl', s.cookies, [
      ['date_from=2026-10-01', 'Enter dates as mm/dd/yyyy.'],
      ['date_from=02%2F30%2F2026', 'Enter dates as mm/dd/yyyy.'],
      ['date_from=11%2F02%2F2026&date_to=11%2F01%2F2026', 'The start date must not be after the end date.'],
    ], (body) => expect(body).not.toContain('id="billingTransactions"'));
  });
});

describe('View Your Transaction Log', () => {
  it('shows a linked filer its entries at this court; others are refused', async () => {
    app = await makeApp();
    const filer = sessionFor('rlinked');
    await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'kessler' }, filer.cookies);
    await postForm(app, JURISCRAPER_QUERY_URL, { last_name: 'fenwick' }, filer.cookies, 'ecf.nysd.uscourts.gov');
    const log = await get('/cgi-bin/TransactionLog.pl', filer.cookies);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('View Your Transaction Log');
    expect(log.body).toContain('court=flsd Search: 1 page(s), 0.10');
    expect(log.body).not.toContain('court=nysd');

    const other = sessionFor('researcher');
    const refused = await get('/cgi-bin/TransactionLog.pl', other.cookies);
    expect(refused.statusCode).toBe(403);
  });
});

describe('seed cases', () => {
  const base = { courts: [{ code: 'flsd', name: 'Southern District of Florida' }], pacerAccounts: [], ecfAccounts: [] };
  const withCase = (c: Record<string, unknown>) => ({
    ...base,
    cases: [{ court: 'flsd', number: '1:26-cv-20001', title: 'A v. B', filed: '2026-01-12', parties: [{ lastName: 'A', role: 'Plaintiff' }], ...c }],
  });

  it('are optional, validated, and name the entry and field of a problem', () => {
    expect(parseSeed(base, 'x.json').cases).toEqual([]);
    expect(parseSeed(withCase({}), 'x.json').cases[0]).toMatchObject({ number: '1:26-cv-20001', closed: null, parties: [{ lastName: 'A', firstName: '', role: 'Plaintiff' }] });
    const problem = (c: Record<string, unknown>) => {
      try {
        parseSeed(withCase(c), 'x.json');
      } catch (err) {
        expect(err).toBeInstanceOf(SeedError);
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(problem({ court: 'nysd' })).toBe('x.json: cases[0]: field "court" names "nysd", which is not in courts');
    expect(problem({ number: '26-20001' })).toBe('x.json: cases[0]: field "number" must be a case number like 1:26-cv-21234');
    expect(problem({ filed: '2026-02-30' })).toBe('x.json: cases[0]: field "filed" must be a date written YYYY-MM-DD');
    expect(problem({ closed: '2025-01-01' })).toContain('field "closed" must be a date written YYYY-MM-DD, not before filed');
    expect(problem({ parties: [] })).toContain('field "parties" must be an array of 1-40 parties');
    expect(problem({ parties: [{ lastName: 'A', role: 'Judge' }] })).toContain('cases[0].parties[0]: field "role" must be one of "Plaintiff"');
  });

  it('the built-in sandbox seeds several cases at every court', async () => {
    app = await makeApp();
    for (const court of ['flsd', 'nysd', 'flsb']) expect(app.repos.cases.forCourt(court).length).toBeGreaterThanOrEqual(5);
    expect(app.repos.cases.forCourt('nysd').every((c) => /^\d:26-|^\d:25-/.test(c.numberShort))).toBe(true);
  });
});
