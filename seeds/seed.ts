import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bumpDataGeneration, type DB } from '../db/database.js';
import { hashPassword } from '../server/domain/passwords.js';
import { SEEDS_DIR } from '../server/paths.js';
import { insertSeedCases, parseSeedCases, type SeedCase } from './seed-cases.js';

/**
 * The seed format (documented in the README): courts, PACER accounts and CM/ECF accounts as data.
 * Passwords are plain text here on purpose: they are sandbox credentials handed to users.
 */
export interface SeedCourt {
  code: string;
  name: string;
  kind: 'district' | 'bankruptcy';
  pscCourtId: string;
  title: string;
}

export interface SeedPacerAccount {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  kind: 'individual' | 'shared';
  upgraded: boolean;
  filer: boolean;
  mfaSecret: string | null;
  mfaBackupCodes: string[];
  clientCodeRequired: boolean;
  status: 'active' | 'inactive' | 'disabled';
}

export interface SeedEcfAccount {
  court: string;
  login: string;
  password: string;
  firstName: string;
  lastName: string;
  barNumber: string;
  email: string;
  linkedTo: string | null;
}

export interface Seed {
  courts: SeedCourt[];
  pacerAccounts: SeedPacerAccount[];
  ecfAccounts: SeedEcfAccount[];
  cases: SeedCase[];
}

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${entry}: field "${field}" ${problem}`);
    this.name = 'SeedError';
  }
}

export const BUILT_IN_SEED = join(SEEDS_DIR, 'sandbox.json');

/** Fidelity: pscCourtId is the host code upper-cased plus C (district) or K (bankruptcy). */
export function pscCourtIdFor(code: string, kind: 'district' | 'bankruptcy'): string {
  return code.toUpperCase() + (kind === 'bankruptcy' ? 'K' : 'C');
}

type Obj = Record<string, unknown>;

class Reader {
  constructor(
    private readonly file: string,
    private readonly entry: string,
    private readonly o: Obj,
  ) {}

  fail(field: string, problem: string): never {
    throw new SeedError(this.file, this.entry, field, problem);
  }

  str(field: string, opts: { optional?: string; pattern?: RegExp; max?: number; describe?: string } = {}): string {
    const v = this.o[field];
    if (v === undefined && opts.optional !== undefined) return opts.optional;
    if (typeof v !== 'string' || v.length === 0) this.fail(field, 'is required and must be a non-empty string');
    if (opts.max !== undefined && v.length > opts.max) this.fail(field, `must be at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(v)) this.fail(field, `must be ${opts.describe ?? `like ${opts.pattern}`}`);
    return v;
  }

  bool(field: string, dflt: boolean): boolean {
    const v = this.o[field];
    if (v === undefined) return dflt;
    if (typeof v !== 'boolean') this.fail(field, 'must be true or false');
    return v;
  }

  oneOf<T extends string>(field: string, values: readonly T[], dflt: T): T {
    const v = this.o[field];
    if (v === undefined) return dflt;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.fail(field, `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
    }
    return v as T;
  }
}

function list(file: string, root: Obj, key: string): Obj[] {
  const v = root[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new SeedError(file, 'top level', key, 'must be an array');
  v.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      throw new SeedError(file, `${key}[${i}]`, '(entry)', 'must be an object');
    }
  });
  return v as Obj[];
}

/** Validates parsed JSON into a Seed; every problem names the file, the entry and the field. */
export function parseSeed(data: unknown, file: string): Seed {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SeedError(file, 'top level', '(document)', 'must be a JSON object with courts, pacerAccounts, ecfAccounts');
  }
  const root = data as Obj;
  const courts = list(file, root, 'courts').map((o, i) => {
    const r = new Reader(file, `courts[${i}]`, o);
    const code = r.str('code', { pattern: /^[a-z]{2,8}$/, describe: '2-8 lower-case letters (the CM/ECF host code)' });
    const kind = r.oneOf('kind', ['district', 'bankruptcy'] as const, 'district');
    return {
      code,
      name: r.str('name', { max: 200 }),
      kind,
      pscCourtId: r.str('pscCourtId', { optional: pscCourtIdFor(code, kind), pattern: /^[A-Z]{3,10}$/, describe: 'upper-case letters' }),
      title: r.str('title', { optional: `CM/ECF - Live Database - ${code}`, max: 200 }),
    };
  });
  if (courts.length === 0) throw new SeedError(file, 'top level', 'courts', 'must list at least one court');
  const courtCodes = new Set<string>();
  courts.forEach((c, i) => {
    if (courtCodes.has(c.code)) throw new SeedError(file, `courts[${i}]`, 'code', `repeats "${c.code}"`);
    courtCodes.add(c.code);
  });

  const usernames = new Set<string>();
  const pacerAccounts = list(file, root, 'pacerAccounts').map((o, i) => {
    const r = new Reader(file, `pacerAccounts[${i}]`, o);
    const username = r.str('username', { pattern: /^[A-Za-z0-9._@-]{1,64}$/, describe: '1-64 letters, digits or . _ @ -' });
    if (usernames.has(username.toLowerCase())) r.fail('username', `repeats "${username}" (usernames are not case sensitive)`);
    usernames.add(username.toLowerCase());
    const codes = o['mfaBackupCodes'];
    if (codes !== undefined && (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string' && /^\d{6,10}$/.test(c)))) {
      r.fail('mfaBackupCodes', 'must be an array of 6-10 digit strings');
    }
    return {
      username,
      password: r.str('password', { max: 128 }),
      firstName: r.str('firstName', { max: 100 }),
      lastName: r.str('lastName', { max: 100 }),
      email: r.str('email', { optional: '', max: 200 }),
      kind: r.oneOf('kind', ['individual', 'shared'] as const, 'individual'),
      upgraded: r.bool('upgraded', true),
      filer: r.bool('filer', false),
      mfaSecret: r.str('mfaSecret', { optional: '', pattern: /^[A-Z2-7]{16,64}$/, describe: 'a base32 secret (A-Z, 2-7), 16-64 characters' }) || null,
      mfaBackupCodes: (codes as string[] | undefined) ?? [],
      clientCodeRequired: r.bool('clientCodeRequired', false),
      status: r.oneOf('status', ['active', 'inactive', 'disabled'] as const, 'active'),
    };
  });

  const ecfLogins = new Set<string>();
  const linkedPerCourt = new Set<string>();
  const ecfAccounts = list(file, root, 'ecfAccounts').map((o, i) => {
    const r = new Reader(file, `ecfAccounts[${i}]`, o);
    const court = r.str('court');
    if (!courtCodes.has(court)) r.fail('court', `names "${court}", which is not in courts`);
    const login = r.str('login', { max: 64, pattern: /^\S+$/, describe: 'without spaces' });
    if (ecfLogins.has(`${court}\u0000${login}`)) r.fail('login', `repeats "${login}" at ${court}`);
    ecfLogins.add(`${court}\u0000${login}`);
    const linkedTo = r.str('linkedTo', { optional: '' }) || null;
    if (linkedTo !== null) {
      if (!usernames.has(linkedTo.toLowerCase())) r.fail('linkedTo', `names "${linkedTo}", which is not in pacerAccounts`);
      const key = `${court}\u0000${linkedTo.toLowerCase()}`;
      if (linkedPerCourt.has(key)) r.fail('linkedTo', `links "${linkedTo}" a second time at ${court} (one link per court)`);
      linkedPerCourt.add(key);
    }
    return {
      court,
      login,
      password: r.str('password', { max: 128 }),
      firstName: r.str('firstName', { max: 100 }),
      lastName: r.str('lastName', { max: 100 }),
      barNumber: r.str('barNumber', { optional: '', max: 40 }),
      email: r.str('email', { optional: '', max: 200 }),
      linkedTo,
    };
  });
  const cases = parseSeedCases(root['cases'], courtCodes, (entry, field, problem) => {
    throw new SeedError(file, entry, field, problem);
  });
  return { courts, pacerAccounts, ecfAccounts, cases };
}

export function loadSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SeedError(file, 'file', '(file)', `cannot be read: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SeedError(file, 'file', '(document)', `is not valid JSON: ${(err as Error).message}`);
  }
  return parseSeed(data, file);
}

export interface Seeder {
  readonly seed: Seed;
  /** Replaces every account, court, session, link and record with the seed state, in one transaction. */
  reset(db: DB, now: number): void;
  /** Seeds only when the database has no courts yet (first start). Returns whether it seeded. */
  seedIfEmpty(db: DB, now: number): boolean;
}

/**
 * Hashes the seed's passwords once per process, so a reset is a handful of inserts and costs
 * milliseconds, not a round of scrypt.
 */
export function createSeeder(seed: Seed, hashCost: number): Seeder {
  // Every account its own salt, even where the seed repeats a password.
  const pacerHashes = seed.pacerAccounts.map((a) => hashPassword(a.password, hashCost));
  const ecfHashes = seed.ecfAccounts.map((a) => hashPassword(a.password, hashCost));

  function insertAll(db: DB, now: number): void {
    const court = db.prepare('INSERT INTO courts (code, psc_court_id, name, title, kind) VALUES (?, ?, ?, ?, ?)');
    for (const c of seed.courts) court.run(c.code, c.pscCourtId, c.name, c.title, c.kind);
    const pacer = db.prepare(
      `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer,
         mfa_secret, mfa_backup_codes, client_code_required, status, password_changed_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids = new Map<string, number | bigint>();
    seed.pacerAccounts.forEach((a, i) => {
      const r = pacer.run(a.username, pacerHashes[i], a.firstName, a.lastName, a.email, a.kind, a.upgraded ? 1 : 0,
        a.filer ? 1 : 0, a.mfaSecret, JSON.stringify(a.mfaBackupCodes), a.clientCodeRequired ? 1 : 0, a.status, now, now);
      ids.set(a.username.toLowerCase(), r.lastInsertRowid);
    });
    const ecf = db.prepare(
      `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email,
         linked_pacer_account_id, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    seed.ecfAccounts.forEach((a, i) => {
      const linked = a.linkedTo ? (ids.get(a.linkedTo.toLowerCase()) ?? null) : null;
      ecf.run(a.court, a.login, ecfHashes[i], a.firstName, a.lastName, a.barNumber, a.email, linked, linked ? now : null);
    });
    insertSeedCases(db, seed.cases);
  }

  const TABLES = ['billing', 'outbox', 'journal', 'pending_logins', 'sessions', 'ecf_accounts', 'pacer_accounts', 'courts'];

  return {
    seed,
    reset(db, now) {
      try {
        db.transaction(() => {
          for (const t of TABLES) db.prepare(`DELETE FROM ${t}`).run();
          insertAll(db, now);
        })();
      } finally {
        bumpDataGeneration(db); // the courts may have changed: in-memory copies reload
      }
    },
    seedIfEmpty(db, now) {
      try {
        return db.transaction(() => {
          const row = db.prepare('SELECT COUNT(*) AS n FROM courts').get() as { n: number };
          if (row.n > 0) return false;
          insertAll(db, now);
          return true;
        })();
      } finally {
        bumpDataGeneration(db);
      }
    },
  };
}
