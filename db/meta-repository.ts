import type { DB } from './database.js';

/**
 * Per-instance settings kept in the database (the `meta` table), so they survive a restart:
 * today only the signing key behind ViewStates and form tokens.
 */
export function createMetaRepository(db: DB) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  // OR IGNORE: two processes starting on one new file (server and trainer CLI) keep one value.
  const insert = db.prepare<[string, string]>('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');

  /** The value under `key`; when there is none yet, `make()`'s is stored first. */
  const getOrCreate = (key: string, make: () => string): string =>
    db.transaction(() => {
      const row = get.get(key);
      if (row) return row.value;
      const value = make();
      insert.run(key, value);
      return get.get(key)?.value ?? value;
    })();

  return { getOrCreate };
}
export type MetaRepository = ReturnType<typeof createMetaRepository>;
