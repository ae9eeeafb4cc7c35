import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp, PACER_PASSWORD, serve } from '../support/app.js';
import { cookiesFor, isLoggedIn, PacerApiClient } from '../support/api-client.js';
import { authenticatorCode, MFA_SECRET } from '../support/authenticator.js';

/**
 * The PACER Authentication API (FIDELITY §4) driven as a real client drives it: POST the
 * credentials, build the cookies itself, browse the courts by their real names.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const INVALID = 'Invalid username, password, or one-time passcode.';
const REDACTION =
  'All filers must redact: Social Security or taxpayer identification numbers; dates of birth; names of minor children; financial account numbers; and in criminal cases, home addresses, in compliance with Fed. R. App. P. 25(a)(5), Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037.';
const LOCKED =
  'Your account has been locked because of too many failed login attempts. Contact the PACER Service Center at (800) 676-6856.';

async function start(overrides: Parameters<typeof makeApp>[0] = {}) {
  app = await makeApp(overrides);
  const served = await serve(app);
  return { ...served, client: new PacerApiClient(served.port) };
}

const TOKEN_RE = /^[A-Za-z0-9]{128}$/;

describe('POST /services/cso-auth, as a client uses it', () => {
  it('logs in, and the token is a session on every court under both cookie names', async () => {
    const { client } = await start();
    const answer = await client.login({ loginId: 'researcher', password: PACER_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.json).toEqual({ loginResult: '0', errorDescription: '', nextGenCSO: expect.stringMatching(TOKEN_RE) });
    const token = answer.json['nextGenCSO'] as string;

    const flsd = await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl', cookiesFor(token));
    expect(flsd.status).toBe(200);
    expect(isLoggedIn(flsd.body)).toBe(true);
    expect(flsd.body).toContain('Rita Researcher');
    // Either cookie alone is enough, at any court.
    const nysd = await client.court('http://ecf.nysd.uscourts.gov/cgi-bin/login.pl', `PacerSession=${token}`);
    expect(isLoggedIn(nysd.body)).toBe(true);
    expect(nysd.body).toContain('Southern District of New York');
    const viaNextGen = await client.court('http://ecf.flsb.uscourts.gov/cgi-bin/showpage.pl?16', `NextGenCSO=${token}`);
    expect(isLoggedIn(viaNextGen.body)).toBe(true);
  });

  it('answers an unknown or ended token with the not-logged-in page, sending the browser to the matching CSO', async () => {
    const { client, port } = await start();
    const bogus = 'A'.repeat(128);
    const real = await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor(bogus));
    expect(real.status).toBe(200);
    expect(isLoggedIn(real.body)).toBe(false);
    expect(real.body).not.toContain('Cost: ');
    expect(real.body).toContain(
      'location.assign("http://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=FLSDC&appurl=http%3A%2F%2Fecf.flsd.uscourts.gov%2Fcgi-bin%2Flogin.pl")',
    );
    const local = await client.court(`http://ecf.nysd.localhost:${port}/cgi-bin/iquery.pl`, cookiesFor('not-a-token'));
    expect(isLoggedIn(local.body)).toBe(false);
    expect(local.body).not.toContain('Cost: ');
    expect(local.body).toContain(`"http://pacer.login.localhost:${port}/csologin/login.jsf?pscCourtId=NYSDC&appurl=`);
  });

  it('logout through the API ends the session at every court', async () => {
    const { client } = await start();
    const token = (await client.login({ loginId: 'researcher', password: PACER_PASSWORD })).json['nextGenCSO'] as string;
    expect(isLoggedIn((await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor(token))).body)).toBe(true);

    const out = await client.logout(token);
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ loginResult: '0', errorDescription: '' });
    for (const url of ['http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', 'http://ecf.nysd.uscourts.gov/cgi-bin/ShowIndex.pl']) {
      for (const cookie of [`NextGenCSO=${token}`, `PacerSession=${token}`]) {
        const page = await client.court(url, cookie);
        expect(isLoggedIn(page.body), `${url} with ${cookie.slice(0, 12)}`).toBe(false);
        expect(page.body).not.toContain('Cost: ');
      }
    }
    // Logging out twice is harmless.
    expect((await client.logout(token)).json['loginResult']).toBe('0');
  });

  it("a court's Log Out ends an API session too", async () => {
    const { client } = await start();
    const token = (await client.login({ loginId: 'researcher', password: PACER_PASSWORD })).json['nextGenCSO'] as string;
    await client.court('http://ecf.nysd.uscourts.gov/cgi-bin/login.pl?logout', cookiesFor(token));
    expect(isLoggedIn((await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor(token))).body)).toBe(false);
  });

  it('shows the client code from the PacerClientCode cookie the client sets', async () => {
    const { client } = await start();
    const token = (await client.login({ loginId: 'researcher', password: PACER_PASSWORD, clientCode: 'first' })).json['nextGenCSO'] as string;
    const withSessionCode = await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl', cookiesFor(token));
    expect(withSessionCode.body).toContain('<th scope="row">Client code</th><td>first</td>');
    const withCookie = await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl', cookiesFor(token, 'PacerClientCode=matter-42'));
    expect(withCookie.body).toContain('<th scope="row">Client code</th><td>matter-42</td>');
  });
});

describe('every outcome row of the API', () => {
  it('answers an unknown user and a wrong password identically, with 200 and code 13', async () => {
    const { client } = await start();
    const unknown = await client.login({ loginId: 'nobody-here', password: PACER_PASSWORD });
    const wrong = await client.login({ loginId: 'researcher', password: 'Wrong!Password2026' });
    const empty = await client.login({ loginId: 'researcher' });
    for (const a of [unknown, wrong, empty]) {
      expect(a.status).toBe(200);
      expect(a.json).toEqual({ loginResult: '13', errorDescription: INVALID, nextGenCSO: '' });
    }
    expect(unknown.body).toBe(wrong.body);
  });

  it('refuses a filer without redactFlag "1" and accepts one with it', async () => {
    const { client } = await start();
    const without = await client.login({ loginId: 'jattorney', password: PACER_PASSWORD });
    expect(without.status).toBe(200);
    expect(without.json).toEqual({ loginResult: '1', errorDescription: REDACTION, nextGenCSO: '' });
    const withFlag = await client.login({ loginId: 'jattorney', password: PACER_PASSWORD, redactFlag: '1' });
    expect(withFlag.json['loginResult']).toBe('0');
    expect(withFlag.json['nextGenCSO']).toMatch(TOKEN_RE);
    // Anyone may send it.
    expect((await client.login({ loginId: 'researcher', password: PACER_PASSWORD, redactFlag: '1' })).json['loginResult']).toBe('0');
  });

  it('logs in a client-code-required account without a code, with the warning', async () => {
    const { client } = await start();
    const a = await client.login({ loginId: 'paauser', password: PACER_PASSWORD });
    expect(a.status).toBe(200);
    expect(a.json['loginResult']).toBe('0');
    expect(a.json['errorDescription']).toBe('A required Client Code was not entered.');
    expect(a.json['nextGenCSO']).toMatch(TOKEN_RE);
    const b = await client.login({ loginId: 'paauser', password: PACER_PASSWORD, clientCode: 'case-7' });
    expect(b.json['errorDescription']).toBe('');
  });

  it('refuses a disabled account', async () => {
    const { client } = await start();
    const a = await client.login({ loginId: 'disabled1', password: PACER_PASSWORD });
    expect(a.status).toBe(200);
    expect(a.json).toEqual({ loginResult: '1', errorDescription: 'Your current account has been disabled.', nextGenCSO: '' });
  });

  it('locks an account after LOCKOUT_THRESHOLD failures, for LOCKOUT_SECONDS', async () => {
    const { client } = await start({ lockoutThreshold: 3, lockoutSeconds: 60 });
    for (let i = 0; i < 2; i++) expect((await client.login({ loginId: 'researcher', password: 'nope' })).json['loginResult']).toBe('13');
    const third = await client.login({ loginId: 'researcher', password: 'nope' });
    expect(third.status).toBe(200);
    expect(third.json).toEqual({ loginResult: '1', errorDescription: LOCKED, nextGenCSO: '' });
    // Locked: even the right password is refused...
    expect((await client.login({ loginId: 'researcher', password: PACER_PASSWORD })).json['errorDescription']).toBe(LOCKED);
    // ...until the lock runs out.
    app.clock.advance(61);
    expect((await client.login({ loginId: 'researcher', password: PACER_PASSWORD })).json['loginResult']).toBe('0');
  });

  it('logs in inactive, legacy 6-character and shared accounts', async () => {
    const { client } = await start();
    expect((await client.login({ loginId: 'inactive1', password: PACER_PASSWORD })).json['loginResult']).toBe('0');
    // Legacy usernames are case-insensitive, like every PACER username.
    expect((await client.login({ loginId: 'lp1234', password: PACER_PASSWORD })).json['loginResult']).toBe('0');
    // A shared account is used by many people at once: a second login leaves the first working.
    const first = (await client.login({ loginId: 'firmshared', password: PACER_PASSWORD })).json['nextGenCSO'] as string;
    const second = (await client.login({ loginId: 'firmshared', password: PACER_PASSWORD })).json['nextGenCSO'] as string;
    expect(first).not.toBe(second);
    for (const t of [first, second]) {
      expect(isLoggedIn((await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor(t))).body)).toBe(true);
    }
  });
});

describe('MFA in the API (otpCode)', () => {
  const base = { loginId: 'mfaattorney', password: PACER_PASSWORD, redactFlag: '1' };

  it('needs a current authenticator code, accepts one step of skew, and each code once', async () => {
    const { client } = await start();
    expect((await client.login(base)).json).toEqual({ loginResult: '13', errorDescription: INVALID, nextGenCSO: '' });
    expect((await client.login({ ...base, otpCode: '000000' })).json['loginResult']).toBe('13');

    const now = app.clock.now();
    const previous = authenticatorCode(MFA_SECRET, now - 30_000);
    const ok = await client.login({ ...base, otpCode: previous });
    expect(ok.json['loginResult']).toBe('0');
    const token = ok.json['nextGenCSO'] as string;
    expect(isLoggedIn((await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor(token))).body)).toBe(true);
    // The same code again is refused (RFC 6238 §5.2); the next one works.
    expect((await client.login({ ...base, otpCode: previous })).json['loginResult']).toBe('13');
    expect((await client.login({ ...base, otpCode: authenticatorCode(MFA_SECRET, now) })).json['loginResult']).toBe('0');
    // Two steps away is too far.
    app.clock.advance(90);
    expect((await client.login({ ...base, otpCode: authenticatorCode(MFA_SECRET, app.clock.now() - 60_000) })).json['loginResult']).toBe('13');
  });

  it('does not burn the code when only redactFlag was missing', async () => {
    const { client } = await start();
    const code = authenticatorCode(MFA_SECRET, app.clock.now());
    expect((await client.login({ loginId: 'mfaattorney', password: PACER_PASSWORD, otpCode: code })).json['errorDescription']).toBe(REDACTION);
    expect((await client.login({ ...base, otpCode: code })).json['loginResult']).toBe('0');
  });

  it('takes each backup code once', async () => {
    const { client } = await start();
    expect((await client.login({ ...base, otpCode: '11111111' })).json['loginResult']).toBe('0');
    expect((await client.login({ ...base, otpCode: '11111111' })).json).toEqual({ loginResult: '13', errorDescription: INVALID, nextGenCSO: '' });
    expect(app.repos.pacerAccounts.byUsername('mfaattorney')?.mfaBackupCodes).toEqual(['22222222']);
    expect((await client.login({ ...base, otpCode: '22222222' })).json['loginResult']).toBe('0');
  });

  it('counts a wrong code toward the lockout, even with the right password', async () => {
    const { client } = await start({ lockoutThreshold: 3 });
    for (let i = 0; i < 2; i++) expect((await client.login({ ...base, otpCode: '123456' })).json['loginResult']).toBe('13');
    expect((await client.login({ ...base, otpCode: '654321' })).json['errorDescription']).toBe(LOCKED);
    expect((await client.login({ ...base, otpCode: authenticatorCode(MFA_SECRET, app.clock.now()) })).json['errorDescription']).toBe(LOCKED);
  });
});

describe('XML', () => {
  it('reads CsoAuth XML and answers XML unless Accept asks for JSON', async () => {
    const { client } = await start();
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<CsoAuth><loginId>researcher</loginId><password>${PACER_PASSWORD}</password><clientCode><![CDATA[a&b]]></clientCode></CsoAuth>`;
    const xml = await client.post('/services/cso-auth', body, { 'content-type': 'application/xml', accept: 'application/xml' });
    expect(xml.status).toBe(200);
    expect(xml.contentType).toMatch(/^application\/xml/);
    expect(xml.body).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?><CsoAuth><loginResult>0<\/loginResult><errorDescription><\/errorDescription><nextGenCSO>[A-Za-z0-9]{128}<\/nextGenCSO><\/CsoAuth>$/,
    );
    const token = xml.body.match(/<nextGenCSO>([A-Za-z0-9]{128})</)?.[1] ?? '';
    expect(app.repos.sessions.get(token)?.clientCode).toBe('a&b');

    // JSON in, no Accept: XML out (FIDELITY §4).
    const noAccept = await client.post('/services/cso-auth', JSON.stringify({ loginId: 'nobody', password: 'x' }), { 'content-type': 'application/json' });
    expect(noAccept.body).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><CsoAuth><loginResult>13</loginResult><errorDescription>${INVALID}</errorDescription><nextGenCSO></nextGenCSO></CsoAuth>`,
    );
    // XML in, Accept JSON: JSON out.
    const mixed = await client.post('/services/cso-auth', body, { 'content-type': 'text/xml', accept: 'application/json' });
    expect(mixed.json['loginResult']).toBe('0');

    // Fidelity: the published spec's logout is CsoAuth too, request and answer.
    const out = await client.post('/services/cso-logout', `<CsoAuth><nextGenCSO>${token}</nextGenCSO></CsoAuth>`, { 'content-type': 'application/xml' });
    expect(out.body).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><CsoAuth><loginResult>0</loginResult><errorDescription></errorDescription></CsoAuth>');
    expect(app.repos.sessions.active(token, app.clock.now())).toBeUndefined();
  });

  it('still takes the logout with the old root CsoLogout, and answers CsoAuth', async () => {
    const { client } = await start();
    const token = (await client.post('/services/cso-auth', JSON.stringify({ loginId: 'researcher', password: PACER_PASSWORD }), { 'content-type': 'application/json', accept: 'application/json' })).json['nextGenCSO'] as string;
    const out = await client.post('/services/cso-logout', `<CsoLogout><nextGenCSO>${token}</nextGenCSO></CsoLogout>`, { 'content-type': 'application/xml' });
    expect(out.body).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><CsoAuth><loginResult>0</loginResult><errorDescription></errorDescription></CsoAuth>');
    expect(app.repos.sessions.active(token, app.clock.now())).toBeUndefined();
    const other = await client.post('/services/cso-logout', '<Logout><nextGenCSO>x</nextGenCSO></Logout>', { 'content-type': 'application/xml' });
    expect(other.status).toBe(400);
  });
});

describe('bad input gets the protocol shape, never a 500', () => {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const cases: [string, string, Record<string, string>, number, string][] = [
    ['not JSON', 'loginId=researcher', json, 400, 'Invalid request: the body is not a complete JSON object.'],
    ['truncated JSON', '{"loginId":"researcher","pass', json, 400, 'Invalid request: the body is not a complete JSON object.'],
    ['a JSON array', '["researcher"]', json, 400, 'Invalid request: the body is not a complete JSON object.'],
    ['a form body', 'loginId=researcher', { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, 415, 'Invalid request: send the body as JSON (Content-Type: application/json) or XML (Content-Type: application/xml).'],
    ['an object for a field', '{"loginId":{"$ne":""},"password":"x"}', json, 400, 'Invalid request: loginId must be a string.'],
    ['an array for a field', '{"loginId":"researcher","password":["a"]}', json, 400, 'Invalid request: password must be a string.'],
    ['XML with a DOCTYPE', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CsoAuth><loginId>&e;</loginId></CsoAuth>', { 'content-type': 'application/xml', accept: 'application/json' }, 400, 'Invalid request: the body is not a complete XML document with one root element and text-only children.'],
    ['XML with another root', '<Login><loginId>a</loginId></Login>', { 'content-type': 'application/xml', accept: 'application/json' }, 400, 'Invalid request: the body is not a complete XML document with one root element and text-only children.'],
    ['truncated XML', '<CsoAuth><loginId>researcher</loginId><password>Sand', { 'content-type': 'application/xml', accept: 'application/json' }, 400, 'Invalid request: the body is not a complete XML document with one root element and text-only children.'],
    ['over 64 KB', JSON.stringify({ loginId: 'researcher', password: 'x'.repeat(70_000) }), json, 413, 'Invalid request: the body is larger than 64 KB.'],
  ];

  it.each(cases)('%s', async (_name, body, headers, status, text) => {
    const { client } = await start();
    const a = await client.post('/services/cso-auth', body, headers);
    expect(a.status).toBe(status);
    expect(a.contentType).toMatch(/^application\/json/);
    expect(a.json).toEqual({ loginResult: '99', errorDescription: text, nextGenCSO: '' });
  });

  it('numbers for string fields are read as their text, as the real (Java) service binds them', async () => {
    const { client } = await start();
    const a = await client.login({ loginId: 'researcher', password: PACER_PASSWORD, redactFlag: 1 });
    expect(a.json['loginResult']).toBe('0');
  });

  it('is not served on a court host, and other methods get 405', async () => {
    const { client } = await start();
    const onCourt = await client.post('/services/cso-auth', '{}', { 'content-type': 'application/json', host: 'ecf.flsd.uscourts.gov' });
    expect(onCourt.status).toBe(404);
    const get = await app.inject({ method: 'GET', url: '/services/cso-auth', headers: { accept: 'application/json' } });
    expect(get.statusCode).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    expect(JSON.parse(get.body)).toEqual({ loginResult: '99', errorDescription: 'Invalid request: use POST.', nextGenCSO: '' });
  });
});
