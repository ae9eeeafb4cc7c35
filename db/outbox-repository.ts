import type { DB } from './database.js';

export interface OutboxMessage {
  id: number;
  at: number;
  to: string;
  subject: string;
  body: string;
}

export function createOutboxRepository(db: DB) {
  const insert = db.prepare<[number, string, string, string]>(
    'INSERT INTO outbox (at, to_addr, subject, body) VALUES (?, ?, ?, ?)',
  );
  const list = db.prepare<[number], OutboxMessage>(
    'SELECT id, at, to_addr AS "to", subject, body FROM outbox ORDER BY id DESC LIMIT ?',
  );
  const clear = db.prepare('DELETE FROM outbox');
  return {
    /** Empties the outbox; returns how many emails there were. */
    clear: () => clear.run().changes,
    add: (m: Omit<OutboxMessage, 'id'>) => insert.run(m.at, m.to, m.subject, m.body),
    list: (limit = 100): OutboxMessage[] => list.all(limit),
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
