import type { DB } from './database.js';
import { partialUpdate, type SqlValue } from './partial-update.js';

/** A PACER account: every column of pacer_accounts, as the rest of the code sees it. */
export interface PacerAccount {
  id: number;
  username: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  email: string;
  kind: 'individual' | 'shared';
  upgraded: boolean;
  filer: boolean;
  mfaSecret: string | null;
  mfaBackupCodes: string[];
  /** The time step of the last TOTP code used (migration 003); null when none yet. */
  mfaLastStep: number | null;
  clientCodeRequired: boolean;
  status: 'active' | 'inactive' | 'disabled';
  failedAttempts: number;
  lockedUntil: number | null;
  passwordChangedAt: number;
  /** How many times the 180-day password prompt was skipped since the last change (migration 002). */
  passwordPromptSkips: number;
  createdAt: number;
}

/** What a new account is made of: everything but the id and the state logins keep. */
export type NewPacerAccount = Omit<PacerAccount, 'id' | 'mfaLastStep' | 'failedAttempts' | 'lockedUntil' | 'passwordPromptSkips'>;

/** What the control plane may change on an account (see COLUMNS: nothing else reaches SQL). */
export type PacerAccountChanges = Partial<
  Pick<
    PacerAccount,
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'firstName'
    | 'lastName'
    | 'email'
    | 'kind'
    | 'upgraded'
    | 'filer'
    | 'mfaSecret'
    | 'mfaBackupCodes'
    | 'clientCodeRequired'
    | 'status'
    | 'failedAttempts'
    | 'lockedUntil'
  >
>;

interface PacerRow {
  id: number;
  username: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  email: string;
  kind: PacerAccount['kind'];
  upgraded: number;
  filer: number;
  mfa_secret: string | null;
  mfa_backup_codes: string;
  mfa_last_step: number | null;
  client_code_required: number;
  status: PacerAccount['status'];
  failed_attempts: number;
  locked_until: number | null;
  password_changed_at: number;
  password_prompt_skips: number;
  created_at: number;
}

/** The column each changeable field is stored in; the update statement is built from this map only. */
const COLUMNS: Record<keyof PacerAccountChanges, string> = {
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
};

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** The one row -> entity mapper for pacer_accounts. */
const toPacer = (r: PacerRow): PacerAccount => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  kind: r.kind,
  upgraded: r.upgraded === 1,
  filer: r.filer === 1,
  mfaSecret: r.mfa_secret,
  mfaBackupCodes: parseCodes(r.mfa_backup_codes),
  mfaLastStep: r.mfa_last_step,
  clientCodeRequired: r.client_code_required === 1,
  status: r.status,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
  passwordChangedAt: r.password_changed_at,
  passwordPromptSkips: r.password_prompt_skips,
  createdAt: r.created_at,
});

/** And its way back: how a field's value is stored (flags as 0/1, backup codes as a JSON array). */
function sqlValue(value: PacerAccountChanges[keyof PacerAccountChanges]): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value ?? null;
}

/**
 * The only owner of pacer_accounts: the pages, the login rules, the control plane, the training
 * classes and the seeder all read and write PACER accounts through this. Statements are prepared
 * once, here.
 */
export function createPacerAccountsRepository(db: DB) {
  const byUsername = db.prepare<[string], PacerRow>('SELECT * FROM pacer_accounts WHERE username = ?');
  const byId = db.prepare<[number], PacerRow>('SELECT * FROM pacer_accounts WHERE id = ?');
  // username is COLLATE NOCASE, so the listing sorts as people read it.
  const all = db.prepare<[], PacerRow>('SELECT * FROM pacer_accounts ORDER BY username');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM pacer_accounts');
  const insert = db.prepare<SqlValue[]>(
    `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer, mfa_secret,
       mfa_backup_codes, client_code_required, status, password_changed_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare<[number]>('DELETE FROM pacer_accounts WHERE id = ?');
  const clear = db.prepare('DELETE FROM pacer_accounts');

  const recordFailure = db.prepare<[number, number | null, number]>(
    'UPDATE pacer_accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?',
  );
  const clearFailures = db.prepare<[number]>(
    'UPDATE pacer_accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const setBackupCodes = db.prepare<[string, number]>('UPDATE pacer_accounts SET mfa_backup_codes = ? WHERE id = ?');
  // The guard in the WHERE clause makes a TOTP code single-use even when two logins race.
  const useTotpStep = db.prepare<[number, number, number]>(
    'UPDATE pacer_accounts SET mfa_last_step = ? WHERE id = ? AND (mfa_last_step IS NULL OR mfa_last_step < ?)',
  );
  /** Removes one backup code; false when it is no longer there (used meanwhile). */
  const useBackupCode = db.transaction((id: number, code: string): boolean => {
    const row = byId.get(id);
    const codes = row ? parseCodes(row.mfa_backup_codes) : [];
    const i = codes.indexOf(code);
    if (i < 0) return false;
    codes.splice(i, 1);
    setBackupCodes.run(JSON.stringify(codes), id);
    return true;
  });

  // The 180-day password rule's state (migration 002).
  const promptSkips = db.prepare<[number], { n: number }>('SELECT password_prompt_skips AS n FROM pacer_accounts WHERE id = ?');
  const recordSkip = db.prepare<[number]>('UPDATE pacer_accounts SET password_prompt_skips = password_prompt_skips + 1 WHERE id = ?');
  const changePassword = db.prepare<[string, number, number]>(
    'UPDATE pacer_accounts SET password_hash = ?, password_changed_at = ?, password_prompt_skips = 0 WHERE id = ?',
  );

  const updateColumns = partialUpdate(db, 'pacer_accounts', COLUMNS);
  const update = (id: number, changes: PacerAccountChanges): boolean =>
    updateColumns(id, Object.fromEntries(Object.entries(changes).flatMap(([k, v]) => (v === undefined ? [] : [[k, sqlValue(v)]]))));

  const insertOne = (a: NewPacerAccount): number =>
    Number(
      insert.run(
        a.username, a.passwordHash, a.firstName, a.lastName, a.email, a.kind, sqlValue(a.upgraded), sqlValue(a.filer), a.mfaSecret,
        sqlValue(a.mfaBackupCodes), sqlValue(a.clientCodeRequired), a.status, a.passwordChangedAt, a.createdAt,
      ).lastInsertRowid,
    );
  /** Many accounts through the one prepared statement, in one transaction (a savepoint inside another). */
  const insertMany = db.transaction((accounts: Iterable<NewPacerAccount>): number[] => {
    const ids: number[] = [];
    for (const a of accounts) ids.push(insertOne(a));
    return ids;
  });

  return {
    /** Usernames are not case sensitive (the column is COLLATE NOCASE). */
    byUsername: (username: string): PacerAccount | undefined => {
      const r = byUsername.get(username);
      return r && toPacer(r);
    },
    byId: (id: number): PacerAccount | undefined => {
      const r = byId.get(id);
      return r && toPacer(r);
    },
    list: (): PacerAccount[] => all.all().map(toPacer),
    count: (): number => count.get()?.n ?? 0,
    /** Returns the new account's id; a taken username is a SQLite UNIQUE error (callers check first). */
    insert: insertOne,
    insertMany: (accounts: Iterable<NewPacerAccount>): number[] => insertMany(accounts),
    /** Changes only the fields given; false when there was nothing to change or no such account. */
    update,
    /** Its sessions, pending logins and bills go with it (ON DELETE CASCADE). */
    remove: (id: number): boolean => remove.run(id).changes === 1,
    /** Every account (the seeder's reset). */
    clear: () => clear.run().changes,

    recordFailure: (id: number, attempts: number, lockedUntil: number | null) => recordFailure.run(attempts, lockedUntil, id),
    clearFailures: (id: number) => clearFailures.run(id),
    setBackupCodes: (id: number, codes: string[]) => setBackupCodes.run(JSON.stringify(codes), id),
    /** Records a TOTP step as used; false when this or a later step was used already. */
    useTotpStep: (id: number, step: number): boolean => useTotpStep.run(step, id, step).changes === 1,
    /** Consumes a single-use backup code; false when it was not (or no longer) there. */
    useBackupCode: (id: number, code: string): boolean => useBackupCode(id, code),

    promptSkips: (id: number): number => promptSkips.get(id)?.n ?? 0,
    recordSkip: (id: number) => recordSkip.run(id),
    /** A new password: the 180-day clock and the skip count start again. */
    changePassword: (id: number, hash: string, at: number) => changePassword.run(hash, at, id),
  };
}
export type PacerAccountsRepository = ReturnType<typeof createPacerAccountsRepository>;
