import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Client } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createRepositories } from '../../db/index.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile } from '../../seeds/seed.js';
import { LINK_TEXT } from '../../server/domain/link-rules.js';
import { hashPassword } from '../../server/domain/passwords.js';
import { generate, insertEcfAccounts, insertPacerAccounts } from '../support/accounts.js';
import { ECF_PASSWORD, makeApp, PACER_PASSWORD, serve, testDb } from '../support/app.js';
import { Browser, formAction, inputValue } from '../support/browser.js';
import { linkAccount, logIn } from '../support/journey.js';
import { startServerProcess } from '../support/spawn.js';

/**
 * The mock under abuse: a race for one link, a crash in the middle of linking, and a stream of
 * junk. Each test is bounded (well under 20 s) and asserts outcomes, never timings.
 */
let app: FastifyInstance | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SUCCESS = 'is now linked to your CSO account';

describe('40 sessions confirming the same link at once', () => {
  it('makes exactly one link; the others get the already-linked error; no 5xx', async () => {
    app = await makeApp();
    const cost = app.config.passwordHashCost;
    insertPacerAccounts(app.repos, generate(40, (i) => ({ username: `racer${i}` })), hashPassword(PACER_PASSWORD, cost));
    insertEcfAccounts(app.repos, [{ court: 'flsd', login: 'prize1', firstName: 'Bench', lastName: 'racer0' }], hashPassword(ECF_PASSWORD, cost));
    const { base } = await serve(app);

    // Forty browsers, each logged in as its own PACER account, each on the confirmation page.
    const sessions = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const b = new Browser(Number(new URL(base).port));
        await logIn(b, `${base}/cgi-bin/login.pl`, `racer${i}`);
        const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
        const confirm = await b.post(formAction(form, 'linkAccount'), { step: 'credentials', token: inputValue(form.body, 'token') ?? '', login: 'prize1', key: ECF_PASSWORD });
        expect(confirm.body, `racer${i} reaches the confirmation`).toContain('id="linkConfirm"');
        return { b, confirm };
      }),
    );

    // All forty confirmations at once, each on its own socket.
    const results = await Promise.all(
      sessions.map(({ b, confirm }) =>
        b.post(formAction(confirm, 'linkConfirm'), {
          step: 'confirm',
          token: inputValue(confirm.body, 'token') ?? '',
          ecfAccountId: inputValue(confirm.body, 'ecfAccountId') ?? '',
          confirmToken: inputValue(confirm.body, 'confirmToken') ?? '',
        }),
      ),
    );
    for (const r of results) expect(r.status).toBeLessThan(500);
    const winners = results.filter((r) => r.body.includes(SUCCESS));
    const losers = results.filter((r) => r.body.includes(LINK_TEXT.ecfAlreadyLinked));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(39);

    const db = testDb(app);
    const linked = db.prepare("SELECT linked_pacer_account_id AS id FROM ecf_accounts WHERE login = 'prize1'").get() as { id: number };
    expect(linked.id).not.toBeNull();
    expect(db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE body LIKE '%prize1%'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM journal WHERE action = 'link' AND outcome = 'linked'").get()).toEqual({ n: 1 });
  });
});

const startServer = (databasePath: string) => startServerProcess({ DATABASE_PATH: databasePath }, children);

describe('SIGKILL in the middle of linking load', () => {
  it('restarts on the same file intact: every confirmed link there, no half-made link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-kill-'));
    dirs.push(dir);
    const path = join(dir, 'state.sqlite');
    const PAIRS = 400;
    {
      const db = openDatabase(path);
      const repos = createRepositories(db);
      const cost = Number(process.env.PASSWORD_HASH_COST ?? 8);
      createSeeder(loadSeedFile(BUILT_IN_SEED), cost).seedIfEmpty(repos, Date.now());
      insertPacerAccounts(repos, generate(PAIRS, (i) => ({ username: `crash${i}` })), hashPassword(PACER_PASSWORD, cost));
      insertEcfAccounts(repos, generate(PAIRS, (i) => ({ court: 'flsd', login: `crash${i}` })), hashPassword(ECF_PASSWORD, cost));
      db.close();
    }

    const first = await startServer(path);
    const base = `http://localhost:${first.port}`;
    const confirmed: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < PAIRS) {
        const i = next++;
        try {
          const b = new Browser(first.port);
          await logIn(b, `${base}/cgi-bin/login.pl`, `crash${i}`);
          const { result } = await linkAccount(b, base, `crash${i}`);
          if (result.body.includes(SUCCESS)) confirmed.push(`crash${i}`);
        } catch {
          // the server died under us: that journey simply did not finish
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    // Kill it with journeys in flight, once a good number have been confirmed.
    while (confirmed.length < 15 && next < PAIRS) await new Promise((r) => setTimeout(r, 5));
    // Listen for the exit before the kill: the event may fire while the workers wind down.
    const exited = new Promise((r) => first.proc.once('exit', r));
    first.proc.kill('SIGKILL');
    killed = true;
    await load;
    await exited;
    expect(confirmed.length).toBeGreaterThanOrEqual(15);

    // Restarted on the same file, it serves again, and a confirmed account is a filer there.
    const second = await startServer(path);
    const b = new Browser(second.port);
    const landed = await logIn(b, `http://localhost:${second.port}/cgi-bin/login.pl`, confirmed[0] as string);
    expect(landed.body).toContain('DisplayMenu.pl?CivilEvents');
    const stopped = new Promise((r) => second.proc.once('exit', r));
    second.proc.kill('SIGTERM');
    await stopped;

    const db = new Database(path);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const linked = new Set(
        (db.prepare("SELECT login FROM ecf_accounts WHERE login LIKE 'crash%' AND linked_pacer_account_id IS NOT NULL").all() as { login: string }[]).map((r) => r.login),
      );
      for (const login of confirmed) expect(linked.has(login), `${login} got a success page`).toBe(true);
      // All or nothing: each link has exactly its one notice and one journal entry, and no
      // notice or journal entry exists for a link that is not there.
      const outbox = db.prepare("SELECT body FROM outbox WHERE subject LIKE 'CM/ECF account linked:%'").all() as { body: string }[];
      const journal = db.prepare("SELECT detail FROM journal WHERE action = 'link' AND outcome = 'linked'").all() as { detail: string }[];
      const outboxLogins = outbox.map((r) => r.body.match(/The CM\/ECF account (crash\d+) /)?.[1]);
      const journalLogins = journal.map((r) => r.detail.match(/login="(crash\d+)"/)?.[1]);
      expect(outboxLogins.sort()).toEqual([...linked].sort());
      expect(journalLogins.sort()).toEqual([...linked].sort());
      // And each link joins the right accounts: crashN to crashN.
      const mismatched = db
        .prepare(
          `SELECT e.login FROM ecf_accounts e JOIN pacer_accounts p ON p.id = e.linked_pacer_account_id
           WHERE e.login LIKE 'crash%' AND e.login <> p.username`,
        )
        .all();
      expect(mismatched).toEqual([]);
    } finally {
      db.close();
    }
  }, 30_000);
});

/** Deterministic PRNG (mulberry32), so a failing fuzz run can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, pick, int: (n: number) => Math.floor(next() * n) };
}

describe('1,000 fuzzed requests', () => {
  it('never answer 5xx, never reflect a payload unescaped, never redirect off-site, and leave the server working', async () => {
    app = await makeApp();
    const { base, port } = await serve(app);
    const r = prng(20261124);

    // Payloads carry a per-request marker so a reflection can be traced to its request.
    const payloads = (m: string) => [
      `<script>alert("${m}")</script>`,
      `"><img src=x onerror=alert('${m}')>`,
      `' OR '1'='1' -- ${m}`,
      `'; DROP TABLE pacer_accounts; -- ${m}`,
      `javascript:alert('${m}')`,
      `<%= it.constructor.constructor("return process")() %>${m}`,
      `{{7*7}}\${7*7}${m}`,
      `../../../../etc/passwd${m}`,
      `</textarea><svg onload=alert(${m})>`,
      `${m}\u202e\u0000\uffff`,
      `${'A'.repeat(3000)}${m}`,
      `%00%0d%0aSet-Cookie:%20x=${m}`,
    ];
    const FIELDS = [
      'loginForm', 'loginForm:loginName', 'loginForm:password', 'loginForm:clientCode', 'loginForm:fbtnLogin',
      'javax.faces.ViewState', 'regmsg', 'regmsg:chkRedact_input', 'dialogName', 'step', 'token', 'login', 'key',
      'ecfAccountId', 'confirmToken', 'clientCode', 'loginId', 'password', 'otpCode', 'redactFlag', 'nextGenCSO', '__proto__',
    ];
    const PATHS = [
      '/', '/csologin/login.jsf', '/csologin/login.jsf?pscCourtId=FLSDC&appurl=', '/cgi-bin/login.pl', '/cgi-bin/login.pl?logout',
      '/cgi-bin/ShowIndex.pl', '/cgi-bin/showpage.pl?16', '/cgi-bin/DisplayMenu.pl?', '/cgi-bin/LinkAccount.pl', '/cgi-bin/LinkAccount.pl?',
      '/cgi-bin/ChangeClientCode.pl', '/cgi-bin/iquery.pl?', '/services/cso-auth', '/services/cso-logout', '/__admin/health',
      '/css/default.css', '/css/../../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/cgi-bin/%zz', '/csologin/', '/lib/core.js',
    ];
    const POST_PATHS = [
      '/csologin/login.jsf?pscCourtId=FLSDC&appurl=', '/csologin/login.jsf', '/cgi-bin/LinkAccount.pl', '/cgi-bin/ChangeClientCode.pl',
      '/services/cso-auth', '/services/cso-logout',
    ];
    const HOSTS = [
      'localhost', `localhost:${port}`, 'pacer.login.uscourts.gov', 'ecf.flsd.uscourts.gov', 'ecf.nysd.uscourts.gov',
      'ecf.zzzz.uscourts.gov', 'ecf-train.flsd.uscourts.localhost', 'train-login.uscourts.localhost', '[::1]:80',
      '127.0.0.1:99999', 'evil.example', 'a'.repeat(300), '', 'ecf..uscourts.gov', 'ECF.FLSD.USCOURTS.GOV.',
    ];
    const METHODS = ['GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
    const TYPES = [
      'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'application/json', 'application/json',
      'multipart/form-data; boundary=xyz', 'text/plain', 'application/xml', 'text/html', 'garbage/<script>', '',
      'application/x-www-form-urlencoded; charset=utf-16', 'application/json; charset=latin1',
    ];
    // Only printable ASCII may go on the wire in headers; the rest goes percent-encoded.
    const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 2000);

    // A real session, JSESSIONID, ViewState and form token, so that a share of the junk gets past
    // the first checks and into the handlers behind them.
    const insider = new Browser(port);
    await logIn(insider, `${base}/cgi-bin/login.pl`, 'jattorney');
    const linkForm = await insider.get(`${base}/cgi-bin/LinkAccount.pl`);
    const formToken = inputValue(linkForm.body, 'token') ?? '';
    const loginPage = await insider.get(`${base}/csologin/login.jsf`);
    const viewState = inputValue(loginPage.body, 'javax.faces.ViewState') ?? '';
    const validCookies = insider.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

    const client = new Client(base, { pipelining: 1, connections: 1 } as ConstructorParameters<typeof Client>[1]);
    const problems: string[] = [];
    let sent = 0;
    try {
      for (let i = 0; i < 1000; i++) {
        const marker = `fz${i}x`;
        const p = payloads(marker);
        const payload = () => r.pick(p);
        const method = r.pick(METHODS);
        // Writes go mostly where the forms post, so the junk reaches the handlers behind them.
        let path = method === 'POST' && r.next() < 0.7 ? r.pick(POST_PATHS) : r.pick(PATHS);
        if (path.endsWith('=') || path.endsWith('?')) path += encodeURIComponent(payload());
        else if (r.next() < 0.3) path += `${path.includes('?') ? '&' : '?'}${encodeURIComponent(payload())}=${encodeURIComponent(payload())}`;
        else if (r.next() < 0.1) path = `/${encodeURIComponent(payload())}`;
        const headers: Record<string, string> = { host: r.next() < 0.15 ? headerSafe(payload()) : r.pick(HOSTS) };
        const cookies: string[] = [];
        for (const name of ['NextGenCSO', 'PacerSession', 'JSESSIONID', 'PacerClientCode', 'x']) {
          if (r.next() < 0.3) cookies.push(`${name}=${r.next() < 0.5 ? encodeURIComponent(payload()) : 'A'.repeat(r.pick([32, 128, 129]))}`);
        }
        if (r.next() < 0.1) cookies.push(';;=;=x; %zz=%zz');
        const insiderRequest = r.next() < 0.4;
        if (insiderRequest) {
          headers.host = `localhost:${port}`;
          cookies.unshift(validCookies);
        }
        if (cookies.length) headers['cookie'] = headerSafe(cookies.join('; '));
        if (r.next() < 0.2) headers['referer'] = headerSafe(payload());
        if (r.next() < 0.2) headers['user-agent'] = headerSafe(payload());
        if (r.next() < 0.1) headers['x-forwarded-host'] = 'evil.example';
        let body: string | undefined;
        if (method !== 'GET' && method !== 'HEAD' && r.next() < 0.9) {
          const type = r.pick(TYPES);
          if (type) headers['content-type'] = type;
          const fields: (readonly [string, string])[] = Array.from({ length: 1 + r.int(6) }, () => [r.pick(FIELDS), payload()] as const);
          if (insiderRequest) {
            fields.push(['javax.faces.ViewState', viewState], ['token', formToken], ['loginForm', 'loginForm']);
            if (r.next() < 0.3) fields.push(['loginForm:loginName', 'researcher'], ['loginForm:password', PACER_PASSWORD]);
            if (r.next() < 0.3) fields.push(['step', r.pick(['credentials', 'confirm'])], ['login', r.pick(['attytest4', 'sp1234!x', payload()])], ['key', ECF_PASSWORD]);
          }
          switch (insiderRequest && r.next() < 0.6 ? 0 : r.int(6)) {
            case 0:
              body = new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString();
              break;
            case 1:
              body = JSON.stringify(Object.fromEntries(fields));
              break;
            case 2:
              body = `{"loginId": "${marker}", "password": `; // truncated JSON
              break;
            case 3:
              body = `%%%&&==${fields.map(([k]) => k).join('&')}&a=%zz&b=%E0%A4%A`;
              break;
            case 4:
              body = `${'['.repeat(2000)}${']'.repeat(2000)}`;
              break;
            default:
              body = `--xyz\r\nContent-Disposition: form-data; name="loginForm:loginName"\r\n\r\n${payload()}\r\n--xyz--\r\n`;
          }
        }
        const res = await client.request({ method: method, path, headers, body: body ?? null });
        const text = await res.body.text();
        sent++;
        const where = `#${i} ${method} ${path.slice(0, 80)} host=${headers.host?.slice(0, 40)}`;
        if (res.statusCode >= 500) problems.push(`${where}: ${res.statusCode}`);
        const type = String(res.headers['content-type'] ?? '');
        if (/html|xml/.test(type)) {
          for (const raw of p) {
            if (/[<>"']/.test(raw) && text.includes(raw.slice(0, 60))) problems.push(`${where}: reflected ${JSON.stringify(raw.slice(0, 40))}`);
          }
        }
        const location = res.headers['location'];
        if (typeof location === 'string' && /evil\.example|^javascript:|^\/\//i.test(location)) problems.push(`${where}: redirect to ${location}`);
        if (text.length > 0 && !type) problems.push(`${where}: body without a content type`);
      }
    } finally {
      await client.close();
    }
    expect(problems).toEqual([]);
    expect(sent).toBe(1000);

    // Alive and intact: health answers and a persona still logs in and sees its page.
    const health = await fetch(`${base}/__admin/health`);
    expect(health.status).toBe(200);
    const b = new Browser(port);
    const landed = await logIn(b, `${base}/cgi-bin/login.pl`, 'researcher');
    expect(landed.body).toContain('/cgi-bin/login.pl?logout');
    expect(app.repos.pacerAccounts.byUsername('jattorney')).toBeDefined();
  }, 30_000);
});
