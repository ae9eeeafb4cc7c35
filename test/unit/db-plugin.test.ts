import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile, type Seeder } from '../../seeds/seed.js';
import { ConfigError } from '../../server/config.js';
import dbPlugin, { type DbOptions } from '../../server/plugins/db.js';
import { tempDir } from '../support/temp.js';

/** The db plugin alone on a bare instance, as the trainer CLI uses it. */
let seeder: Seeder | undefined;
const apps: FastifyInstance[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const app of apps.splice(0)) await app.close();
});

async function start(opts: Partial<DbOptions> & { path: string }) {
  seeder ??= createSeeder(loadSeedFile(BUILT_IN_SEED), 4);
  const made = { seeders: 0 };
  const app = Fastify({ logger: false });
  apps.push(app);
  await app.register(dbPlugin, {
    seeder: () => {
      made.seeders++;
      return seeder as Seeder;
    },
    defaultCourt: 'flsd',
    now: () => 1_000,
    pendingLoginMaxAgeMs: null,
    ...opts,
  });
  await app.ready();
  return { app, made };
}

describe('the db plugin', () => {
  it('creates, seeds and closes the file it opened; a second start finds it seeded', async () => {
    const path = join(tempDir('db-plugin'), 'sub', 'mock.sqlite');
    const first = await start({ path });
    expect(first.made.seeders).toBe(1);
    expect(first.app.repos.courts.list().map((c) => c.code)).toEqual(['flsb', 'flsd', 'nysd']);
    await first.app.close();
    // Closed: a repository call on its handle fails, and SQLite has folded the WAL back into the file.
    expect(() => first.app.repos.pacerAccounts.byUsername('jattorney')).toThrow(/not open/);
    expect(existsSync(`${path}-wal`)).toBe(false);

    const second = await start({ path });
    expect(second.made.seeders).toBe(0);
    expect(second.app.repos.pacerAccounts.byUsername('jattorney')?.firstName).toBe('John');
  });

  it('leaves a handle it was given open', async () => {
    const db = openDatabase(':memory:');
    const { app } = await start({ path: 'unused', db });
    await app.close();
    expect(db.open).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM courts').get()).toEqual({ n: 3 });
    db.close();
  });

  it('refuses a DEFAULT_COURT that is not seeded, and closes the file it opened', async () => {
    const path = join(tempDir('db-plugin'), 'mock.sqlite');
    const refused = start({ path, defaultCourt: 'cacd' });
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow('DEFAULT_COURT: "cacd" is not a seeded court; expected one of flsb, flsd, nysd');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('does not check the court where none is served (the CLI), and leaves a given handle open when it refuses', async () => {
    const db = openDatabase(':memory:');
    await expect(start({ path: 'unused', db, defaultCourt: 'cacd' })).rejects.toThrow(ConfigError);
    expect(db.open).toBe(true);
    const { app } = await start({ path: 'unused', db, defaultCourt: null });
    expect(app.repos.courts.byCode('cacd')).toBeUndefined();
    db.close();
  });

  it('purges abandoned logins and old sessions every minute while the app runs', async () => {
    vi.useFakeTimers();
    let now = 1_000_000_000;
    const db = openDatabase(':memory:');
    const { app } = await start({ path: 'unused', db, now: () => now, pendingLoginMaxAgeMs: 15 * 60_000 });
    const id = app.repos.pacerAccounts.byUsername('researcher')?.id ?? -1;
    app.repos.sessions.putPending({ jsessionid: 'J1', pacerAccountId: id, step: 'redaction', clientCode: '', pscCourtId: 'FLSDC', appUrl: '', createdAt: now });
    app.repos.sessions.create({ token: 'a'.repeat(128), pacerAccountId: id, clientCode: '', createdAt: now, expiresAt: now + 1000 });

    now += 15 * 60_000 + 1;
    vi.advanceTimersByTime(60_000);
    expect(app.repos.sessions.getPending('J1')).toBeUndefined();
    expect(app.repos.sessions.get('a'.repeat(128))).toBeDefined();

    now += 24 * 3600_000;
    vi.advanceTimersByTime(60_000);
    expect(app.repos.sessions.get('a'.repeat(128))).toBeUndefined();
    await app.close();
    db.close();
  });

  it('hands the seeder repositories it can reset through', async () => {
    const db = openDatabase(':memory:');
    const { app } = await start({ path: 'unused', db });
    const id = app.repos.pacerAccounts.byUsername('jattorney')?.id ?? -1;
    const ecf = app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.id ?? -1;
    expect(app.repos.ecfAccounts.link(ecf, id, 2_000)).toBe(true);
    (seeder as Seeder).reset(app.repos, 3_000);
    expect(app.repos.ecfAccounts.byLogin('flsd', 'attytest4')?.linkedPacerAccountId).toBeNull();
    await app.close();
    db.close();
  });
});
