import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, messagesIn } from '../support/browser.js';
import { makeApp, serve, serveWithBrowser } from '../support/app.js';
import { linkAccount, loginForm, logIn } from '../support/journey.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

const MESSAGES = 'loginForm:pclLoginMessages';

describe('bad input never breaks a page', () => {
  it('answers a 10,000-character login, binary junk and missing fields with the page and a message', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const page = await b.get(`${base}/csologin/login.jsf`);
    const action = formAction(page, 'loginForm');
    const huge = await b.post(action, loginForm(page, 'x'.repeat(10_000), 'y'.repeat(10_000)));
    expect(huge.status).toBe(200);
    expect(messagesIn(huge.body, MESSAGES)).toBe('Invalid username or password');
    const junk = await b.post(action, loginForm(page, '\u0000\u0001\uFFFD\u00ff\u0007', '\u0000\u00fe'));
    expect(junk.status).toBe(200);
    expect(messagesIn(junk.body, MESSAGES)).toBe('Invalid username or password');
    const missing = await b.post(action, { loginForm: 'loginForm', 'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '' });
    expect(missing.status).toBe(200);
    // Both fields missing: both are named, as JSF validates every required field.
    expect(messagesIn(missing.body, MESSAGES)).toBe('Username: Validation Error: Value is required. Password: Validation Error: Value is required.');
    const tooLongCode = await b.post(action, loginForm(page, 'researcher', undefined, 'c'.repeat(33)));
    expect(messagesIn(tooLongCode.body, MESSAGES)).toBe('Client Code: must be 32 characters or fewer.');
  });

  it('shows HTML typed into any field escaped', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const page = await b.get(`${base}/csologin/login.jsf?pscCourtId=%3Cscript%3E&appurl=%22%3E%3Cscript%3Ealert(1)%3C/script%3E`);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, '<script>alert(1)</script>', 'x', '"><img src=x>'));
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).not.toContain('"><img src=x>');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    await logIn(b, `${base}/cgi-bin/ShowIndex.pl`, 'jattorney');
    const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    const linkRes = await b.post(formAction(form, 'linkAccount'), { step: 'credentials', token: inputValue(form.body, 'token') ?? '', login: '<b onmouseover=alert(1)>', key: 'x' });
    expect(linkRes.body).toContain('Invalid CM/ECF login or password.');
    expect(linkRes.body).not.toContain('<b onmouseover=alert(1)>');
  });

  it('answers malformed bodies and wrong content types without a 500 or a stack trace', async () => {
    app = await makeApp();
    const cases = [
      { 'content-type': 'application/json', payload: '{"loginForm:loginName": ' },
      { 'content-type': 'text/plain', payload: 'hello' },
      { 'content-type': 'application/x-www-form-urlencoded', payload: '%%%&&&===%zz' },
      { 'content-type': 'application/octet-stream', payload: Buffer.from([0, 1, 2, 255]) },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/csologin/login.jsf', headers: { 'content-type': c['content-type'] }, payload: c.payload });
      expect(res.statusCode, c['content-type']).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).not.toMatch(/at .*\.ts:\d+|stack|Error:/);
    }
    const big = await app.inject({ method: 'POST', url: '/csologin/login.jsf', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `a=${'x'.repeat(600_000)}` });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('The request was too large.');
  });

  it('answers unknown paths with a CM/ECF-style 404 page', async () => {
    app = await makeApp();
    for (const url of ['/cgi-bin/NoSuchScript.pl', '/nothing/here', '/cgi-bin/DisplayMenu.pl?Nope']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(url.includes('DisplayMenu') ? 200 : 404);
      expect(res.headers['content-type']).toContain('text/html');
    }
    const notFound = await app.inject({ url: '/cgi-bin/NoSuchScript.pl' });
    expect(notFound.body).toContain('<h1>Not Found</h1>');
  });
});

describe('state on disk', () => {
  it('keeps a link across a restart on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-'));
    const databasePath = join(dir, 'state.sqlite');
    try {
      app = await makeApp({ databasePath });
      let s = await serve(app);
      let b = s.browser();
      await logIn(b, `${s.base}/cgi-bin/ShowIndex.pl`, 'jattorney');
      const { result } = await linkAccount(b, s.base, 'attytest4');
      expect(result.body).toContain('is now linked to your CSO account.');
      await app.close();

      app = await makeApp({ databasePath });
      s = await serve(app);
      b = s.browser();
      const landed = await logIn(b, `${s.base}/cgi-bin/ShowIndex.pl`, 'jattorney');
      expect(landed.body).toContain('C<u>i</u>vil');
      // Seeding happens only into an empty database: the restart did not reset the link.
      expect(app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.linkedPacerAccountId).not.toBeNull();
      expect(app.repos.outbox.list()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('broken multipart bodies', () => {
  it('answer 400 with a page, never 500, on the CSO login and on CM/ECF forms', async () => {
    app = await makeApp();
    const bodies: [string, string][] = [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
      ['multipart/form-data; boundary=x', 'garbage'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'],
    ];
    for (const url of ['/csologin/login.jsf', '/cgi-bin/LinkAccount.pl', '/cgi-bin/ChangeClientCode.pl']) {
      for (const [type, payload] of bodies) {
        const res = await app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
        expect(res.statusCode, `${url} ${type} ${JSON.stringify(payload)}`).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
      }
    }
  });
});
