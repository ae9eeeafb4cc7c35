import type { Repositories } from '../../db/index.js';

/**
 * Many accounts through the account repositories' bulk inserts, for the reliability tests and
 * `npm run bench`: one prepared statement per table in one transaction, every row sharing one
 * precomputed password hash (hashing 100,000 passwords would take minutes and measure nothing we
 * care about).
 */
export interface BulkPacer {
  username: string;
  firstName?: string;
  lastName?: string;
  filer?: boolean;
}

export interface BulkEcf {
  court: string;
  login: string;
  firstName?: string;
  lastName?: string;
}

/** `rows` mapped by `f`, lazily (so 100,000 rows need no array). */
function* map<A, B>(rows: Iterable<A>, f: (a: A) => B): Iterable<B> {
  for (const r of rows) yield f(r);
}

export function insertPacerAccounts(repos: Pick<Repositories, 'pacerAccounts'>, rows: Iterable<BulkPacer>, passwordHash: string, now = Date.now()): number {
  const accounts = map(rows, (r) => ({
    username: r.username,
    passwordHash,
    firstName: r.firstName ?? 'Bench',
    lastName: r.lastName ?? r.username,
    email: `${r.username}@example.invalid`,
    kind: 'individual' as const,
    upgraded: true,
    filer: r.filer ?? false,
    mfaSecret: null,
    mfaBackupCodes: [],
    clientCodeRequired: false,
    status: 'active' as const,
    passwordChangedAt: now,
    createdAt: now,
  }));
  return repos.pacerAccounts.insertMany(accounts).length;
}

export function insertEcfAccounts(repos: Pick<Repositories, 'ecfAccounts'>, rows: Iterable<BulkEcf>, passwordHash: string): number {
  const accounts = map(rows, (r) => ({
    court: r.court,
    login: r.login,
    passwordHash,
    firstName: r.firstName ?? 'Bench',
    lastName: r.lastName ?? r.login,
    barNumber: '',
    email: `${r.login}@example.invalid`,
    linkedPacerAccountId: null,
    linkedAt: null,
  }));
  return repos.ecfAccounts.insertMany(accounts);
}

/** `count` items made by `f(i)`, lazily (so 100,000 rows need no array). */
export function* generate<T>(count: number, f: (i: number) => T): Iterable<T> {
  for (let i = 0; i < count; i++) yield f(i);
}
