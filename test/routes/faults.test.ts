import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../server/config.js';
import { FAULT_NAMES, parseFaultSetting } from '../../server/domain/faults.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { makeApp } from '../support/app.js';

/**
 * Every named fault in its three forms: the X-Mock-Fault header (one request), PUT /__admin/faults
 * (run time) and FAULTS (start). Pages are fetched with app.inject and a session made directly,
 * which is all these faults look at.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const faultsAtStart = (raw: string): Partial<Config> => ({ faults: loadConfig({ FAULTS: raw }).faults });

/** A live session for `username`, as the NextGenCSO cookie a client would send. */
function sessionFor(username = 'researcher'): { token: string; cookies: Record<string, string> } {
  const account = app.repos.pacerAccounts.byUsername(username);
  if (!account) throw new Error(`no persona ${username}`);
  const token = app.sessions.start(account, '', 'test');
  return { token, cookies: { NextGenCSO: token } };
}

/** A fault's third form: this test's app is closed and a fresh one starts with FAULTS=`raw`. */
async function restartWithFaults(raw: string): Promise<void> {
  await app.close();
  app = await makeApp(faultsAtStart(raw));
}

async function setFaults(faults: string[]) {
  const res = await app.inject({ method: 'PUT', url: '/__admin/faults', payload: { faults } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ faults: string[] }>();
}

const LOGGED_IN = '/cgi-bin/login.pl?logout'; // only logged-in court pages carry the logout link

/** A wrong-password login at the real authentication API, which answers loginResult 13 when no fault does. */
const apiLogin = (headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url: '/services/cso-auth',
  headers: { accept: 'application/json', ...headers },
  payload: { loginId: 'researcher', password: 'wrong password' },
});

describe('FAULTS at start', () => {
  it('accepts names and values, and stops the start with a clear line on a bad one', () => {
    expect(loadConfig({ FAULTS: 'latency=100-200, MAINTENANCE,THROTTLE=5/min' }).faults).toEqual([
      { name: 'LATENCY', minMs: 100, maxMs: 200 },
      { name: 'MAINTENANCE' },
      { name: 'THROTTLE', limit: 5, per: 'min' },
    ]);
    expect(loadConfig({}).faults).toEqual([]);
    expect(() => loadConfig({ FAULTS: 'MAINTENANCE,BOGUS' })).toThrow(ConfigError);
    expect(() => loadConfig({ FAULTS: 'BOGUS' })).toThrow('FAULTS: unknown fault "BOGUS"; known faults: LATENCY, MAINTENANCE');
    expect(() => loadConfig({ FAULTS: 'LATENCY' })).toThrow('LATENCY needs a value');
    expect(() => loadConfig({ FAULTS: 'LATENCY=500-100' })).toThrow('from low to high');
    expect(() => loadConfig({ FAULTS: 'BLOCKED=1' })).toThrow('BLOCKED takes no value');
    expect(() => loadConfig({ FAULTS: 'THROTTLE=fast' })).toThrow('THROTTLE=fast: the value is logins allowed per second or minute');
    expect(() => loadConfig({ FAULTS: 'BLOCKED,BLOCKED' })).toThrow('BLOCKED is given twice');
  });

  it('the real start command exits with status 2 and names the problem', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FAULTS: 'SPURIOUS_LOGIN_PAGE=0', DATABASE_PATH: ':memory:', PORT: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('mock-pacer: cannot start: FAULTS: SPURIOUS_LOGIN_PAGE=0: the value is how many times');
  });
});

describe('the control plane for faults', () => {
  it('PUT sets, GET shows, [] clears; bad input is a 400 JSON answer', async () => {
    app = await makeApp();
    expect((await app.inject({ method: 'GET', url: '/__admin/faults' })).json()).toMatchObject({ faults: [] });
    expect((await setFaults(['latency=5', 'SESSION_EXPIRED=2'])).faults).toEqual(['LATENCY=5', 'SESSION_EXPIRED=2']);
    expect((await app.inject({ method: 'GET', url: '/__admin/faults' })).json()).toMatchObject({ faults: ['LATENCY=5', 'SESSION_EXPIRED=2'] });
    expect((await setFaults([])).faults).toEqual([]);

    const unknown = await app.inject({ method: 'PUT', url: '/__admin/faults', payload: { faults: ['NOPE'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('unknown fault "NOPE"') });
    const shape = await app.inject({ method: 'PUT', url: '/__admin/faults', payload: { faults: 'BLOCKED' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().message).toContain('{"faults": []} clears them');
    const notJson = await app.inject({ method: 'PUT', url: '/__admin/faults', headers: { 'content-type': 'application/json' }, payload: '{"faults": [' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'bad_request' });
  });

  it('never faults /__admin itself, so a test can always clear what it set', async () => {
    app = await makeApp(faultsAtStart('BLOCKED,MAINTENANCE,LATENCY=0'));
    const blocked = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' });
    expect(blocked.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/__admin/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/__admin/faults', headers: { 'x-mock-fault': 'BLOCKED' } })).statusCode).toBe(200);
    await setFaults([]);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' })).statusCode).toBe(200);
  });

  it('refuses a header naming an unknown fault instead of ignoring it', async () => {
    app = await makeApp();
    const res = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', headers: { 'x-mock-fault': 'MAINTENACE' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('X-Mock-Fault: unknown fault "MAINTENACE"');
  });
});

describe('LATENCY', () => {
  const timed = async (opts: InjectOptions) => {
    const started = performance.now();
    const res = await app.inject(opts);
    return { res, ms: performance.now() - started };
  };

  it('delays one request by header, every request at run time, and from the start', async () => {
    app = await makeApp();
    await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' }); // warm up (templates compile once)
    const quick = await timed({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' });
    const slow = await timed({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', headers: { 'x-mock-fault': 'LATENCY=250' } });
    expect(slow.res.statusCode).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(245);
    expect(quick.ms).toBeLessThan(245);

    await setFaults(['LATENCY=250-260']);
    for (const url of ['/csologin/login.jsf', '/cgi-bin/login.pl']) {
      const r = await timed({ method: 'GET', url });
      expect(r.ms, url).toBeGreaterThanOrEqual(245);
    }
    const admin = await timed({ method: 'GET', url: '/__admin/faults' });
    expect(admin.ms).toBeLessThan(245);

    await restartWithFaults('LATENCY=200');
    expect((await timed({ method: 'GET', url: '/csologin/login.jsf' })).ms).toBeGreaterThanOrEqual(195);
  });
});

describe('MAINTENANCE', () => {
  it('court and CSO pages show the notice with 503; the API answers 503 in its JSON or XML shape', async () => {
    app = await makeApp();
    const court = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', headers: { 'x-mock-fault': 'MAINTENANCE' } });
    expect(court.statusCode).toBe(503);
    expect(court.body).toMatch(/CM\/ECF will be unavailable from \d{1,2}:00 [AP]M ET on \w+day, \w+ \d{1,2}, \d{4} until .* for scheduled maintenance\./);
    expect(court.body).not.toContain(LOGGED_IN);

    await setFaults(['MAINTENANCE']);
    const cso = await app.inject({ method: 'GET', url: '/csologin/login.jsf?pscCourtId=FLSDC' });
    expect(cso.statusCode).toBe(503);
    expect(cso.headers['retry-after']).toBe('3600');
    expect(cso.body).toContain('PACER will be unavailable from');
    expect(cso.body).not.toContain('id="loginForm"');

    const json = await app.inject(apiLogin());
    expect(json.statusCode).toBe(503);
    expect(json.json()).toMatchObject({ loginResult: '503', errorDescription: expect.stringContaining('PACER will be unavailable'), nextGenCSO: '' });
    const xml = await app.inject({ ...apiLogin({ accept: 'application/xml' }) });
    expect(xml.statusCode).toBe(503);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toMatch(/<CsoAuth><loginResult>503<\/loginResult><errorDescription>PACER will be unavailable/);
    // Whether or not a route answers there: the logout API too.
    expect((await app.inject({ method: 'POST', url: '/services/cso-logout', headers: { accept: 'application/json' }, payload: {} })).statusCode).toBe(503);
    // Static assets are never faulted: a maintenance page still gets its stylesheet.
    expect((await app.inject({ method: 'GET', url: '/css/default.css' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/csologin/resources/css/cso.css', headers: { 'x-mock-fault': 'BLOCKED' } })).statusCode).toBe(200);

    await setFaults([]);
    expect((await app.inject({ method: 'GET', url: '/csologin/login.jsf' })).statusCode).toBe(200);

    await restartWithFaults('MAINTENANCE');
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/login.pl' })).statusCode).toBe(503);
  });
});

describe('SPURIOUS_LOGIN_PAGE', () => {
  it('answers once with the not-logged-in page although the cookie is valid; the session stays valid', async () => {
    app = await makeApp();
    const { token, cookies } = sessionFor();
    const normal = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies });
    expect(normal.body).toContain(LOGGED_IN);

    // Per request: that request only.
    const one = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies, headers: { 'x-mock-fault': 'SPURIOUS_LOGIN_PAGE' } });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('/csologin/login.jsf?pscCourtId=FLSDC&amp;appurl=');
    expect(one.body).not.toContain(LOGGED_IN);
    expect(one.body).not.toContain('Cost: ');
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).toContain(LOGGED_IN);

    // Run time: the next logged-in page, then normal again; the fault drops out of the list.
    expect((await setFaults(['SPURIOUS_LOGIN_PAGE'])).faults).toEqual(['SPURIOUS_LOGIN_PAGE']);
    // A request without a session does not use it up.
    await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' });
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/DisplayMenu.pl?Utilities', cookies })).body).not.toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/DisplayMenu.pl?Utilities', cookies })).body).toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/__admin/faults' })).json().faults).toEqual([]);
    expect(app.repos.sessions.active(token, app.clock.now())).toBeDefined();

    // =N: the next N pages.
    await setFaults(['SPURIOUS_LOGIN_PAGE=2']);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).not.toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/__admin/faults' })).json().faults).toEqual(['SPURIOUS_LOGIN_PAGE']);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).not.toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).toContain(LOGGED_IN);

    await restartWithFaults('SPURIOUS_LOGIN_PAGE');
    const s = sessionFor();
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).not.toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).toContain(LOGGED_IN);
  });
});

describe('NO_PRIVILEGES', () => {
  it('logged-in court pages show "This user has no access privileges defined." until cleared', async () => {
    app = await makeApp();
    const { cookies } = sessionFor();
    const one = await app.inject({ method: 'GET', url: '/cgi-bin/iquery.pl', cookies, headers: { 'x-mock-fault': 'NO_PRIVILEGES' } });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('This user has no access privileges defined.');
    expect(one.body).not.toContain(LOGGED_IN);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/iquery.pl', cookies })).body).toContain(LOGGED_IN);

    await setFaults(['NO_PRIVILEGES']);
    for (let i = 0; i < 2; i++) {
      expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).toContain('This user has no access privileges defined.');
    }
    await setFaults([]);
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies })).body).toContain(LOGGED_IN);

    await restartWithFaults('NO_PRIVILEGES');
    const s = sessionFor();
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).toContain('This user has no access privileges defined.');
  });
});

describe('BLOCKED', () => {
  it('answers 403 on court pages, CSO pages and the API', async () => {
    app = await makeApp();
    const one = await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', headers: { 'x-mock-fault': 'BLOCKED' } });
    expect(one.statusCode).toBe(403);
    expect(one.body).toContain('Access Denied');
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl' })).statusCode).toBe(200);

    await setFaults(['BLOCKED']);
    expect((await app.inject({ method: 'GET', url: '/csologin/login.jsf' })).statusCode).toBe(403);
    expect((await app.inject(apiLogin())).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/', headers: { host: 'ecf.nysd.uscourts.gov' } })).statusCode).toBe(403);

    await restartWithFaults('BLOCKED');
    expect((await app.inject({ method: 'GET', url: '/csologin/login.jsf' })).statusCode).toBe(403);
  });
});

describe('SESSION_EXPIRED', () => {
  it('ends the session as the request arrives', async () => {
    app = await makeApp();
    let s = sessionFor();
    const one = await app.inject({ method: 'GET', url: '/cgi-bin/login.pl', cookies: s.cookies, headers: { 'x-mock-fault': 'SESSION_EXPIRED' } });
    expect(one.body).toContain('/csologin/login.jsf?pscCourtId=FLSDC');
    expect(one.body).not.toContain(LOGGED_IN);
    expect(app.repos.sessions.active(s.token, app.clock.now())).toBeUndefined();
    // Ended for good, not only for that answer.
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).not.toContain(LOGGED_IN);

    // Run time: the next request carrying a live session; a new login afterwards works.
    await setFaults(['SESSION_EXPIRED']);
    s = sessionFor();
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).not.toContain(LOGGED_IN);
    const again = sessionFor();
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: again.cookies })).body).toContain(LOGGED_IN);
    expect(app.repos.journal.list({ action: 'fault' }).map((e) => e.outcome)).toContain('SESSION_EXPIRED');

    await restartWithFaults('SESSION_EXPIRED');
    s = sessionFor();
    expect((await app.inject({ method: 'GET', url: '/cgi-bin/ShowIndex.pl', cookies: s.cookies })).body).not.toContain(LOGGED_IN);
    expect(app.repos.sessions.active(s.token, app.clock.now())).toBeUndefined();
  });
});

describe('THROTTLE', () => {
  it('refuses cso-auth logins beyond the rate, in the protocol shape with HTTP 200', async () => {
    app = await makeApp();
    // Per request: THROTTLE alone refuses that login.
    const one = await app.inject(apiLogin({ 'x-mock-fault': 'THROTTLE' }));
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ loginResult: '429', errorDescription: 'Too many login requests. Wait a moment and try again.', nextGenCSO: '' });
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');

    // Run time: two a minute, on the virtual clock.
    await setFaults(['THROTTLE=2/min']);
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');
    const third = await app.inject(apiLogin({ accept: 'text/xml' }));
    expect(third.statusCode).toBe(200);
    expect(third.body).toContain('<CsoAuth><loginResult>429</loginResult><errorDescription>Too many login requests.');
    // Only logins count: other API calls and pages pass.
    expect((await app.inject({ method: 'GET', url: '/csologin/login.jsf' })).statusCode).toBe(200);
    app.clock.advance(61);
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');

    await restartWithFaults('THROTTLE=1/s');
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');
    expect((await app.inject(apiLogin())).json().loginResult).toBe('429');
    app.clock.advance(1.5);
    expect((await app.inject(apiLogin())).json().loginResult).not.toBe('429');
  });
});

describe('fault answers are the area\'s own answers', () => {
  /** The XML framing of an answer: the same document with every element's text taken out. */
  const framing = (xml: string) => xml.replace(/>[^<]+</g, '><');

  it('the API negotiates as cso-auth does: XML for "application/json;q=0, application/xml"', async () => {
    app = await makeApp();
    const accept = 'application/json;q=0, application/xml';
    const normal = await app.inject(apiLogin({ accept }));
    expect(normal.headers['content-type']).toMatch(/^application\/xml/);
    for (const fault of ['MAINTENANCE', 'THROTTLE']) {
      const res = await app.inject(apiLogin({ accept, 'x-mock-fault': fault }));
      expect(res.headers['content-type'], fault).toBe(normal.headers['content-type']);
      expect(res.body, fault).toMatch(/^<\?xml [^>]*\?><CsoAuth><loginResult>(503|429)<\/loginResult>/);
    }
  });

  it('the API\'s fault XML is framed byte for byte like a normal cso-auth answer', async () => {
    app = await makeApp();
    const accept = 'application/xml';
    const normal = await app.inject(apiLogin({ accept }));
    expect(normal.body).toContain('<loginResult>13</loginResult>');
    for (const fault of ['MAINTENANCE', 'THROTTLE']) {
      const res = await app.inject(apiLogin({ accept, 'x-mock-fault': fault }));
      expect(framing(res.body), fault).toBe(framing(normal.body));
      expect(res.body, fault).not.toContain('\n');
    }
    // The logout answers a fault in its own shape too (root CsoAuth, no token field).
    const logout = await app.inject({ method: 'POST', url: '/services/cso-logout', headers: { accept, 'x-mock-fault': 'MAINTENANCE' }, payload: {} });
    const loggedOut = await app.inject({ method: 'POST', url: '/services/cso-logout', headers: { accept }, payload: {} });
    expect(logout.statusCode).toBe(503);
    expect(framing(logout.body)).toBe(framing(loggedOut.body));
  });

  it('the API\'s fault answers say Vary: Accept, also where no route answers', async () => {
    app = await makeApp();
    expect((await app.inject(apiLogin())).headers['vary']).toBe('Accept');
    for (const [fault, url] of [['MAINTENANCE', '/services/cso-auth'], ['THROTTLE', '/services/cso-auth'], ['MAINTENANCE', '/services/no-such-service']] as const) {
      const res = await app.inject({ ...apiLogin({ 'x-mock-fault': fault }), url });
      expect(res.statusCode, `${fault} ${url}`).toBe(fault === 'MAINTENANCE' ? 503 : 200);
      expect(res.headers['vary'], `${fault} ${url}`).toBe('Accept');
      expect(res.headers['cache-control'], `${fault} ${url}`).toBe('no-store');
    }
  });

  it('SPURIOUS_LOGIN_PAGE is the court\'s own not-logged-in page, byte for byte', async () => {
    app = await makeApp();
    const { cookies } = sessionFor();
    const url = '/cgi-bin/DisplayMenu.pl?Reports';
    const spurious = await app.inject({ method: 'GET', url, cookies, headers: { 'x-mock-fault': 'SPURIOUS_LOGIN_PAGE' } });
    const loggedOut = await app.inject({ method: 'GET', url });
    expect(spurious.statusCode).toBe(loggedOut.statusCode);
    expect(spurious.headers['content-type']).toBe(loggedOut.headers['content-type']);
    expect(spurious.body).toBe(loggedOut.body);
  });
});

describe('fault names', () => {
  it('round-trip through the setting format', () => {
    const r = parseFaultSetting('LATENCY=10-20,SPURIOUS_LOGIN_PAGE=3,THROTTLE');
    expect(r.ok && r.value).toEqual([
      { name: 'LATENCY', minMs: 10, maxMs: 20 },
      { name: 'SPURIOUS_LOGIN_PAGE', times: 3 },
      { name: 'THROTTLE', limit: 0, per: 'min' },
    ]);
  });
});

describe('the README faults table', () => {
  it('lists every fault, and no other', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Faults'), readme.indexOf('## Virtual clock'));
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(FAULT_NAMES);
  });
});
