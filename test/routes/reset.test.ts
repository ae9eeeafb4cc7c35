import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction } from '../support/browser.js';
import { makeApp, serve } from '../support/app.js';
import { addCase, seededCase } from '../support/court-records.js';
import { linkAccount, logIn, loginForm, openLoginFrom } from '../support/journey.js';

/** POST /__admin/reset puts links, lockouts and sessions back to the seed state. */
let app: FastifyInstance;
afterEach(async () => app?.close());

describe('reset', () => {
  it('restores the seed state: the new link, the lockout and the sessions are gone', async () => {
    app = await makeApp({ lockoutThreshold: 3 });
    const { base, browser } = await serve(app);

    // A link made through the journey.
    const attorney = browser();
    await logIn(attorney, `${base}/cgi-bin/login.pl`, 'jattorney');
    const { result } = await linkAccount(attorney, base, 'attytest4');
    expect(result.body).toContain('The CM/ECF account for John Attorney is now linked to your CSO account.');
    const token = attorney.cookie('NextGenCSO');
    expect(token).toBeDefined();

    // A lockout: three wrong passwords for mgonzalez.
    const intruder = browser();
    let page = await openLoginFrom(intruder, await intruder.get(`${base}/cgi-bin/login.pl`));
    for (let i = 0; i < 3; i++) page = await intruder.post(formAction(page, 'loginForm'), loginForm(page, 'mgonzalez', 'wrong-password'));
    page = await intruder.post(formAction(page, 'loginForm'), loginForm(page, 'mgonzalez'));
    expect(page.body).toContain('Your account has been locked because of too many failed login attempts.');

    const admin = async (method: 'GET' | 'POST', url: string) => (await app.inject({ method, url })).json();
    expect((await admin('GET', '/__admin/links')).links.map((l: { login: string }) => l.login).sort()).toEqual(['attytest4', 'rl300400', 'rl300400']);
    expect((await admin('GET', '/__admin/accounts/pacer/mgonzalez')).locked).toBe(true);
    expect((await admin('GET', '/__admin/sessions')).sessions).toHaveLength(1);

    const reset = await admin('POST', '/__admin/reset');
    expect(reset.status).toBe('reset');
    // Measured, not asserted: shown in the test output so a slow reset is visible.
    console.info(`POST /__admin/reset took ${reset.ms} ms`);
    expect(typeof reset.ms).toBe('number');

    expect((await admin('GET', '/__admin/links')).links).toEqual([
      expect.objectContaining({ court: 'flsb', login: 'rl300400', username: 'rlinked' }),
      expect.objectContaining({ court: 'flsd', login: 'rl300400', username: 'rlinked' }),
    ]);
    const mg = await admin('GET', '/__admin/accounts/pacer/mgonzalez');
    expect(mg).toMatchObject({ locked: false, failedAttempts: 0 });
    expect((await admin('GET', '/__admin/sessions?all=true')).sessions).toEqual([]);
    expect((await admin('GET', '/__admin/journal')).entries).toEqual([]);
    expect((await admin('GET', '/__admin/outbox')).messages).toEqual([]);

    // The old session token no longer logs anyone in; the locked account logs in again.
    const stale = await attorney.get(`${base}/cgi-bin/login.pl`);
    expect(stale.body).toContain('id="cso-login-link"');
    expect(stale.body).not.toContain('/cgi-bin/login.pl?logout');
    const again = await logIn(browser(), `${base}/cgi-bin/login.pl`, 'mgonzalez');
    expect(again.status).toBe(200);
    expect(again.body).toContain('/cgi-bin/login.pl?logout');
    // And jattorney can walk the guide again from the start.
    const relink = browser();
    await logIn(relink, `${base}/cgi-bin/login.pl`, 'jattorney');
    expect((await linkAccount(relink, base, 'attytest4')).result.body).toContain('is now linked to your CSO account.');
  });
});

describe('reset and the run-time knobs', () => {
  it('puts the clock back to real time and the faults back to the start-up set', async () => {
    app = await makeApp({ faults: [{ name: 'LATENCY', minMs: 1, maxMs: 1 }] });
    const startFaults = (await app.inject({ url: '/__admin/faults' })).json();
    await app.inject({ method: 'POST', url: '/__admin/clock', payload: { advanceSeconds: 86_400 * 200 } });
    await app.inject({ method: 'PUT', url: '/__admin/faults', payload: { faults: ['MAINTENANCE'] } });
    expect(Date.parse((await app.inject({ url: '/__admin/clock' })).json().now) - Date.now()).toBeGreaterThan(86_400_000 * 199);
    expect((await app.inject({ url: '/cgi-bin/ShowIndex.pl' })).statusCode).toBe(503);

    await app.inject({ method: 'POST', url: '/__admin/reset' });

    expect(Math.abs(Date.parse((await app.inject({ url: '/__admin/clock' })).json().now) - Date.now())).toBeLessThan(60_000);
    expect((await app.inject({ url: '/__admin/faults' })).json()).toEqual(startFaults);
    expect((await app.inject({ url: '/cgi-bin/ShowIndex.pl' })).statusCode).toBe(200);
  });
});

describe('reset and court records', () => {
  it('restores the seed cases with the same ids, drops added ones and their document files, and keeps the seeded files', async () => {
    app = await makeApp();
    const alvarez = seededCase(app, 'flsd', '1:26-cv-20001');
    const refFor = (caseId: number, docNumber: number) => {
      const c = app.repos.cases.byId(caseId);
      const entry = c && app.repos.docketEntries.byNumber(c.id, docNumber);
      const document = entry && app.repos.documents.forEntry(entry.id)[0];
      const court = app.repos.courts.byCode('flsd');
      if (!c || !entry || !document || !court) throw new Error('no document');
      return { court, courtCase: c, entry, document };
    };
    const seededFile = await app.documents.file(refFor(alvarez.id, 1));
    const added = addCase(app, {
      court: 'flsd',
      number: '1:26-cv-29999',
      title: 'Added v. Case',
      filed: '2026-06-01',
      parties: [{ role: 'Plaintiff', lastName: 'Added' }],
      entries: [{ number: 1, filed: '2026-06-01', text: 'COMPLAINT', pages: 2 }],
    });
    const addedFile = await app.documents.file(refFor(added.id, 1));
    expect(app.repos.freeLooks.use('48213377', Date.now())).toBe(true);

    const reset = (await app.inject({ method: 'POST', url: '/__admin/reset' })).json();
    expect(reset).toMatchObject({ status: 'reset', filesRemoved: 1 });
    console.info(`POST /__admin/reset with the sandbox cases took ${reset.ms} ms`);

    expect(app.repos.cases.byNumber('flsd', '1:26-cv-29999')).toBeNull();
    expect(seededCase(app, 'flsd', '1:26-cv-20001').pacerCaseId).toBe(alvarez.pacerCaseId);
    expect(app.repos.freeLooks.byMagic('48213377')?.usedAt).toBeNull();
    expect(existsSync(addedFile.path)).toBe(false);
    expect(existsSync(seededFile.path)).toBe(true);
  });
});
