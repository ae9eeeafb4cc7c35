import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { describeInChromium } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { unlabelledInputs } from '../support/page-checks.js';

/**
 * The report forms in Debian's chromium, as people and browser clients drive them: the case-number
 * widget (type, "Find This Case", "Select a case:", all_case_ids filled) on the Docket Report and
 * Query forms, Run Report's script, the CASE_NUM cookie filling the widget, and View Selected.
 */
async function logIn(app: FastifyInstance, context: BrowserContext, base: string): Promise<void> {
  const token = sessionCookies(app)['NextGenCSO'] ?? '';
  await context.addCookies([{ name: 'NextGenCSO', value: token, url: base }]);
}

describeInChromium('the report forms in chromium', () => {
  const start = chromiumPerFile();

  it('finds a case by the widget on the Docket Report form and runs the report', async () => {
    const { app, base, page, context, foreign } = await start();
    await logIn(app, context, base);
    const alvarez = seededCase(app, 'flsd', '1:26-cv-20001').pacerCaseId;
    await page.goto(`${base}/cgi-bin/DktRpt.pl`);
    expect((await unlabelledInputs(page)).unlabelled).toEqual([]);

    const box = page.locator('#case_number_text_area_0');
    await expect.poll(() => page.locator('#case_number_find_button_0').isVisible()).toBe(false);
    await box.pressSequentially('26-20001');
    // Typing shows "Find This Case" (on keyup, as the real widget).
    await page.locator('#case_number_find_button_0').click();
    await page.locator('#case_number_pick_area_0').getByText('Select a case:').waitFor();
    const line = page.locator(`#case_line_0_${alvarez} input#checkbox_0_${alvarez}[name="checkbox_0"]`);
    expect(await line.getAttribute('value')).toBe('1:26-cv-20001');
    // One case: ticked, and all_case_ids filled.
    expect(await line.isChecked()).toBe(true);
    expect(await page.locator('#all_case_ids').inputValue()).toBe(String(alvarez));

    await page.getByRole('button', { name: 'Run Report' }).click();
    await page.locator('h3', { hasText: 'CIVIL DOCKET FOR CASE #: 1:26-cv-20001-MAT' }).waitFor();
    expect(await page.locator('text=Transaction Receipt').count()).toBe(1);
    expect(foreign()).toEqual([]);
  });

  it('says when the widget finds no case, lists a criminal case with its defendant, and runs Query by the id it fills', async () => {
    const { app, base, page, context } = await start();
    await logIn(app, context, base);
    await page.goto(`${base}/cgi-bin/iquery.pl`);
    const box = page.locator('#case_number_text_area_0');
    await box.pressSequentially('99-99999');
    await box.press('Enter');
    await expect.poll(() => page.locator('#case_number_message_area_0').innerText()).toContain('Cannot find case 99-99999');
    expect(await page.locator('#all_case_ids').inputValue()).toBe('');

    const delgado = seededCase(app, 'flsd', '1:26-cr-20088').pacerCaseId;
    await box.fill('');
    await box.pressSequentially('26-20088');
    await page.locator('#case_number_find_button_0').click();
    await page.locator(`#checkbox_0_${delgado}`).waitFor();
    expect(await page.locator(`#checkbox_0_${delgado}_1`).getAttribute('value')).toBe(`1:26-cr-20088-1|${delgado}|1|`);
    expect(await page.locator('#all_case_ids').inputValue()).toBe(String(delgado));
    // Hide and show the list.
    await page.getByRole('button', { name: 'Hide Case List' }).click();
    expect(await page.locator('#case_number_pick_area_0').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show Case List' }).click();
    expect(await page.locator('#case_number_pick_area_0').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Run Query' }).click();
    await page.getByText('USA v. Delgado').first().waitFor();
    // The summary set CASE_NUM; the Docket Report form fills the widget from it.
    await page.goto(`${base}/cgi-bin/DktRpt.pl`);
    await expect.poll(() => page.locator('#case_number_text_area_0').inputValue()).toBe('1:26-cr-20088');
    expect(await page.locator('#all_case_ids').inputValue()).toBe(String(delgado));
  });

  it('selects documents in View multiple documents mode', async () => {
    const { app, base, page, context } = await start();
    await logIn(app, context, base);
    await page.goto(`${base}/cgi-bin/DktRpt.pl?${seededCase(app, 'flsd', '1:26-cv-20001').pacerCaseId}`);
    await page.getByLabel('View multiple documents').check();
    await page.getByRole('button', { name: 'Run Report' }).click();
    await page.locator('form[name="view_multi_docs"]').waitFor();
    expect(await page.locator('#view_button').isDisabled()).toBe(true);
    await page.locator('input[name="all_documents"]').first().check();
    expect(await page.locator('input[name$="_1_1"]').first().isChecked()).toBe(true);
    expect(Number(await page.locator('#total_size_display').inputValue())).toBeGreaterThanOrEqual(0);
    expect(await page.locator('#view_button').isDisabled()).toBe(false);
  });
});
