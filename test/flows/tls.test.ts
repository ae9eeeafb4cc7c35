import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, checkServerIdentity, type PeerCertificate } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, testConfig } from '../../server/config.js';
import { certificateNames, loadTlsMaterial } from '../../server/tls.js';
import { formAction } from '../support/browser.js';
import { makeApp, PACER_PASSWORD, serve } from '../support/app.js';
import { cookiesFor, isLoggedIn, PacerApiClient } from '../support/api-client.js';
import { loginForm, openLoginFrom } from '../support/journey.js';

/** HTTPS beside HTTP (FIDELITY §1): real clients hard-code https:// and skip verification. */
let app: FastifyInstance;
afterEach(async () => app?.close());

function peerCertificate(port: number, servername: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('the TLS listener', () => {
  it('serves the API and the courts over HTTPS from the same state as HTTP', async () => {
    app = await makeApp();
    const { port, tlsPort } = await serve(app, { tls: true });
    const client = new PacerApiClient(port, { tlsPort: tlsPort as number });

    const answer = await client.login({ loginId: 'researcher', password: PACER_PASSWORD }, 'https');
    expect(answer.status).toBe(200);
    expect(answer.json['loginResult']).toBe('0');
    const token = answer.json['nextGenCSO'] as string;
    // A token got over HTTPS works over HTTPS and over HTTP: one app, one database.
    expect(isLoggedIn((await client.court('https://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl', cookiesFor(token))).body)).toBe(true);
    expect(isLoggedIn((await client.court('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl', cookiesFor(token))).body)).toBe(true);

    const out = await client.court('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl', cookiesFor('B'.repeat(128)));
    expect(isLoggedIn(out.body)).toBe(false);
    expect(out.body).not.toContain('Cost: ');
    expect(out.body).toContain(
      '"https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=FLSDC&appurl=https%3A%2F%2Fecf.flsd.uscourts.gov%2Fcgi-bin%2Flogin.pl"',
    );

    const cert = await peerCertificate(tlsPort as number, 'ecf.flsd.uscourts.gov');
    for (const name of ['pacer.login.uscourts.gov', 'ecf.flsd.uscourts.gov', 'ecf.nysd.uscourts.gov', 'qa-login.uscourts.gov', 'ecf.flsd.localhost', 'localhost']) {
      expect(checkServerIdentity(name, cert), name).toBeUndefined();
    }
  });

  it('sets Secure cookies scoped to .uscourts.gov on a screen login over HTTPS', async () => {
    app = await makeApp();
    const { browser } = await serve(app, { tls: true });
    const b = browser();
    const court = await b.get('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl');
    const login = await openLoginFrom(b, court);
    expect(login.url).toMatch(/^https:\/\/pacer\.login\.uscourts\.gov\/csologin\/login\.jsf\?/);
    expect(login.setCookies.find((c) => c.startsWith('JSESSIONID='))).toMatch(/; Secure/);
    const landed = await b.post(formAction(login, 'loginForm'), loginForm(login, 'researcher'), false);
    expect(landed.status).toBe(302);
    expect(landed.headers['location']).toBe('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl');
    const session = landed.setCookies.find((c) => c.startsWith('NextGenCSO='));
    expect(session).toMatch(/; Domain=\.uscourts\.gov/);
    expect(session).toMatch(/; Secure/);
    // Secure, and still readable by page scripts as the real ones are; the JSESSIONID stays HttpOnly.
    expect(session).not.toMatch(/HttpOnly/i);
    expect(login.setCookies.find((c) => c.startsWith('JSESSIONID='))).toMatch(/; HttpOnly; Secure/);
    expect(isLoggedIn((await b.get('https://ecf.flsd.uscourts.gov/cgi-bin/login.pl')).body)).toBe(true);
  });
});

describe('certificates', () => {
  it('lists every CSO and court name, since a wildcard covers one label only', () => {
    const { dns, ips } = certificateNames(['flsd', 'nysd']);
    expect(dns).toEqual(expect.arrayContaining([
      'pacer.login.uscourts.gov', 'qa-login.uscourts.gov', 'train-login.uscourts.gov', '*.uscourts.gov',
      'ecf.flsd.uscourts.gov', 'ecf.nysd.uscourts.gov', 'ecf-train.flsd.uscourts.gov',
      'localhost', '*.localhost', 'pacer.login.localhost', 'ecf.flsd.localhost',
    ]));
    expect(ips).toEqual(['127.0.0.1', '::1']);
  });

  it('makes a self-signed certificate once, beside the database file, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-tls-'));
    try {
      const config = testConfig({ databasePath: join(dir, 'state', 'mock.sqlite') });
      const first = loadTlsMaterial(config, ['flsd']);
      expect(first.source).toMatch(/^new self-signed certificate /);
      expect(readFileSync(join(dir, 'state', 'tls-cert.pem'), 'utf8')).toBe(first.cert);
      expect(statSync(join(dir, 'state', 'tls-key.pem')).mode & 0o777).toBe(0o600);
      const second = loadTlsMaterial(config, ['flsd']);
      expect(second.cert).toBe(first.cert);
      // A court added to the seed is not covered: a new certificate is made.
      expect(loadTlsMaterial(config, ['flsd', 'cand']).cert).not.toBe(first.cert);
      // The operator's own files win.
      const own = loadTlsMaterial(testConfig({ tlsCert: join(dir, 'state', 'tls-cert.pem'), tlsKey: join(dir, 'state', 'tls-key.pem') }), ['flsd']);
      expect(own.source).toBe(`certificate ${join(dir, 'state', 'tls-cert.pem')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the certificate in memory for an in-memory database', () => {
    expect(loadTlsMaterial(testConfig(), ['flsd']).source).toBe('self-signed certificate (in memory)');
  });

  it('reads TLS_PORT, TLS_CERT and TLS_KEY', () => {
    expect(loadConfig({}).tlsPort).toBe(8443);
    expect(loadConfig({ TLS_PORT: 'off' }).tlsPort).toBeNull();
    expect(loadConfig({ TLS_PORT: '0' }).tlsPort).toBe(0);
    expect(() => loadConfig({ TLS_PORT: 'https' })).toThrow(ConfigError);
    expect(() => loadConfig({ TLS_CERT: '/x/cert.pem' })).toThrow(/TLS_KEY: TLS_CERT and TLS_KEY go together/);
  });
});
