/**
 * npm run screenshots: photographs the linking journey and the first motion for docs/walkthrough.md.
 *
 * It serves the mock on a fresh in-memory database (the sandbox personas), walks the same
 * browser journeys the tests walk (test/support/browser-journey.ts as jattorney, then
 * test/support/browser-filing.ts as the linked filer rlinked) in Debian's chromium at 1280x800,
 * and writes one viewport screenshot per step to docs/images/<step>.png. Run it after
 * changing a page, look at the pictures, and commit them with the change.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeApp, serve } from '../test/support/app.js';
import type { Page } from 'playwright-core';
import { FILING_STEPS, walkFilingJourney } from '../test/support/browser-filing.js';
import { JOURNEY_STEPS, walkLinkingJourney } from '../test/support/browser-journey.js';
import { sessionCookies } from '../test/support/case-query.js';
import { makePdf } from '../test/support/filing.js';
import { CHROMIUM_PATH, chromiumInstalled, DESKTOP, launchChromium, newRecordedContext } from '../test/support/chromium.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'images');

if (!chromiumInstalled()) {
  console.error(`npm run screenshots needs Debian chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  process.exit(1);
}

const app = await makeApp({ logLevel: 'silent' });
const browser = await launchChromium();
try {
  const { base } = await serve(app);
  const { page, context, foreign } = await newRecordedContext(browser, base, { viewport: DESKTOP, deviceScaleFactor: 1 });
  mkdirSync(OUT, { recursive: true });
  let count = 0;
  const shoot = async (step: string, page: Page) => {
    const file = join(OUT, `${step}.png`);
    // The caret blinks and would make the pictures differ from run to run.
    writeFileSync(file, await page.screenshot({ type: 'png', caret: 'hide', animations: 'disabled' }));
    const title = [...JOURNEY_STEPS, ...FILING_STEPS].find((s) => s.id === step)?.title ?? '';
    console.log(`${relative(ROOT, file)}  ${Math.round(statSync(file).size / 1024)} KB  ${title}`);
    count++;
  };
  await walkLinkingJourney(page, base, shoot);
  await context.close();

  // The first motion, as the already-linked filer rlinked (logged in: the walk starts at the filer menu).
  const filer = await newRecordedContext(browser, base, { viewport: DESKTOP, deviceScaleFactor: 1 });
  await filer.context.addCookies([{ name: 'NextGenCSO', value: sessionCookies(app, 'rlinked')['NextGenCSO'] ?? '', url: base }]);
  await walkFilingJourney(filer.page, base, shoot, { pdf: makePdf('Motion to Dismiss', 2) });
  await filer.context.close();
  const away = [...foreign(), ...filer.foreign()];
  if (away.length) throw new Error(`requests left the machine: ${away.join(', ')}`);
  console.log(`${count} screenshots written to ${relative(ROOT, OUT)}/`);
} finally {
  await browser.close();
  await app.close();
}
