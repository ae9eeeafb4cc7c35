import type { Page } from 'playwright-core';
import type { JourneyStep } from './browser-journey.js';

/**
 * Filing a motion to dismiss at FLSD as a person does it in a real browser (issue 13, "File your
 * first motion"): the Civil menu, Motions, the event picker's filter box and list, the case-number
 * widget (its own script in /lib/core.js: type, Find This Case, "Select a case:"), the
 * confirmation, the filer, the first-time association, the upload, the link prompt, the docket
 * text, the final text, the Notice of Electronic Filing, and the docket report showing the entry.
 *
 * As with the linking journey (browser-journey.ts), one walk serves the browser test (which
 * asserts at every step) and `npm run screenshots` (which photographs every step for
 * docs/walkthrough.md). The walk starts on a page of a logged-in, linked filer (the court's
 * login.pl); onStep(step, page) runs while that step's page is on screen.
 */
export const FILING_STEPS = [
  { id: '13-civil-menu', guide: 'A.1', title: 'Civil in the menu bar: the court\'s categories of civil events' },
  { id: '13-picker', guide: 'A.2', title: 'Motions: the event picker, narrowed by the filter box, Dismiss selected' },
  { id: '13-case', guide: 'A.3', title: 'The case number, found by Find This Case' },
  { id: '13-confirm', guide: 'A.3', title: 'The case confirmation' },
  { id: '13-filer', guide: 'A.4', title: 'Select the Filer' },
  { id: '13-association', guide: 'A.4', title: 'Attorney/Party Association, the first time only' },
  { id: '13-upload', guide: 'A.5', title: 'The Main Document, a PDF' },
  { id: '13-link', guide: 'A.6', title: 'Should the document link to another document?' },
  { id: '13-text', guide: 'A.6', title: 'Docket Text: Modify as Appropriate, with free text' },
  { id: '13-final', guide: 'A.6', title: 'The final text: Have you redacted? Next commits' },
  { id: '13-nef', guide: 'A.7', title: 'The Notice of Electronic Filing' },
  { id: '13-docket', guide: 'A.8', title: 'The docket report shows the new entry' },
] as const satisfies readonly JourneyStep[];

export type FilingStepId = (typeof FILING_STEPS)[number]['id'];

export const FILING_CASE = '1:26-cv-20001';
export const FILING_CASE_TITLE = 'Alvarez v. Sunshine Marine Supply, LLC';
export const FILING_PARTY = 'Sunshine Marine Supply, LLC';
export const FILING_FREE_TEXT = 'for improper venue';
/** The docket text the walk produces (the FLSD motion's 14-day response deadline follows it). */
export const FILING_DOCKET_TEXT = `MOTION to Dismiss ${FILING_FREE_TEXT} by ${FILING_PARTY}.`;
export const FILING_FILE_NAME = 'motion-to-dismiss.pdf';

export interface FilingWalkOptions {
  /** The main document's bytes (a small PDF). */
  pdf: Buffer;
}

/** Waits for the next step's page: a Filing.pl URL ending in -<step>. */
async function onFilingStep(page: Page, step: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/cgi-bin/Filing.pl' && url.search.endsWith(`-${step}`), { waitUntil: 'load' });
}

export async function walkFilingJourney(
  page: Page,
  base: string,
  onStep: (step: FilingStepId, page: Page) => Promise<void>,
  opts: FilingWalkOptions,
): Promise<void> {
  await page.goto(`${base}/cgi-bin/login.pl`);
  const menu = page.locator('#topmenu');

  // 1. Civil in the menu bar: the categories page.
  await menu.getByRole('link', { name: 'Civil', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/cgi-bin/DisplayMenu.pl' && url.search === '?CivilEvents', { waitUntil: 'load' });
  await page.mouse.move(640, 700); // off the menu bar, so no submenu covers the page
  await onStep('13-civil-menu', page);

  // 2. Motions: the picker. Type in the filter box, pick Dismiss from what is left.
  await page.locator('#cmecfMainContent').getByRole('link', { name: 'Motions', exact: true }).click();
  await page.getByLabel('Start typing to find another event.').pressSequentially('dismiss');
  await page.getByLabel('Available Events (click to select events)').selectOption({ label: 'Dismiss' });
  await page.locator('#selected_events option', { hasText: 'Dismiss' }).waitFor({ state: 'attached' });
  await onStep('13-picker', page);
  await page.locator('#button1').click();

  /** One step's page (Filing.pl?<key>-<name>): wait for it, fill it in, show it, then Next. */
  const step = async (name: string, id: FilingStepId, fill: () => Promise<unknown> = async () => undefined) => {
    await onFilingStep(page, name);
    await fill();
    await onStep(id, page);
    await page.locator('#button1').click();
  };

  // 3. The case number: typed into the widget, then Find This Case (core.js asks
  //    possible_case_numbers.pl and lists "Select a case:").
  await step('case', '13-case', async () => {
    const box = page.locator('#case_number_text_area_0');
    await box.fill('');
    await box.pressSequentially('26-20001');
    await page.locator('#case_number_find_button_0').click();
    await page.locator('#case_number_pick_area_0').getByText('Select a case:').waitFor();
  });
  // 4. The confirmation.
  await step('confirm', '13-confirm');
  // 5. The filer: the defendant.
  await step('filer', '13-filer', async () => {
    const parties = page.getByLabel('Select the party:');
    await parties.selectOption((await parties.locator('option', { hasText: FILING_PARTY }).getAttribute('value')) ?? '');
  });
  // 6. The association (first filing for this party): the boxes come checked.
  await step('association', '13-association');
  // 7. The upload: the Main Document.
  await step('upload', '13-upload', () => page.getByLabel('Main Document').setInputFiles({ name: FILING_FILE_NAME, mimeType: 'application/pdf', buffer: opts.pdf }));
  // 8. The link prompt: No.
  await step('link', '13-link', () => page.getByLabel('No', { exact: true }).check());
  // 9. The docket text, with free text after the event's.
  await step('text', '13-text', () => page.getByLabel('Free text').fill(FILING_FREE_TEXT));
  // 10. The final text; Next commits.
  await step('final', '13-final');

  // 11. The Notice of Electronic Filing.
  await onFilingStep(page, 'receipt');
  await page.getByText('Notice of Electronic Filing').first().waitFor();
  await onStep('13-nef', page);

  // 12. Reports > Docket Report: the widget is filled from CASE_NUM (the filing set it); Run Report.
  await menu.getByRole('link', { name: 'Reports', exact: true }).hover();
  await menu.getByRole('link', { name: 'Docket Report', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/cgi-bin/DktRpt.pl', { waitUntil: 'load' });
  await page.mouse.move(640, 700);
  await page.waitForFunction(() => (document.getElementById('all_case_ids') as HTMLInputElement | null)?.value !== '');
  await page.getByRole('button', { name: 'Run Report' }).click();
  await page.locator('h3', { hasText: `CIVIL DOCKET FOR CASE #: ${FILING_CASE}` }).waitFor();
  // The new entry is the last row: bring it into view (for the picture, and as a person would).
  await page.getByText(FILING_FREE_TEXT).last().scrollIntoViewIfNeeded();
  await onStep('13-docket', page);
}
