import type { Page } from 'playwright-core';
import { ECF_PASSWORD, PACER_PASSWORD } from './app.js';

/**
 * The FLSD guide's linking journey (FIDELITY §6) as a person does it in a real browser: typing
 * into labelled fields and clicking buttons, links and menus, from http://host:port/ to Log Out.
 *
 * One walk serves two masters: the browser tests (which assert at every step) and
 * `npm run screenshots` (which photographs every step for docs/walkthrough.md), so the pictures
 * show exactly what the tests prove. Each step runs its actions, waits for the page it leads to,
 * then calls onStep(step, page) while that page is on screen.
 */
export interface JourneyStep {
  /** Also the screenshot's file name: docs/images/<id>.png */
  id: string;
  /** The FLSD guide's step number(s) this picture belongs to. */
  guide: string;
  /** A one-line caption for the walkthrough. */
  title: string;
}

export const JOURNEY_STEPS = [
  { id: '00-court-index', guide: '1', title: "The court's CM/ECF site: Southern District of Florida – Document Filing System" },
  { id: '01-login', guide: '1', title: 'The Document Filing System link leads to the PACER login page' },
  { id: '02-login-filled', guide: '2', title: 'Log in with the upgraded individual PACER account' },
  { id: '03-redaction', guide: '3', title: 'The Redaction Agreement' },
  { id: '04-redaction-unticked', guide: '3', title: 'Continue without ticking the box stays on the agreement' },
  { id: '05-pacer-menu', guide: '4', title: 'The PACER-only menu: Query Reports Utilities Help Log Out' },
  { id: '06-utilities-menu', guide: '4-5', title: 'Utilities opens on hover (and on keyboard focus)' },
  { id: '07-utilities', guide: '5', title: 'The Utilities page: Link a CM/ECF account to my PACER account' },
  { id: '08-link-form', guide: '6-7', title: 'The credential form, filled in' },
  { id: '09-confirm', guide: '8', title: 'The confirmation: both names and the question' },
  { id: '10-result', guide: '9-10', title: 'The result: Search in the menu, no Civil or Criminal yet' },
  { id: '11-filer-menu', guide: '11', title: 'The next page shows the filer menu' },
  { id: '12-logged-out', guide: '-', title: 'Log Out' },
] as const satisfies readonly JourneyStep[];

export type StepId = (typeof JOURNEY_STEPS)[number]['id'];

export const PACER_MENU = 'Query Reports Utilities Help Log Out';
/** FLSD guide step 10, as the audit reads it: the result page after linking. */
export const JUST_LINKED_MENU = 'Query Reports Utilities Search Help Log Out';
export const FILER_MENU = 'Civil Criminal Query Reports Utilities Search Help Log Out';

/** Step 1's link on the court's index (per court: its own name). */
export const FILING_SYSTEM_LINK = 'Southern District of Florida – Document Filing System';

export const REDACTION_LABEL = 'I understand that, if I file, I must comply with the redaction rules. I have read this notice.';
export const LINK_LABEL = 'Link a CM/ECF account to my PACER account';

/** The top menu bar's labels as one string, e.g. "Query Reports Utilities Help Log Out". */
export async function menuText(page: Page): Promise<string> {
  const labels = await page.locator('#topmenu a.yuimenubaritemlabel').allInnerTexts();
  return labels.map((l) => l.trim()).join(' ');
}

/** The login page's message area (PrimeFaces p:messages). */
export const LOGIN_MESSAGES = '#loginForm\\:pclLoginMessages';

/** Waits until the browser has landed on a page whose path (and query) matches. */
async function landedOn(page: Page, pathAndQuery: RegExp): Promise<void> {
  await page.waitForURL((url) => pathAndQuery.test(url.pathname + url.search), { waitUntil: 'load' });
}

export interface JourneyOptions {
  username?: string;
  ecfLogin?: string;
}

export async function walkLinkingJourney(
  page: Page,
  base: string,
  onStep: (step: StepId, page: Page) => Promise<void>,
  opts: JourneyOptions = {},
): Promise<void> {
  const username = opts.username ?? 'jattorney';
  const ecfLogin = opts.ecfLogin ?? 'attytest4';

  // 1. The court's front page refreshes to ShowIndex.pl: for a browser that is not logged in,
  //    the court's index with the Document Filing System link, which goes to login.pl and on to
  //    the CSO login page.
  await page.goto(`${base}/`);
  await landedOn(page, /^\/cgi-bin\/ShowIndex\.pl$/);
  await onStep('00-court-index', page);
  await page.getByRole('link', { name: FILING_SYSTEM_LINK }).click();
  await landedOn(page, /^\/csologin\/login\.jsf\?pscCourtId=FLSDC&/);
  await onStep('01-login', page);

  // 2. Log in.
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PACER_PASSWORD);
  await onStep('02-login-filled', page);
  await page.getByRole('button', { name: 'Login' }).click();

  // 3. The Redaction Agreement, first without the box.
  const dialog = page.getByRole('dialog', { name: 'Redaction Agreement' });
  await dialog.waitFor();
  await onStep('03-redaction', page);
  // Continue is disabled (PrimeFaces' aria-disabled) until the tick; a person can still press it,
  // and the page says why the dialog stays.
  await dialog.getByRole('button', { name: 'Continue' }).click({ force: true });
  await page.locator('#regmsg\\:redactMessages .ui-messages-error').waitFor();
  await onStep('04-redaction-unticked', page);
  // The tick: a click on the box PrimeFaces draws, sent as its AJAX valueChange, whose answer
  // enables Continue.
  const valueChange = page.waitForResponse((r) => r.request().headers()['faces-request'] === 'partial/ajax');
  await page.getByRole('dialog', { name: 'Redaction Agreement' }).locator('.ui-chkbox-box').click();
  await valueChange;
  await page.getByRole('button', { name: 'Continue' }).click();

  // 4. Back at the court (login.pl, where the link led), logged in, with the PACER-only menu; Utilities.
  await landedOn(page, /^\/cgi-bin\/login\.pl$/);
  await onStep('05-pacer-menu', page);
  const utilities = page.locator('#topmenu').getByRole('link', { name: 'Utilities', exact: true });
  await utilities.hover();
  await page.locator('#topmenu').getByRole('link', { name: LINK_LABEL }).waitFor({ state: 'visible' });
  await onStep('06-utilities-menu', page);
  await utilities.click();
  await landedOn(page, /^\/cgi-bin\/DisplayMenu\.pl\?Utilities$/);
  await page.mouse.move(640, 700); // away from the menu bar, so its submenu closes
  await onStep('07-utilities', page);

  // 5-7. The link in the page body, the form, Submit.
  await page.locator('#cmecfMainContent').getByRole('link', { name: LINK_LABEL }).click();
  await landedOn(page, /^\/cgi-bin\/LinkAccount\.pl$/);
  await page.getByLabel('CM/ECF login:').fill(ecfLogin);
  await page.getByLabel('CM/ECF password:').fill(ECF_PASSWORD);
  await onStep('08-link-form', page);
  await page.getByRole('button', { name: 'Submit' }).click();

  // 8. The confirmation; Submit.
  await page.getByText('Do you want to link these accounts?').waitFor();
  await onStep('09-confirm', page);
  await page.getByRole('button', { name: 'Submit' }).click();

  // 9-10. The result; its menu has Search but not yet the filing menus.
  await page.locator('.cmecf-success').waitFor();
  await onStep('10-result', page);

  // 11. The next page loaded from the menu shows the new one.
  await page.locator('#topmenu').getByRole('link', { name: 'Query', exact: true }).click();
  await landedOn(page, /^\/cgi-bin\/iquery\.pl$/);
  await onStep('11-filer-menu', page);

  // Log Out.
  await page.locator('#topmenu').getByRole('link', { name: 'Log Out' }).click();
  await landedOn(page, /^\/cgi-bin\/login\.pl\?logout$/);
  await onStep('12-logged-out', page);
}
