import { expect } from 'vitest';
import { type Browser, decodeEntities, formAction, inputValue, type Page } from './browser.js';
import type { FastifyInstance } from 'fastify';
import { ECF_PASSWORD, PACER_PASSWORD, serveWithBrowser, type Served } from './app.js';
import { parsed } from './captured.js';

/**
 * Whether a CSO page shows the dialog whose element has this id. The Redaction Agreement
 * (`redactionConfirmation`) is on every login page, hidden until a filer's password is accepted.
 */
export function showsDialog(page: Page, id: string): boolean {
  const dialog = parsed(page.body)(`[id="${id}"]`);
  return dialog.length > 0 && dialog.attr('hidden') === undefined;
}

/** The court index's "<court> – Document Filing System" link (FLSD guide step 1), when the page is that index. */
export function documentFilingSystemLink(courtPage: Page): string | undefined {
  const href = courtPage.body.match(/<a href="([^"]+)">[^<]* – Document Filing System<\/a>/)?.[1];
  return href === undefined ? undefined : new URL(decodeEntities(href), courtPage.url).href;
}

/**
 * Follows a court page's not-logged-in answer to the CSO login page it points at; from the
 * court index (a bare ShowIndex.pl), by way of its Document Filing System link, as a person does.
 */
export async function openLoginFrom(browser: Browser, courtPage: Page): Promise<Page> {
  const index = documentFilingSystemLink(courtPage);
  if (index !== undefined) courtPage = await browser.get(index);
  const href = courtPage.body.match(/<a id="cso-login-link" href="([^"]+)"/)?.[1];
  expect(href, 'the not-logged-in page links to the CSO').toBeDefined();
  return browser.get(decodeEntities(href ?? ''));
}

export function loginForm(page: Page, username: string, password = PACER_PASSWORD, clientCode = ''): Record<string, string> {
  return {
    loginForm: 'loginForm',
    'loginForm:loginName': username,
    'loginForm:password': password,
    'loginForm:clientCode': clientCode,
    'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
    'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '',
  };
}

export function redactionForm(page: Page, ticked: boolean): Record<string, string> {
  const f: Record<string, string> = {
    regmsg: 'regmsg',
    'regmsg:bpmConfirm': 'regmsg:bpmConfirm',
    dialogName: 'redactionDlg',
    'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '',
  };
  if (ticked) f['regmsg:chkRedact_input'] = 'on';
  return f;
}

/** Court page → CSO login → (redaction) → back at the court, logged in. Returns the landing page. */
export async function logIn(browser: Browser, courtUrl: string, username: string, opts: { clientCode?: string; password?: string } = {}): Promise<Page> {
  const court = await browser.get(courtUrl);
  const login = await openLoginFrom(browser, court);
  let page = await browser.post(formAction(login, 'loginForm'), loginForm(login, username, opts.password ?? PACER_PASSWORD, opts.clientCode));
  if (showsDialog(page, 'redactionConfirmation')) {
    page = await browser.post(formAction(page, 'regmsg'), redactionForm(page, true));
  }
  return page;
}

/**
 * serveWithBrowser(), with `b` logged in as `username` by way of the court page at `courtPath`
 * (logIn); `landed` is the page the login ends on.
 */
export async function serveLoggedIn(
  app: FastifyInstance,
  username: string,
  courtPath = '/cgi-bin/login.pl',
): Promise<Served & { b: Browser; landed: Page }> {
  const served = await serveWithBrowser(app);
  const landed = await logIn(served.b, `${served.base}${courtPath}`, username);
  return { ...served, landed };
}

/** Utilities → link form → confirmation → result, from a logged-in browser. Returns the result page. */
export async function linkAccount(browser: Browser, origin: string, login: string, password = ECF_PASSWORD): Promise<{ confirm: Page; result: Page }> {
  const form = await browser.get(`${origin}/cgi-bin/LinkAccount.pl`);
  const confirm = await browser.post(formAction(form, 'linkAccount'), {
    step: 'credentials',
    token: inputValue(form.body, 'token') ?? '',
    login,
    key: password,
  });
  const result = await browser.post(formAction(confirm, 'linkConfirm'), {
    step: 'confirm',
    token: inputValue(confirm.body, 'token') ?? '',
    ecfAccountId: inputValue(confirm.body, 'ecfAccountId') ?? '',
    confirmToken: inputValue(confirm.body, 'confirmToken') ?? '',
  });
  return { confirm, result };
}
