import { bumpDataGeneration, type DB } from './database.js';

/** One docket entry. Dates are YYYY-MM-DD. */
export interface DocketEntry {
  id: number;
  caseId: number;
  /** Fidelity: de_seq_num, the third goDLS argument. */
  seq: number;
  /** The document number in the "#" column; null for an entry without one (a minute entry). */
  docNumber: number | null;
  filedOn: string;
  enteredOn: string;
  /** The docket text; `[[n]]` refers to entry number n (rendered by server/domain/docket.ts). */
  text: string;
  /** "Ramos, Elena" or clerk initials ("jmr"), shown in parentheses after the text; '' for none. */
  filer: string;
  /** '' | 'opinion' (Written Opinions) | 'order' | ... */
  kind: string;
  /** History/Documents' short description: "Motion to Dismiss". */
  shortDescription: string;
  restricted: boolean;
  sealed: boolean;
}

export type NewDocketEntry = Omit<DocketEntry, 'id'>;

interface EntryRow {
  id: number;
  case_id: number;
  seq: number;
  doc_number: number | null;
  filed_on: string;
  entered_on: string;
  text: string;
  filer: string;
  kind: string;
  short_description: string;
  restricted: number;
  sealed: number;
}

const toEntry = (r: EntryRow): DocketEntry => ({
  id: r.id,
  caseId: r.case_id,
  seq: r.seq,
  docNumber: r.doc_number,
  filedOn: r.filed_on,
  enteredOn: r.entered_on,
  text: r.text,
  filer: r.filer,
  kind: r.kind,
  shortDescription: r.short_description,
  restricted: r.restricted === 1,
  sealed: r.sealed === 1,
});

/** The only owner of docket_entries. Every write moves the data generation (db/database.ts): the docket report cache keys on it. */
export function createDocketEntriesRepository(db: DB) {
  const insert = db.prepare<[number, number, number | null, string, string, string, string, string, string, number, number]>(
    `INSERT INTO docket_entries (case_id, seq, doc_number, filed_on, entered_on, text, filer, kind, short_description, restricted, sealed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forCase = db.prepare<[number], EntryRow>('SELECT * FROM docket_entries WHERE case_id = ? ORDER BY seq');
  const count = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM docket_entries WHERE case_id = ?');
  const byId = db.prepare<[number], EntryRow>('SELECT * FROM docket_entries WHERE id = ?');
  const bySeq = db.prepare<[number, number], EntryRow>('SELECT * FROM docket_entries WHERE case_id = ? AND seq = ?');
  const byNumber = db.prepare<[number, number], EntryRow>('SELECT * FROM docket_entries WHERE case_id = ? AND doc_number = ? ORDER BY seq LIMIT 1');
  // "kind <> ''" lets SQLite use the partial index docket_entries_by_kind (only entries with a kind are in it).
  const ofKind = db.prepare<[string, string, string, string], EntryRow>(`
    SELECT e.* FROM docket_entries e JOIN cases c ON c.id = e.case_id
    WHERE e.kind = ? AND e.kind <> '' AND c.court = ? AND e.filed_on >= ? AND e.filed_on <= ? ORDER BY e.filed_on, c.number_short, e.seq`);
  const maxSeq = db.prepare<[number], { n: number | null }>('SELECT MAX(seq) AS n FROM docket_entries WHERE case_id = ?');
  const maxNumber = db.prepare<[number], { n: number | null }>('SELECT MAX(doc_number) AS n FROM docket_entries WHERE case_id = ?');

  const one = (r: EntryRow | undefined) => (r ? toEntry(r) : null);
  const safe = (...ns: number[]) => ns.every((n) => Number.isSafeInteger(n));
  return {
    /** Adds an entry (inside the caller's transaction); returns its row id. */
    insert: (e: NewDocketEntry): number => {
      bumpDataGeneration(db);
      return Number(
        insert.run(e.caseId, e.seq, e.docNumber, e.filedOn, e.enteredOn, e.text, e.filer, e.kind, e.shortDescription, e.restricted ? 1 : 0, e.sealed ? 1 : 0)
          .lastInsertRowid,
      );
    },
    /** A case's whole docket in entry order (by de_seq_num). */
    forCase: (caseId: number): DocketEntry[] => forCase.all(caseId).map(toEntry),
    count: (caseId: number): number => count.get(caseId)?.n ?? 0,
    byId: (id: number): DocketEntry | null => (safe(id) ? one(byId.get(id)) : null),
    /** The entry a goDLS de_seq_num names in this case. */
    bySeq: (caseId: number, seq: number): DocketEntry | null => (safe(caseId, seq) ? one(bySeq.get(caseId, seq)) : null),
    /** The entry numbered `n` in this case (show_case_doc, `[[n]]` references). */
    byNumber: (caseId: number, n: number): DocketEntry | null => (safe(caseId, n) ? one(byNumber.get(caseId, n)) : null),
    /** A court's entries of one kind filed in [from, to] (YYYY-MM-DD): Written Opinions reads kind 'opinion'. */
    ofKind: (court: string, kind: string, from: string, to: string): DocketEntry[] => ofKind.all(kind, court, from, to).map(toEntry),
    /** The highest de_seq_num in the case (0 when none): the next entry takes one above it. */
    maxSeq: (caseId: number): number => maxSeq.get(caseId)?.n ?? 0,
    /** The highest document number in the case (0 when none): a filing takes one above it, inside its transaction. */
    maxDocNumber: (caseId: number): number => maxNumber.get(caseId)?.n ?? 0,
  };
}
export type DocketEntriesRepository = ReturnType<typeof createDocketEntriesRepository>;
