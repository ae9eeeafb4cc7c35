import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, messagesIn } from '../support/browser.js';
import { makeApp, serveWithBrowser } from '../support/app.js';
import { parsed, texts } from '../support/captured.js';
import { loginForm, redactionForm, showsDialog } from '../support/journey.js';

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
    // Fidelity: readable by page scripts, no HttpOnly (RECAP reads them through document.cookie).
    expect(cookies).toMatch(/NextGenCSO=[A-Za-z0-9]{128}; Path=\/; SameSite=Lax/);
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

  it('asks for empty fields in the JSF style, in the message area and under each field', async () => {
    const { b, page } = await setup();
    /** Each field's own error: div.psc-login-input-error ... span.ui-message-error-detail (juriscraper issue 255). */
    const fieldErrors = (html: string) => {
      const $ = parsed(html);
      return $('form#loginForm .cso-field')
        .toArray()
        .map((f) => [$(f).find('input').attr('name'), $(f).find('div.psc-login-input-error span.ui-message-error-detail').text()])
        .filter(([, text]) => text !== '');
    };
    const both = await b.post(formAction(page, 'loginForm'), loginForm(page, '', ''));
    expect(messagesIn(both.body, MESSAGES)).toBe('Username: Validation Error: Value is required. Password: Validation Error: Value is required.');
    expect(fieldErrors(both.body)).toEqual([
      ['loginForm:loginName', 'Username: Validation Error: Value is required.'],
      ['loginForm:password', 'Password: Validation Error: Value is required.'],
    ]);
    expect(parsed(both.body)('input[name="loginForm:loginName"]').attr('aria-invalid')).toBe('true');
    const password = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', ''));
    expect(messagesIn(password.body, MESSAGES)).toBe('Password: Validation Error: Value is required.');
    expect(fieldErrors(password.body)).toEqual([['loginForm:password', 'Password: Validation Error: Value is required.']]);
    // A wrong password is the message area's alone.
    const wrong = await b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', 'nope'));
    expect(fieldErrors(wrong.body)).toEqual([]);
    expect(parsed(wrong.body)('.psc-login-input-error').length).toBe(0);
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
    expect(showsDialog(dialog, 'redactionConfirmation')).toBe(true);
    // Without JavaScript, Continue (disabled by aria-disabled, not by the HTML attribute) still
    // posts the form, and an unticked one stays on the dialog with the reason.
    for (let i = 0; i < 2; i++) {
      const stay = await b.post(formAction(dialog, 'regmsg'), redactionForm(dialog, false), false);
      expect(stay.status).toBe(200);
      expect(showsDialog(stay, 'redactionConfirmation')).toBe(true);
      expect(messagesIn(stay.body, 'regmsg:redactMessages')).toBe('You must check the box to acknowledge the redaction rules before you continue.');
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
    expect(showsDialog(res, 'redactionConfirmation')).toBe(false);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    // Nor the tick's AJAX valueChange: no login behind it, so the login form comes back.
    const { 'regmsg:bpmConfirm': _continue, ...ticked } = redactionForm(page, true);
    const tick = await b.post(formAction(page, 'loginForm'), { ...ticked, 'javax.faces.partial.ajax': 'true', 'javax.faces.source': 'regmsg:chkRedact' });
    expect(tick.body).toContain('<update id="loginForm">');
    expect(tick.body).toContain('Your login session has expired. Please log in again.');
    expect(tick.body).not.toContain('<update id="regmsg:bpmConfirm">');
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

describe('CSO login page: the PrimeFaces markup clients select on', () => {
  it('carries the Redaction Agreement, hidden, on the blank page: #redactionConfirmation with the PrimeFaces checkbox and a disabled Continue', async () => {
    const { page } = await setup();
    const $ = parsed(page.body);
    const dialog = $('div#redactionConfirmation');
    expect(dialog.length).toBe(1);
    expect(dialog.attr('hidden')).toBeDefined();
    expect(dialog.attr('aria-hidden')).toBe('true');
    expect(showsDialog(page, 'redactionConfirmation')).toBe(false);
    expect($('div#redactionConfirmation form#regmsg div[id="regmsg:chkRedact"].ui-chkbox.ui-widget > div.ui-chkbox-box').length).toBe(1);
    expect($('div[id="regmsg:chkRedact"] input[type="checkbox"][id="regmsg:chkRedact_input"][name="regmsg:chkRedact_input"]').length).toBe(1);
    const confirm = $('form#regmsg button[id="regmsg:bpmConfirm"][name="regmsg:bpmConfirm"]');
    expect(confirm.attr('aria-disabled')).toBe('true');
    expect(confirm.hasClass('ui-state-disabled')).toBe(true);
    // Not the HTML attribute: a browser without JavaScript can still post (the server checks the tick).
    expect(confirm.attr('disabled')).toBeUndefined();
    expect($('form#regmsg input[name="dialogName"]').attr('value')).toBe('redactionDlg');
    // A logged-out page: nothing a client reads as logged in.
    expect(page.body).not.toContain('/cgi-bin/login.pl?logout');
    expect(page.body).not.toContain('Cost: ');
  });

  it('puts the label of every button in span.ui-button-text.ui-c, as PrimeFaces does', async () => {
    const { b, page } = await setup();
    const dialog = await b.post(formAction(page, 'loginForm'), loginForm(page, 'mgonzalez'));
    for (const html of [page.body, dialog.body]) {
      const $ = parsed(html);
      const buttons = $('button').toArray();
      expect(buttons.length).toBeGreaterThanOrEqual(4);
      for (const button of buttons) {
        expect($(button).children('span.ui-button-text.ui-c').length, $(button).attr('id')).toBe(1);
        expect($(button).hasClass('ui-button')).toBe(true);
      }
    }
    expect(texts(parsed(page.body), 'form#loginForm button')).toEqual(['Login', 'Clear', 'Cancel']);
  });

  it('shows the dialog after a filer\'s password, and a plain POST of the tick renders Continue enabled', async () => {
    const { b, page } = await setup();
    const dialog = await b.post(formAction(page, 'loginForm'), loginForm(page, 'mgonzalez'));
    const $ = parsed(dialog.body);
    expect($('div#redactionConfirmation').attr('aria-modal')).toBe('true');
    expect($('div#redactionConfirmation').attr('hidden')).toBeUndefined();
    expect($('button[id="regmsg:bpmConfirm"]').attr('aria-disabled')).toBe('true');
    const { 'regmsg:bpmConfirm': _continue, ...tick } = redactionForm(dialog, true);
    const ticked = await b.post(formAction(dialog, 'regmsg'), { ...tick, 'javax.faces.source': 'regmsg:chkRedact' }, false);
    expect(ticked.status).toBe(200);
    const t = parsed(ticked.body);
    expect(t('input[id="regmsg:chkRedact_input"]').attr('checked')).toBeDefined();
    expect(t('div.ui-chkbox-box').hasClass('ui-state-active')).toBe(true);
    expect(t('button[id="regmsg:bpmConfirm"]').attr('aria-disabled')).toBeUndefined();
    expect(t('button[id="regmsg:bpmConfirm"]').hasClass('ui-state-disabled')).toBe(false);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    const done = await b.post(formAction(ticked, 'regmsg'), redactionForm(ticked, true), false);
    expect(done.status).toBe(302);
  });
});
