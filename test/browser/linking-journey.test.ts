import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { PACER_PASSWORD } from '../support/app.js';
import { describeInChromium } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { FILER_MENU, FILING_SYSTEM_LINK, JUST_LINKED_MENU, LOGIN_MESSAGES, menuText, PACER_MENU, REDACTION_LABEL, walkLinkingJourney, type StepId } from '../support/browser-journey.js';
import { expectLogoAtLeftOfMenuBar, horizontalOverflow, unlabelledInputs } from '../support/page-checks.js';

/**
 * The linking journey in Debian's chromium (FIDELITY §6): what a trainer's class and an
 * e-filing tool driving a browser see. Clicks and typing only; no HTTP from the test itself.
 */
async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name).sort();
}

describeInChromium('the linking journey in chromium', () => {
  const start = chromiumPerFile();

  it('walks the eleven steps as jattorney, with clicks and typing, and logs out', async () => {
    const { app, base, page, context, foreign } = await start();
    const seen: StepId[] = [];
    // The labels a person (or a screen reader) finds each input of the form pages by.
    const labels: Partial<Record<StepId, string[]>> = {
      '01-login': ['Username', 'Password', 'Client Code'],
      '03-redaction': [REDACTION_LABEL],
      // Step 6's visible texts, exactly.
      '08-link-form': ['CM/ECF login:', 'CM/ECF password:'],
    };
    const found: string[] = [];

    await walkLinkingJourney(page, base, async (step) => {
      seen.push(step);
      // On every page at 1280x800: no sideways scrolling, every input labelled, the logo at the
      // left of the menu bar.
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(scrollWidth, step).toBeLessThanOrEqual(clientWidth);
      expect((await unlabelledInputs(page)).unlabelled, step).toEqual([]);
      for (const label of labels[step] ?? []) {
        expect(await page.getByLabel(label, { exact: true }).count(), `${step}: "${label}"`).toBe(1);
        found.push(label);
      }
      if ((await page.locator('#topmenu').count()) > 0) await expectLogoAtLeftOfMenuBar(page);
      switch (step) {
        case '00-court-index':
          // Step 1: the court's index, no session yet: the link, no menu bar, no cookies.
          await expect(page.title()).resolves.toBe('CM/ECF - Live Database - flsd');
          expect(await page.getByRole('link', { name: FILING_SYSTEM_LINK }).getAttribute('href')).toBe('/cgi-bin/login.pl');
          expect(await page.locator('#topmenu').count()).toBe(0);
          expect(await cookieNames(context)).toEqual([]);
          break;
        case '01-login':
          await expect(page.title()).resolves.toBe('PACER Login');
          expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('PACER Login');
          for (const name of ['Login', 'Clear', 'Cancel']) expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
          for (const name of ['Need an Account?', 'Forgot Your Password?', 'Forgot User Name?']) {
            expect(await page.getByRole('link', { name }).isVisible()).toBe(true);
          }
          expect(await page.getByText('This is a restricted government web site for official PACER use only.').isVisible()).toBe(true);
          expect(await page.getByText('Your browser must be set to accept cookies in order to log in').isVisible()).toBe(true);
          // The username field has the focus, ready for typing.
          await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('loginForm:loginName');
          expect(await cookieNames(context)).toEqual(['JSESSIONID']);
          break;
        case '03-redaction':
          expect(await page.getByText('IMPORTANT NOTICE OF REDACTION RESPONSIBILITY').isVisible()).toBe(true);
          expect(await page.getByLabel(REDACTION_LABEL).isChecked()).toBe(false);
          expect(await page.locator('#regmsg\\:bpmConfirm').getAttribute('aria-disabled')).toBe('true');
          // The dialog takes the focus, and the page behind it is out of reach.
          await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('regmsg:chkRedact_input');
          expect(await page.locator('.cso-columns').getAttribute('inert')).not.toBeNull();
          expect(await cookieNames(context)).not.toContain('NextGenCSO');
          break;
        case '04-redaction-unticked':
          expect(await page.getByRole('dialog', { name: 'Redaction Agreement' }).isVisible()).toBe(true);
          expect(await page.locator('#regmsg\\:redactMessages').innerText()).toContain(
            'You must check the box to acknowledge the redaction rules before you continue.',
          );
          expect(await cookieNames(context)).not.toContain('NextGenCSO');
          break;
        case '05-pacer-menu': {
          await expect(page.title()).resolves.toBe('CM/ECF - Live Database - flsd');
          expect(await menuText(page)).toBe(PACER_MENU);
          const cookies = await context.cookies();
          const token = cookies.find((c) => c.name === 'NextGenCSO')?.value;
          expect(token).toMatch(/^[A-Za-z0-9]{128}$/);
          expect(cookies.find((c) => c.name === 'PacerSession')?.value).toBe(token);
          // The logged-in login.pl set the KEY cookie by script.
          expect(cookies.find((c) => c.name === 'KEY')?.value).toMatch(/^[0-9a-f]{32}$/);
          expect(await page.getByText('John Attorney (jattorney)').isVisible()).toBe(true);
          // The menu bar's drop-downs were built from menu.pl; Help is reachable by keyboard.
          expect(await page.locator('#topmenu div.yuimenu').count()).toBe(2);
          expect(await page.locator('#topmenu a.yuimenubaritemlabel:not([href])').getAttribute('tabindex')).toBe('0');
          break;
        }
        case '08-link-form':
          expect(await page.getByText('The FLSD CM/ECF login is typically your first and last initials followed by your full bar number').isVisible()).toBe(true);
          expect(await page.getByRole('link', { name: 'Forgot login/password' }).isVisible()).toBe(true);
          break;
        case '09-confirm':
          expect(await page.locator('#ecfName').innerText()).toBe('John Attorney');
          expect(await page.locator('#pacerName').innerText()).toBe('John Attorney');
          expect(await page.getByText('your old e-filing credentials for the CM/ECF account will be permanently linked').isVisible()).toBe(true);
          expect(await page.getByRole('link', { name: 'Back' }).isVisible()).toBe(true);
          break;
        case '10-result':
          expect(await page.locator('.cmecf-success').innerText()).toBe('The CM/ECF account for John Attorney is now linked to your CSO account.');
          // 10. The result page's menu has Search, not yet Civil and Criminal...
          expect(await menuText(page)).toBe(JUST_LINKED_MENU);
          break;
        case '11-filer-menu':
          // 11. ...and the new one once a menu item loads the next page.
          expect(await menuText(page)).toBe(FILER_MENU);
          break;
        case '12-logged-out':
          expect(await page.getByText('You have logged out of CM/ECF and PACER.').isVisible()).toBe(true);
          expect(await page.locator('#topmenu').count()).toBe(0);
          expect(await cookieNames(context)).not.toContain('NextGenCSO');
          break;
        default:
          // 02, 06, 07: the labels checked above are all these steps promise.
          break;
      }
    });

    expect(seen).toHaveLength(13);
    expect(found).toHaveLength(6);
    expect(app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.linkedPacerAccountId).toBe(app.repos.pacerAccounts.byUsername('jattorney')?.id);

    // After Log Out, "Log in again" leads to the login page, and the court asks for a login again.
    await page.getByRole('link', { name: 'Log in again' }).click();
    await page.waitForURL(/\/csologin\/login\.jsf\?/);
    expect(await page.getByLabel('Username').inputValue()).toBe('');

    // Our own CSS, JS and images only: every request went to the mock.
    expect(foreign()).toEqual([]);
  });

  it('Clear empties the form and Cancel goes back to the court, both without logging in', async () => {
    const { app, base, page, context, foreign } = await start();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: FILING_SYSTEM_LINK }).click();
    await page.waitForURL(/\/csologin\/login\.jsf\?/);

    // A wrong password first, so Clear has a message to clear too.
    await page.getByLabel('Username').fill('jattorney');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByLabel('Client Code').fill('matter-42');
    await page.getByRole('button', { name: 'Login' }).click();
    await page.locator(`${LOGIN_MESSAGES} .ui-messages-error`).waitFor();
    expect(await page.locator(LOGIN_MESSAGES).innerText()).toContain('Invalid username or password');
    expect(await page.getByLabel('Username').inputValue()).toBe('jattorney');

    await page.getByLabel('Password').fill(PACER_PASSWORD);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.getByLabel('Username').inputValue()).toBe('');
    expect(await page.getByLabel('Client Code').inputValue()).toBe('');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect((await page.locator(LOGIN_MESSAGES).innerText()).trim()).toBe('');
    expect(await cookieNames(context)).toEqual(['JSESSIONID']);

    // Cancel, even with good credentials typed: back to the court's front page, which (nobody
    // being logged in) is the court's index again.
    await page.getByLabel('Username').fill('jattorney');
    await page.getByLabel('Password').fill(PACER_PASSWORD);
    const courtHome = page.waitForRequest((r) => r.url() === `${base}/` && r.isNavigationRequest());
    await page.getByRole('button', { name: 'Cancel' }).click();
    await courtHome;
    await page.waitForURL(/\/cgi-bin\/ShowIndex\.pl$/);
    expect(await page.getByRole('link', { name: FILING_SYSTEM_LINK }).isVisible()).toBe(true);
    expect(await cookieNames(context)).toEqual(['JSESSIONID']);
    expect(app.repos.journal.list({ actor: 'jattorney' }).map((e) => `${e.action}:${e.outcome}`)).not.toContain('session.start:ok');
    expect(foreign()).toEqual([]);
  });
});
