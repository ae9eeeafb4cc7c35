import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, menuLabels, type Browser } from '../support/browser.js';
import { ECF_PASSWORD, makeApp, serveWithBrowser, testDb } from '../support/app.js';
import { linkAccount, logIn, serveLoggedIn } from '../support/journey.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

async function loggedIn(username: string) {
  app = await makeApp();
  const s = await serveLoggedIn(app, username, '/cgi-bin/ShowIndex.pl');
  expect(s.landed.body).toContain('/cgi-bin/login.pl?logout');
  return s;
}

async function submitCredentials(b: Browser, base: string, login: string, key: string) {
  const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
  return b.post(formAction(form, 'linkAccount'), { step: 'credentials', token: inputValue(form.body, 'token') ?? '', login, key });
}

const linkedCount = () =>
  (testDb(app).prepare('SELECT COUNT(*) AS n FROM ecf_accounts WHERE linked_pacer_account_id IS NOT NULL').get() as { n: number }).n;

describe('link rules, each with a clear error and no link made', () => {
  it.each([
    ['a wrong password', 'attytest4', 'Wrong!Court2026'],
    ['a mis-cased login (logins are case sensitive)', 'ATTYTEST4', ECF_PASSWORD],
    ['a mis-cased password (passwords are case sensitive)', 'attytest4', ECF_PASSWORD.toLowerCase()],
    ['an unknown login', 'nosuchlogin', ECF_PASSWORD],
    ["another court's login", 'ja512584', ECF_PASSWORD],
  ])('refuses %s', async (_what, login, key) => {
    const { b, base } = await loggedIn('jattorney');
    const before = linkedCount();
    const res = await submitCredentials(b, base, login, key);
    expect(res.body).toContain('Invalid CM/ECF login or password.');
    expect(res.body).toContain('id="linkAccount"'); // the form again
    expect(res.body).not.toContain('Do you want to link these accounts?');
    expect(linkedCount()).toBe(before);
  });

  it('asks for both fields', async () => {
    const { b, base } = await loggedIn('jattorney');
    const res = await submitCredentials(b, base, 'attytest4', '');
    expect(res.body).toContain('Enter your CM/ECF login and CM/ECF password.');
  });

  it('refuses a CM/ECF login with special characters', async () => {
    const { b, base } = await loggedIn('mgonzalez');
    const res = await submitCredentials(b, base, 'sp1234!x', ECF_PASSWORD);
    expect(res.body).toContain('CM/ECF logins that contain special characters cannot be linked.');
    expect(app.repos.ecfAccounts.byLogin('flsd', 'sp1234!x')?.linkedPacerAccountId).toBeNull();
  });

  it.each([
    ['legacy', 'LP1234', 'This is a legacy PACER account.'],
    ['shared', 'firmshared', 'Shared (firm or agency) PACER accounts cannot be linked.'],
  ])('refuses a %s PACER account before showing the form and on a forced POST', async (_kind, username, hint) => {
    const { b, base } = await loggedIn(username);
    const page = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    expect(page.body).toContain('Only upgraded individual PACER accounts can be linked.');
    expect(page.body).toContain(hint);
    expect(page.body).not.toContain('id="linkAccount"');
    // A POST built by hand is refused the same way.
    const utilities = await b.get(`${base}/cgi-bin/ChangeClientCode.pl`);
    const forced = await b.post(`${base}/cgi-bin/LinkAccount.pl`, { step: 'credentials', token: inputValue(utilities.body, 'token') ?? '', login: 'll445566', key: ECF_PASSWORD });
    expect(forced.body).not.toContain('Do you want to link these accounts?');
    expect(app.repos.ecfAccounts.byLogin('flsd', 'll445566')?.linkedPacerAccountId).toBeNull();
  });

  it('refuses a second link at the same court for an already-linked PACER account', async () => {
    const { b, base } = await loggedIn('rlinked');
    const page = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    expect(page.body).toContain('Your PACER account is already linked to a CM/ECF account at this court.');
  });

  it('refuses a CM/ECF account already linked to another PACER account', async () => {
    const { b, base } = await loggedIn('jattorney');
    const res = await submitCredentials(b, base, 'rl300400', ECF_PASSWORD);
    expect(res.body).toContain('This CM/ECF account is already linked to a PACER account.');
    expect(app.repos.ecfAccounts.byLogin('flsd', 'rl300400')?.linkedPacerAccountId).toBe(app.repos.pacerAccounts.byUsername('rlinked')?.id);
  });

  it('refuses a link form posted without its token', async () => {
    const { b, base } = await loggedIn('jattorney');
    const res = await b.post(`${base}/cgi-bin/LinkAccount.pl`, { step: 'credentials', token: 'forged', login: 'attytest4', key: ECF_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body).toContain('This form has expired or did not come from this site.');
  });

  it('refuses a confirmation whose account id was changed', async () => {
    const { b, base } = await loggedIn('jattorney');
    const confirm = await submitCredentials(b, base, 'attytest4', ECF_PASSWORD);
    const res = await b.post(formAction(confirm, 'linkConfirm'), {
      step: 'confirm',
      token: inputValue(confirm.body, 'token') ?? '',
      ecfAccountId: String(app.repos.ecfAccounts.byLogin('flsd', 'mg102030')?.id),
      confirmToken: inputValue(confirm.body, 'confirmToken') ?? '',
    });
    expect(res.status).toBe(403);
    expect(app.repos.ecfAccounts.byLogin('flsd', 'mg102030')?.linkedPacerAccountId).toBeNull();
  });

  it('shows both names side by side with a warning when they differ, and still links', async () => {
    const { b, base } = await loggedIn('mgonzalez');
    const { confirm, result } = await linkAccount(b, base, 'mg102030');
    expect(confirm.body).toContain('<td id="ecfName">Maria Gonzales</td><td id="pacerName">Maria Gonzalez</td>');
    expect(confirm.body).toContain('The name on the CM/ECF account is not the same as the name on your PACER account.');
    expect(result.body).toContain('The CM/ECF account for Maria Gonzales is now linked to your CSO account.');
  });

  it('a link is per court: linking at FLSD leaves NYSD unlinked, and NYSD links on its own', async () => {
    app = await makeApp();
    const { port, b } = await serveWithBrowser(app);
    const flsd = `http://ecf.flsd.uscourts.localhost:${port}`;
    const nysd = `http://ecf.nysd.uscourts.localhost:${port}`;
    await logIn(b, `${flsd}/cgi-bin/ShowIndex.pl`, 'jattorney');
    await linkAccount(b, flsd, 'attytest4');
    expect(menuLabels((await b.get(`${flsd}/cgi-bin/ShowIndex.pl`)).body)).toContain('Civil');
    // The CSO session (a .uscourts.localhost cookie) is valid at every court.
    const nysdPage = await b.get(`${nysd}/cgi-bin/ShowIndex.pl`);
    expect(nysdPage.body).toContain('<title>SDNY CM/ECF NextGen Version 1.7</title>');
    expect(menuLabels(nysdPage.body)).toBe('Query Reports Utilities Help Log Out');
    const nysdLink = await linkAccount(b, nysd, 'ja512584');
    expect(nysdLink.result.body).toContain('The CM/ECF account for John Attorney is now linked to your CSO account.');
    expect(app.repos.ecfAccounts.allLinkedTo(app.repos.pacerAccounts.byUsername('jattorney')?.id ?? 0).map((e) => e.court)).toEqual(['flsd', 'nysd']);
  });

  it('refuses the filing menus to an account not linked here', async () => {
    const { b, base } = await loggedIn('jattorney');
    const res = await b.get(`${base}/cgi-bin/DisplayMenu.pl?CivilEvents`);
    expect(res.status).toBe(403);
    expect(res.body).toContain('You are not authorized to use this menu in this court');
  });
});
