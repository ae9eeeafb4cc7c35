import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { describeInChromium } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { sessionCookies } from '../support/case-query.js';
import { unlabelledInputs } from '../support/page-checks.js';

/**
 * The Query form in Debian's chromium, driven as people and browser clients drive it: its "Run
 * Query" is an input[type=button] whose script submits the form, Enter in a field submits it (but
 * not in the case-number box, where Enter starts the case lookup), and without JavaScript a plain
 * submit button takes over.
 */
async function logIn(app: FastifyInstance, context: BrowserContext, base: string, username = 'researcher'): Promise<void> {
  const token = sessionCookies(app, username)['NextGenCSO'] ?? '';
  await context.addCookies([{ name: 'NextGenCSO', value: token, url: base }]);
}

const billed = (app: FastifyInstance) =>
  app.repos.billing.between(app.repos.pacerAccounts.byUsername('researcher')?.id ?? 0, 0, Number.MAX_SAFE_INTEGER).length;

async function openForm(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/cgi-bin/iquery.pl`);
  await page.locator('form#iquery').waitFor();
}

describeInChromium('the Query form in chromium', () => {
  const start = chromiumPerFile();

  it('submits by Enter in a name field and by the Run Query button, once per press', async () => {
    const { app, base, page, context, foreign } = await start();
    await logIn(app, context, base);
    await openForm(page, base);
    expect((await unlabelledInputs(page)).unlabelled).toEqual([]);

    await page.getByLabel('Last/Business Name', { exact: true }).fill('smith');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Select a Case' }).waitFor();
    expect(new URL(page.url()).search).toMatch(/^\?[1-9]\d{14}-L_1_0-1$/);
    expect(billed(app)).toBe(1);

    // Enter in the case-number box does not submit; Tab to Run Query and Space does, once.
    await openForm(page, base);
    const form = page.url();
    await page.getByLabel('Case Number', { exact: true }).fill('1:26-cv-20001');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(form);
    await page.getByRole('button', { name: 'Run Query' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Alvarez v. Sunshine Marine Supply, LLC').waitFor();
    // The summary's script sets CASE_NUM, as the real one does; the text can paint before the
    // script at the page's end has run, so wait for the cookie rather than read it once.
    await expect
      .poll(async () => (await context.cookies()).find((c) => c.name === 'CASE_NUM')?.value ?? '')
      .toMatch(/^1:26-cv-20001\(\d+\)$/);

    // Two quick clicks send one query.
    await openForm(page, base);
    await page.getByLabel('Last/Business Name', { exact: true }).fill('okafor');
    await page.getByRole('button', { name: 'Run Query' }).click({ clickCount: 2 });
    await page.getByRole('heading', { name: 'Select a Case' }).waitFor();
    expect(billed(app)).toBe(2);

    // A problem comes back on the form, announced.
    await openForm(page, base);
    await page.getByRole('button', { name: 'Run Query' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Enter a case number, a last or business name');
    expect(foreign()).toEqual([]);
  });

  it('works without JavaScript through its submit button', async () => {
    const { app, base, page, context } = await start({ javaScriptEnabled: false });
    await logIn(app, context, base);
    await openForm(page, base);
    await page.getByLabel('Last/Business Name', { exact: true }).fill('kessler');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Select a Case' }).waitFor();
    await page.getByRole('link', { name: '1:25-cv-24780' }).click();
    await page.getByText('Kessler v. Biscayne Freight Logistics, Inc.').waitFor();
    expect(await page.getByRole('link', { name: 'Docket Report ...' }).getAttribute('href')).toMatch(/^\/cgi-bin\/DktRpt\.pl\?\d+$/);
  });
});
