import type { Statement } from 'better-sqlite3';
import type { DB } from './database.js';

export type SqlValue = string | number | null;

/**
 * An UPDATE of the fields given, for the control plane's PATCH routes. The column names come only
 * from the repository's own field -> column map, never from the request; one statement per set of
 * fields is prepared on first use and kept.
 */
export function partialUpdate<F extends string>(db: DB, table: string, columns: Record<F, string>) {
  const statements = new Map<string, Statement<SqlValue[]>>();
  return (id: number, values: Partial<Record<F, SqlValue>>): boolean => {
    const fields = (Object.keys(values) as F[]).filter((f) => values[f] !== undefined);
    if (fields.length === 0) return false;
    const key = fields.join(',');
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare<SqlValue[]>(`UPDATE ${table} SET ${fields.map((f) => `${columns[f]} = ?`).join(', ')} WHERE id = ?`);
      statements.set(key, statement);
    }
    return statement.run(...fields.map((f) => values[f] ?? null), id).changes === 1;
  };
}
