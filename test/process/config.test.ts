import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { ConfigError, SETTINGS, helpText, loadConfig, testConfig } from '../../server/config.js';
import { makeApp } from '../support/app.js';
import { spawnServer } from '../support/spawn.js';
import { tempSeedFile } from '../support/temp.js';

/** Settings are checked at start: a bad value stops the start with one line naming it. */
describe('configuration', () => {
  it('has every setting the issue names, each with a default that loads', () => {
    const names = SETTINGS.map((s) => s.name);
    for (const n of ['PORT', 'HOST', 'DATABASE_PATH', 'DEFAULT_COURT', 'SEED_FILE', 'ADMIN_TOKEN', 'LOCKOUT_THRESHOLD', 'LOCKOUT_SECONDS', 'SESSION_TTL', 'LOG_LEVEL', 'PASSWORD_HASH_COST']) {
      expect(names).toContain(n);
    }
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
  });

  it.each([
    ['PORT', 'notaport', /PORT: "notaport" is not accepted; expected a TCP port/],
    ['PORT', '70000', /PORT: "70000"/],
    ['LOCKOUT_THRESHOLD', '0', /LOCKOUT_THRESHOLD: "0" is not accepted; expected a whole number, 1-1000/],
    ['SESSION_TTL', '5', /SESSION_TTL: "5"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: "loud" is not accepted; expected fatal, error, warn, info, debug, trace, silent/],
    ['PASSWORD_HASH_COST', '30', /PASSWORD_HASH_COST: "30"/],
    ['ADMIN_TOKEN', 'short', /ADMIN_TOKEN: "short" is not accepted; expected any string of 16 or more characters/],
    ['DEFAULT_COURT', 'Not A Court', /DEFAULT_COURT: "Not A Court"/],
  ])('%s=%s is refused with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('refuses a DEFAULT_COURT that is well formed but not seeded, listing the seeded courts', async () => {
    await expect(buildApp(testConfig({ defaultCourt: 'cacd' }))).rejects.toThrow(
      'DEFAULT_COURT: "cacd" is not a seeded court; expected one of flsb, flsd, nysd',
    );
  });

  it('stops a real start with one clear line and exit code 2 (PORT=notaport)', async () => {
    const p = spawnServer({ PORT: 'notaport' });
    const { code } = await p.exit;
    expect(code).toBe(2);
    expect(p.stderr()).toBe(
      'mock-pacer: cannot start: PORT: "notaport" is not accepted; expected a TCP port, 0-65535 (0 picks a free one)\n',
    );
  });

  it('--help prints every setting with what it accepts and its default', async () => {
    const p = spawnServer({}, ['--help']);
    expect((await p.exit).code).toBe(0);
    for (const s of SETTINGS) {
      expect(p.stdout()).toContain(s.name);
      expect(p.stdout()).toContain(`accepts ${s.accepts}`);
    }
    expect(p.stdout()).toBe(`${helpText()}\n`);
  });

  it('a bad seed file stops the start naming the file, the entry and the field', async () => {
    const { dir, file } = tempSeedFile('bad-seed.json', {
      courts: [{ code: 'flsd', name: 'Southern District of Florida' }],
      pacerAccounts: [
        { username: 'ok1', password: 'Sandbox!Pacer2026', firstName: 'A', lastName: 'B' },
        { username: 'bad2', password: 'Sandbox!Pacer2026', firstName: 'C', lastName: 'D', status: 'sleeping' },
      ],
    });
    const p = spawnServer({ SEED_FILE: file, DATABASE_PATH: join(dir, 'db.sqlite') });
    expect((await p.exit).code).toBe(2);
    expect(p.stderr()).toBe(
      `mock-pacer: cannot start: bad seed file: ${file}: pacerAccounts[1]: field "status" must be one of "active", "inactive", "disabled"\n`,
    );
  });

  it("SEED_FILE loads an operator's own courts and personas, also on reset", async () => {
    const { file } = tempSeedFile('my-seed.json', {
      courts: [{ code: 'cacd', name: 'Central District of California' }],
      pacerAccounts: [{ username: 'opsuser', password: 'Ops!Password-2026', firstName: 'Olive', lastName: 'Ops', filer: true }],
      ecfAccounts: [{ court: 'cacd', login: 'oo1234', password: 'Ops!Court-2026', firstName: 'Olive', lastName: 'Ops' }],
    });
    const app = await makeApp({ seedFile: file, defaultCourt: 'cacd' });
    try {
      const courts = (await app.inject({ method: 'GET', url: '/__admin/courts' })).json();
      expect(courts).toEqual({ defaultCourt: 'cacd', courts: [expect.objectContaining({ code: 'cacd', pscCourtId: 'CACDC', title: 'CM/ECF - Live Database - cacd' })] });
      await app.inject({ method: 'DELETE', url: '/__admin/accounts/pacer/opsuser' });
      await app.inject({ method: 'POST', url: '/__admin/reset' });
      const users = (await app.inject({ method: 'GET', url: '/__admin/accounts/pacer' })).json().accounts;
      expect(users.map((u: { username: string }) => u.username)).toEqual(['opsuser']);
    } finally {
      await app.close();
    }
  });
});
