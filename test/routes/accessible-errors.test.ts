import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue } from '../support/browser.js';
import { makeApp, serveWithBrowser } from '../support/app.js';
import { loginForm, openLoginFrom, serveLoggedIn } from '../support/journey.js';

/**
 * Errors are announced where the cursor is: each form that shows an error ties it to its fields
 * with aria-describedby (besides the role=alert message area), so a screen reader reads the
 * error with the field that has the focus. The browser tests (test/browser) check what Chromium
 * computes from this markup; these check the markup for the pages they do not walk.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

function tag(html: string, id: string): string {
  return html.match(new RegExp(`<(?:input|div)\\b[^>]*\\bid="${id.replace(/[:.]/g, '\\$&')}"[^>]*>`))?.[0] ?? '';
}

describe('errors tied to the fields they are about', () => {
  it('the CSO login fields point at the message area only when it holds a message', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const login = await openLoginFrom(b, await b.get(`${base}/cgi-bin/login.pl`));
    for (const id of ['loginForm:loginName', 'loginForm:password', 'loginForm:clientCode']) {
      expect(tag(login.body, id), id).not.toContain('aria-describedby');
    }
    const bad = await b.post(formAction(login, 'loginForm'), loginForm(login, 'jattorney', 'wrong'));
    expect(bad.body).toContain('Invalid username or password');
    for (const id of ['loginForm:loginName', 'loginForm:password', 'loginForm:clientCode']) {
      expect(tag(bad.body, id), id).toContain('aria-describedby="loginForm:pclLoginMessages"');
    }
    expect(tag(bad.body, 'loginForm:pclLoginMessages')).toContain('role="alert"');
  });

  it('Change Client Code ties its error and its limit to the field, and puts the cursor there', async () => {
    app = await makeApp();
    const { base, b } = await serveLoggedIn(app, 'researcher');
    const form = await b.get(`${base}/cgi-bin/ChangeClientCode.pl`);
    expect(tag(form.body, 'clientCode')).toContain('aria-describedby="clientCodeLimit"');
    expect(tag(form.body, 'clientCode')).not.toContain('autofocus');
    const bad = await b.post(`${base}/cgi-bin/ChangeClientCode.pl`, { token: inputValue(form.body, 'token') ?? '', clientCode: 'x'.repeat(33) });
    expect(bad.body).toMatch(/<p id="clientCodeError" class="cmecf-error" role="alert">Client Code: must be 32 characters or fewer.<\/p>/);
    expect(tag(bad.body, 'clientCode')).toContain('aria-describedby="clientCodeError clientCodeLimit"');
    expect(tag(bad.body, 'clientCode')).toContain('autofocus');
  });
});
