import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createFeeService } from '../../server/domain/fees.js';
import { PACER_PASSWORD } from '../support/app.js';
import { sessionCookies } from '../support/case-query.js';
import { describeInChromium, PHONE } from '../support/chromium.js';
import { chromiumPerFile } from '../support/chromium-app.js';
import { horizontalOverflow, unlabelledInputs } from '../support/page-checks.js';

/**
 * Paying an unpaid filing fee in Debian's chromium, as a filer does it: Utilities, Internet
 * Payments Due, the pay page by keyboard (password, the authorize box, Submit), back to the list.
 * At phone width nothing scrolls sideways; every input has a label.
 */
/** No sideways scrolling at phone width, and a label on every input. */
async function fitsAndLabelled(page: Page, step: string): Promise<void> {
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${step}: page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
  const { total, unlabelled } = await unlabelledInputs(page);
  expect(unlabelled, `${step}: inputs without a label`).toEqual([]);
  expect(total, `${step}: has inputs`).toBeGreaterThan(0);
}

describeInChromium('fees in chromium', () => {
  const start = chromiumPerFile();

  it('pays an unpaid fee from Utilities > Internet Payments Due with the keyboard, and the lock lifts', async () => {
    const { app, base, page, context, foreign } = await start({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'NextGenCSO', value: sessionCookies(app, 'rlinked')['NextGenCSO'] ?? '', url: base }]);
    const account = app.repos.pacerAccounts.byUsername('rlinked')!;
    const court = app.repos.courts.byCode('flsd')!;
    const fees = createFeeService({ repos: app.repos, clock: app.clock });
    // Incurred yesterday (court time): the account is locked for e-filing at FLSD.
    const { receiptNumber } = fees.charge({
      court,
      pacerAccountId: account.id,
      ecfAccountId: 0,
      caseId: app.repos.cases.byNumber('flsd', '1:24-cv-21555')!.id,
      docNumber: 40,
      filingId: 1,
      fee: { cents: 60500, label: 'Notice of Appeal' },
      paid: false,
      at: app.clock.now() - 36 * 3600_000,
    });
    expect(fees.filingLocked(account.id, 'flsd')).toBe(true);

    await page.goto(`${base}/cgi-bin/DisplayMenu.pl?Utilities`);
    await page.getByRole('link', { name: 'Internet Payments Due' }).click();
    await page.locator('#feeLock').waitFor();
    expect(await page.locator('#feeLock').innerText()).toContain('CM/ECF will automatically lock your account for e-filing purposes');
    expect(await page.locator('#paymentsDue').innerText()).toContain(receiptNumber);
    await fitsAndLabelled(page, 'Internet Payments Due');

    await page.getByRole('button', { name: 'Pay Selected Fees' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#paymentTotal').waitFor();
    expect(await page.locator('#paymentTotal').innerText()).toBe('$605.00');
    await fitsAndLabelled(page, 'pay page');

    await page.getByLabel('Re-enter your PACER password').fill(PACER_PASSWORD);
    await page.getByLabel(/I authorize a charge of \$605\.00/).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Submit' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#noPaymentsDue').waitFor();
    expect(await page.locator('[role="status"]').innerText()).toContain(`receipt number ${receiptNumber}`);
    expect(fees.filingLocked(account.id, 'flsd')).toBe(false);
    expect(foreign()).toEqual([]);
  });
});
