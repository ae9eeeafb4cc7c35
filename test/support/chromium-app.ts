import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { makeApp, serve } from './app.js';
import { launchChromium, newRecordedContext, type RecordedContext } from './chromium.js';

/** What each real-browser test starts from: its own app on a loopback socket and a fresh recorded context. */
export interface ChromiumApp extends RecordedContext {
  app: FastifyInstance;
  base: string;
}

/**
 * For the body of a describeInChromium suite: one chromium for the file, and a `start` that gives
 * each test a fresh app (makeApp, served on loopback) and a fresh context in that browser (its
 * own cookies, every request recorded). Both are closed after each test.
 */
export function chromiumPerFile(): (options?: BrowserContextOptions) => Promise<ChromiumApp> {
  let browser: Browser | undefined;
  let app: FastifyInstance | undefined;
  let ctx: RecordedContext | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  afterEach(async () => {
    await ctx?.context.close();
    await app?.close();
    ctx = undefined;
    app = undefined;
  });

  return async (options = {}) => {
    if (!browser) throw new Error('chromiumPerFile: start() ran before the browser was launched');
    app = await makeApp();
    const { base } = await serve(app);
    ctx = await newRecordedContext(browser, base, options);
    return { ...ctx, app, base };
  };
}
