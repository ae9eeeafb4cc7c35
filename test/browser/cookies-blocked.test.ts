import { afterEach, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp, PACER_PASSWORD, serve } from '../support/app.js';
import { describeInChromium, launchCookieBlockingContext } from '../support/chromium.js';
import { FILING_SYSTEM_LINK, LOGIN_MESSAGES } from '../support/browser-journey.js';

/**
 * FIDELITY §3, the cookie requirement, in a real browser whose user blocked all cookies
 * (Chromium's own setting, see launchCookieBlockingContext): the login POST comes back without
 * JSESSIONID, so the page is shown again with the error in the message area and nobody is
 * logged in.
 */
let app: FastifyInstance | undefined;
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  await app?.close();
  close = undefined;
  app = undefined;
});

describeInChromium('a browser that blocks cookies', () => {
  it('gets the cookie error in the message area and is not logged in', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const blocked = await launchCookieBlockingContext(base);
    close = blocked.close;
    const { page, context } = blocked;

    await page.goto(`${base}/`);
    await page.getByRole('link', { name: FILING_SYSTEM_LINK }).click();
    await page.waitForURL(/\/csologin\/login\.jsf\?pscCourtId=FLSDC&/);
    // The setting is in force: the server's JSESSIONID was refused, and so is a script's cookie.
    expect(await page.evaluate(() => ((document.cookie = 'probe=1'), document.cookie))).toBe('');
    expect(await context.cookies()).toEqual([]);

    await page.getByLabel('Username').fill('jattorney');
    await page.getByLabel('Password').fill(PACER_PASSWORD);
    await page.getByRole('button', { name: 'Login' }).click();

    const messages = page.locator(LOGIN_MESSAGES);
    await messages.locator('.ui-messages-error').waitFor();
    expect((await messages.innerText()).trim()).toBe('Your browser must be set to accept cookies in order to log in to this site.');
    expect(await messages.getAttribute('role')).toBe('alert');
    // Still the login page: no redaction dialog, no session, no cookies.
    expect(new URL(page.url()).pathname).toBe('/csologin/login.jsf');
    expect(await page.locator('#redactionConfirmation').isVisible()).toBe(false);
    expect(await context.cookies()).toEqual([]);
    const journal = app.repos.journal.list({ actor: 'jattorney' }).map((e) => `${e.action}:${e.outcome}`);
    expect(journal).toContain('login.screen:no_cookie');
    expect(journal).not.toContain('session.start:ok');
    expect(blocked.foreign()).toEqual([]);
  });
});
