import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, messagesIn } from '../support/browser.js';
import { makeApp, serveWithBrowser } from '../support/app.js';
import { loginForm, redactionForm } from '../support/journey.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

const MESSAGES = 'loginForm:pclLoginMessages';
const loginPath = (base: string) =>
  `${base}/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent(`${base}/cgi-bin/ShowIndex.pl`)}`;

async function setup(overrides = {}) {
  app = await makeApp(overrides);
  const s = await serveWithBrowser(app);
  const page = await s.b.get(loginPath(s.base));
  return { ...s, page };
}

describe('CSO screen login: the cookie requirement', () => {
  it('re-renders with the cookie error and logs nobody in when the POST comes back without JSESSIONID', async () => {
    const { b, page } = await setup();
    b.cookies.length = 0; // a browser that refuses cookies keeps none
    b.acceptCookies = false;
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
    expect(res.status).toBe(200);
    expect(messagesIn(res.body, MESSAGES)).toBe('Your browser must be set to accept cookies in order to log in to this site.');
    expect(res.setCookies.some((c) => c.startsWith('NextGenCSO='))).toBe(false);
    expect(app.repos.journal.list({ action: 'login.screen' })[0]?.outcome).toBe('no_cookie');
  });

  it('refuses a ViewState that belongs to another JSESSIONID', async () => {
    const { b, base, browser } = await setup();
    const other = browser();
    const otherPage = await other.get(loginPath(base));
    const form = loginForm(otherPage, 'researcher'); // the other browser's ViewState, our cookie
    const res = await b.post(formAction(otherPage, 'loginForm'), form, false);
    expect(messagesIn(res.body, MESSAGES)).toContain('Your browser must be set to accept cookies');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });
});

describe('CSO screen login: buttons and outcomes', () => {
  it('logs in a PACER-only account straight to appurl with the real cookies and no redaction step', async () => {
    const { b, base, page } = await setup();
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', undefined, 'matter-42'), false);
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`${base}/cgi-bin/ShowIndex.pl`);
    const cookies = res.setCookies.join('\n');
    expect(cookies).toMatch(/NextGenCSO=[A-Za-z0-9]{128}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookies).toContain('PacerClientCode=matter-42');
    expect(cookies).not.toContain('Domain=');
    expect(b.cookie('PacerSession')).toBe(b.cookie('NextGenCSO'));
  });

  it('gives a new token at every login', async () => {
    const { b, base, page } = await setup();
    await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
    const first = b.cookie('NextGenCSO');
    const again = await b.get(loginPath(base));
    await b.post(formAction(again, 'loginForm'), loginForm(again, 'researcher'), false);
    expect(b.cookie('NextGenCSO')).not.toBe(first);
  });

  it('answers wrong username and wrong password with the same real text', async () => {
    const { b, page } = await setup();
    const wrongPw = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', 'nope'));
    const noUser = await b.post(formAction(page, 'loginForm'), loginForm(page, 'nobody-here', 'nope'));
    expect(messagesIn(wrongPw.body, MESSAGES)).toBe('Invalid username or password');
    expect(messagesIn(noUser.body, MESSAGES)).toBe('Invalid username or password');
    expect(wrongPw.body).toContain('value="researcher"');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('asks for empty fields in the JSF style', async () => {
    const { b, page } = await setup();
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, '', ''));
    expect(messagesIn(res.body, MESSAGES)).toBe('Username: Validation Error: Value is required.');
    const res2 = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', ''));
    expect(messagesIn(res2.body, MESSAGES)).toBe('Password: Validation Error: Value is required.');
  });

  it('refuses a disabled account with the real text, only after a correct password', async () => {
    const { b, page } = await setup();
    const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'disabled1'));
    expect(messagesIn(res.body, MESSAGES)).toBe('Your PACER account has been disabled');
    const wrong = await b.post(formAction(page, 'loginForm'), loginForm(page, 'disabled1', 'nope'));
    expect(messagesIn(wrong.body, MESSAGES)).toBe('Invalid username or password');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('locks the account after the configured number of failures, even against the right password', async () => {
    const { b, page } = await setup({ lockoutThreshold: 3, lockoutSeconds: 60 });
    for (let i = 0; i < 2; i++) {
      const r = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', 'wrong'));
      expect(messagesIn(r.body, MESSAGES)).toBe('Invalid username or password');
    }
    const third = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', 'wrong'));
    const lockText =
      'Your account has been locked because of too many failed login attempts. Contact the PACER Service Center at (800) 676-6856.';
    expect(messagesIn(third.body, MESSAGES)).toBe(lockText);
    const right = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'));
    expect(messagesIn(right.body, MESSAGES)).toBe(lockText);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    // The lock runs on the app's clock: once it has passed, the right password works again.
    app.clock.advance(61);
    const later = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
    expect(later.status).toBe(302);
  });

  it('Clear empties the form and logs nobody in', async () => {
    const { b, page } = await setup();
    const form = { ...loginForm(page, 'researcher', 'secret', 'code1'), 'loginForm:btnClear': 'loginForm:btnClear' };
    delete (form as Record<string, string>)['loginForm:fbtnLogin'];
    const res = await b.post(formAction(page, 'loginForm'), form);
    expect(res.status).toBe(200);
    expect(inputValue(res.body, 'loginForm:loginName')).toBe('');
    expect(inputValue(res.body, 'loginForm:clientCode')).toBe('');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('Cancel goes back to the court', async () => {
    const { b, base, page } = await setup();
    const res = await b.post(formAction(page, 'loginForm'), { loginForm: 'loginForm', 'loginForm:btnCancel': 'loginForm:btnCancel' }, false);
    expect(res.status).toBe(302);
    expect(res.headers['location']).toBe(`${base}/`);
  });

  it('requires the redaction box before a filer is logged in', async () => {
    const { b, page } = await setup();
    const dialog = await b.post(formAction(page, 'loginForm'), loginForm(page, 'mgonzalez'));
    expect(dialog.body).toContain('id="redactionConfirmation"');
    for (let i = 0; i < 2; i++) {
      const stay = await b.post(formAction(dialog, 'regmsg'), redactionForm(dialog, false), false);
      expect(stay.status).toBe(200);
      expect(stay.body).toContain('id="redactionConfirmation"');
    }
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    const done = await b.post(formAction(dialog, 'regmsg'), redactionForm(dialog, true), false);
    expect(done.status).toBe(302);
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
  });

  it('does not let the redaction form skip the password', async () => {
    const { b, page } = await setup();
    const res = await b.post(formAction(page, 'loginForm'), redactionForm(page, true), false);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('id="redactionConfirmation"');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('never redirects to a site the mock does not serve', async () => {
    const { b, base } = await setup();
    for (const appurl of ['https://evil.example.com/', 'javascript:alert(1)', '//evil.example.com/x', 'http://ecf.zzzz.localhost/']) {
      const page = await b.get(`${base}/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent(appurl)}`);
      const res = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher'), false);
      expect(res.status).toBe(302);
      expect(res.headers['location']).toBe(`${base}/`);
    }
  });
});
