import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, messagesIn, type Page } from '../support/browser.js';
import { makeApp, PACER_PASSWORD, serveWithBrowser } from '../support/app.js';
import { authenticatorCode, MFA_SECRET } from '../support/authenticator.js';
import { parsed, texts } from '../support/captured.js';
import { loginForm, openLoginFrom, redactionForm, showsDialog } from '../support/journey.js';

/** The personas' account states on the screen login (FIDELITY §3), over a real socket. */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOCKED =
  'Your account has been locked because of too many failed login attempts. Contact the PACER Service Center at (800) 676-6856.';

/**
 * A fresh app on a socket and one browser `b`; `password(username)` walks it court page -> CSO
 * login page -> POST the password, and returns the answer to the password.
 */
async function start(overrides: Parameters<typeof makeApp>[0] = {}) {
  app = await makeApp(overrides);
  const { base, b } = await serveWithBrowser(app);
  const password = async (username: string, pw = PACER_PASSWORD): Promise<Page> => {
    const login = await openLoginFrom(b, await b.get(`${base}/cgi-bin/login.pl`));
    return b.post(formAction(login, 'loginForm'), loginForm(login, username, pw));
  };
  return { b, password };
}

/** The text of the CSO login page's message area. */
const loginMessages = (page: Page) => messagesIn(page.body, 'loginForm:pclLoginMessages');

function mfaForm(page: Page, code: string): Record<string, string> {
  return {
    mfaForm: 'mfaForm',
    'mfaForm:mfaInput': code,
    'mfaForm:btnOk': 'mfaForm:btnOk',
    'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '',
  };
}

describe('inactive account', () => {
  it('shows the PACER User Inactive dialog, then the login continues', async () => {
    const { b, password } = await start();
    const dialog = await password('inactive1');
    expect(showsDialog(dialog, 'inactiveDialog')).toBe(true);
    const $ = parsed(dialog.body);
    expect($('#inactiveDialog .ui-dialog-title').text()).toBe('PACER User Inactive');
    // Fidelity: the real dialog's text, whole (the CSO login page archived in 2016).
    expect(texts($, '#inactiveDialog #inactiveText p')).toEqual([
      'PACER User Inactive: Although you have a PACER account, your account is currently inactive. For information on how to make your account status active, contact the PACER Service Center at (800) 676-6856 Monday through Friday between 8 AM and 6 PM CT, or email pacer@psc.uscourts.gov.',
      'You may continue to log in and perform other activities (e.g., e-file, request filing privileges), but you will not be able to perform a search until your account is active.',
    ]);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    const done = await b.post(formAction(dialog, 'inactiveForm'), {
      inactiveForm: 'inactiveForm',
      'inactiveForm:btnContinue': 'inactiveForm:btnContinue',
      'javax.faces.ViewState': inputValue(dialog.body, 'javax.faces.ViewState') ?? '',
    });
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(done.body).toContain('/cgi-bin/login.pl?logout');
    expect(done.body).toContain('Ivan Inactive');
  });
});

describe('MFA step', () => {
  it('asks for the one-time passcode before the redaction dialog and refuses a wrong one', async () => {
    const { b, password } = await start();
    const mfa = await password('mfaattorney');
    expect(mfa.body).toContain('<form id="mfaForm" name="mfaForm"');
    expect(mfa.body).toContain('name="mfaForm:mfaInput"');
    expect(mfa.body).toContain('id="mfaForm:btnOk" name="mfaForm:btnOk"');
    expect(showsDialog(mfa, 'redactionConfirmation')).toBe(false);

    const wrong = await b.post(formAction(mfa, 'mfaForm'), mfaForm(mfa, '000000'));
    expect(wrong.body).toContain('<form id="mfaForm"');
    expect(messagesIn(wrong.body, 'mfaForm:mfaMessages')).toContain('Invalid one-time passcode.');
    expect(b.cookie('NextGenCSO')).toBeUndefined();

    const redaction = await b.post(formAction(wrong, 'mfaForm'), mfaForm(wrong, authenticatorCode(MFA_SECRET, app.clock.now())));
    expect(showsDialog(redaction, 'redactionConfirmation')).toBe(true);
    const done = await b.post(formAction(redaction, 'regmsg'), redactionForm(redaction, true));
    expect(done.body).toContain('/cgi-bin/login.pl?logout');
    expect(done.body).toContain('Alice Secure');
  });

  it('takes a backup code once', async () => {
    const { b, password } = await start();
    const mfa = await password('mfaattorney');
    const next = await b.post(formAction(mfa, 'mfaForm'), mfaForm(mfa, '22222222'));
    expect(showsDialog(next, 'redactionConfirmation')).toBe(true);
    expect(app.repos.pacerAccounts.byUsername('mfaattorney')?.mfaBackupCodes).toEqual(['11111111']);

    const again = await password('mfaattorney');
    const refused = await b.post(formAction(again, 'mfaForm'), mfaForm(again, '22222222'));
    expect(messagesIn(refused.body, 'mfaForm:mfaMessages')).toContain('Invalid one-time passcode.');
  });

  it('counts wrong passcodes toward the lockout', async () => {
    const { b, password } = await start({ lockoutThreshold: 2 });
    const mfa = await password('mfaattorney');
    const first = await b.post(formAction(mfa, 'mfaForm'), mfaForm(mfa, '111111'));
    const second = await b.post(formAction(first, 'mfaForm'), mfaForm(first, '222222'));
    expect(second.body).not.toContain('<form id="mfaForm"');
    expect(loginMessages(second)).toBe(LOCKED);
    expect(loginMessages(await password('mfaattorney'))).toBe(LOCKED);
  });
});

describe('lockout, disabled, legacy', () => {
  it('locks after LOCKOUT_THRESHOLD wrong passwords until LOCKOUT_SECONDS pass', async () => {
    const { password } = await start({ lockoutThreshold: 3, lockoutSeconds: 120 });
    for (let i = 0; i < 2; i++) {
      expect(loginMessages(await password('researcher', 'wrong'))).toBe('Invalid username or password');
    }
    expect(loginMessages(await password('researcher', 'wrong'))).toBe(LOCKED);
    expect(loginMessages(await password('researcher'))).toBe(LOCKED);
    app.clock.advance(121);
    const ok = await password('researcher');
    expect(ok.body).toContain('/cgi-bin/login.pl?logout');
  });

  it('refuses a disabled account with the real text', async () => {
    const { b, password } = await start();
    const page = await password('disabled1');
    expect(loginMessages(page)).toBe('Your PACER account has been disabled');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('logs in a legacy 6-character username in any case', async () => {
    const { password } = await start();
    const page = await password('lp1234');
    expect(page.body).toContain('/cgi-bin/login.pl?logout');
    expect(page.body).toContain('Lena Legacy (LP1234)');
  });
});
