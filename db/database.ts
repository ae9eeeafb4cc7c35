import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS_DIR } from '../server/paths.js';

export type DB = Database.Database;

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date.
 * Migrations are db/migrations/NNN-name.sql, applied in order, forward only; the number of the
 * last one applied is kept in PRAGMA user_version.
 */
export function openDatabase(path: string): DB {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * A counter per open database, moved by every write to data that is kept in memory or rendered
 * once and kept: the courts (the courts repository's list; written by the seeder, at first start
 * and reset) and the court records (cases, parties, attorneys and their links, docket entries,
 * documents: the docket report cache). Each repository that writes those tables moves it in its
 * own write methods, so no caller can forget; a new write method there must do the same. Caches
 * compare it instead of asking SQLite, which costs several system calls per statement (WAL locks).
 * It is this process's count: a write by another process to the same file is not seen (none
 * writes those tables today: the trainer CLI writes accounts and classes only).
 */
const generations = new WeakMap<DB, number>();
export function dataGeneration(db: DB): number {
  return generations.get(db) ?? 0;
}
export function bumpDataGeneration(db: DB): void {
  generations.set(db, dataGeneration(db) + 1);
}

export function migrate(db: DB): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort();
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
