import type { DB } from '../../db/database.js';

/**
 * Many accounts straight into the database, for the reliability tests and `npm run bench`: one
 * prepared statement per table in one transaction, every row sharing one precomputed password hash
 * (hashing 100,000 passwords would take minutes and measure nothing we care about).
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

export function insertPacerAccounts(db: DB, rows: Iterable<BulkPacer>, passwordHash: string, now = Date.now()): number {
  const insert = db.prepare(
    `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer,
       password_changed_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'individual', 1, ?, ?, ?)`,
  );
  return db.transaction(() => {
    let n = 0;
    for (const r of rows) {
      insert.run(r.username, passwordHash, r.firstName ?? 'Bench', r.lastName ?? r.username, `${r.username}@example.invalid`, r.filer ? 1 : 0, now, now);
      n++;
    }
    return n;
  })();
}

export function insertEcfAccounts(db: DB, rows: Iterable<BulkEcf>, passwordHash: string): number {
  const insert = db.prepare(
    `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email)
     VALUES (?, ?, ?, ?, ?, '', ?)`,
  );
  return db.transaction(() => {
    let n = 0;
    for (const r of rows) {
      insert.run(r.court, r.login, passwordHash, r.firstName ?? 'Bench', r.lastName ?? r.login, `${r.login}@example.invalid`);
      n++;
    }
    return n;
  })();
}

/** `count` items made by `f(i)`, lazily (so 100,000 rows need no array). */
export function* generate<T>(count: number, f: (i: number) => T): Iterable<T> {
  for (let i = 0; i < count; i++) yield f(i);
}
