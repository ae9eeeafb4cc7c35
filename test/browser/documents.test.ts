import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { sizeText } from '../../server/domain/documents.js';
import { describeInChromium } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';

/**
 * The document pages in Debian's chromium, driven as a person (and RECAP, in the page) drives
 * them: the attachment menu's totals, note and buttons (its own script), a document link's goDLS
 * post, and "View Document" buying the PDF.
 */
async function logIn(app: FastifyInstance, context: BrowserContext, base: string): Promise<void> {
  await context.addCookies([{ name: 'NextGenCSO', value: sessionCookies(app)['NextGenCSO'] ?? '', url: base }]);
}

const billed = (app: FastifyInstance) => app.repos.billing.between(app.repos.pacerAccounts.byUsername('researcher')?.id ?? 0, 0, Number.MAX_SAFE_INTEGER);

/** An entry's documents, main first. */
function entryDocs(app: FastifyInstance, court: string, number: string, docNumber: number) {
  const c = seededCase(app, court, number);
  const entry = app.repos.docketEntries.byNumber(c.id, docNumber);
  return app.repos.documents.forEntry(entry?.id ?? 0);
}

describeInChromium('the document pages in chromium', () => {
  const start = chromiumPerFile();

  it('the menu ticks every document on arrival, keeps its totals as boxes change, and View Selected leaves the unticked out', async () => {
    const { app, base, page, context, foreign } = await start();
    await logIn(app, context, base);
    const [main, exhibitA] = entryDocs(app, 'flsd', '1:26-cv-20001', 4);
    await page.goto(`${base}/doc1/0510${main?.serial}`);
    const boxes = page.locator('input[type=checkbox][name^="document_4_"]');
    await expect.poll(() => boxes.evaluateAll((all) => all.every((b) => (b as HTMLInputElement).checked))).toBe(true);
    // The restricted exhibit counts nothing: main (18 pages) and Exhibit A (6).
    const both = (main?.bytes ?? 0) + (exhibitA?.bytes ?? 0);
    await expect.poll(() => page.locator('#total_size_display').innerText()).toBe(sizeText(both).trim());
    expect(await page.locator('#total_page_display').innerText()).toBe('24 pages');
    expect(await page.locator('#file_too_big').isVisible()).toBe(false);

    await page.getByRole('checkbox', { name: 'Attachment 1' }).uncheck();
    expect(await page.locator('#total_page_display').innerText()).toBe('18 pages');
    await page.getByRole('button', { name: 'View Selected' }).click();
    await page.getByText('is not simulated in this sandbox').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/cgi-bin/show_multidocs.pl');
    expect(url.searchParams.get('exclude_attachments')).toBe(String(exhibitA?.serial));
    expect(url.searchParams.get('zipit')).toBe('0');
    expect(foreign()).toEqual([]);
  });

  it('at NYSD, a selection over 10.1 MB shows the note and disables the buttons until it is smaller', async () => {
    const { app, base, page, context } = await start();
    await logIn(app, context, base);
    const [main] = entryDocs(app, 'nysd', '1:26-cv-01234', 5);
    // NYSD on loopback: the court's host under localhost (README "How hosts map to the mock").
    const nysd = base.replace('//localhost', '//ecf.nysd.localhost');
    await context.addCookies([{ name: 'NextGenCSO', value: sessionCookies(app)['NextGenCSO'] ?? '', url: nysd }]);
    await page.goto(`${nysd}/doc1/1270${main?.serial}`);
    await expect.poll(() => page.locator('#file_too_big').isVisible()).toBe(true);
    expect(await page.locator('#view_button').isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Attachment 11' }).uncheck();
    await page.getByRole('checkbox', { name: 'Attachment 12' }).uncheck();
    expect(await page.locator('#file_too_big').isVisible()).toBe(false);
    expect(await page.locator('#view_button').isEnabled()).toBe(true);
  });

  it('a document link posts through goDLS to the confirmation, and View Document buys the PDF', async () => {
    const { app, base, page, context } = await start();
    await logIn(app, context, base);
    const [main] = entryDocs(app, 'flsd', '1:26-cv-20001', 1);
    await page.goto(`${base}/doc1/0510${main?.serial}`);
    await page.getByRole('link', { name: '1', exact: true }).first().click();
    await page.getByRole('button', { name: 'View Document' }).waitFor();
    expect(billed(app)).toHaveLength(0);
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.headers()['content-type'] === 'application/pdf'),
      page.getByRole('button', { name: 'View Document' }).click(),
    ]);
    expect(pdf.request().postData()).toContain('got_receipt');
    // (chromium hands its PDF viewer's page to body(), so the bytes are checked by their length.)
    expect(pdf.headers()['content-length']).toBe(String(main?.bytes));
    expect(billed(app)).toMatchObject([{ description: 'Image1-0', pages: 14, costCents: 140 }]);
  });
});
