import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { inputValue } from '../support/browser.js';
import { makeApp, serve, serveWithBrowser } from '../support/app.js';
import { linkAccount, logIn } from '../support/journey.js';

/** The HTML dashboard: token form -> HttpOnly cookie, CSRF-guarded buttons, the state on one page. */
let app: FastifyInstance;
afterEach(async () => app?.close());

const TOKEN = 'dashboard-test-token-0123456789';

describe('dashboard', () => {
  it('takes the token through a form, keeps it in an HttpOnly cookie, and shows the state', async () => {
    app = await makeApp({ host: '0.0.0.0', adminToken: TOKEN });
    const { base, b } = await serveWithBrowser(app);

    const first = await b.get(`${base}/__admin/`);
    expect(first.status).toBe(401);
    expect(first.body).toContain('<form method="post" action="/__admin/login">');

    const wrong = await b.post(`${base}/__admin/login`, { token: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('That is not the control-plane token.');

    const signedIn = await b.post(`${base}/__admin/login`, { token: TOKEN }, false);
    expect(signedIn.status).toBe(303);
    const setCookie = signedIn.setCookies.find((c) => c.startsWith('mock_pacer_admin='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/__admin/);
    expect(setCookie).not.toContain(TOKEN);

    const dash = await b.get(`${base}/__admin/`);
    expect(dash.status).toBe(200);
    for (const text of ['Courts', 'FLSDC', 'PACER accounts', 'jattorney', 'CM/ECF accounts', 'linked to rlinked', 'Recent journal', 'Outbox', 'Reset to seed state']) {
      expect(dash.body).toContain(text);
    }
    // The cases panel: each case's number as its docket header writes it, its PACER case id linking to its entries, its flags.
    expect(dash.body).toContain('<a href="/__admin/cases/642110/entries?court=flsd"><code>642110</code></a>');
    expect(dash.body).toContain('<code>26-10234-RAM</code>');
    expect(dash.body).toContain('<span class="tag">under seal</span>');
    // The host shown is one a browser can share the CSO's cookies with (see the README's hosts section).
    expect(dash.body).toContain('<code>ecf.nysd.uscourts.localhost</code>');
    // The cookie is for the dashboard only: the JSON API still wants the Bearer header.
    expect((await b.get(`${base}/__admin/accounts/pacer`)).status).toBe(401);
    // The docs page is a browser page too.
    expect((await b.get(`${base}/__admin/docs`)).status).toBe(200);
  });

  it('resets from the button, and refuses a form post without the CSRF token', async () => {
    app = await makeApp();
    const { base, browser } = await serve(app);
    const user = browser();
    await logIn(user, `${base}/cgi-bin/login.pl`, 'jattorney');
    await linkAccount(user, base, 'attytest4');

    const b = browser();
    const dash = await b.get(`${base}/__admin/`);
    expect(dash.body).toContain('linked to jattorney');
    expect(dash.body).toContain('CM/ECF account linked: Southern District of Florida');
    const csrf = inputValue(dash.body, 'csrf') ?? '';
    expect(csrf.length).toBeGreaterThan(20);

    const forged = await b.post(`${base}/__admin/ui/reset`, { csrf: 'forged' });
    expect(forged.status).toBe(403);
    // The seed's two links (Robert Linked at FLSD and FLSB) and the new one.
    expect((await app.inject({ method: 'GET', url: '/__admin/links' })).json().links).toHaveLength(3);

    const crossSite = await b.fetch(`${base}/__admin/ui/reset`, { form: { csrf }, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);

    const done = await b.post(`${base}/__admin/ui/reset`, { csrf });
    expect(done.status).toBe(200);
    expect(done.url).toBe(`${base}/__admin/?done=reset`);
    expect(done.body).toContain('The mock is back in its seed state.');
    expect(done.body).not.toContain('linked to jattorney');
    expect((await app.inject({ method: 'GET', url: '/__admin/links' })).json().links).toHaveLength(2);
  });

  it('unlinks one account from its row', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const dash = await b.get(`${base}/__admin/`);
    const after = await b.post(`${base}/__admin/ui/unlink`, { csrf: inputValue(dash.body, 'csrf') ?? '', court: 'flsd', login: 'rl300400' });
    expect(after.body).toContain('The CM/ECF account is unlinked.');
    // Only that row's link goes: the same filer's FLSB link stays.
    expect((await app.inject({ method: 'GET', url: '/__admin/links' })).json().links.map((l: { court: string }) => l.court)).toEqual(['flsb']);
  });
});
