import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decideAdminAccess, isLoopbackHost } from '../../server/admin/admin-access.js';
import { makeApp } from '../support/app.js';

/**
 * The control plane's access rule: a token when ADMIN_TOKEN is set, open on loopback only,
 * and a generated token when listening beyond loopback without ADMIN_TOKEN. Never open to a network.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

describe('decideAdminAccess', () => {
  it('uses ADMIN_TOKEN whenever it is set', () => {
    expect(decideAdminAccess({ host: '127.0.0.1', adminToken: 'a-long-operator-token' })).toEqual({ token: 'a-long-operator-token', generated: false });
    expect(decideAdminAccess({ host: '0.0.0.0', adminToken: 'a-long-operator-token' })).toEqual({ token: 'a-long-operator-token', generated: false });
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])('is open on loopback %s', (host) => {
    expect(decideAdminAccess({ host, adminToken: null })).toEqual({ token: null, generated: false });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'mock-pacer', '10.0.0.5'])('makes a fresh random token beyond loopback (%s)', (host) => {
    const a = decideAdminAccess({ host, adminToken: null });
    const b = decideAdminAccess({ host, adminToken: null });
    expect(a.generated).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('the control plane on a non-loopback configuration', () => {
  it('refuses every route but health without the generated token, and accepts it as a Bearer token', async () => {
    const access = decideAdminAccess({ host: '0.0.0.0', adminToken: null });
    app = await makeApp({ host: '0.0.0.0' }, { adminToken: access.token });
    const token = access.token ?? '';

    const health = await app.inject({ method: 'GET', url: '/__admin/health' });
    expect(health.statusCode).toBe(200);

    for (const [method, url] of [
      ['POST', '/__admin/reset'],
      ['GET', '/__admin/accounts/pacer'],
      ['GET', '/__admin/journal'],
      ['GET', '/__admin/openapi.json'],
      ['GET', '/__admin/sessions'],
    ] as const) {
      const none = await app.inject({ method, url });
      expect(none.statusCode, `${method} ${url} without a token`).toBe(401);
      expect(none.json()).toEqual({ error: 'unauthorized', message: 'This control plane needs Authorization: Bearer <ADMIN_TOKEN>.' });
      expect(none.headers['www-authenticate']).toBe('Bearer realm="mock-pacer admin"');
      const wrong = await app.inject({ method, url, headers: { authorization: `Bearer ${token}x` } });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode, `${method} ${url} with the token`).toBe(200);
    }
    // The dashboard asks a browser for the token instead of showing state.
    const dash = await app.inject({ method: 'GET', url: '/__admin/' });
    expect(dash.statusCode).toBe(401);
    expect(dash.body).toContain('name="token"');
    expect(dash.body).not.toContain('jattorney');
  });

  it('with ADMIN_TOKEN set, requires exactly that token', async () => {
    app = await makeApp({ host: '0.0.0.0', adminToken: 'operator-chosen-token-1234' });
    expect((await app.inject({ method: 'GET', url: '/__admin/courts' })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'GET', url: '/__admin/courts', headers: { authorization: 'Bearer operator-chosen-token-1234' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().courts.map((c: { code: string }) => c.code)).toEqual(['flsb', 'flsd', 'nysd']);
  });

  it('is open on loopback without ADMIN_TOKEN', async () => {
    const access = decideAdminAccess({ host: '127.0.0.1', adminToken: null });
    app = await makeApp({ host: '127.0.0.1' }, { adminToken: access.token });
    expect((await app.inject({ method: 'GET', url: '/__admin/accounts/pacer' })).statusCode).toBe(200);
  });

  it('refuses state changes a browser sends from another site, even when open', async () => {
    app = await makeApp({}, { adminToken: null });
    const cross = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'https://evil.example', host: 'localhost:8080' } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error).toBe('forbidden');
    const same = await app.inject({ method: 'POST', url: '/__admin/reset', headers: { origin: 'http://localhost:8080', host: 'localhost:8080' } });
    expect(same.statusCode).toBe(200);
  });
});
