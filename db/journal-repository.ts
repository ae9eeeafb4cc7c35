import type { DB } from './database.js';

export interface JournalEntry {
  id: number;
  at: number;
  actor: string;
  host: string;
  action: string;
  outcome: string;
  detail: string;
}

export interface JournalFilter {
  actor?: string;
  action?: string;
  since?: number;
  until?: number;
  limit?: number;
}

export function createJournalRepository(db: DB) {
  const insert = db.prepare<[number, string, string, string, string, string]>(
    'INSERT INTO journal (at, actor, host, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const clear = db.prepare('DELETE FROM journal');
  return {
    /** Every entry (the seeder's reset). */
    clear: () => clear.run().changes,
    add: (e: Omit<JournalEntry, 'id'>) => insert.run(e.at, e.actor, e.host, e.action, e.outcome, e.detail),
    list: (f: JournalFilter = {}): JournalEntry[] => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (f.actor !== undefined) {
        where.push('actor = ? COLLATE NOCASE');
        args.push(f.actor);
      }
      // "login.*" matches every action under login.; anything else matches exactly.
      if (f.action !== undefined && f.action.endsWith('*')) {
        where.push("action LIKE ? ESCAPE '\\'");
        args.push(`${f.action.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
      } else if (f.action !== undefined) {
        where.push('action = ?');
        args.push(f.action);
      }
      if (f.since !== undefined) {
        where.push('at >= ?');
        args.push(f.since);
      }
      if (f.until !== undefined) {
        where.push('at <= ?');
        args.push(f.until);
      }
      const sql = `SELECT * FROM journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      args.push(Math.min(Math.max(f.limit ?? 100, 1), 10_000));
      return db.prepare<(string | number)[], JournalEntry>(sql).all(...args);
    },
  };
}
export type JournalRepository = ReturnType<typeof createJournalRepository>;
