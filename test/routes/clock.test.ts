import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordExpired, passwordProblems, PASSWORD_MAX_AGE_MS } from '../../server/domain/password-rules.js';
import { TEXT } from '../../server/domain/login-rules.js';
import { makeApp, PACER_PASSWORD, serveWithBrowser } from '../support/app.js';
import { formAction, inputValue, messagesIn, type Browser, type Page } from '../support/browser.js';
import { loginForm, logIn, openLoginFrom, serveLoggedIn, showsDialog } from '../support/journey.js';

/**
 * The virtual clock (/__admin/clock) and the rules that run on it: session expiry, the lockout,
 * and the 180-day password rule.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOGGED_IN = '/cgi-bin/login.pl?logout';
const DAY = 86_400;

async function clock(body: unknown) {
  return app.inject({ method: 'POST', url: '/__admin/clock', payload: body as object });
}

describe('/__admin/clock', () => {
  it('shows, advances, sets and resets the time; bad input is a clear 400', async () => {
    app = await makeApp();
    const before = Date.now();
    const now = (await app.inject({ method: 'GET', url: '/__admin/clock' })).json();
    expect(now.virtual).toBe(false);
    expect(Date.parse(now.now)).toBeGreaterThanOrEqual(before - 1000);
    expect(now.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const advanced = (await clock({ advanceSeconds: 10 * DAY })).json();
    expect(advanced.virtual).toBe(true);
    expect(Date.parse(advanced.now) - Date.now()).toBeGreaterThan(10 * DAY * 1000 - 5000);

    const set = await clock({ set: '2027-01-15T09:30:00Z' });
    expect(set.statusCode).toBe(200);
    expect(Math.abs(Date.parse(set.json().now) - Date.parse('2027-01-15T09:30:00Z'))).toBeLessThan(5000);
    expect(Math.abs(app.clock.now() - Date.parse('2027-01-15T09:30:00Z'))).toBeLessThan(5000);

    expect((await clock({ reset: true })).json().virtual).toBe(false);
    expect(Math.abs(app.clock.now() - Date.now())).toBeLessThan(1000);

    for (const [body, message] of [
      [{}, 'Give exactly one of advanceSeconds, set, reset'],
      [{ advanceSeconds: 'soon' }, 'advanceSeconds must be a number of seconds'],
      [{ set: 'tomorrow' }, 'set must be an ISO-8601 date or date-time with a time zone'],
      [{ set: '2026-02-30T00:00:00' }, 'set must be an ISO-8601'],
      [{ reset: 'yes' }, 'reset must be true'],
      [{ advanceSeconds: 1, reset: true }, 'exactly one'],
      [{ rewind: 5 }, 'Unknown field "rewind"'],
    ] as const) {
      const res = await clock(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining(message) });
    }
    const notJson = await app.inject({ method: 'POST', url: '/__admin/clock', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBe('bad_request');
  });
});

describe('rules on the virtual clock', () => {
  it('a session ends after SESSION_TTL seconds of virtual time', async () => {
    app = await makeApp({ sessionTtl: 3600 });
    const { base, b } = await serveLoggedIn(app, 'researcher', '/cgi-bin/ShowIndex.pl');
    expect((await b.get(`${base}/cgi-bin/ShowIndex.pl`)).body).toContain(LOGGED_IN);
    expect((await clock({ advanceSeconds: 3590 })).statusCode).toBe(200);
    expect((await b.get(`${base}/cgi-bin/ShowIndex.pl`)).body).toContain(LOGGED_IN);
    await clock({ advanceSeconds: 11 });
    const expired = await b.get(`${base}/cgi-bin/login.pl`);
    expect(expired.body).not.toContain(LOGGED_IN);
    expect(expired.body).toContain('/csologin/login.jsf?pscCourtId=FLSDC');
  });

  it('a lockout ends after LOCKOUT_SECONDS of virtual time', async () => {
    app = await makeApp({ lockoutThreshold: 2, lockoutSeconds: 600 });
    const { base, b } = await serveWithBrowser(app);
    const login = await openLoginFrom(b, await b.get(`${base}/cgi-bin/ShowIndex.pl`));
    const attempt = async (password: string) => {
      const page = await b.get(login.url);
      return b.post(formAction(page, 'loginForm'), loginForm(page, 'researcher', password), false);
    };
    expect(messagesIn((await attempt('wrong-1')).body, 'loginForm:pclLoginMessages')).toContain(TEXT.invalid);
    expect(messagesIn((await attempt('wrong-2')).body, 'loginForm:pclLoginMessages')).toContain(TEXT.locked);
    // Locked: even the right password is refused...
    expect(messagesIn((await attempt(PACER_PASSWORD)).body, 'loginForm:pclLoginMessages')).toContain(TEXT.locked);
    await clock({ advanceSeconds: 590 });
    expect(messagesIn((await attempt(PACER_PASSWORD)).body, 'loginForm:pclLoginMessages')).toContain(TEXT.locked);
    // ...until LOCKOUT_SECONDS have passed on the virtual clock.
    await clock({ advanceSeconds: 11 });
    const ok = await attempt(PACER_PASSWORD);
    expect(ok.status).toBe(302);
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
  });
});

describe('the 180-day password rule', () => {
  it('unit: expiry and the 2025 standard', () => {
    const t0 = Date.UTC(2026, 0, 1);
    expect(passwordExpired(t0, t0 + PASSWORD_MAX_AGE_MS)).toBe(false);
    expect(passwordExpired(t0, t0 + PASSWORD_MAX_AGE_MS + 1)).toBe(true);
    const owner = { username: 'researcher', firstName: 'Rita', lastName: 'Researcher', email: 'rresearcher@example.com' };
    expect(passwordProblems('Winter-Harbor-2031', owner)).toEqual([]);
    expect(passwordProblems('Sh0rt!a', owner)).toEqual(['The password must be 14 to 45 characters long (yours has 7).']);
    expect(passwordProblems('a'.repeat(30) + 'B!' + 'c'.repeat(14), owner)[0]).toContain('14 to 45 characters long (yours has 46)');
    expect(passwordProblems('alllowercase-words-here', owner)).toEqual(['The password must contain at least one upper-case letter.']);
    expect(passwordProblems('ALLUPPERCASE-WORDS-HERE', owner)).toEqual(['The password must contain at least one lower-case letter.']);
    expect(passwordProblems('NoSpecialCharacters2031', owner)).toEqual([
      'The password must contain at least one special character, such as ! @ # $ % ^ & *.',
    ]);
    expect(passwordProblems('My-RITA-Password-2031', owner)).toEqual(['The password must not contain your name.']);
    expect(passwordProblems('Hello!Researcher2031', owner)).toEqual(['The password must not contain your username.']);
    expect(passwordProblems('X!rresearcher-is-me', owner)).toEqual([
      'The password must not contain your username.',
      'The password must not contain your email address.',
    ]);
  });

  /** Posts the password dialog's form. */
  function updateForm(page: Page, action: 'skip' | 'update', password = '', confirm = password): Record<string, string> {
    const f: Record<string, string> = {
      frmUserUpdate: 'frmUserUpdate',
      'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '',
    };
    if (action === 'skip') f['frmUserUpdate:bpmSkip'] = 'frmUserUpdate:bpmSkip';
    else {
      f['frmUserUpdate:btnUpdate'] = 'frmUserUpdate:btnUpdate';
      f['frmUserUpdate:newPassword'] = password;
      f['frmUserUpdate:confirmPassword'] = confirm;
    }
    return f;
  }

  async function passwordStep(b: Browser, base: string, password = PACER_PASSWORD): Promise<Page> {
    b.cookies.splice(0); // a new browser session each time
    const login = await openLoginFrom(b, await b.get(`${base}/cgi-bin/ShowIndex.pl`));
    return b.post(formAction(login, 'loginForm'), loginForm(login, 'researcher', password), false);
  }

  it('prompts after 180 days, can be skipped three times, then requires a new password meeting the standard', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const researcher = () => app.repos.pacerAccounts.byUsername('researcher');

    // Not yet 180 days: no prompt.
    await clock({ advanceSeconds: 180 * DAY - 60 });
    expect((await passwordStep(b, base)).status).toBe(302);

    await clock({ advanceSeconds: 2 * DAY });
    for (let skip = 1; skip <= 3; skip++) {
      const prompt = await passwordStep(b, base);
      expect(prompt.status).toBe(200);
      expect(prompt.body).toContain('id="passwordUpdateDialog"');
      expect(prompt.body).toContain('Update Your Password');
      expect(prompt.body).toContain(`You can skip this ${4 - skip} more ${skip === 3 ? 'time' : 'times'}`);
      expect(b.cookie('NextGenCSO')).toBeUndefined();
      const skipped = await b.post(formAction(prompt, 'frmUserUpdate'), updateForm(prompt, 'skip'), false);
      expect(skipped.status).toBe(302);
      expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
      expect(app.repos.pacerAccounts.promptSkips(researcher()?.id ?? 0)).toBe(skip);
    }

    // The fourth time: User Update Required, no Skip; skipping anyway stays.
    const required = await passwordStep(b, base);
    expect(required.body).toContain('User Update Required');
    expect(required.body).not.toContain('frmUserUpdate:bpmSkip');
    const refused = await b.post(formAction(required, 'frmUserUpdate'), updateForm(required, 'skip'), false);
    expect(refused.status).toBe(200);
    expect(messagesIn(refused.body, 'frmUserUpdate:pwdMessages')).toContain('You must change it before you can continue.');
    expect(b.cookie('NextGenCSO')).toBeUndefined();

    // Every failure is explained and keeps the dialog up.
    const weak = await b.post(formAction(refused, 'frmUserUpdate'), updateForm(refused, 'update', 'short'), false);
    const weakText = messagesIn(weak.body, 'frmUserUpdate:pwdMessages');
    expect(weakText).toContain('The password must be 14 to 45 characters long (yours has 5).');
    expect(weakText).toContain('at least one upper-case letter');
    expect(weakText).toContain('at least one special character');
    const named = await b.post(formAction(weak, 'frmUserUpdate'), updateForm(weak, 'update', 'Rita-Likes-Sailing-2031'), false);
    expect(messagesIn(named.body, 'frmUserUpdate:pwdMessages')).toContain('The password must not contain your name.');
    const mismatch = await b.post(formAction(named, 'frmUserUpdate'), updateForm(named, 'update', 'Winter-Harbor-2031', 'Winter-Harbor-2032'), false);
    expect(messagesIn(mismatch.body, 'frmUserUpdate:pwdMessages')).toContain('do not match');
    const same = await b.post(formAction(mismatch, 'frmUserUpdate'), updateForm(mismatch, 'update', PACER_PASSWORD), false);
    expect(messagesIn(same.body, 'frmUserUpdate:pwdMessages')).toContain('must be different from your current password');
    expect(b.cookie('NextGenCSO')).toBeUndefined();

    // A good new password lets the login go on, and resets the rule.
    const done = await b.post(formAction(same, 'frmUserUpdate'), updateForm(same, 'update', 'Winter-Harbor-2031'), false);
    expect(done.status).toBe(302);
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
    expect((await b.get(`${base}/cgi-bin/ShowIndex.pl`)).body).toContain(LOGGED_IN);
    expect(app.repos.pacerAccounts.promptSkips(researcher()?.id ?? 0)).toBe(0);
    expect((await passwordStep(b, base, 'Winter-Harbor-2031')).status).toBe(302);
    expect(messagesIn((await passwordStep(b, base)).body, 'loginForm:pclLoginMessages')).toContain(TEXT.invalid);
  });

  it('comes after the redaction agreement for filers', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    await clock({ advanceSeconds: 181 * DAY });
    const page = await logIn(b, `${base}/cgi-bin/ShowIndex.pl`, 'jattorney');
    expect(showsDialog(page, 'passwordUpdateDialog')).toBe(true);
    expect(showsDialog(page, 'redactionConfirmation')).toBe(false);
  });
});
