import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/config.js';
import { parseHost } from '../../server/domain/hosts.js';
import { hashPassword, verifyPassword } from '../../server/domain/passwords.js';
import { newJSessionId, newSessionToken } from '../../server/domain/tokens.js';
import { formAction, inputValue } from '../support/browser.js';
import { ECF_PASSWORD, makeApp, PACER_PASSWORD, serve, serveWithBrowser, testDb } from '../support/app.js';
import { loginForm, logIn, redactionForm, serveLoggedIn, showsDialog } from '../support/journey.js';

/**
 * One test (or a few) per security measure the README lists under "Security".
 */
let app: FastifyInstance;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
});

const LOGIN = '/csologin/login.jsf?pscCourtId=FLSDC&appurl=';
const setCookies = (h: Record<string, unknown>) => ([] as string[]).concat((h['set-cookie'] as string | string[] | undefined) ?? []);

describe('session tokens', () => {
  it('are 128 characters from the CSPRNG: alphanumeric, unique, evenly spread, never Math.random', () => {
    const random = vi.spyOn(Math, 'random');
    const tokens = Array.from({ length: 2000 }, newSessionToken);
    expect(random).not.toHaveBeenCalled();
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    // 128 symbols of 62 carry 762 bits; check the symbols are used evenly (no modulo bias):
    // chi-square over 62 symbols has mean 61 and sd ~11, so 200 is far out of chance's reach.
    const counts = new Map<string, number>();
    for (const t of tokens) for (const c of t) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (tokens.length * 128) / 62;
    const chi = [...counts.values()].reduce((s, n) => s + (n - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(200);
    expect(128 * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  it('JSESSIONIDs carry 128 random bits', () => {
    const ids = Array.from({ length: 1000 }, newJSessionId);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a login never adopts a token the browser brought: a new one at every login', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const planted = 'A'.repeat(128);
    b.cookies.push({ name: 'NextGenCSO', value: planted, domain: 'localhost', hostOnly: true, path: '/' });
    await logIn(b, `${base}/cgi-bin/login.pl`, 'researcher');
    const first = b.cookie('NextGenCSO');
    expect(first).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(first).not.toBe(planted);
    expect(app.repos.sessions.get(planted)).toBeUndefined();
    await b.get(`${base}/cgi-bin/login.pl?logout`);
    await logIn(b, `${base}/cgi-bin/login.pl`, 'researcher');
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(b.cookie('NextGenCSO')).not.toBe(first);
  });

  it('keeps the JSESSIONID through the login by default, as the real CSO does', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const page = await b.get(`${base}${LOGIN}`);
    const jsessionid = b.cookie('JSESSIONID');
    const dialog = await b.post(formAction(page, 'loginForm'), loginForm(page, 'jattorney'));
    expect(showsDialog(dialog, 'redactionConfirmation')).toBe(true);
    expect(dialog.setCookies.some((c) => c.startsWith('JSESSIONID='))).toBe(false);
    const done = await b.post(formAction(dialog, 'regmsg'), redactionForm(dialog, true), false);
    expect(done.status).toBe(302);
    expect(b.cookie('JSESSIONID')).toBe(jsessionid);
  });

  it('with HARDEN_COOKIES=on, a JSESSIONID planted before the password cannot finish the login behind it', async () => {
    app = await makeApp({ hardenCookies: true });
    const { base, browser } = await serve(app);
    // The attacker gets a JSESSIONID and its ViewState, and plants the cookie in the victim's browser.
    const attacker = browser();
    const attackerPage = await attacker.get(`${base}${LOGIN}`);
    const victim = browser();
    victim.cookies.push({ ...(attacker.cookies.find((c) => c.name === 'JSESSIONID') as (typeof attacker.cookies)[number]) });
    const dialog = await victim.post(formAction(attackerPage, 'loginForm'), loginForm(attackerPage, 'jattorney'));
    expect(showsDialog(dialog, 'redactionConfirmation')).toBe(true);
    expect(victim.cookie('JSESSIONID')).not.toBe(attacker.cookie('JSESSIONID'));
    // The attacker now answers the victim's redaction dialog with the planted id: refused.
    const stolen = await attacker.post(formAction(attackerPage, 'loginForm'), redactionForm(attackerPage, true), false);
    expect(stolen.status).toBe(200);
    expect(attacker.cookie('NextGenCSO')).toBeUndefined();
    // The victim goes on with the fresh one.
    const done = await victim.post(formAction(dialog, 'regmsg'), redactionForm(dialog, true), false);
    expect(done.status).toBe(302);
    expect(victim.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
  });
});

describe('cookies', () => {
  /** The Set-Cookie headers of a GET of the login page and a PACER-only login, by cookie name. */
  async function loginCookies(overrides: Parameters<typeof makeApp>[0] = {}): Promise<Map<string, string>> {
    app = await makeApp(overrides);
    const { base, b } = await serveWithBrowser(app);
    const page = await b.get(`${base}${LOGIN}`);
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', undefined, 'matter-1'), false);
    return new Map([...page.setCookies, ...res.setCookies].map((c) => [c.slice(0, c.indexOf('=')), c]));
  }
  const PACER_COOKIES = ['NextGenCSO', 'PacerSession', 'PacerUser', 'PacerPref', 'PacerClientCode'];

  it('PACER cookies are readable by page scripts (no HttpOnly, as real: RECAP reads them); JSESSIONID is HttpOnly; all SameSite=Lax, not Secure over HTTP', async () => {
    const cookies = await loginCookies();
    for (const name of [...PACER_COOKIES, 'JSESSIONID']) {
      const c = cookies.get(name);
      expect(c, name).toBeDefined();
      expect(c).toMatch(/; SameSite=Lax/);
      expect(c).not.toMatch(/; Secure/);
      if (name === 'JSESSIONID') expect(c).toMatch(/; HttpOnly/);
      else expect(c, name).not.toMatch(/HttpOnly/i);
    }
  });

  it('with HARDEN_COOKIES=on every one is HttpOnly', async () => {
    const cookies = await loginCookies({ hardenCookies: true });
    for (const name of [...PACER_COOKIES, 'JSESSIONID']) expect(cookies.get(name), name).toMatch(/; HttpOnly/);
  });

  it("the mock's own dashboard cookie is HttpOnly", async () => {
    app = await makeApp({ adminToken: 'security-test-token-0123456789' });
    const { base, b } = await serveWithBrowser(app);
    const signedIn = await b.post(`${base}/__admin/login`, { token: 'security-test-token-0123456789' }, false);
    expect(signedIn.setCookies.find((c) => c.startsWith('mock_pacer_admin='))).toMatch(/; HttpOnly/);
  });

  it('are Secure when the request came over TLS', async () => {
    app = await makeApp();
    // Stands in for a TLS listener: the host router's scheme is what the cookie code reads.
    app.addHook('onRequest', async (request) => {
      request.site.scheme = 'https';
    });
    const page = await app.inject({ url: LOGIN, headers: { host: 'localhost' } });
    const jsession = setCookies(page.headers).find((c) => c.startsWith('JSESSIONID='));
    expect(jsession).toMatch(/; HttpOnly; Secure; SameSite=Lax/);
    const res = await app.inject({
      method: 'POST',
      url: LOGIN,
      headers: { host: 'localhost', cookie: (jsession ?? '').split(';')[0] ?? '' },
      payload: loginForm({ status: 200, url: '', headers: {}, body: page.body, setCookies: [] }, 'researcher'),
    });
    expect(res.statusCode).toBe(302);
    const cookies = setCookies(res.headers);
    expect(cookies.length).toBeGreaterThanOrEqual(4);
    for (const c of cookies) expect(c).toMatch(/; Secure/);
  });
});

describe('CSRF: every state-changing form carries a token, and a missing or foreign one is refused cleanly', () => {
  it('CSO login: no ViewState, or one for another JSESSIONID, logs nobody in', async () => {
    app = await makeApp();
    const { base, browser, b } = await serveWithBrowser(app);
    const page = await b.get(`${base}${LOGIN}`);
    const other = await browser().get(`${base}${LOGIN}`);
    for (const viewState of ['', inputValue(other.body, 'javax.faces.ViewState') ?? '', 'x'.repeat(300)]) {
      const res = await b.post(formAction(page, 'loginForm'), { ...loginForm(page, 'researcher'), 'javax.faces.ViewState': viewState }, false);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Your browser must be set to accept cookies in order to log in to this site.');
      expect(b.cookie('NextGenCSO')).toBeUndefined();
    }
  });

  it('CM/ECF link and client-code forms: missing, foreign or altered tokens get the 403 page and change nothing', async () => {
    app = await makeApp();
    const { base, browser, b } = await serveLoggedIn(app, 'jattorney');
    const other = browser();
    await logIn(other, `${base}/cgi-bin/login.pl`, 'mgonzalez');
    const foreignToken = inputValue((await other.get(`${base}/cgi-bin/LinkAccount.pl`)).body, 'token') ?? '';
    const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    const own = inputValue(form.body, 'token') ?? '';
    expect(own).not.toBe('');

    for (const token of [undefined, '', foreignToken, `${own}x`]) {
      const body: Record<string, string> = { step: 'credentials', login: 'attytest4', key: ECF_PASSWORD };
      if (token !== undefined) body['token'] = token;
      const res = await b.post(`${base}/cgi-bin/LinkAccount.pl`, body);
      expect(res.status).toBe(403);
      expect(res.body).toContain('This form has expired or did not come from this site. Please start again.');
      expect(res.body).not.toContain('id="linkConfirm"');
    }
    // The confirmation needs both its tokens for this session and this account.
    const confirm = await b.post(`${base}/cgi-bin/LinkAccount.pl`, { step: 'credentials', token: own, login: 'attytest4', key: ECF_PASSWORD });
    const forged = await b.post(`${base}/cgi-bin/LinkAccount.pl`, {
      step: 'confirm',
      token: own,
      ecfAccountId: inputValue(confirm.body, 'ecfAccountId') ?? '',
      confirmToken: 'forged',
    });
    expect(forged.status).toBe(403);
    expect(app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.linkedPacerAccountId).toBeNull();

    const code = await b.post(`${base}/cgi-bin/ChangeClientCode.pl`, { clientCode: 'EVIL', token: foreignToken });
    expect(code.status).toBe(403);
    expect(b.cookie('PacerClientCode')).toBeUndefined();
  });

  it('control plane: a state-changing request a browser sends from another site is refused', async () => {
    app = await makeApp();
    const reset = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/__admin/reset', headers: { host: 'localhost:8080', 'content-type': 'text/plain', ...headers }, payload: 'x' });
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      const res = await reset(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await reset({ origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await reset({})).statusCode).toBe(200); // the CLI and curl send neither header
  });
});

describe('response headers', () => {
  it('refuse framing except same-origin and MIME sniffing, on pages, assets, errors and JSON', async () => {
    app = await makeApp();
    const cases = [
      { url: LOGIN },
      { url: '/cgi-bin/login.pl' },
      { url: '/no/such/page' },
      { url: '/css/default.css' },
      { url: '/__admin/health' },
      { url: LOGIN, method: 'POST' as const, headers: { 'content-type': 'application/json' }, payload: '{bad' },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: c.method ?? 'GET', url: c.url, headers: { host: 'localhost', ...(c.headers ?? {}) }, payload: c.payload });
      expect(res.headers['x-frame-options'], c.url).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy'], c.url).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options'], c.url).toBe('nosniff');
      expect(res.headers['content-type'], c.url).toBeDefined();
    }
  });
});

describe('body size', () => {
  it('refuses a body over 256 KB with a 413 page, and accepts one just under', async () => {
    app = await makeApp();
    const page = await app.inject({ url: LOGIN, headers: { host: 'localhost' } });
    const cookie = (setCookies(page.headers)[0] ?? '').split(';')[0] ?? '';
    const post = (size: number) =>
      app.inject({
        method: 'POST',
        url: LOGIN,
        headers: { host: 'localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `loginForm=loginForm&loginForm%3AloginName=researcher&junk=${'a'.repeat(size)}`,
      });
    const big = await post(300 * 1024);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('The request was too large.');
    expect(big.body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const small = await post(200 * 1024);
    expect(small.statusCode).toBe(200);
    const json = await app.inject({
      method: 'POST',
      url: '/__admin/reset',
      headers: { host: 'localhost', 'content-type': 'application/json' },
      payload: JSON.stringify({ junk: 'a'.repeat(300 * 1024) }),
    });
    expect(json.statusCode).toBe(413);
  });
});

describe('no open redirect through appurl', () => {
  it('sends the browser to the court home for every foreign or malformed appurl', async () => {
    app = await makeApp();
    const { base, port, browser } = await serve(app);
    const evil = [
      'https://evil.example/',
      '//evil.example/x',
      '\\\\evil.example',
      'https:\\\\evil.example',
      'https:/\\evil.example',
      'http://localhost@evil.example/',
      `http://localhost:${port}@evil.example/`,
      `http://evil.example#@localhost:${port}/`,
      `http://localhost.evil.example:${port}/`,
      'HTTP://EVIL.EXAMPLE/',
      'http://%65vil.example/',
      `http://localhost:${port + 1}/`,
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      `http://ecf.flsd.uscourts.gov.evil.example:${port}/`,
      `http://ecf.zzzz.localhost:${port}/`,
    ];
    for (const appurl of evil) {
      const b = browser();
      const page = await b.get(`${base}${LOGIN}${encodeURIComponent(appurl)}`);
      const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
      expect(res.status, appurl).toBe(302);
      expect(res.headers['location'], appurl).toBe(`${base}/`);
    }
    // The safe case still works: back to the page asked for.
    const b = browser();
    const page = await b.get(`${base}${LOGIN}${encodeURIComponent(`${base}/cgi-bin/iquery.pl`)}`);
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
    expect(res.headers['location']).toBe(`${base}/cgi-bin/iquery.pl`);
  });

  it('safeAppUrl keeps redirects on the hosts the mock serves', async () => {
    const { safeAppUrl } = await import('../../server/domain/hosts.js');
    const here = parseHost('pacer.login.uscourts.gov');
    const isCourt = (c: string) => c === 'flsd';
    expect(safeAppUrl('https://ecf.flsd.uscourts.gov/cgi-bin/x', here, isCourt)).toBe('https://ecf.flsd.uscourts.gov/cgi-bin/x');
    for (const u of ['https://ecf.flsd.uscourts.gov.evil.example/', 'https://evil.example/ecf.flsd.uscourts.gov', 'https://ecf.flsd.evil.example/']) {
      expect(safeAppUrl(u, here, isCourt), u).toBeNull();
    }
  });
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes: never in clear, a new salt each time, the cost in the string', async () => {
    const a = hashPassword(PACER_PASSWORD, 6);
    const b = hashPassword(PACER_PASSWORD, 6);
    expect(a).toMatch(/^scrypt\$6\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PACER_PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PACER_PASSWORD.toLowerCase(), a)).toBe(false);

    app = await makeApp();
    const rows = testDb(app).prepare('SELECT password_hash AS h FROM pacer_accounts UNION ALL SELECT password_hash FROM ecf_accounts').all() as { h: string }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const { h } of rows) {
      expect(h).toMatch(/^scrypt\$8\$/);
      expect(h).not.toContain(PACER_PASSWORD);
      expect(h).not.toContain(ECF_PASSWORD);
    }
    expect(new Set(rows.map((r) => r.h)).size).toBe(rows.length);
  });

  it('take their cost from PASSWORD_HASH_COST', async () => {
    expect(loadConfig({}).passwordHashCost).toBe(8);
    expect(loadConfig({ PASSWORD_HASH_COST: '12' }).passwordHashCost).toBe(12);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '3' })).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '21' })).toThrow(/PASSWORD_HASH_COST/);
    app = await makeApp({ passwordHashCost: 5 });
    const row = testDb(app).prepare("SELECT password_hash AS h FROM pacer_accounts WHERE username = 'researcher'").get() as { h: string };
    expect(row.h).toMatch(/^scrypt\$5\$/);
    const { base, browser } = await serve(app);
    const landed = await logIn(browser(), `${base}/cgi-bin/login.pl`, 'researcher');
    expect(landed.body).toContain('/cgi-bin/login.pl?logout');
  });
});

describe('the cached blank login page', () => {
  it('gives every visitor a ViewState of their own, valid only with their JSESSIONID', async () => {
    app = await makeApp();
    const { base, browser } = await serve(app);
    const [a, b] = [browser(), browser()];
    const pa = await a.get(`${base}${LOGIN}`);
    const pb = await b.get(`${base}${LOGIN}`);
    // The ViewState is in each form: the login form and the hidden Redaction Agreement.
    const withoutViewStates = (html: string) => html.replace(/value="[^"]*" autocomplete="off"/g, '');
    expect(withoutViewStates(pa.body)).toBe(withoutViewStates(pb.body));
    expect(pa.body.match(/name="javax\.faces\.ViewState"/g)?.length).toBe(2);
    expect(inputValue(pa.body, 'javax.faces.ViewState')).not.toBe(inputValue(pb.body, 'javax.faces.ViewState'));
    const swapped = await a.post(formAction(pb, 'loginForm'), loginForm(pb, 'researcher'), false);
    expect(swapped.status).toBe(200);
    const own = await b.post(formAction(pb, 'loginForm'), loginForm(pb, 'researcher'), false);
    expect(own.status).toBe(302);
  });
});
