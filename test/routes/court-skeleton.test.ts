import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Eta } from 'eta';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../server/ecf/billable.js';
import { VIEWS_DIR } from '../../server/paths.js';
import { ECF_PASSWORD, makeApp, serveWithBrowser } from '../support/app.js';
import type { Browser } from '../support/browser.js';
import { captured, CAPTURED_DIR, parsed, pathTo, receiptOf, selectorCounts, texts } from '../support/captured.js';
import { linkAccount, logIn, serveLoggedIn } from '../support/journey.js';

/**
 * The court pages against captured real ones (test/fixtures/third_party/juriscraper, SOURCES.md):
 * the skeleton of attachment_pages/flsd_0510267.html on every page, the receipt of
 * dockets/district/nyed.html, the per-court titles, the bankruptcy filer's menus, `/`, and the
 * rule that every logged-in page keeps the logout link clients read as "logged in".
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOGOUT = '/cgi-bin/login.pl?logout';
const rawCaptured = (path: string) => readFileSync(join(CAPTURED_DIR, path), 'latin1');
/** The text between the first `from` and the end of the first `to` after it. */
function between(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  const end = html.indexOf(to, start);
  if (start < 0 || end < 0) return `(no ${from} ... ${to})`;
  return html.slice(start, end + to.length);
}

/** The selectors clients and the YUI script use on the skeleton, with their counts on the captured FLSD page. */
const SKELETON = [
  'link[rel="shortcut icon"][href="/favicon.ico"]',
  'link[rel="stylesheet"][href="/css/default.css"]',
  'link[rel="stylesheet"][href="/css/print.css"][media="print"]',
  'script[src="/lib/core.js"]',
  'script[src="/lib/core.js"][defer]',
  'script[src="/cgi-bin/menu.pl?id=-1"]',
  'body[bgcolor="E0FFFF"][text="000000"]',
  'div#topmenu.yuimenubar',
  'div#topmenu > div.bd',
  'img#cmecfLogo.cmecfLogo[src="/graphics/logo-cmecf-sm.png"]',
  'ul.first-of-type',
  'li.yuimenubaritem',
  'a.yuimenubaritemlabel',
  'a.yuimenubaritemlabel:not([href])',
  'div.spritedownarrow',
  'hr.hrmenuseparator',
  'div#cmecfMainContent',
  'input#cmecfMainContentScroll[type="hidden"][value="0"]',
  `a[href="${LOGOUT}"]`,
];

async function researcherAt(path: string) {
  app = await makeApp();
  const s = await serveLoggedIn(app, 'researcher');
  return { ...s, page: await s.b.get(`${s.base}${path}`) };
}

describe('the captured CM/ECF skeleton (attachment_pages/flsd_0510267.html)', () => {
  it('every court page has the captured head, body, menu bar and content wrapper, byte for byte where clients look', async () => {
    const { page } = await researcherAt('/cgi-bin/DisplayMenu.pl?Utilities');
    const real = rawCaptured('attachment_pages/flsd_0510267.html');
    const html = page.body;

    // No DOCTYPE; the head's links and scripts in the captured order (our additions: lang, viewport).
    expect(html.startsWith('<html lang="en"><head><link rel="shortcut icon"  href="/favicon.ico"/><title>CM/ECF - Live Database - flsd</title>\n')).toBe(true);
    const head = between(real, '<script type="text/javascript">var default_base_path', 'menu.pl?id=-1"></script>');
    expect(html).toContain(head);
    // The body's opening and the whole menu bar, through the createMenu call, as captured.
    const bar = between(real, "<body BGCOLOR=E0FFFF TEXT=000000 onLoad='SetFocus()'>", 'CMECF.MainMenu.createMenu);}</script>');
    expect(between(html, '<body', 'CMECF.MainMenu.createMenu);}</script>')).toBe(bar);
    // The content wrapper with its hidden scroll field and the court's SetFocus script.
    expect(html).toContain(between(real, '</script> <div id="cmecfMainContent">', '</SCRIPT>\n'));
    // No footer: the page ends as captured.
    expect(html.endsWith('</div></body></html>\n')).toBe(true);
  });

  it('the menu bar and content nest as captured, with the captured selector counts', async () => {
    const { page } = await researcherAt('/cgi-bin/ShowIndex.pl');
    const $ = parsed(page.body);
    const real = captured('attachment_pages/flsd_0510267.html');
    for (const selector of ['a.yuimenubaritemlabel', 'img#cmecfLogo', 'div.spritedownarrow', 'hr.hrmenuseparator', 'input#cmecfMainContentScroll', `a[href="${LOGOUT}"]`]) {
      expect(pathTo($, selector), selector).toBe(pathTo(real, selector));
    }
    expect(pathTo($, 'a.yuimenubaritemlabel')).toBe('html > body > div#topmenu.yuimenubar > div.bd > ul.first-of-type > li.yuimenubaritem > a.yuimenubaritemlabel');
    expect(selectorCounts($, SKELETON)).toEqual(selectorCounts(real, SKELETON));
    expect(texts($, '#topmenu a.yuimenubaritemlabel')).toEqual(texts(real, '#topmenu a.yuimenubaritemlabel'));
    // Single-quoted hrefs, as the real server writes them.
    expect(page.body).toContain(`<a class="yuimenubaritemlabel" href='/cgi-bin/iquery.pl'><u>Q</u>uery</a>`);
  });

  it('keeps the captured body colour and structure on the pages a visitor without a session sees, without the menu bar', async () => {
    app = await makeApp();
    for (const url of ['/cgi-bin/ShowIndex.pl', '/cgi-bin/login.pl', '/cgi-bin/DktRpt.pl']) {
      const res = await app.inject({ url });
      const $ = parsed(res.body);
      expect(res.statusCode, url).toBe(200);
      expect(res.body.startsWith('<html lang="en"><head>'), url).toBe(true);
      expect(selectorCounts($, ['body[bgcolor="E0FFFF"]', 'div#cmecfMainContent', 'input#cmecfMainContentScroll', 'div#topmenu']), url).toEqual({
        'body[bgcolor="E0FFFF"]': 1,
        'div#cmecfMainContent': 1,
        'input#cmecfMainContentScroll': 1,
        'div#topmenu': 0,
      });
      expect(res.body, url).not.toContain(LOGOUT);
      expect(res.body, url).not.toContain('Cost: ');
    }
    // A script the court does not have is the server's 404, for a visitor as for a session.
    expect((await app.inject({ url: '/cgi-bin/NoSuchScript.pl' })).statusCode).toBe(404);
  });

  it('serves / as exactly the captured one-line refresh', async () => {
    app = await makeApp();
    const res = await app.inject({ url: '/', headers: { host: 'ecf.nysd.uscourts.gov' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toBe("<html><meta http-equiv='REFRESH' content='0;url=/cgi-bin/ShowIndex.pl'></html>");
  });
});

describe('per-court titles and menus', () => {
  it.each([
    ['flsd', 'attachment_pages/flsd_0510267.html', 'CM/ECF - Live Database - flsd'],
    ['nysd', 'attachment_pages/nysd_12708012898.html', 'SDNY CM/ECF NextGen Version 1.7'],
    ['flsb', 'docket_history_reports/flsb_703069.html', 'CM/ECF LIVE - U.S. Bankruptcy Court:flsb'],
  ])('%s has its captured title', async (court, fixture, title) => {
    app = await makeApp();
    const res = await app.inject({ url: '/cgi-bin/ShowIndex.pl', headers: { host: `ecf.${court}.uscourts.gov` } });
    expect(parsed(res.body)('title').text()).toBe(title);
    expect(captured(fixture)('title').text()).toBe(title);
    // The body's colour as captured where the court has a capture with its own (NYSD ADC1CE).
    if (court === 'nysd') expect(res.body).toContain("<body BGCOLOR=ADC1CE TEXT=000000 onLoad='SetFocus()'>");
  });

  it('a linked filer at the bankruptcy court sees Bankruptcy and Adversary, not Civil and Criminal, with their event pages', async () => {
    app = await makeApp();
    const made = await app.inject({
      method: 'POST',
      url: '/__admin/accounts/ecf',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ court: 'flsb', login: 'jabk01', password: ECF_PASSWORD, firstName: 'John', lastName: 'Attorney' }),
    });
    expect(made.statusCode).toBe(201);
    const s = await serveWithBrowser(app);
    const flsb = `http://ecf.flsb.uscourts.localhost:${s.port}`;
    const flsd = `http://ecf.flsd.uscourts.localhost:${s.port}`;
    await logIn(s.b, `${flsb}/cgi-bin/login.pl`, 'jattorney');
    const { result } = await linkAccount(s.b, flsb, 'jabk01', ECF_PASSWORD);
    expect(texts(parsed(result.body), '#topmenu a.yuimenubaritemlabel').join(' ')).toBe('Query Reports Utilities Search Help Log Out');

    const page = await s.b.get(`${flsb}/cgi-bin/ShowIndex.pl`);
    const $ = parsed(page.body);
    // Captured bankruptcy bars: cacb (Bankruptcy Adversary Query Reports Utilities Manual Search Help Log Out)
    // and wiwb_1 (... Search Help Log Out User Manual); the court's own manual links are not ours.
    const wiwb = captured('dockets/bankruptcy/wiwb_1.html');
    const real = texts(wiwb, '#topmenu a.yuimenubaritemlabel').filter((t) => t !== 'User Manual');
    expect(texts($, '#topmenu a.yuimenubaritemlabel')).toEqual(real);
    const cacb = captured('case_queries_advanced/cacb.html');
    for (const name of ['BankruptcyEvents', 'AdversaryEvents']) {
      const selector = `a.yuimenubaritemlabel[href^="/cgi-bin/DisplayMenu.pl?${name}"]`;
      expect(pathTo($, selector)).toBe(pathTo(cacb, selector).replace(' > div.noprint', ''));
      expect(selectorCounts($, [`${selector} div.spritedownarrow`])).toEqual(selectorCounts(cacb, [`${selector} div.spritedownarrow`]));
    }
    expect(page.body).toContain(`href='/cgi-bin/DisplayMenu.pl?BankruptcyEvents'>Ba<u>n</u>kruptcy <div class='spritedownarrow'></div></a>`);
    expect(page.body).not.toContain('CivilEvents');

    const bankruptcy = await s.b.get(`${flsb}/cgi-bin/DisplayMenu.pl?BankruptcyEvents&id=-1`);
    expect(bankruptcy.status).toBe(200);
    expect(texts(parsed(bankruptcy.body), 'h2')).toEqual(['Bankruptcy Events']);
    // Issue 13: the menu's page lists the court's filing categories (seed data), each opening its picker.
    expect(bankruptcy.body).toContain('Motions/Applications');
    expect(bankruptcy.body).toContain('href="/cgi-bin/Dispatch.pl?bkmotion"');
    expect((await s.b.get(`${flsb}/cgi-bin/DisplayMenu.pl?AdversaryEvents`)).body).toContain('href="/cgi-bin/Dispatch.pl?apanswer"');
    // Each court has its own filing menus only.
    expect((await s.b.get(`${flsb}/cgi-bin/DisplayMenu.pl?CivilEvents`)).status).toBe(404);
    expect((await s.b.get(`${flsd}/cgi-bin/DisplayMenu.pl?BankruptcyEvents`)).status).toBe(404);
    // The drop-downs come from menu.pl, for this session at this court.
    const menu = await s.b.get(`${flsb}/cgi-bin/menu.pl?id=-1`);
    // Issue 13: the filing menus' drop-downs list the court's categories, each opening its picker.
    expect(menu.body).toContain('"/cgi-bin/DisplayMenu.pl?AdversaryEvents":[{"text":"Answers","href":"/cgi-bin/Dispatch.pl?apanswer"}');
  });

  it('the logged-out index names each court in its Document Filing System link', async () => {
    app = await makeApp();
    for (const [court, name] of [['flsd', 'Southern District of Florida'], ['flsb', 'Southern District of Florida Bankruptcy Court']]) {
      const res = await app.inject({ url: '/cgi-bin/ShowIndex.pl', headers: { host: `ecf.${court}.uscourts.gov` } });
      expect(texts(parsed(res.body), 'a[href="/cgi-bin/login.pl"]'), court).toEqual([`${name} – Document Filing System`]);
    }
  });
});

describe('the receipt (partials/receipt.eta)', () => {
  /** The partial rendered as the app renders it (server/plugins/views.ts's Eta options). */
  const renderReceipt = (receipt: Receipt) => new Eta({ views: VIEWS_DIR, autoEscape: true, autoTrim: [false, 'nl'] }).render('partials/receipt', { receipt });

  it('is the captured upper-case markup, byte for byte, given the captured values (dockets/district/nyed.html)', () => {
    const ours = renderReceipt({ time: '01/10/2019 16:44:38', login: 'hammurabi', clientCode: '', description: 'Docket Report', criteria: '1:14-cv-07524-WFK-VVP    ', pages: 3, cost: '0.30' });
    const real = between(rawCaptured('dockets/district/nyed.html'), '<HR><CENTER><TABLE', '</HR>');
    expect(ours.trimEnd()).toBe(real);
    const $ = parsed(`<div>${ours}</div>`);
    expect(selectorCounts($, ['table[id]', 'center > table[border="1"][bgcolor="white"][width="400"]'])).toEqual({ 'table[id]': 0, 'center > table[border="1"][bgcolor="white"][width="400"]': 1 });
  });

  it('reads as the captured receipts read, row for row (canb_2, cacb)', () => {
    const ours = parsed(renderReceipt({ time: '01/25/2019 16:19:13', login: 'mlissner.flp:4512899:0', clientCode: '', description: 'Search', criteria: 'LName: lissner FName: michael', pages: 1, cost: '0.10' }));
    expect(receiptOf(ours)).toEqual(receiptOf(captured('case_queries_advanced/canb_2.html')));
    const labels = ($: ReturnType<typeof parsed>) => Object.keys(receiptOf($));
    expect(labels(ours)).toEqual(labels(captured('case_queries_advanced/cacb.html')));
    expect(pathTo(ours, 'font[color="DARKRED"]').replace(/^html > body > /, '')).toBe(
      pathTo(captured('case_queries_advanced/cacb.html'), 'font[color="DARKRED"]').replace(/^.* > center > table/, 'center > table'),
    );
  });
});

describe('logged in means the logout link; logged out means neither it nor "Cost: "', () => {
  /** Every court page a logged-in account can reach, by GET unless a form is given. */
  const PAGES = [
    '/cgi-bin/login.pl',
    '/cgi-bin/ShowIndex.pl',
    '/cgi-bin/showpage.pl?16',
    '/cgi-bin/showpage.pl?99',
    '/cgi-bin/DisplayMenu.pl?Reports',
    '/cgi-bin/DisplayMenu.pl?Utilities',
    '/cgi-bin/DisplayMenu.pl?CivilEvents',
    '/cgi-bin/DisplayMenu.pl?CriminalEvents',
    '/cgi-bin/DisplayMenu.pl?Nothing',
    '/cgi-bin/Help.pl',
    '/cgi-bin/iquery.pl',
    '/cgi-bin/DktRpt.pl',
    '/cgi-bin/DktRpt.pl?1-L_1_0-1',
    '/cgi-bin/HistDocQry.pl?1-L_1_0-1',
    '/cgi-bin/WrtOpRpt.pl',
    '/cgi-bin/LinkAccount.pl',
    '/cgi-bin/LinkAccount.pl?forgot',
    '/cgi-bin/ChangeClientCode.pl',
    '/cgi-bin/BillingHistory.pl',
    '/cgi-bin/MaintainAccount.pl',
    '/cgi-bin/TransactionLog.pl',
    '/cgi-bin/NoSuchScript.pl',
  ];

  async function expectAllLoggedIn(b: Browser, base: string) {
    for (const path of PAGES) {
      const page = await b.get(`${base}${path}`);
      expect(page.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(page.body, path).toContain(LOGOUT);
      expect(page.body.startsWith('<html lang="en"><head>'), path).toBe(true);
      expect(parsed(page.body)('div#topmenu.yuimenubar > div.bd > ul.first-of-type').length, path).toBe(1);
    }
  }

  it('for an account not linked here, a linked filer, and the result page of linking', async () => {
    app = await makeApp();
    const { base, browser } = await serveWithBrowser(app);
    const loggedIn = async (username: string) => {
      const b = browser();
      await logIn(b, `${base}/cgi-bin/login.pl`, username);
      return b;
    };
    await expectAllLoggedIn(await loggedIn('researcher'), base);
    await expectAllLoggedIn(await loggedIn('rlinked'), base);
    const linking = await loggedIn('jattorney');
    const { confirm, result } = await linkAccount(linking, base, 'attytest4');
    for (const page of [confirm, result]) expect(page.body).toContain(LOGOUT);
    // A form posted back refused.
    const refused = await linking.post(`${base}/cgi-bin/ChangeClientCode.pl`, { token: 'forged', clientCode: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(LOGOUT);
  });

  it('the report scripts answer a browser GET with their form and a client multipart POST with a logged-in page', async () => {
    app = await makeApp();
    const { cookies } = await loginCookies();
    for (const [path, script] of [['/cgi-bin/DktRpt.pl', 'DktRpt.pl'], ['/cgi-bin/HistDocQry.pl', 'HistDocQry.pl'], ['/cgi-bin/WrtOpRpt.pl', 'WrtOpRpt.pl']] as const) {
      const boundary = '----mockpacer';
      // Case id 1 names no case (the Written Opinions report reads dates and lists nothing).
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="all_case_ids"\r\n\r\n1\r\n--${boundary}\r\nContent-Disposition: form-data; name="case_num"\r\n\r\n \r\n--${boundary}--\r\n`;
      const post = await app.inject({ method: 'POST', url: `${path}?1-L_1_0-1`, cookies, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
      const get = await app.inject({ method: 'GET', url: path, cookies });
      for (const res of [post, get]) {
        expect(res.statusCode, path).toBe(200);
        expect(res.body, path).toContain(LOGOUT);
        expect(res.body, path).not.toContain('Cost: ');
      }
      // The form posts multipart to the script with a nonce.
      expect(parsed(get.body)('form').attr('action'), path).toMatch(new RegExp(`^\\.\\./cgi-bin/${script.replace('.', '\\.')}\\?\\d{10,20}-L_1_0-1$`));
    }
    // Fidelity: an unknown case is the real "Case not found." (dockets/not_dockets/ned_43267.html).
    const dkt = await app.inject({ method: 'POST', url: '/cgi-bin/DktRpt.pl?1-L_1_0-1', cookies, payload: { all_case_ids: '1', case_num: ' ' } });
    expect(texts(parsed(dkt.body), '#cmecfMainContent h3')).toEqual(['Case not found.']);
    // Browser clients find the Docket Report by its script name on the Reports page.
    const reports = parsed((await app.inject({ url: '/cgi-bin/DisplayMenu.pl?Reports', cookies })).body);
    expect(texts(reports, '#cmecfMainContent a[href*="DktRpt.pl"]')).toEqual(['Docket Report']);
  });

  it('menu.pl is JavaScript for everyone: the session\'s drop-downs, or none without a session', async () => {
    app = await makeApp();
    const { cookies } = await loginCookies();
    const withSession = await app.inject({ url: '/cgi-bin/menu.pl?id=-1', cookies });
    const without = await app.inject({ url: '/cgi-bin/menu.pl?id=-1' });
    for (const res of [withSession, without]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).not.toContain('<');
    }
    expect(withSession.body).toContain('CMECF.menuData = {"/cgi-bin/DisplayMenu.pl?Reports":[{"text":"Docket Report","href":"/cgi-bin/DktRpt.pl"}');
    expect(without.body).toContain('CMECF.menuData = {};');
    // Part of the page, like its stylesheet: faults fire on the page, never on its script.
    const faulted = await app.inject({ url: '/cgi-bin/menu.pl?id=-1', cookies, headers: { 'x-mock-fault': 'MAINTENANCE,SPURIOUS_LOGIN_PAGE' } });
    expect(faulted.statusCode).toBe(200);
    expect(faulted.body).toBe(withSession.body);
  });

  it('the KEY cookie is set by script on the logged-in login.pl only', async () => {
    app = await makeApp();
    const { cookies } = await loginCookies();
    const key = /document\.cookie="KEY=([0-9a-f]{32}); path=\/";/;
    const first = (await app.inject({ url: '/cgi-bin/login.pl', cookies })).body.match(key)?.[1];
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect((await app.inject({ url: '/cgi-bin/login.pl', cookies })).body.match(key)?.[1]).toBe(first);
    expect((await app.inject({ url: '/cgi-bin/ShowIndex.pl', cookies })).body).not.toMatch(key);
    expect((await app.inject({ url: '/cgi-bin/login.pl' })).body).not.toMatch(key);
  });

  /** A session for researcher made through the Authentication API, as a client holds it. */
  async function loginCookies() {
    const res = await app.inject({
      method: 'POST',
      url: '/services/cso-auth',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: JSON.stringify({ loginId: 'researcher', password: 'Sandbox!Pacer2026' }),
    });
    const token = (JSON.parse(res.body) as { nextGenCSO: string }).nextGenCSO;
    return { cookies: { NextGenCSO: token, PacerSession: token } };
  }
});
