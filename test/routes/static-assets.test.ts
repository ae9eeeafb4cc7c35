import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from '../../server/paths.js';
import { makeApp } from '../support/app.js';

/**
 * The mock's own assets (server/static-routes.ts): the court's under /css, /lib and /graphics, the
 * CSO's under /csologin/resources, each product's stylesheet carrying the shared base inlined.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('static assets', () => {
  it.each([
    ['/css/default.css', 'text/css; charset=utf-8'],
    ['/lib/core.js', 'text/javascript; charset=utf-8'],
    ['/css/print.css', 'text/css; charset=utf-8'],
    ['/graphics/logo-cmecf-sm.png', 'image/png'],
    ['/graphics/logo-cmecf-sm.svg', 'image/svg+xml'],
    ['/favicon.ico', 'image/x-icon'],
    ['/csologin/resources/css/cso.css', 'text/css; charset=utf-8'],
    ['/csologin/resources/js/cso.js', 'text/javascript; charset=utf-8'],
    ['/csologin/resources/graphics/pacer-logo.svg', 'image/svg+xml'],
  ])('serves %s as %s, cached, and answers 304 to its ETag', async (url, type) => {
    app = await makeApp();
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const again = await get(url, { 'if-none-match': String(res.headers['etag']) });
    expect(again.statusCode).toBe(304);
  });

  it('inlines the shared base into both stylesheets, first, and does not serve it on its own', async () => {
    app = await makeApp();
    const base = readFileSync(join(VIEWS_DIR, 'static', 'shared', 'base.css'), 'utf8').trimEnd();
    for (const url of ['/css/default.css', '/csologin/resources/css/cso.css']) {
      const css = (await get(url)).body;
      expect(css, url).toContain(base);
      expect(css, url).not.toMatch(/^@import/m);
      // The base comes before the product's own rules, where the @import stood.
      expect(css.indexOf(base), url).toBeLessThan(css.indexOf('-skip-link {'));
    }
    expect((await get('/shared/base.css')).statusCode).toBe(404);
  });
});
