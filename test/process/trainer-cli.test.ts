import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runCli } from '../../server/cli/main.js';
import { passwordProblems } from '../../server/domain/password-rules.js';
import { traineeIdentity, traineePassword } from '../../server/domain/trainee-credentials.js';
import { makeApp, serve } from '../support/app.js';
import { linkAccount, logIn } from '../support/journey.js';
import { tempDir } from '../support/temp.js';

/**
 * The trainer CLI on a database file, then the server on the same file: a trainee from the
 * printed list walks the linking journey over HTTP; status, reset and the admin reset follow.
 */
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function fakeStream() {
  let text = '';
  const stream = { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

async function cli(env: Record<string, string>, ...args: string[]) {
  const out = fakeStream();
  const err = fakeStream();
  const code = await runCli(args, { stdout: out.stream, stderr: err.stream, env });
  return { code, out: out.text(), err: err.text() };
}

function csvRows(text: string): Record<string, string>[] {
  const [head, ...rows] = text.trim().split('\r\n');
  const keys = (head ?? '').split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i] ?? '', v])));
}

describe('trainer CLI', () => {
  it('makes N logins that are unlinked, and one of them completes the linking journey', async () => {
    const dir = tempDir('class');
    const env = { DATABASE_PATH: join(dir, 'mock-pacer.sqlite') };
    const csv = join(dir, 'logins.csv');
    const cards = join(dir, 'cards.html');

    const made = await cli(env, 'class', 'create', 'mar26', '--count', '12', '--court', 'nysd', '--csv', csv, '--cards', cards, '--url', 'http://training.local:8080/');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^# +PACER username +PACER password +court +CM\/ECF login +CM\/ECF password\n/);
    expect(made.out).toContain('mar26-01');
    expect(made.out).toContain('mar26ecf12');
    // Plain progress lines when stderr is not a terminal.
    expect(made.err).toContain('class mar26: making 12 logins: 12/12 (100%)');
    expect(made.err).toContain('class mar26: 12 trainees at NYSD (Southern District of New York), none linked yet');

    const rows = csvRows(readFileSync(csv, 'utf8'));
    expect(rows).toHaveLength(12);
    expect(rows[6]).toMatchObject({ class: 'mar26', number: '7', court: 'nysd', pacer_username: 'mar26-07', ecf_login: 'mar26ecf07', linked_at: '' });
    for (const r of rows) {
      const user = { username: r['pacer_username'] ?? '', firstName: 'Trainee', lastName: (r['pacer_username'] ?? '').slice(-2), email: `${r['pacer_username']}@training.example` };
      expect(passwordProblems(r['pacer_password'] ?? '', user)).toEqual([]);
      expect(passwordProblems(r['ecf_password'] ?? '', { ...user, username: r['ecf_login'] ?? '' })).toEqual([]);
    }
    const html = readFileSync(cards, 'utf8');
    expect(html.match(/<section class="card">/g)).toHaveLength(12);
    expect(html).toContain('mar26-07');
    expect(html).toContain(rows[6]?.['pacer_password']);
    expect(html).toContain('http://training.local:8080/');
    expect(html).toContain('page-break-inside: avoid');
    expect(html).not.toMatch(/<link|<script|https?:\/\/(?!training\.local)/);

    // The server on the same file: trainee 7 logs in (NYSD court host) and links.
    app = await makeApp({ databasePath: env.DATABASE_PATH });
    const { port, browser } = await serve(app);
    // Real court names share the CSO cookies (Domain=.uscourts.gov); the Browser sends them to 127.0.0.1.
    const nysd = `http://ecf.nysd.uscourts.gov:${port}`;
    const t7 = rows[6] ?? {};
    const b = browser();
    const landed = await logIn(b, `${nysd}/cgi-bin/login.pl`, t7['pacer_username'] ?? '', { password: t7['pacer_password'] ?? '' });
    expect(landed.body).toContain('/cgi-bin/login.pl?logout');
    const { confirm, result } = await linkAccount(b, nysd, t7['ecf_login'] ?? '', t7['ecf_password']);
    expect(confirm.body).toContain('Do you want to link these accounts?');
    expect(result.body).toContain('The CM/ECF account for Trainee 07 is now linked to your CSO account.');

    // Who has linked, from the CLI, while the server holds the same database open.
    const status = await cli(env, 'class', 'status', 'mar26');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/7 +mar26-07 +mar26ecf07 +yes, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(status.out).toMatch(/6 +mar26-06 +mar26ecf06 +no/);
    expect(status.out).toContain('1 of 12 trainees have linked.');
    expect(status.out).not.toContain(t7['pacer_password']);

    // The control plane's reset keeps the class, back to unlinked.
    const reset = (await app.inject({ method: 'POST', url: '/__admin/reset' })).json();
    expect(reset.traineesKept).toBe(12);
    expect((await cli(env, 'class', 'status', 'mar26')).out).toContain('0 of 12 trainees have linked.');
    const again = browser();
    await logIn(again, `${nysd}/cgi-bin/login.pl`, t7['pacer_username'] ?? '', { password: t7['pacer_password'] ?? '' });
    expect((await linkAccount(again, nysd, t7['ecf_login'] ?? '', t7['ecf_password'])).result.body).toContain('is now linked');

    // Resetting one trainee unlinks them and ends their session.
    const one = await cli(env, 'class', 'reset', 'mar26', '--trainee', 'mar26-07');
    expect(one).toMatchObject({ code: 0, out: 'class mar26: 1 trainee back to unlinked (sessions ended, lockouts cleared)\n' });
    expect((await again.get(`${nysd}/cgi-bin/login.pl`)).body).toContain('id="cso-login-link"');
    expect((await cli(env, 'class', 'status', 'mar26')).out).toContain('0 of 12 trainees have linked.');
  });

  it('explains bad usage in one line and exits 2', async () => {
    const dir = tempDir('class');
    const env = { DATABASE_PATH: join(dir, 'db.sqlite') };
    expect(await cli(env, 'class', 'create', 'Bad Name', '--count', '3')).toMatchObject({
      code: 2,
      err: 'mock-pacer: class name "Bad Name" is not accepted; expected 2-12 lower-case letters and digits, starting with a letter (e.g. mar26)\n(see mock-pacer --help)\n',
    });
    expect((await cli(env, 'class', 'create', 'abc', '--count', 'many')).err).toContain('--count must be a whole number from 1 to 5000');
    expect((await cli(env, 'class', 'create', 'abc', '--count', '2', '--court', 'zzz')).err).toContain('--court "zzz" is not a court here; courts: flsb, flsd, nysd');
    expect(await cli(env, 'class', 'status', 'nope')).toMatchObject({ code: 1, err: 'mock-pacer: there is no class "nope"\n' });
    expect((await cli({ DATABASE_PATH: ':memory:' }, 'class', 'list')).err).toContain('DATABASE_PATH: ":memory:" is not accepted here');
    expect((await cli({ ...env, PASSWORD_HASH_COST: 'x' }, 'class', 'list')).err).toBe(
      'mock-pacer: PASSWORD_HASH_COST: "x" is not accepted; expected a whole number 4-20 (scrypt N = 2^cost)\n',
    );
    const help = await cli(env, '--help');
    expect(help.code).toBe(0);
    for (const c of ['class create', 'class show', 'class status', 'class reset', 'class delete', 'class list']) expect(help.out).toContain(`mock-pacer ${c}`);
    // A class name that is taken stays untouched.
    expect((await cli(env, 'class', 'create', 'abc', '--count', '2')).code).toBe(0);
    expect(await cli(env, 'class', 'create', 'abc', '--count', '2')).toMatchObject({ code: 1, err: expect.stringContaining('a class named "abc" already exists') });
    expect((await cli(env, 'class', 'delete', 'abc')).out).toBe("class abc: deleted with its 2 trainees' accounts\n");
    expect((await cli(env, 'class', 'list')).out).toContain('No training classes.');
  });
});

describe('trainee credentials', () => {
  it('names trainees by class and number, padded to the class size', () => {
    expect(traineeIdentity('mar26', 7, 20)).toMatchObject({ pacerUsername: 'mar26-07', ecfLogin: 'mar26ecf07', firstName: 'Trainee', lastName: '07' });
    expect(traineeIdentity('big', 7, 1000)).toMatchObject({ pacerUsername: 'big-0007', ecfLogin: 'bigecf0007' });
  });

  it('makes passwords that meet the 2025 standard, avoiding words from the owner', () => {
    const user = { username: 'river-07', firstName: 'Trainee', lastName: '07', email: 'river-07@training.example' };
    const made = Array.from({ length: 300 }, () => traineePassword(user));
    for (const p of made) {
      expect(passwordProblems(p, user)).toEqual([]);
      expect(p).toMatch(/^[A-Z][a-z]+-[A-Z][a-z]+-\d{4}[!#$%&*?@]$/);
    }
    // "River" is one of the words, but never for an owner whose username contains it.
    expect(made.some((p) => /river/i.test(p))).toBe(false);
  });
});
