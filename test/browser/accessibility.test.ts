import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ECF_PASSWORD, PACER_PASSWORD } from '../support/app.js';
import { describeInChromium, PHONE } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { FILER_MENU, FILING_SYSTEM_LINK, JUST_LINKED_MENU, LINK_LABEL, LOGIN_MESSAGES, menuText, PACER_MENU, walkLinkingJourney } from '../support/browser-journey.js';
import { expectLogoAtLeftOfMenuBar, horizontalOverflow, unlabelledInputs } from '../support/page-checks.js';

/**
 * Accessibility and layout in a real browser: the whole journey with the keyboard alone, visible
 * focus, labels tied to every input, errors announced, menus that open on hover and on focus,
 * the logo at the left of the menu bar, and no sideways scrolling at 390px.
 */
/** What has the focus: its id, or its role-ish tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    return el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });
}

/**
 * Whether the focused element shows a focus indicator of its own: an outline at least 2px wide
 * that is not transparent, or a box-shadow ring (links use a transparent outline, kept for
 * Windows high-contrast mode, plus a yellow background and a shadow underline). Chromium's
 * default ring (outline auto 1px) does not count: it is what remains when our CSS is lost.
 */
function focusStyle(page: Page): Promise<{ visible: boolean; outline: string; boxShadow: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, outline: 'no focus', boxShadow: '' };
    const cs = getComputedStyle(el);
    const width = parseFloat(cs.outlineWidth);
    const transparent = /rgba\(.*,\s*0\)$/.test(cs.outlineColor) || cs.outlineColor === 'transparent';
    const ring = cs.outlineStyle !== 'none' && width >= 2 && !transparent;
    const shadow = cs.boxShadow !== 'none' && cs.outlineStyle !== 'none';
    return { visible: ring || shadow, outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, boxShadow: cs.boxShadow };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, checking visible focus on each stop. */
async function tabTo(page: Page, target: string | RegExp, { back = false, max = 40 } = {}): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    stops.push(now);
    const style = await focusStyle(page);
    expect(style.visible, `focus on ${now} is visible (outline ${style.outline}, shadow ${style.boxShadow})`).toBe(true);
    if (typeof target === 'string' ? now === target : target.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(target)}; stops: ${stops.join(' | ')}`);
}

async function waitForPath(page: Page, path: RegExp): Promise<void> {
  await page.waitForURL((url) => path.test(url.pathname + url.search), { waitUntil: 'load' });
}

/** The description Chromium computes for an element: what a screen reader reads after its name. */
async function accessibleDescription(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const value = nodes[0]?.description?.value;
    return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  } finally {
    await cdp.detach();
  }
}

/** Logs in with the mouse and keyboard as far as the court's main page. */
async function logInAsJattorney(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: FILING_SYSTEM_LINK }).click();
  await waitForPath(page, /^\/csologin\/login\.jsf/);
  await page.getByLabel('Username').fill('jattorney');
  await page.getByLabel('Password').fill(PACER_PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  // As on the real PrimeFaces page: the box drawn over the hidden checkbox is what a mouse clicks.
  await page.locator('#redactionConfirmation .ui-chkbox-box').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForPath(page, /^\/cgi-bin\/login\.pl$/);
}

describeInChromium('accessibility and layout in chromium', () => {
  const start = chromiumPerFile();

  it('walks the whole journey with the keyboard alone, with visible focus at every stop', async () => {
    const { app, base, page, foreign } = await start();
    // The court's index: Tab to the Document Filing System link and press Enter.
    await page.goto(`${base}/`);
    await waitForPath(page, /^\/cgi-bin\/ShowIndex\.pl$/);
    await tabTo(page, `a:${FILING_SYSTEM_LINK}`);
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/csologin\/login\.jsf/);

    // Login page: the cursor starts in Username.
    await expect.poll(() => focused(page)).toBe('loginForm:loginName');
    expect((await focusStyle(page)).visible).toBe(true);
    await page.keyboard.type('jattorney');
    await tabTo(page, 'loginForm:password');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');

    // The error is in the alert area and is read with the field that has the focus again.
    await page.locator(`${LOGIN_MESSAGES} .ui-messages-error`).waitFor();
    expect(await page.locator(LOGIN_MESSAGES).getAttribute('role')).toBe('alert');
    expect(await page.getByRole('alert').first().innerText()).toContain('Invalid username or password');
    await expect.poll(() => focused(page)).toBe('loginForm:loginName');
    expect(await accessibleDescription(page, '#loginForm\\:loginName')).toBe('Invalid username or password');

    // Username is kept; Tab to Password, on to Client Code and Shift+Tab back, then Enter.
    await tabTo(page, 'loginForm:password');
    await page.keyboard.type(PACER_PASSWORD);
    await tabTo(page, 'loginForm:clientCode');
    await tabTo(page, 'loginForm:password', { back: true });
    await page.keyboard.press('Enter');

    // Redaction Agreement: focus moves into the dialog, onto the box. Continue unticked first.
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => focused(page)).toBe('regmsg:chkRedact_input');
    expect(await accessibleDescription(page, '#redactionConfirmation')).toContain('IMPORTANT NOTICE OF REDACTION RESPONSIBILITY');
    await tabTo(page, 'regmsg:bpmConfirm');
    await page.keyboard.press('Enter');
    await page.locator('#regmsg\\:redactMessages .ui-messages-error').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'You must check the box' }).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('regmsg:chkRedact_input');
    expect(await accessibleDescription(page, '#regmsg\\:chkRedact_input')).toContain('You must check the box to acknowledge the redaction rules');
    // Tab stays inside the dialog: from the box to Continue and round again.
    await tabTo(page, 'regmsg:bpmConfirm');
    await tabTo(page, 'regmsg:chkRedact_input');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox').isChecked()).toBe(true);
    await tabTo(page, 'regmsg:bpmConfirm');
    await page.keyboard.press('Enter');

    // The court's main page: Tab into the menu bar; Utilities opens its submenu on focus.
    await waitForPath(page, /^\/cgi-bin\/login\.pl$/);
    expect(await menuText(page)).toBe(PACER_MENU);
    await tabTo(page, 'a:Utilities');
    expect(await page.locator('#topmenu').getByRole('link', { name: LINK_LABEL }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');

    // Utilities page: the skip link jumps over the menu bar into the page, then Tab to the link.
    await waitForPath(page, /^\/cgi-bin\/DisplayMenu\.pl\?Utilities$/);
    await tabTo(page, 'a:Skip to main content');
    await page.keyboard.press('Enter');
    await tabTo(page, `a:${LINK_LABEL}`);
    expect(await page.evaluate(() => document.activeElement?.closest('#cmecfMainContent') !== null)).toBe(true);
    await page.keyboard.press('Enter');

    // Link form: the cursor starts in CM/ECF login, described by the hint.
    await waitForPath(page, /^\/cgi-bin\/LinkAccount\.pl$/);
    await expect.poll(() => focused(page)).toBe('login');
    expect(await accessibleDescription(page, '#login')).toContain('CM/ECF login is typically your first and last initials');
    await page.keyboard.type('attytest4');
    await tabTo(page, 'key');
    await page.keyboard.type('Wrong!Court2026');
    await page.keyboard.press('Enter');
    await page.locator('#linkMessages .cmecf-error').waitFor();
    expect(await page.locator('#linkMessages').getAttribute('role')).toBe('alert');
    await expect.poll(() => focused(page)).toBe('login');
    expect(await accessibleDescription(page, '#login')).toContain('Invalid CM/ECF login or password.');
    await tabTo(page, 'key');
    await page.keyboard.type(ECF_PASSWORD);
    await page.keyboard.press('Enter');

    // Confirmation: Tab to Submit and press Space.
    await page.getByText('Do you want to link these accounts?').waitFor();
    await tabTo(page, 'linkConfirmSubmit');
    await page.keyboard.press('Space');

    // The result, its menu with Search; Query from the menu bar loads the whole filer menu.
    await page.locator('.cmecf-success').waitFor();
    expect(await menuText(page)).toBe(JUST_LINKED_MENU);
    await tabTo(page, 'a:Query');
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/cgi-bin\/iquery\.pl$/);
    expect(await menuText(page)).toBe(FILER_MENU);

    // Log Out, by keyboard too.
    await tabTo(page, 'a:Log Out');
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/cgi-bin\/login\.pl\?logout$/);
    expect(await page.getByText('You have logged out of CM/ECF and PACER.').isVisible()).toBe(true);
    expect(app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.linkedPacerAccountId).toBeDefined();
    expect(foreign()).toEqual([]);
  });

  it('menus open on hover and on keyboard focus, and close again', async () => {
    const { base, page } = await start();
    await logInAsJattorney(page, base);
    const bar = page.locator('#topmenu');
    const utilities = bar.getByRole('link', { name: 'Utilities', exact: true });
    const submenuLink = bar.getByRole('link', { name: LINK_LABEL });
    expect(await submenuLink.isVisible()).toBe(false);

    // Hover opens it; moving away closes it.
    await utilities.hover();
    await submenuLink.waitFor({ state: 'visible' });
    await page.mouse.move(640, 600);
    await submenuLink.waitFor({ state: 'hidden' });

    // Keyboard focus opens it; Escape closes it with the focus kept; Down Arrow opens it and
    // moves into it.
    await page.locator('body').focus();
    await tabTo(page, 'a:Utilities');
    expect(await submenuLink.isVisible()).toBe(true);
    expect(await utilities.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await submenuLink.isVisible()).toBe(false);
    expect(await utilities.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('a:Utilities');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('a:Change Client Code');
    expect(await submenuLink.isVisible()).toBe(true);
    // Tab out of the bar's last item closes every submenu.
    await tabTo(page, 'a:Log Out');
    expect(await submenuLink.isVisible()).toBe(false);
    // Help is an <a> without href, as captured: still a Tab stop, announced as a link, and Enter opens it.
    await tabTo(page, 'a:Help', { back: true });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('link');
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/cgi-bin\/Help\.pl$/);
  });

  it('at 390px wide: no sideways scrolling, labelled inputs and the logo at the left on every journey page', async () => {
    const { base, page, foreign } = await start({ viewport: PHONE, isMobile: true, hasTouch: true });
    const checked: string[] = [];
    await walkLinkingJourney(page, base, async (step) => {
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(clientWidth, step).toBe(PHONE.width);
      expect(scrollWidth, `${step}: page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
      const { total, unlabelled } = await unlabelledInputs(page);
      expect(unlabelled, `${step}: inputs without a label`).toEqual([]);
      if (['01-login', '03-redaction', '08-link-form', '11-filer-menu'].includes(step)) expect(total, `${step}: has inputs`).toBeGreaterThan(0);
      if ((await page.locator('#topmenu').count()) > 0) await expectLogoAtLeftOfMenuBar(page);
      checked.push(step);
    });
    expect(checked).toHaveLength(13);
    expect(foreign()).toEqual([]);
  });
});
