import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createRepositories } from '../../db/index.js';
import { createSeeder, loadSeedFile, BUILT_IN_SEED } from '../../seeds/seed.js';

function fresh() {
  const repos = createRepositories(openDatabase(':memory:'));
  createSeeder(loadSeedFile(BUILT_IN_SEED), 4).seedIfEmpty(repos, 1_000);
  return repos;
}

describe('sessions housekeeping', () => {
  it('forgets sessions and abandoned logins only once they are old enough', () => {
    const repos = fresh();
    const id = repos.pacerAccounts.byUsername('researcher')?.id ?? 0;
    repos.sessions.create({ token: 'a'.repeat(128), pacerAccountId: id, clientCode: '', createdAt: 0, expiresAt: 10_000 });
    repos.sessions.create({ token: 'b'.repeat(128), pacerAccountId: id, clientCode: '', createdAt: 0, expiresAt: 99_000 });
    repos.sessions.end('b'.repeat(128), 5_000);
    repos.sessions.create({ token: 'c'.repeat(128), pacerAccountId: id, clientCode: '', createdAt: 0, expiresAt: 99_000 });
    expect(repos.sessions.purgeBefore(4_000)).toBe(0);
    expect(repos.sessions.purgeBefore(11_000)).toBe(2);
    expect(repos.sessions.get('c'.repeat(128))).toBeDefined();
    expect(repos.sessions.active('c'.repeat(128), 50_000)).toBeDefined();
    expect(repos.sessions.active('c'.repeat(128), 99_000)).toBeUndefined();

    repos.sessions.putPending({ jsessionid: 'J1', pacerAccountId: id, step: 'redaction', clientCode: '', pscCourtId: 'FLSDC', appUrl: '', createdAt: 100 });
    expect(repos.sessions.purgePendingBefore(100)).toBe(0);
    expect(repos.sessions.purgePendingBefore(101)).toBe(1);
  });
});

describe('migrations', () => {
  it('brings a new database to the latest version and is idempotent', () => {
    const db = openDatabase(':memory:');
    const version = db.pragma('user_version', { simple: true });
    expect(version).toBeGreaterThanOrEqual(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ecf_accounts'").get()).toBeDefined();
  });
});
