import { expect, it } from 'vitest';
import { formatDocId } from '../../server/domain/doc-ids.js';
import { describeInChromium } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { makePdf } from '../support/filing.js';
import {
  FILING_CASE,
  FILING_CASE_TITLE,
  FILING_DOCKET_TEXT,
  FILING_FILE_NAME,
  FILING_FREE_TEXT,
  FILING_PARTY,
  FILING_STEPS,
  walkFilingJourney,
  type FilingStepId,
} from '../support/browser-filing.js';
import { unlabelledInputs } from '../support/page-checks.js';

/**
 * Filing a motion in Debian's chromium by clicks and typing, as a linked filer (rlinked at FLSD):
 * what a trainer's class does and what a browser-automation e-filing client drives. The case is
 * found by the widget's own script (/lib/core.js); the PDF goes up through the file input. The
 * test sends no HTTP of its own after logging the browser in.
 */
describeInChromium('filing a motion in chromium', () => {
  const start = chromiumPerFile();

  it('files a motion to dismiss step by step, shows the NEF, and the docket report lists the entry', async () => {
    const { app, base, page, context, foreign } = await start();
    await context.addCookies([{ name: 'NextGenCSO', value: sessionCookies(app, 'rlinked')['NextGenCSO'] ?? '', url: base }]);
    const courtCase = seededCase(app, 'flsd', FILING_CASE);
    const before = app.repos.docketEntries.forCase(courtCase.id);
    const number = Math.max(...before.map((e) => e.docNumber ?? 0)) + 1;
    const pdf = makePdf('Motion to Dismiss', 2);
    const seen: FilingStepId[] = [];

    await walkFilingJourney(
      page,
      base,
      async (step) => {
        seen.push(step);
        // Every field labelled, Next and Clear included.
        expect((await unlabelledInputs(page)).unlabelled, step).toEqual([]);
        expect(await page.content(), step).toContain('/cgi-bin/login.pl?logout');
        // Nothing reaches the docket before the final Next.
        if (step !== '13-nef' && step !== '13-docket') expect(app.repos.docketEntries.forCase(courtCase.id), step).toHaveLength(before.length);
        switch (step) {
          case '13-civil-menu':
            expect(await page.locator('#cmecfMainContent').getByText('Motions and Related Filings').isVisible()).toBe(true);
            break;
          case '13-picker': {
            // The filter box hid the events without "dismiss"; the pick is mirrored in Selected Events.
            const shown = await page.locator('#event_list option:not([hidden])').allInnerTexts();
            expect(shown.length).toBeGreaterThan(0);
            for (const name of shown) expect(name.toLowerCase()).toContain('dismiss');
            expect(await page.locator('#event_list option[hidden]').count()).toBeGreaterThan(0);
            expect(await page.locator('#selected_events option').allInnerTexts()).toEqual(['Dismiss']);
            break;
          }
          case '13-case': {
            // core.js found the case: its line ticked and all_case_ids filled.
            const line = page.locator(`#checkbox_0_${courtCase.pacerCaseId}`);
            expect(await line.getAttribute('value')).toBe(FILING_CASE);
            expect(await line.isChecked()).toBe(true);
            expect(await page.locator('#all_case_ids').inputValue()).toBe(String(courtCase.pacerCaseId));
            break;
          }
          case '13-confirm':
            expect(await page.locator('#cmecfMainContent').innerText()).toContain(FILING_CASE_TITLE);
            expect(await page.getByLabel('Joint filing with other attorney(s)').isChecked()).toBe(false);
            break;
          case '13-filer':
            expect(await page.getByLabel('Select a Group:').locator('option').allInnerTexts()).toContain('All Defendants');
            break;
          case '13-association':
            expect(await page.getByLabel(`Associate with ${FILING_PARTY}`).isChecked()).toBe(true);
            expect(await page.getByText('There should only be ONE Lead Attorney per party.').isVisible()).toBe(true);
            break;
          case '13-upload':
            expect(await page.getByLabel('Main Document').evaluate((i) => (i as HTMLInputElement).files?.[0]?.name)).toBe(FILING_FILE_NAME);
            // Choosing a file in the last attachment row adds another; the main document does not.
            expect(await page.locator('tr.attachment-row').count()).toBe(1);
            break;
          case '13-link':
            expect(await page.getByText('Should the document you are filing link to another document in this case?').isVisible()).toBe(true);
            break;
          case '13-text':
            expect(await page.getByText('Docket Text: Modify as Appropriate.').isVisible()).toBe(true);
            break;
          case '13-final':
            expect(await page.getByText('Have you redacted?').isVisible()).toBe(true);
            expect(await page.locator('#cmecfMainContent').innerText()).toContain(FILING_DOCKET_TEXT);
            expect(await page.locator('#cmecfMainContent').innerText()).toContain(FILING_FILE_NAME);
            break;
          case '13-nef': {
            const main = page.locator('#cmecfMainContent');
            expect(await main.innerText()).toContain('Notice of Electronic Filing');
            // The document number links to the free-look doc1 URL with caseid, de_seq_num, magic_num.
            const link = main.getByRole('link', { name: String(number), exact: true });
            const href = new URL((await link.getAttribute('href')) ?? '', base);
            // No attachments: the link goes straight to the document (menu digit 1).
            const entry = app.repos.docketEntries.byNumber(courtCase.id, number);
            const [main1] = app.repos.documents.forEntry(entry?.id ?? 0);
            expect(href.pathname).toBe(`/doc1/${formatDocId('051', main1?.serial ?? 0, false)}`);
            expect(href.searchParams.get('caseid')).toBe(String(courtCase.pacerCaseId));
            expect(href.searchParams.get('de_seq_num')).toMatch(/^\d+$/);
            expect(href.searchParams.get('magic_num')).toMatch(/^\d{8}$/);
            // The docket text, free text in italics.
            expect(await main.innerText()).toContain(`MOTION to Dismiss ${FILING_FREE_TEXT}`);
            expect(await main.locator('i', { hasText: FILING_FREE_TEXT }).count()).toBeGreaterThan(0);
            expect(await main.innerText()).toContain(FILING_FILE_NAME);
            break;
          }
          case '13-docket': {
            const row = page.locator('tr', { hasText: FILING_FREE_TEXT }).last();
            expect(await row.innerText()).toContain(FILING_DOCKET_TEXT);
            expect(await row.getByRole('link', { name: String(number), exact: true }).count()).toBe(1);
            break;
          }
        }
      },
      { pdf },
    );

    expect(seen).toEqual(FILING_STEPS.map((s) => s.id));
    // One whole entry, by the filer's name, with the bytes the browser sent.
    const after = app.repos.docketEntries.forCase(courtCase.id);
    expect(after).toHaveLength(before.length + 1);
    const entry = after[after.length - 1];
    expect(entry?.docNumber).toBe(number);
    expect(entry?.filer).toBe('Linked, Robert');
    const [doc] = app.repos.documents.forEntry(entry?.id ?? 0);
    expect([doc?.originalName, doc?.bytes]).toEqual([FILING_FILE_NAME, pdf.length]);
    expect(foreign()).toEqual([]);
  });
});
