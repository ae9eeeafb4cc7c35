import type { DB } from './database.js';

/** Who a notice went to: an attorney of the case (electronically) or someone noticed by other means. */
export interface NefRecipient {
  name: string;
  emails: string[];
  /** The free look this recipient's copy carries; '' for none (by other means, or no free look). */
  magicNum: string;
  electronic: boolean;
}

/** A Notice of Electronic Filing as issued (docs/nef.md). */
export interface Nef {
  id: number;
  court: string;
  caseId: number;
  entryId: number;
  /** The stamp's FileNumber n (one per transaction). */
  fileNumber: number;
  /** The e-mails' Message-Id number. */
  messageId: number;
  subject: string;
  /** The notice as the filer's page shows it. */
  html: string;
  textBody: string;
  recipients: NefRecipient[];
  createdAt: number;
}

export type NewNef = Omit<Nef, 'id'>;

/** A notice without its bodies: what lists show. */
export type NefSummary = Omit<Nef, 'html' | 'textBody'>;

interface NefRow {
  id: number;
  court: string;
  case_id: number;
  entry_id: number;
  file_number: number;
  message_id: number;
  subject: string;
  html: string;
  text_body: string;
  recipients: string;
  created_at: number;
}

function recipients(json: string): NefRecipient[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as NefRecipient[]) : [];
  } catch {
    return [];
  }
}

const toSummary = (r: Omit<NefRow, 'html' | 'text_body'>): NefSummary => ({
  id: r.id,
  court: r.court,
  caseId: r.case_id,
  entryId: r.entry_id,
  fileNumber: r.file_number,
  messageId: r.message_id,
  subject: r.subject,
  recipients: recipients(r.recipients),
  createdAt: r.created_at,
});

const SUMMARY = 'id, court, case_id, entry_id, file_number, message_id, subject, recipients, created_at';

/** The only owner of nefs. */
export function createNefsRepository(db: DB) {
  const insert = db.prepare<[NefRowIn]>(`
    INSERT INTO nefs (court, case_id, entry_id, file_number, message_id, subject, html, text_body, recipients, created_at)
    VALUES (@court, @case_id, @entry_id, @file_number, @message_id, @subject, @html, @text_body, @recipients, @created_at)`);
  const byId = db.prepare<[number], NefRow>('SELECT * FROM nefs WHERE id = ?');
  const list = db.prepare<[{ court: string | null; caseId: number | null; limit: number }], Omit<NefRow, 'html' | 'text_body'>>(
    `SELECT ${SUMMARY} FROM nefs WHERE (@court IS NULL OR court = @court) AND (@caseId IS NULL OR case_id = @caseId) ORDER BY id DESC LIMIT @limit`,
  );
  const forEntry = db.prepare<[number], { id: number }>('SELECT id FROM nefs WHERE entry_id = ? ORDER BY id');
  return {
    insert: (n: NewNef): number =>
      Number(
        insert.run({
          court: n.court,
          case_id: n.caseId,
          entry_id: n.entryId,
          file_number: n.fileNumber,
          message_id: n.messageId,
          subject: n.subject,
          html: n.html,
          text_body: n.textBody,
          recipients: JSON.stringify(n.recipients),
          created_at: n.createdAt,
        }).lastInsertRowid,
      ),
    byId: (id: number): Nef | null => {
      const r = byId.get(id);
      return r ? { ...toSummary(r), html: r.html, textBody: r.text_body } : null;
    },
    /** Newest first; `court` and `caseId` narrow it. */
    list: (f: { court?: string; caseId?: number; limit?: number } = {}): NefSummary[] => list.all({ court: f.court ?? null, caseId: f.caseId ?? null, limit: f.limit ?? 100 }).map(toSummary),
    /** The ids of an entry's notices (one, for a filed entry). */
    forEntry: (entryId: number): number[] => forEntry.all(entryId).map((r) => r.id),
  };
}
type NefRowIn = Omit<NefRow, 'id'>;
export type NefsRepository = ReturnType<typeof createNefsRepository>;
