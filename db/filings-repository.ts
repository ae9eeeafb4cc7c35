import type { DB } from './database.js';

export type FilingState = 'open' | 'committed' | 'abandoned';

/** A filing transaction (table filings); `data` is server/domain/filing.ts FilingData as JSON. */
export interface FilingRow {
  id: number;
  key: string;
  court: string;
  sessionToken: string;
  pacerAccountId: number;
  ecfAccountId: number;
  menu: string;
  categoryKey: string;
  state: FilingState;
  data: string;
  caseId: number | null;
  entryId: number | null;
  docNumber: number | null;
  nefId: number | null;
  createdAt: number;
  updatedAt: number;
  committedAt: number | null;
}

export type NewFiling = Pick<FilingRow, 'key' | 'court' | 'sessionToken' | 'pacerAccountId' | 'ecfAccountId' | 'menu' | 'categoryKey' | 'data' | 'createdAt'>;

/** What the commit writes back onto the filing. */
export interface CommittedFiling {
  id: number;
  caseId: number;
  entryId: number;
  docNumber: number;
  nefId: number | null;
  data: string;
  at: number;
}

/** A row of the control plane's list (no NEF HTML, no session token). */
export interface FilingSummaryRow {
  id: number;
  key: string;
  court: string;
  username: string;
  ecfLogin: string;
  menu: string;
  categoryKey: string;
  state: FilingState;
  data: string;
  pacerCaseId: number | null;
  caseNumber: string | null;
  docNumber: number | null;
  nefId: number | null;
  createdAt: number;
  updatedAt: number;
  committedAt: number | null;
}

interface Row {
  id: number;
  key: string;
  court: string;
  session_token: string;
  pacer_account_id: number;
  ecf_account_id: number;
  menu: string;
  category_key: string;
  state: FilingState;
  data: string;
  case_id: number | null;
  entry_id: number | null;
  doc_number: number | null;
  nef_id: number | null;
  created_at: number;
  updated_at: number;
  committed_at: number | null;
}

const toFiling = (r: Row): FilingRow => ({
  id: r.id,
  key: r.key,
  court: r.court,
  sessionToken: r.session_token,
  pacerAccountId: r.pacer_account_id,
  ecfAccountId: r.ecf_account_id,
  menu: r.menu,
  categoryKey: r.category_key,
  state: r.state,
  data: r.data,
  caseId: r.case_id,
  entryId: r.entry_id,
  docNumber: r.doc_number,
  nefId: r.nef_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  committedAt: r.committed_at,
});

/** The only owner of filings. */
export function createFilingsRepository(db: DB) {
  const insert = db.prepare<[string, string, string, number, number, string, string, string, number, number]>(
    `INSERT INTO filings (key, court, session_token, pacer_account_id, ecf_account_id, menu, category_key, data, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byKey = db.prepare<[string], Row>('SELECT * FROM filings WHERE key = ?');
  const byId = db.prepare<[number], Row>('SELECT * FROM filings WHERE id = ?');
  // Only an open filing changes: a commit or an abandonment that won a race is never undone.
  const saveData = db.prepare<[string, number | null, number, number]>("UPDATE filings SET data = ?, case_id = ?, updated_at = ? WHERE id = ? AND state = 'open'");
  const abandon = db.prepare<[number, number]>("UPDATE filings SET state = 'abandoned', updated_at = ? WHERE id = ? AND state = 'open'");
  const openOfSession = db.prepare<[string, string], Row>("SELECT * FROM filings WHERE session_token = ? AND court = ? AND state = 'open' ORDER BY id");
  const staleOpen = db.prepare<[number], Row>("SELECT * FROM filings WHERE state = 'open' AND updated_at < ? ORDER BY id");
  const open = db.prepare<[], Row>("SELECT * FROM filings WHERE state = 'open' ORDER BY id");
  const commit = db.prepare<[number, number, number, number | null, string, number, number, number]>(
    `UPDATE filings SET state = 'committed', case_id = ?, entry_id = ?, doc_number = ?, nef_id = ?, data = ?,
       committed_at = ?, updated_at = ? WHERE id = ? AND state = 'open'`,
  );
  const list = db.prepare<[string | null, string | null, string | null, string | null, number], FilingSummaryRow>(`
    SELECT f.id, f.key, f.court, p.username, e.login AS ecfLogin, f.menu, f.category_key AS categoryKey, f.state, f.data,
           c.pacer_case_id AS pacerCaseId, c.number_short AS caseNumber, f.doc_number AS docNumber, f.nef_id AS nefId,
           f.created_at AS createdAt, f.updated_at AS updatedAt, f.committed_at AS committedAt
    FROM filings f JOIN pacer_accounts p ON p.id = f.pacer_account_id JOIN ecf_accounts e ON e.id = f.ecf_account_id
    LEFT JOIN cases c ON c.id = f.case_id
    WHERE (? IS NULL OR f.court = ?) AND (? IS NULL OR f.state = ?) ORDER BY f.id DESC LIMIT ?`);

  const one = (r: Row | undefined) => (r ? toFiling(r) : null);
  return {
    /** Adds an open filing; returns its row id. */
    insert: (f: NewFiling): number =>
      Number(insert.run(f.key, f.court, f.sessionToken, f.pacerAccountId, f.ecfAccountId, f.menu, f.categoryKey, f.data, f.createdAt, f.createdAt).lastInsertRowid),
    byKey: (key: string): FilingRow | null => one(byKey.get(key)),
    byId: (id: number): FilingRow | null => (Number.isSafeInteger(id) ? one(byId.get(id)) : null),
    /** Saves an open filing's choices; false when it is no longer open. */
    saveData: (id: number, data: string, caseId: number | null, at: number): boolean => saveData.run(data, caseId, at, id).changes === 1,
    /** Marks an open filing abandoned; false when it was not open. */
    abandon: (id: number, at: number): boolean => abandon.run(at, id).changes === 1,
    /** The session's open filings at a court (a new one, or a menu, abandons them). */
    openOfSession: (sessionToken: string, court: string): FilingRow[] => openOfSession.all(sessionToken, court).map(toFiling),
    /** Open filings untouched since `before` (the sweep abandons them). */
    staleOpen: (before: number): FilingRow[] => staleOpen.all(before).map(toFiling),
    /** Every open filing (the start-up sweep keeps their staged files). */
    open: (): FilingRow[] => open.all().map(toFiling),
    /** Marks an open filing committed with its entry and NEF; false when it was not open. */
    commit: (c: CommittedFiling): boolean =>
      commit.run(c.caseId, c.entryId, c.docNumber, c.nefId, c.data, c.at, c.at, c.id).changes === 1,
    /** The control plane's list, newest first. */
    list: (opts: { court?: string; state?: FilingState; limit?: number } = {}): FilingSummaryRow[] =>
      list.all(opts.court ?? null, opts.court ?? null, opts.state ?? null, opts.state ?? null, Math.min(Math.max(opts.limit ?? 100, 1), 10_000)),
  };
}
export type FilingsRepository = ReturnType<typeof createFilingsRepository>;
