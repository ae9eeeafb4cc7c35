import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Layout and labelling checks run on every page of the browser journeys. */

/** Inputs (not hidden) without a label tied to them by <label for>, aria-label or aria-labelledby. */
export function unlabelledInputs(page: Page): Promise<{ total: number; unlabelled: string[] }> {
  return page.evaluate(() => {
    const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')).filter(
      (el) => !(el instanceof HTMLInputElement && el.type === 'hidden'),
    );
    const unlabelled = fields.filter((el) => {
      const byLabel = Array.from(el.labels ?? []).some((l) => (l.textContent ?? '').trim() !== '');
      const byAria = (el.getAttribute('aria-label') ?? '').trim() !== '';
      const byRef = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .some((id) => id && (document.getElementById(id)?.textContent ?? '').trim() !== '');
      return !byLabel && !byAria && !byRef;
    });
    return { total: fields.length, unlabelled: unlabelled.map((el) => el.id || el.getAttribute('name') || el.outerHTML) };
  });
}

export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/** The logo sits at the left end of the menu bar, on the same row as the first menu item. */
export async function expectLogoAtLeftOfMenuBar(page: Page): Promise<void> {
  const bar = await page.locator('#topmenu').boundingBox();
  const logo = await page.locator('#topmenu img.cmecfLogo').boundingBox();
  const first = await page.locator('#topmenu a.yuimenubaritemlabel').first().boundingBox();
  expect(bar && logo && first, 'menu bar, logo and first item are rendered').toBeTruthy();
  if (!bar || !logo || !first) return;
  expect(logo.x - bar.x).toBeLessThanOrEqual(16);
  expect(logo.x + logo.width).toBeLessThanOrEqual(first.x);
  expect(logo.y).toBeLessThan(first.y + first.height);
  expect(logo.y + logo.height).toBeGreaterThan(first.y);
  expect(logo.y).toBeGreaterThanOrEqual(bar.y);
}
