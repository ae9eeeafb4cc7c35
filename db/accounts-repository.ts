import type { DB } from './database.js';

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
  createdAt: number;
}

export interface EcfAccount {
  id: number;
  court: string;
  login: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  barNumber: string;
  email: string;
  linkedPacerAccountId: number | null;
  linkedAt: number | null;
}

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
  created_at: number;
}

interface EcfRow {
  id: number;
  court: string;
  login: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  bar_number: string;
  email: string;
  linked_pacer_account_id: number | null;
  linked_at: number | null;
}

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

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
  createdAt: r.created_at,
});

const toEcf = (r: EcfRow): EcfAccount => ({
  id: r.id,
  court: r.court,
  login: r.login,
  passwordHash: r.password_hash,
  firstName: r.first_name,
  lastName: r.last_name,
  barNumber: r.bar_number,
  email: r.email,
  linkedPacerAccountId: r.linked_pacer_account_id,
  linkedAt: r.linked_at,
});

export function createAccountsRepository(db: DB) {
  const pacerByUsername = db.prepare<[string], PacerRow>('SELECT * FROM pacer_accounts WHERE username = ?');
  const pacerById = db.prepare<[number], PacerRow>('SELECT * FROM pacer_accounts WHERE id = ?');
  const recordFailure = db.prepare<[number, number | null, number]>(
    'UPDATE pacer_accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?',
  );
  const clearFailures = db.prepare<[number]>(
    'UPDATE pacer_accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ?',
  );
  const setBackupCodes = db.prepare<[string, number]>('UPDATE pacer_accounts SET mfa_backup_codes = ? WHERE id = ?');
  const backupCodesOf = db.prepare<[number], { mfa_backup_codes: string }>('SELECT mfa_backup_codes FROM pacer_accounts WHERE id = ?');
  // The guard in the WHERE clause makes a TOTP code single-use even when two logins race.
  const useTotpStep = db.prepare<[number, number, number]>(
    'UPDATE pacer_accounts SET mfa_last_step = ? WHERE id = ? AND (mfa_last_step IS NULL OR mfa_last_step < ?)',
  );
  /** Removes one backup code; false when it is no longer there (used meanwhile). */
  const useBackupCode = db.transaction((id: number, code: string): boolean => {
    const row = backupCodesOf.get(id);
    const codes = row ? parseCodes(row.mfa_backup_codes) : [];
    const i = codes.indexOf(code);
    if (i < 0) return false;
    codes.splice(i, 1);
    setBackupCodes.run(JSON.stringify(codes), id);
    return true;
  });
  // Logins are case sensitive at CM/ECF (real), so no COLLATE NOCASE here.
  const ecfByLogin = db.prepare<[string, string], EcfRow>('SELECT * FROM ecf_accounts WHERE court = ? AND login = ?');
  const ecfById = db.prepare<[number], EcfRow>('SELECT * FROM ecf_accounts WHERE id = ?');
  const ecfLinkedTo = db.prepare<[string, number], EcfRow>(
    'SELECT * FROM ecf_accounts WHERE court = ? AND linked_pacer_account_id = ?',
  );
  const ecfAllLinkedTo = db.prepare<[number], EcfRow>(
    'SELECT * FROM ecf_accounts WHERE linked_pacer_account_id = ? ORDER BY court',
  );
  // The guard in the WHERE clause makes the link race-proof: of two confirmations of the same
  // account only one changes a row; the UNIQUE (court, linked_pacer_account_id) backs it up.
  const link = db.prepare<[number, number, number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = ?, linked_at = ? WHERE id = ? AND linked_pacer_account_id IS NULL',
  );

  return {
    pacerByUsername: (username: string): PacerAccount | undefined => {
      const r = pacerByUsername.get(username);
      return r && toPacer(r);
    },
    pacerById: (id: number): PacerAccount | undefined => {
      const r = pacerById.get(id);
      return r && toPacer(r);
    },
    recordFailure: (id: number, attempts: number, lockedUntil: number | null) => recordFailure.run(attempts, lockedUntil, id),
    clearFailures: (id: number) => clearFailures.run(id),
    setBackupCodes: (id: number, codes: string[]) => setBackupCodes.run(JSON.stringify(codes), id),
    /** Records a TOTP step as used; false when this or a later step was used already. */
    useTotpStep: (id: number, step: number): boolean => useTotpStep.run(step, id, step).changes === 1,
    /** Consumes a single-use backup code; false when it was not (or no longer) there. */
    useBackupCode: (id: number, code: string): boolean => useBackupCode(id, code),
    ecfByLogin: (court: string, login: string): EcfAccount | undefined => {
      const r = ecfByLogin.get(court, login);
      return r && toEcf(r);
    },
    ecfById: (id: number): EcfAccount | undefined => {
      const r = ecfById.get(id);
      return r && toEcf(r);
    },
    ecfLinkedTo: (court: string, pacerId: number): EcfAccount | undefined => {
      const r = ecfLinkedTo.get(court, pacerId);
      return r && toEcf(r);
    },
    ecfAllLinkedTo: (pacerId: number): EcfAccount[] => ecfAllLinkedTo.all(pacerId).map(toEcf),
    /** Returns false when the CM/ECF account was linked meanwhile. */
    link: (ecfId: number, pacerId: number, at: number): boolean => link.run(pacerId, at, ecfId).changes === 1,
  };
}
export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
