import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeApp } from '../support/app.js';
import { parseHost, safeAppUrl } from '../../server/domain/hosts.js';

let app: FastifyInstance;
afterEach(async () => app?.close());

describe('host routing (FIDELITY §1)', () => {
  it('serves a court on its real and .localhost names, with its own title', async () => {
    app = await makeApp();
    for (const host of ['ecf.nysd.uscourts.gov', 'ecf.nysd.localhost:8080', 'ecf-train.nysd.uscourts.gov']) {
      const res = await app.inject({ url: '/cgi-bin/login.pl', headers: { host } });
      expect(res.statusCode, host).toBe(200);
      expect(res.body).toContain('<title>SDNY CM/ECF NextGen Version 1.7</title>');
      expect(res.body).toContain('pscCourtId=NYSDC');
    }
  });

  it('sends a court host to the CSO host of the same suffix, keeping scheme and port', async () => {
    app = await makeApp();
    const real = await app.inject({ url: '/cgi-bin/iquery.pl', headers: { host: 'ecf.flsd.uscourts.gov' } });
    expect(real.body).toContain(
      `location.assign("http://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent('http://ecf.flsd.uscourts.gov/cgi-bin/iquery.pl')}")`,
    );
    const local = await app.inject({ url: '/cgi-bin/login.pl', headers: { host: 'ecf.flsd.localhost:8080' } });
    expect(local.body).toContain('http://pacer.login.localhost:8080/csologin/login.jsf?pscCourtId=FLSDC');
    const train = await app.inject({ url: '/cgi-bin/login.pl', headers: { host: 'ecf-train.flsd.uscourts.gov' } });
    expect(train.body).toContain('http://train-login.uscourts.gov/csologin/login.jsf');
  });

  it('serves the CSO on its hosts and not the court paths there', async () => {
    app = await makeApp();
    for (const host of ['pacer.login.uscourts.gov', 'qa-login.uscourts.gov', 'train-login.uscourts.gov', 'pacer.login.localhost:8080']) {
      const login = await app.inject({ url: '/csologin/login.jsf', headers: { host } });
      expect(login.statusCode, host).toBe(200);
      expect(login.body).toContain('PACER Login');
      const court = await app.inject({ url: '/cgi-bin/ShowIndex.pl', headers: { host } });
      expect(court.statusCode, host).toBe(404);
    }
  });

  it('does not serve the CSO on a court host', async () => {
    app = await makeApp();
    const res = await app.inject({ url: '/csologin/login.jsf', headers: { host: 'ecf.flsd.uscourts.gov' } });
    expect(res.statusCode).toBe(404);
  });

  it('serves both the CSO and the default court on any other host', async () => {
    app = await makeApp({ defaultCourt: 'nysd' });
    for (const host of ['localhost:8080', '127.0.0.1:8080', 'mock-pacer:8080']) {
      expect((await app.inject({ url: '/csologin/login.jsf', headers: { host } })).statusCode).toBe(200);
      const court = await app.inject({ url: '/cgi-bin/ShowIndex.pl', headers: { host } });
      expect(court.body).toContain('<title>SDNY CM/ECF NextGen Version 1.7</title>');
    }
  });

  it('answers an unknown court host with a 404 page', async () => {
    app = await makeApp();
    const res = await app.inject({ url: '/', headers: { host: 'ecf.zzzz.uscourts.gov' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('There is no court &quot;zzzz&quot; on this server.');
  });

  it('scopes cookies to .uscourts.gov under the real names, host-only elsewhere', async () => {
    app = await makeApp();
    const real = await app.inject({ url: '/csologin/login.jsf', headers: { host: 'pacer.login.uscourts.gov' } });
    const viewState = real.body.match(/name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="([^"]+)"/)?.[1] ?? '';
    const jsession = String(real.headers['set-cookie']).match(/JSESSIONID=([0-9A-F]+)/)?.[1] ?? '';
    const res = await app.inject({
      method: 'POST',
      url: '/csologin/login.jsf?pscCourtId=FLSDC&appurl=' + encodeURIComponent('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl'),
      headers: { host: 'pacer.login.uscourts.gov', cookie: `JSESSIONID=${jsession}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ loginForm: 'loginForm', 'loginForm:loginName': 'researcher', 'loginForm:password': 'Sandbox!Pacer2026', 'javax.faces.ViewState': viewState }).toString(),
    });
    expect(res.statusCode).toBe(302);
    // https appurl on a plain-http request: the port/scheme differ only in scheme, and the host is a served court.
    expect(res.headers['location']).toBe('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('NextGenCSO='))).toContain('Domain=.uscourts.gov; Path=/');
  });
});

describe('appurl safety', () => {
  const isCourt = (c: string) => ['flsd', 'nysd'].includes(c);
  it.each([
    ['http://localhost:8080/cgi-bin/x', 'localhost:8080', true],
    ['http://ecf.nysd.localhost:8080/cgi-bin/x', 'localhost:8080', true],
    ['https://ecf.flsd.uscourts.gov/', 'pacer.login.uscourts.gov', true],
    ['https://ecf.flsd.uscourts.gov.evil.com/', 'pacer.login.uscourts.gov', false],
    ['https://ecf.zzzz.uscourts.gov/', 'pacer.login.uscourts.gov', false],
    ['https://pacer.login.uscourts.gov/', 'pacer.login.uscourts.gov', false],
    ['http://localhost:9999/', 'localhost:8080', false],
    ['https://user:pw@ecf.flsd.uscourts.gov/', 'pacer.login.uscourts.gov', false],
    ['ftp://ecf.flsd.uscourts.gov/', 'pacer.login.uscourts.gov', false],
    ['/cgi-bin/relative', 'localhost:8080', false],
  ])('%s from %s → allowed: %s', (url, host, allowed) => {
    expect(safeAppUrl(url, parseHost(host), isCourt) !== null).toBe(allowed);
  });
});
