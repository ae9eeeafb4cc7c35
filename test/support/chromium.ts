import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * Debian's chromium driven by playwright-core, for the real-browser tests and the screenshots.
 *
 * Playwright's own browser downloads cannot work here (no network beyond loopback, npm and
 * Debian's mirrors), so the tests use the distribution's package: `apt-get install chromium`
 * (.ci/run installs it when missing). The flags keep the browser from talking to Google
 * (component updates, sync, background fetches, QUIC probes), so the only traffic is to the mock.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // CI and containers run as root, where the sandbox cannot start
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Short waits: every page is served from loopback, so anything slower is a failure. */
export const ACTION_TIMEOUT_MS = 5_000;

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

function inCI(): boolean {
  const ci = (process.env['CI'] ?? '').toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

const MISSING = `Debian chromium is not installed at ${CHROMIUM_PATH}: install it with
    apt-get update && apt-get install -y --no-install-recommends chromium`;

/**
 * describe() for a file of real-browser tests. Without chromium the suite is skipped with a loud
 * warning on a developer's machine, and fails in CI (CI=true), where a skipped browser suite would
 * hide a broken journey.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumInstalled()) {
    describe(name, body);
    return;
  }
  if (inCI()) {
    describe(name, () => {
      it('needs Debian chromium', () => {
        throw new Error(`${MISSING}\n(CI=true: the browser tests must run in CI, so this fails instead of skipping.)`);
      });
    });
    return;
  }
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! SKIPPED "${name}": ${MISSING}\n!! (In CI, with CI=true, this is a failure.)\n${bar}\n`);
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A browser context that records every URL its pages request, to prove nothing leaves the machine. */
export interface RecordedContext {
  context: BrowserContext;
  page: Page;
  requests: string[];
  /** Requests whose origin is not the mock's (data: URLs never leave the page, so they do not count). */
  foreign(): string[];
}

async function recorded(context: BrowserContext, base: string): Promise<RecordedContext> {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  const origin = new URL(base).origin;
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    foreign: () => requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin),
  };
}

/** A fresh context (its own cookies and storage) in the shared browser. */
export async function newRecordedContext(browser: Browser, base: string, options: BrowserContextOptions = {}): Promise<RecordedContext> {
  return recorded(await browser.newContext({ viewport: DESKTOP, ...options }), base);
}

/**
 * A browser whose user has chosen "Block all cookies" (chrome://settings/cookies). This is
 * Chromium's own content setting, written into a fresh profile's Preferences before start, so the
 * browser itself refuses every Set-Cookie and sends none back: the same thing a person's browser
 * does, rather than a test double that strips headers. It needs its own profile, hence its own
 * (persistent) browser; close() removes the profile.
 */
export async function launchCookieBlockingContext(base: string): Promise<RecordedContext & { close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mock-pacer-nocookies-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }), // 2 = block
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: DESKTOP,
    timeout: 30_000,
  });
  const r = await recorded(context, base);
  return {
    ...r,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
