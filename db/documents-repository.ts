import { bumpDataGeneration, type DB } from './database.js';

/** A document of a docket entry: its main document (attachment 0) or one of its attachments. */
export interface CourtDocument {
  id: number;
  court: string;
  entryId: number;
  /** 0 for the main document; 1, 2, ... for the attachments, as the docket numbers them. */
  attachment: number;
  /** The doc1 id's serial (server/domain/doc-ids.ts), unique within the court. */
  serial: number;
  pages: number;
  /** The PDF's exact size. */
  bytes: number;
  /** "Main Document", "Exhibit A", "*Restricted*" */
  description: string;
  sealed: boolean;
  restricted: boolean;
  /** generated: made by the mock's PDF writer on first request; uploaded: a file a filer sent (issue 13). */
  origin: 'generated' | 'uploaded';
  /** uploaded: its file name in DOCUMENTS_DIR; '' for generated. */
  filename: string;
  originalName: string;
}

export type NewCourtDocument = Omit<CourtDocument, 'id'>;

interface DocumentRow {
  id: number;
  court: string;
  entry_id: number;
  attachment: number;
  serial: number;
  pages: number;
  bytes: number;
  description: string;
  sealed: number;
  restricted: number;
  origin: 'generated' | 'uploaded';
  filename: string;
  original_name: string;
}

const toDocument = (r: DocumentRow): CourtDocument => ({
  id: r.id,
  court: r.court,
  entryId: r.entry_id,
  attachment: r.attachment,
  serial: r.serial,
  pages: r.pages,
  bytes: r.bytes,
  description: r.description,
  sealed: r.sealed === 1,
  restricted: r.restricted === 1,
  origin: r.origin,
  filename: r.filename,
  originalName: r.original_name,
});

/** The only owner of documents. Every write moves the data generation (db/database.ts): the docket report cache keys on it. */
export function createDocumentsRepository(db: DB) {
  const insert = db.prepare<[string, number, number, number, number, number, string, number, number, string, string, string]>(
    `INSERT INTO documents (court, entry_id, attachment, serial, pages, bytes, description, sealed, restricted, origin, filename, original_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forCase = db.prepare<[number], DocumentRow>(
    'SELECT d.* FROM documents d JOIN docket_entries e ON e.id = d.entry_id WHERE e.case_id = ? ORDER BY e.seq, d.attachment',
  );
  const forEntry = db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE entry_id = ? ORDER BY attachment');
  const byId = db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const bySerial = db.prepare<[string, number], DocumentRow>('SELECT * FROM documents WHERE court = ? AND serial = ?');
  const maxSerial = db.prepare<[string], { n: number | null }>('SELECT MAX(serial) AS n FROM documents WHERE court = ?');
  const files = db.prepare<[], { court: string; serial: number; origin: 'generated' | 'uploaded'; filename: string }>(
    'SELECT court, serial, origin, filename FROM documents',
  );
  const ofCase = db.prepare<[number], { court: string; serial: number; origin: 'generated' | 'uploaded'; filename: string }>(
    'SELECT d.court, d.serial, d.origin, d.filename FROM documents d JOIN docket_entries e ON e.id = d.entry_id WHERE e.case_id = ?',
  );

  const safe = (...ns: number[]) => ns.every((n) => Number.isSafeInteger(n));
  return {
    /** Adds a document (inside the caller's transaction); returns its row id. */
    insert: (d: NewCourtDocument): number => {
      bumpDataGeneration(db);
      return Number(
        insert.run(
          d.court,
          d.entryId,
          d.attachment,
          d.serial,
          d.pages,
          d.bytes,
          d.description,
          d.sealed ? 1 : 0,
          d.restricted ? 1 : 0,
          d.origin,
          d.filename,
          d.originalName,
        ).lastInsertRowid,
      );
    },
    /** Every document of a case, by entry then attachment (a docket report reads them all at once). */
    forCase: (caseId: number): CourtDocument[] => forCase.all(caseId).map(toDocument),
    /** An entry's main document and attachments, in order. */
    forEntry: (entryId: number): CourtDocument[] => forEntry.all(entryId).map(toDocument),
    byId: (id: number): CourtDocument | null => {
      const r = safe(id) ? byId.get(id) : undefined;
      return r ? toDocument(r) : null;
    },
    /** The document a doc1 id's serial names at this court, or null. */
    bySerial: (court: string, serial: number): CourtDocument | null => {
      const r = safe(serial) ? bySerial.get(court, serial) : undefined;
      return r ? toDocument(r) : null;
    },
    /** The highest serial in use at the court (0 when none). */
    maxSerial: (court: string): number => maxSerial.get(court)?.n ?? 0,
    /** What every document's file is called on disk: the document store keeps these and sweeps the rest. */
    files: () => files.all(),
    /** The files of one case's documents (removed with the case). */
    filesOfCase: (caseId: number) => ofCase.all(caseId),
  };
}
export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
