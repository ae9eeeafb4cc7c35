/**
 * `npm run bench`: how the mock does under load, against a bare Fastify server measured in the
 * same run (the machine is shared and noisy, so every comparison is a ratio to a baseline taken
 * minutes apart, in alternating rounds, medians kept). Prints a table and writes bench/results.json.
 *
 * Both servers run as child processes from plain JavaScript (the mock from dist/, built by the npm
 * script first), so neither pays tsx's start-up and the load generator has its own process.
 * The numbers are a benchmark, not a test: nothing here fails the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { openDatabase } from '../db/database.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile } from '../seeds/seed.js';
import { loadConfig } from '../server/config.js';
import { hashPassword } from '../server/domain/passwords.js';
import { generate, insertEcfAccounts, insertPacerAccounts } from '../test/support/accounts.js';
import { blast, formAction, inputValue, JourneyClient, journeys, median, type Sample } from './load.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PACER_PASSWORD = 'Bench!Pacer2026xx';
const ECF_PASSWORD = 'Bench!Court2026xx';
/** Fresh PACER + CM/ECF pairs for the journeys: each journey links one pair, for good. */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 8000);
const API_ACCOUNTS = 64;
const JOURNEY_CLIENTS = 32;
const GET_CONNECTIONS = 16;
const GET_PIPELINING = 4;

const tmp = mkdtempSync(join(tmpdir(), 'mock-pacer-bench-'));
const children = new Set<ChildProcess>();
const log = (s: string) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------- processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  proc: ChildProcess;
  port: number;
  origin: string;
  /** Milliseconds from spawn to the first HTTP 200. */
  startMs: number;
}

/** One GET on a fresh socket; resolves with the status, rejects when nothing listens yet. */
function probe(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function start(kind: 'mock' | 'bare', env: Record<string, string>, readyPath: string): Promise<Server> {
  const port = await freePort();
  const script = kind === 'mock' ? join(ROOT, 'dist/server/main.js') : join(ROOT, 'bench/bare-server.mjs');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${kind} server exited with ${proc.exitCode}`);
    try {
      const status = await probe(port, readyPath);
      if (status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 2));
    if (performance.now() - t0 > 20_000) throw new Error(`${kind} server did not answer within 20 s`);
  }
  return { proc, port, origin: `http://127.0.0.1:${port}`, startMs: performance.now() - t0 };
}

async function stop(s: Server): Promise<void> {
  if (s.proc.exitCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGTERM');
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

// ---------------------------------------------------------------- databases

const cost = loadConfig({}).passwordHashCost;

/** A database file seeded with the personas plus bench accounts, inserted straight through SQL. */
function prepareDb(name: string, fill: (db: ReturnType<typeof openDatabase>, hashes: { pacer: string; ecf: string }) => void): string {
  const path = join(tmp, `${name}.sqlite`);
  const db = openDatabase(path);
  createSeeder(loadSeedFile(BUILT_IN_SEED), cost).seedIfEmpty(db, Date.now());
  fill(db, { pacer: hashPassword(PACER_PASSWORD, cost), ecf: hashPassword(ECF_PASSWORD, cost) });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

function pacerCount(path: string): number {
  const db = openDatabase(path);
  const n = (db.prepare('SELECT COUNT(*) AS n FROM pacer_accounts').get() as { n: number }).n;
  db.close();
  return n;
}

// ---------------------------------------------------------------- scenarios

const HOST = 'localhost';
const loginPath = (appurl: string) => `/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent(appurl)}`;

/** The FLSD guide from the login page to the refreshed menu, for bench pair `i`. */
async function linkJourney(c: JourneyClient, i: number): Promise<boolean> {
  c.clearCookies();
  const user = `bench${i}`;
  const login = await c.send('GET', loginPath(`http://${HOST}/cgi-bin/login.pl`));
  const dialog = await c.send('POST', formAction(login.body, 'loginForm'), {
    loginForm: 'loginForm',
    'loginForm:loginName': user,
    'loginForm:password': PACER_PASSWORD,
    'loginForm:clientCode': '',
    'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
    'javax.faces.ViewState': inputValue(login.body, 'javax.faces.ViewState'),
  });
  if (!dialog.body.includes('id="redactionConfirmation"')) throw new Error(`no redaction dialog for ${user} (${dialog.status})`);
  const landed = await c.send('POST', formAction(dialog.body, 'regmsg'), {
    regmsg: 'regmsg',
    'regmsg:chkRedact_input': 'on',
    'regmsg:bpmConfirm': 'regmsg:bpmConfirm',
    dialogName: 'redactionDlg',
    'javax.faces.ViewState': inputValue(dialog.body, 'javax.faces.ViewState'),
  });
  if (landed.status !== 302 || !landed.location) throw new Error(`redaction did not log in (${landed.status})`);
  await c.send('GET', new URL(landed.location).pathname);
  const utilities = await c.send('GET', '/cgi-bin/DisplayMenu.pl?Utilities');
  if (!utilities.body.includes('/cgi-bin/LinkAccount.pl')) throw new Error('no Utilities page');
  const form = await c.send('GET', '/cgi-bin/LinkAccount.pl');
  const confirm = await c.send('POST', '/cgi-bin/LinkAccount.pl', {
    step: 'credentials',
    token: inputValue(form.body, 'token'),
    login: user,
    key: ECF_PASSWORD,
  });
  if (!confirm.body.includes('id="linkConfirm"')) throw new Error(`no confirmation page (${confirm.status})`);
  const result = await c.send('POST', '/cgi-bin/LinkAccount.pl', {
    step: 'confirm',
    token: inputValue(confirm.body, 'token'),
    ecfAccountId: inputValue(confirm.body, 'ecfAccountId'),
    confirmToken: inputValue(confirm.body, 'confirmToken'),
  });
  if (!result.body.includes('is now linked to your CSO account')) throw new Error(`not linked (${result.status})`);
  const menu = await c.send('GET', '/cgi-bin/ShowIndex.pl');
  return menu.body.includes('DisplayMenu.pl?CivilEvents');
}

/** Screen login of `user` (a PACER-only account: no dialog); returns the POST's latency in ms. */
async function timedLogin(c: JourneyClient, user: string): Promise<number> {
  c.clearCookies();
  const page = await c.send('GET', loginPath(`http://${HOST}/cgi-bin/login.pl`));
  const t0 = performance.now();
  const res = await c.send('POST', formAction(page.body, 'loginForm'), {
    loginForm: 'loginForm',
    'loginForm:loginName': user,
    'loginForm:password': PACER_PASSWORD,
    'loginForm:clientCode': '',
    'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
    'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState'),
  });
  const ms = performance.now() - t0;
  if (res.status !== 302) throw new Error(`login of ${user} failed (${res.status})`);
  return ms;
}

async function postJson(origin: string, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await request(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', host: HOST },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, text: await res.body.text() };
}

// ---------------------------------------------------------------- the run

interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

const round1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : NaN);
const round2 = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : NaN);

async function main(): Promise<void> {
  const began = performance.now();
  const config = loadConfig({});
  log(`bench: scrypt cost ${cost} (N = 2^${cost}), ${cpus().length} CPUs, rounds of ${ROUND_MS} ms`);

  log('bench: preparing databases');
  const mainDb = prepareDb('main', (db, h) => {
    insertPacerAccounts(db, generate(PAIRS, (i) => ({ username: `bench${i}`, firstName: 'Bench', lastName: `User${i}`, filer: true })), h.pacer);
    insertEcfAccounts(db, generate(PAIRS, (i) => ({ court: 'flsd', login: `bench${i}`, firstName: 'Bench', lastName: `User${i}` })), h.ecf);
    insertPacerAccounts(db, generate(API_ACCOUNTS, (i) => ({ username: `benchapi${i}` })), h.pacer);
  });
  let t = performance.now();
  const smallDb = prepareDb('small', (db, h) => {
    const have = (db.prepare('SELECT COUNT(*) AS n FROM pacer_accounts').get() as { n: number }).n;
    insertPacerAccounts(db, generate(100 - have, (i) => ({ username: `scale${i}` })), h.pacer);
  });
  const largeDb = prepareDb('large', (db, h) => {
    const have = (db.prepare('SELECT COUNT(*) AS n FROM pacer_accounts').get() as { n: number }).n;
    t = performance.now();
    insertPacerAccounts(db, generate(100_000 - have, (i) => ({ username: `scale${i}` })), h.pacer);
  });
  const insertMs = performance.now() - t;
  const smallN = pacerCount(smallDb);
  const largeN = pacerCount(largeDb);
  log(`bench: ${largeN} accounts inserted in ${Math.round(insertMs)} ms`);

  // ---- GET login page vs bare Fastify, alternating rounds
  const mock = await start('mock', { DATABASE_PATH: mainDb }, '/csologin/login.jsf');
  const probePage = await new JourneyClient(mock.origin, HOST).send('GET', loginPath(`http://${HOST}/cgi-bin/login.pl`));
  const pageBytes = Buffer.byteLength(probePage.body);
  const bare = await start('bare', { BARE_BYTES: String(pageBytes) }, '/');
  const getOpts = { connections: GET_CONNECTIONS, pipelining: GET_PIPELINING, ms: ROUND_MS };
  const mockGet = () => blast(mock.origin, () => ({ method: 'GET', path: loginPath(`http://${HOST}/cgi-bin/login.pl`), headers: { host: HOST } }), getOpts);
  const bareGet = () => blast(bare.origin, () => ({ method: 'GET', path: '/csologin/login.jsf', headers: { host: HOST } }), getOpts);
  log('bench: GET login page vs bare Fastify');
  await mockGet();
  await bareGet();
  const getRounds: { mock: Sample; bare: Sample }[] = [];
  for (let r = 0; r < ROUNDS + 1; r++) {
    const m = await mockGet();
    const b = await bareGet();
    getRounds.push({ mock: m, bare: b });
    log(`  round ${r + 1}: mock ${Math.round(m.perSecond)}/s, bare ${Math.round(b.perSecond)}/s`);
  }
  const getMock = median(getRounds.map((r) => r.mock.perSecond));
  const getBare = median(getRounds.map((r) => r.bare.perSecond));
  const getRatio = median(getRounds.map((r) => r.mock.perSecond / r.bare.perSecond));
  await stop(bare);

  // ---- linking journeys, 32 clients, each on its own fresh account pair
  log(`bench: linking journeys, ${JOURNEY_CLIENTS} clients`);
  let nextPair = 0;
  const journeyRound = (ms: number) =>
    journeys(
      () => new JourneyClient(mock.origin, HOST),
      async (c) => {
        const i = nextPair++;
        if (i >= PAIRS) return 'exhausted';
        return linkJourney(c, i);
      },
      { clients: JOURNEY_CLIENTS, ms },
    );
  await journeyRound(Math.min(1000, ROUND_MS / 2));
  const journeyRounds: Sample[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const s = await journeyRound(ROUND_MS);
    journeyRounds.push(s);
    log(`  round ${r + 1}: ${Math.round(s.perSecond)} journeys/s, p50 ${round1(s.p50)} ms, p99 ${round1(s.p99)} ms, errors ${s.errors}${s.firstError ? ` (${s.firstError})` : ''}`);
  }
  if (nextPair >= PAIRS) log(`  warning: all ${PAIRS} account pairs were used; raise BENCH_PAIRS`);
  const journeyRate = median(journeyRounds.map((s) => s.perSecond));
  const journeyP50 = median(journeyRounds.map((s) => s.p50));
  const journeyP99 = median(journeyRounds.map((s) => s.p99));
  const journeyErrors = journeyRounds.reduce((n, s) => n + s.errors, 0);

  // ---- cso-auth logins
  log('bench: cso-auth logins');
  let csoAuth: { rate: number; p50: number; p99: number; errors: number } | null = null;
  const first = await postJson(mock.origin, '/services/cso-auth', { loginId: 'benchapi0', password: PACER_PASSWORD, redactFlag: '1' });
  if (first.status === 404) {
    log('  n/a: POST /services/cso-auth answers 404 on this build (route missing)');
  } else {
    let k = 0;
    const apiRound = () =>
      blast(
        mock.origin,
        () => ({
          method: 'POST',
          path: '/services/cso-auth',
          headers: { host: HOST, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ loginId: `benchapi${k++ % API_ACCOUNTS}`, password: PACER_PASSWORD, redactFlag: '1' }),
        }),
        { connections: JOURNEY_CLIENTS, pipelining: 1, ms: ROUND_MS },
      );
    await apiRound();
    const rounds: Sample[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = await apiRound();
      rounds.push(s);
      log(`  round ${r + 1}: ${Math.round(s.perSecond)} logins/s, p50 ${round1(s.p50)} ms, p99 ${round1(s.p99)} ms, errors ${s.errors}`);
    }
    const check = await postJson(mock.origin, '/services/cso-auth', { loginId: 'benchapi1', password: PACER_PASSWORD, redactFlag: '1' });
    if (!check.text.includes('"loginResult":"0"')) log(`  warning: cso-auth did not log in: ${check.status} ${check.text.slice(0, 200)}`);
    csoAuth = {
      rate: median(rounds.map((s) => s.perSecond)),
      p50: median(rounds.map((s) => s.p50)),
      p99: median(rounds.map((s) => s.p99)),
      errors: rounds.reduce((n, s) => n + s.errors, 0),
    };
  }

  // ---- memory after all that load
  const mem = rssMb(mock.proc.pid as number);
  log(`bench: RSS after load ${round1(mem.rss)} MB (peak ${round1(mem.peak)} MB)`);

  // ---- reset: the first one clears the bench's thousands of rows; then a QA-style loop of
  // login + reset, timed by the server (its own figure) and by the client (round trip).
  log('bench: reset');
  const firstReset = JSON.parse((await postJson(mock.origin, '/__admin/reset', {})).text) as { ms: number };
  const resetServer: number[] = [];
  const resetTrip: number[] = [];
  const qa = new JourneyClient(mock.origin, HOST);
  for (let r = 0; r < 20; r++) {
    const page = await qa.send('GET', loginPath(`http://${HOST}/cgi-bin/login.pl`));
    await qa.send('POST', formAction(page.body, 'loginForm'), {
      loginForm: 'loginForm',
      'loginForm:loginName': 'researcher',
      'loginForm:password': 'Sandbox!Pacer2026',
      'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
      'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState'),
    });
    const t0 = performance.now();
    const res = await postJson(mock.origin, '/__admin/reset', {});
    resetTrip.push(performance.now() - t0);
    resetServer.push((JSON.parse(res.text) as { ms: number }).ms);
    qa.clearCookies();
  }
  await qa.close();
  await stop(mock);

  // ---- scale: login latency with 100,000 accounts over 100, alternating
  log(`bench: login latency, ${largeN} accounts vs ${smallN}`);
  const small = await start('mock', { DATABASE_PATH: smallDb }, '/csologin/login.jsf');
  const large = await start('mock', { DATABASE_PATH: largeDb }, '/csologin/login.jsf');
  const scaleRound = async (s: Server, accounts: number) => {
    const c = new JourneyClient(s.origin, HOST);
    const lat: number[] = [];
    const deadline = performance.now() + ROUND_MS / 2;
    // Random accounts across the whole table, so the lookups touch the whole index.
    while (performance.now() < deadline) lat.push(await timedLogin(c, `scale${Math.floor(Math.random() * (accounts - 10))}`));
    await c.close();
    return median(lat);
  };
  await scaleRound(small, smallN);
  await scaleRound(large, largeN);
  const scale: { small: number; large: number }[] = [];
  for (let r = 0; r < ROUNDS + 1; r++) {
    const sm = await scaleRound(small, smallN);
    const lg = await scaleRound(large, largeN);
    scale.push({ small: sm, large: lg });
    log(`  round ${r + 1}: ${round2(lg)} ms vs ${round2(sm)} ms`);
  }
  await stop(small);
  await stop(large);
  const scaleSmall = median(scale.map((s) => s.small));
  const scaleLarge = median(scale.map((s) => s.large));
  const scaleRatio = median(scale.map((s) => s.large / s.small));

  // ---- start-up to the first HTTP 200, alternating, each mock on a fresh database file
  log('bench: start-up');
  const startMock: number[] = [];
  const startBare: number[] = [];
  for (let r = 0; r < 5; r++) {
    const m = await start('mock', { DATABASE_PATH: join(tmp, `start${r}.sqlite`) }, '/csologin/login.jsf');
    await stop(m);
    const b = await start('bare', { BARE_BYTES: String(pageBytes) }, '/');
    await stop(b);
    startMock.push(m.startMs);
    startBare.push(b.startMs);
    log(`  round ${r + 1}: mock ${Math.round(m.startMs)} ms, bare ${Math.round(b.startMs)} ms`);
  }
  const startRatio = median(startMock.map((m, i) => m / (startBare[i] as number)));

  // ---- report
  const rows: Row[] = [
    {
      measure: `GET login page (${pageBytes} B), requests/s`,
      value: String(Math.round(getMock)),
      baseline: `${Math.round(getBare)} (bare Fastify, same size)`,
      ratio: String(round2(getRatio)),
      target: 'ratio ≥ 0.5',
      met: getRatio >= 0.5,
    },
    {
      measure: `linking journeys/s (${JOURNEY_CLIENTS} clients, 9 requests each, scrypt cost ${cost})`,
      value: `${Math.round(journeyRate)} (p50 ${round1(journeyP50)} ms, p99 ${round1(journeyP99)} ms${journeyErrors ? `, ${journeyErrors} errors` : ''})`,
      baseline: '',
      ratio: '',
      target: '≥ 200/s',
      met: journeyRate >= 200 && journeyErrors === 0,
    },
    csoAuth
      ? {
          measure: `cso-auth logins/s (${JOURNEY_CLIENTS} clients)`,
          value: `${Math.round(csoAuth.rate)} (p50 ${round1(csoAuth.p50)} ms, p99 ${round1(csoAuth.p99)} ms${csoAuth.errors ? `, ${csoAuth.errors} errors` : ''})`,
          baseline: '',
          ratio: '',
          target: '≥ 1,000/s',
          met: csoAuth.rate >= 1000 && csoAuth.errors === 0,
        }
      : { measure: 'cso-auth logins/s', value: 'n/a (route missing)', baseline: '', ratio: '', target: '≥ 1,000/s', met: null },
    {
      measure: 'start-up to first 200, ms (fresh database)',
      value: String(Math.round(median(startMock))),
      baseline: `${Math.round(median(startBare))} (bare Fastify)`,
      ratio: String(round2(startRatio)),
      target: 'ratio ≤ 1.5',
      met: startRatio <= 1.5,
    },
    {
      measure: 'reset, ms (server-side; median of 20, after a login each)',
      value: `${round2(median(resetServer))} (round trip ${round2(median(resetTrip))}; first reset after load ${round1(firstReset.ms)})`,
      baseline: '',
      ratio: '',
      target: '≤ 10 ms',
      met: median(resetServer) <= 10,
    },
    {
      measure: 'RSS after load, MB',
      value: `${Math.round(mem.rss)} (peak ${Math.round(mem.peak)})`,
      baseline: '',
      ratio: '',
      target: '≤ 150 MB',
      met: mem.rss <= 150,
    },
    {
      measure: `login latency p50, ${largeN.toLocaleString('en-US')} accounts vs ${smallN}, ms`,
      value: String(round2(scaleLarge)),
      baseline: `${round2(scaleSmall)} (${smallN} accounts)`,
      ratio: String(round2(scaleRatio)),
      target: 'ratio ≤ 1.2',
      met: scaleRatio <= 1.2,
    },
  ];

  const when = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, shared with other work`;
  const results = {
    date: new Date().toISOString(),
    machine,
    passwordHashCost: cost,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
    loadGenerator: `undici, in its own process; GET: ${GET_CONNECTIONS} connections × ${GET_PIPELINING} pipelined`,
    lockoutThreshold: config.lockoutThreshold,
    rows,
    raw: {
      get: getRounds.map((r) => ({ mock: round1(r.mock.perSecond), bare: round1(r.bare.perSecond), mockErrors: r.mock.errors, bareErrors: r.bare.errors })),
      journeys: journeyRounds.map((s) => ({ perSecond: round1(s.perSecond), p50: round1(s.p50), p99: round1(s.p99), errors: s.errors, count: s.count })),
      csoAuth,
      startMock: startMock.map(round1),
      startBare: startBare.map(round1),
      resetServerMs: resetServer,
      resetRoundTripMs: resetTrip.map(round2),
      firstResetAfterLoadMs: firstReset.ms,
      rss: mem,
      scale: scale.map((s) => ({ small: round2(s.small), large: round2(s.large) })),
      accountsInsertMs: Math.round(insertMs),
    },
    totalSeconds: Math.round((performance.now() - began) / 1000),
  };
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const table = [
    `Measured ${when} on ${machine}; scrypt cost ${cost}.`,
    '',
    '| measure | mock | baseline (same run) | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met === null ? 'n/a' : r.met ? 'yes' : 'no'} |`),
  ].join('\n');
  process.stdout.write(`\n${table}\n\nbench/results.json written; ${results.totalSeconds} s in all.\n`);
}

async function cleanup(): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void cleanup());
