import type { DB } from './database.js';

/**
 * A free look: the `magic_num` of a Notice of Electronic Filing's document link, one per document
 * and recipient. Fidelity (pacer-fidelity.md, NMB): one free look "after the first use or 15 days".
 */
export interface FreeLook {
  /** 8 digits */
  magicNum: string;
  /** The entry's main document. */
  documentId: number;
  /** The recipient's e-mail address, or '' */
  recipient: string;
  createdAt: number;
  usedAt: number | null;
}

interface FreeLookRow {
  magic_num: string;
  document_id: number;
  recipient: string;
  created_at: number;
  used_at: number | null;
}

const toFreeLook = (r: FreeLookRow): FreeLook => ({
  magicNum: r.magic_num,
  documentId: r.document_id,
  recipient: r.recipient,
  createdAt: r.created_at,
  usedAt: r.used_at,
});

/** The only owner of free_looks. */
export function createFreeLooksRepository(db: DB) {
  const insert = db.prepare<[string, number, string, number]>('INSERT INTO free_looks (magic_num, document_id, recipient, created_at) VALUES (?, ?, ?, ?)');
  const byMagic = db.prepare<[string], FreeLookRow>('SELECT * FROM free_looks WHERE magic_num = ?');
  const forDocument = db.prepare<[number], FreeLookRow>('SELECT * FROM free_looks WHERE document_id = ? ORDER BY created_at, magic_num');
  const forCase = db.prepare<[number], FreeLookRow>(`
    SELECT f.* FROM free_looks f JOIN documents d ON d.id = f.document_id JOIN docket_entries e ON e.id = d.entry_id
    WHERE e.case_id = ? ORDER BY f.created_at, f.magic_num`);
  // Only an unused look is marked, so two requests racing for one look cannot both have it.
  const use = db.prepare<[number, string]>('UPDATE free_looks SET used_at = ? WHERE magic_num = ? AND used_at IS NULL');
  return {
    insert: (f: Omit<FreeLook, 'usedAt'>): void => {
      insert.run(f.magicNum, f.documentId, f.recipient, f.createdAt);
    },
    byMagic: (magicNum: string): FreeLook | null => {
      const r = byMagic.get(magicNum);
      return r ? toFreeLook(r) : null;
    },
    forDocument: (documentId: number): FreeLook[] => forDocument.all(documentId).map(toFreeLook),
    /** Every free look of a case's documents. */
    forCase: (caseId: number): FreeLook[] => forCase.all(caseId).map(toFreeLook),
    /** Marks the look used at `at`; false when it was used already (or does not exist). */
    use: (magicNum: string, at: number): boolean => use.run(at, magicNum).changes > 0,
  };
}
export type FreeLooksRepository = ReturnType<typeof createFreeLooksRepository>;
