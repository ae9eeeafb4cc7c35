import type { DB } from './database.js';

/**
 * An e-mail the mock "sent": a link confirmation (plain text) or a Notice of Electronic Filing
 * (an HTML body kept whole, with its plain-text twin and the headers a mail client reads).
 */
export interface OutboxMessage {
  id: number;
  at: number;
  /** One address, or several separated by ", " (a recipient's primary and secondary addresses). */
  to: string;
  subject: string;
  body: string;
  /** '' for the mock's own notices (link confirmations). */
  from: string;
  /** `<28116330@nysd.uscourts.gov>`, or ''. */
  messageId: string;
  contentType: 'text/plain' | 'text/html';
  /** The plain-text rendering beside an HTML body, or ''. */
  textBody: string;
  /** The notice this e-mail carries, or null. */
  nefId: number | null;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'at' | 'to' | 'subject' | 'body'> & Partial<Omit<OutboxMessage, 'id'>>;

interface OutboxRow {
  id: number;
  at: number;
  to_addr: string;
  subject: string;
  body: string;
  from_addr: string;
  message_id: string;
  content_type: string;
  text_body: string;
  nef_id: number | null;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  at: r.at,
  to: r.to_addr,
  subject: r.subject,
  body: r.body,
  from: r.from_addr,
  messageId: r.message_id,
  contentType: r.content_type === 'text/html' ? 'text/html' : 'text/plain',
  textBody: r.text_body,
  nefId: r.nef_id,
});

export function createOutboxRepository(db: DB) {
  const insert = db.prepare<[Omit<OutboxRow, 'id'>]>(`
    INSERT INTO outbox (at, to_addr, subject, body, from_addr, message_id, content_type, text_body, nef_id)
    VALUES (@at, @to_addr, @subject, @body, @from_addr, @message_id, @content_type, @text_body, @nef_id)`);
  const list = db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY id DESC LIMIT ?');
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  const forNef = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE nef_id = ? ORDER BY id');
  const clear = db.prepare('DELETE FROM outbox');
  return {
    /** Empties the outbox; returns how many emails there were. */
    clear: () => clear.run().changes,
    add: (m: NewOutboxMessage): number =>
      Number(
        insert.run({
          at: m.at,
          to_addr: m.to,
          subject: m.subject,
          body: m.body,
          from_addr: m.from ?? '',
          message_id: m.messageId ?? '',
          content_type: m.contentType ?? 'text/plain',
          text_body: m.textBody ?? '',
          nef_id: m.nefId ?? null,
        }).lastInsertRowid,
      ),
    list: (limit = 100): OutboxMessage[] => list.all(limit).map(toMessage),
    byId: (id: number): OutboxMessage | null => {
      const r = byId.get(id);
      return r ? toMessage(r) : null;
    },
    /** The e-mails that carried one notice, in the order they were written. */
    forNef: (nefId: number): OutboxMessage[] => forNef.all(nefId).map(toMessage),
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
