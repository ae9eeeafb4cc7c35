import type { DB } from './database.js';

/**
 * The control plane's own reads and writes (server/admin/*): whole-table listings and direct
 * edits that no page of the mock needs. Kept apart from the repositories the pages use so those
 * stay small; statements are prepared once, here.
 */
export interface PacerRowOut {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  kind: string;
  upgraded: number;
  filer: number;
  mfa_secret: string | null;
  mfa_backup_codes: string;
  client_code_required: number;
  status: string;
  failed_attempts: number;
  locked_until: number | null;
  password_changed_at: number;
  created_at: number;
}

export interface EcfRowOut {
  id: number;
  court: string;
  login: string;
  first_name: string;
  last_name: string;
  bar_number: string;
  email: string;
  linked_pacer_account_id: number | null;
  linked_username: string | null;
  linked_at: number | null;
}

export interface SessionRowOut {
  token: string;
  username: string;
  client_code: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
}

/** Column names an update may set, mapped from the API's field names; nothing else reaches SQL. */
export const PACER_COLUMNS = {
  passwordHash: 'password_hash',
  passwordChangedAt: 'password_changed_at',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  kind: 'kind',
  upgraded: 'upgraded',
  filer: 'filer',
  mfaSecret: 'mfa_secret',
  mfaBackupCodes: 'mfa_backup_codes',
  clientCodeRequired: 'client_code_required',
  status: 'status',
  failedAttempts: 'failed_attempts',
  lockedUntil: 'locked_until',
} as const;
export const ECF_COLUMNS = {
  passwordHash: 'password_hash',
  firstName: 'first_name',
  lastName: 'last_name',
  barNumber: 'bar_number',
  email: 'email',
} as const;

export type SqlValue = string | number | null;

const PACER_OUT = `id, username, first_name, last_name, email, kind, upgraded, filer, mfa_secret, mfa_backup_codes,
  client_code_required, status, failed_attempts, locked_until, password_changed_at, created_at`;
const ECF_OUT = `e.id, e.court, e.login, e.first_name, e.last_name, e.bar_number, e.email, e.linked_pacer_account_id,
  p.username AS linked_username, e.linked_at`;

export function createAdminRepository(db: DB) {
  const pacerAll = db.prepare<[], PacerRowOut>(`SELECT ${PACER_OUT} FROM pacer_accounts ORDER BY username`);
  const pacerOne = db.prepare<[string], PacerRowOut>(`SELECT ${PACER_OUT} FROM pacer_accounts WHERE username = ?`);
  const ecfAll = db.prepare<[], EcfRowOut>(
    `SELECT ${ECF_OUT} FROM ecf_accounts e LEFT JOIN pacer_accounts p ON p.id = e.linked_pacer_account_id ORDER BY e.court, e.login`,
  );
  const ecfOne = db.prepare<[string, string], EcfRowOut>(
    `SELECT ${ECF_OUT} FROM ecf_accounts e LEFT JOIN pacer_accounts p ON p.id = e.linked_pacer_account_id
     WHERE e.court = ? AND e.login = ?`,
  );
  const ecfLinkedTo = db.prepare<[number], EcfRowOut>(
    `SELECT ${ECF_OUT} FROM ecf_accounts e JOIN pacer_accounts p ON p.id = e.linked_pacer_account_id
     WHERE e.linked_pacer_account_id = ? ORDER BY e.court`,
  );
  const insertPacer = db.prepare(
    `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer, mfa_secret,
       mfa_backup_codes, client_code_required, status, password_changed_at, created_at)
     VALUES (@username, @passwordHash, @firstName, @lastName, @email, @kind, @upgraded, @filer, @mfaSecret,
       @mfaBackupCodes, @clientCodeRequired, @status, @now, @now)`,
  );
  const insertEcf = db.prepare(
    `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email)
     VALUES (@court, @login, @passwordHash, @firstName, @lastName, @barNumber, @email)`,
  );
  const deletePacer = db.prepare<[number]>('DELETE FROM pacer_accounts WHERE id = ?');
  const deleteEcf = db.prepare<[number]>('DELETE FROM ecf_accounts WHERE id = ?');
  const link = db.prepare<[number, number, number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = ?, linked_at = ? WHERE id = ? AND linked_pacer_account_id IS NULL',
  );
  const unlink = db.prepare<[number]>('UPDATE ecf_accounts SET linked_pacer_account_id = NULL, linked_at = NULL WHERE id = ?');
  const linkedAtCourt = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM ecf_accounts WHERE court = ? AND linked_pacer_account_id = ?',
  );
  const sessionsAll = db.prepare<[], SessionRowOut>(
    `SELECT s.token, p.username, s.client_code, s.created_at, s.expires_at, s.ended_at
     FROM sessions s JOIN pacer_accounts p ON p.id = s.pacer_account_id ORDER BY s.created_at DESC`,
  );
  const outboxClear = db.prepare('DELETE FROM outbox');
  const pacerCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM pacer_accounts');

  function update(table: 'pacer_accounts' | 'ecf_accounts', columns: Record<string, string>, id: number, values: Record<string, SqlValue>) {
    const sets: string[] = [];
    const args: SqlValue[] = [];
    for (const [k, v] of Object.entries(values)) {
      const col = columns[k];
      if (!col) throw new Error(`no column for ${k}`);
      sets.push(`${col} = ?`);
      args.push(v);
    }
    if (sets.length === 0) return;
    // The column list comes from the fixed maps above, never from the request.
    db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  }

  return {
    pacerList: () => pacerAll.all(),
    pacerCount: () => pacerCount.get()?.n ?? 0,
    pacer: (username: string) => pacerOne.get(username),
    ecfList: () => ecfAll.all(),
    ecf: (court: string, login: string) => ecfOne.get(court, login),
    ecfLinkedTo: (pacerId: number) => ecfLinkedTo.all(pacerId),
    insertPacer: (v: Record<string, SqlValue>) => Number(insertPacer.run(v).lastInsertRowid),
    insertEcf: (v: Record<string, SqlValue>) => Number(insertEcf.run(v).lastInsertRowid),
    updatePacer: (id: number, values: Record<string, SqlValue>) => update('pacer_accounts', PACER_COLUMNS, id, values),
    updateEcf: (id: number, values: Record<string, SqlValue>) => update('ecf_accounts', ECF_COLUMNS, id, values),
    deletePacer: (id: number) => deletePacer.run(id).changes === 1,
    deleteEcf: (id: number) => deleteEcf.run(id).changes === 1,
    link: (ecfId: number, pacerId: number, at: number) => link.run(pacerId, at, ecfId).changes === 1,
    unlink: (ecfId: number) => unlink.run(ecfId).changes === 1,
    linkedAtCourt: (court: string, pacerId: number) => linkedAtCourt.get(court, pacerId) !== undefined,
    sessions: () => sessionsAll.all(),
    clearOutbox: () => outboxClear.run().changes,
  };
}
export type AdminRepository = ReturnType<typeof createAdminRepository>;
