import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loggerOptions, redactUrl } from '../../server/logging.js';
import { testConfig } from '../../server/config.js';
import { PACER_PASSWORD, makeApp } from '../support/app.js';
import { serveLoggedIn } from '../support/journey.js';

/** pino JSON, one line per request, with passwords, tokens and cookies kept out. */
let app: FastifyInstance;
afterEach(async () => app?.close());

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request log', () => {
  it('writes one JSON line per request with method, url, status and ms, and no secrets', async () => {
    const log = capture();
    const token = 'logging-test-admin-token-xyz';
    app = await makeApp({ adminToken: token }, { logger: loggerOptions(testConfig({ logLevel: 'info' }), { stream: log.stream }) });
    const { base, b } = await serveLoggedIn(app, 'jattorney');
    const session = b.cookie('NextGenCSO') ?? '';
    await b.get(`${base}/cgi-bin/ShowIndex.pl`);
    await b.fetch(`${base}/__admin/journal`, { headers: { authorization: `Bearer ${token}` } });
    await b.get(`${base}/cgi-bin/nothing-here.pl?password=hunter2&x=1`);

    const requests = log.records().filter((r) => 'status' in r);
    // Court page, CSO login page, login POST, redaction POST, landing, ShowIndex, journal, 404.
    expect(requests.map((r) => `${r['method']} ${String(r['url']).split('?')[0]} ${r['status']}`)).toEqual([
      'GET /cgi-bin/login.pl 200',
      'GET /csologin/login.jsf 200',
      'POST /csologin/login.jsf 200',
      'POST /csologin/login.jsf 302',
      'GET /cgi-bin/login.pl 200',
      'GET /cgi-bin/ShowIndex.pl 200',
      'GET /__admin/journal 200',
      'GET /cgi-bin/nothing-here.pl 404',
    ]);
    for (const r of requests) {
      expect(typeof r['ms']).toBe('number');
      expect(r['level']).toBe(30);
      expect(r['msg']).toBe(`${r['method']} ${r['url']} ${r['status']} ${r['ms']}ms`);
    }
    expect(requests.at(-1)?.['url']).toBe('/cgi-bin/nothing-here.pl?password=[Redacted]&x=1');
    // Nothing but request lines and start/stop messages: Fastify's own two lines per request are off.
    expect(log.lines.filter((l) => l.includes('incoming request') || l.includes('request completed'))).toEqual([]);
    const all = log.lines.join('\n');
    for (const secret of [PACER_PASSWORD, session, token, 'hunter2', 'JSESSIONID']) {
      expect(secret.length).toBeGreaterThan(0);
      expect(all).not.toContain(secret);
    }
  });

  it('redacts cookies and authorization wherever a log object carries headers', async () => {
    const log = capture();
    app = await makeApp({}, { logger: loggerOptions(testConfig({ logLevel: 'info' }), { stream: log.stream }) });
    app.log.info({ req: { headers: { cookie: 'NextGenCSO=abc', authorization: 'Bearer t0k' } }, headers: { cookie: 'a=b' }, password: 'pw1', body: { password: 'pw2' } }, 'probe');
    const probe = log.records().find((r) => r['msg'] === 'probe');
    expect(JSON.stringify(probe)).not.toMatch(/abc|t0k|a=b|pw1|pw2/);
    expect(probe).toMatchObject({ password: '[Redacted]', headers: { cookie: '[Redacted]' } });
  });

  it('redacts secret-looking query parameters in logged URLs', () => {
    expect(redactUrl('/x?appurl=%2Fy&token=abc&Password=p&otpCode=1&keep=1')).toBe('/x?appurl=%2Fy&token=[Redacted]&Password=[Redacted]&otpCode=[Redacted]&keep=1');
    expect(redactUrl('/plain')).toBe('/plain');
  });

  it('is pretty only when asked (stdout is a terminal), JSON otherwise', () => {
    const pretty = loggerOptions(testConfig({ logLevel: 'info' }), { pretty: true }) as { transport?: { target: string } };
    expect(pretty.transport?.target).toBe('pino-pretty');
    const plain = loggerOptions(testConfig({ logLevel: 'info' }), { pretty: false }) as { transport?: unknown };
    expect(plain.transport).toBeUndefined();
    expect(loggerOptions(testConfig({ logLevel: 'silent' }))).toBe(false);
  });
});
