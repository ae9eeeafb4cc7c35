import type { PacerAccount, PacerAccountsRepository } from '../../db/pacer-accounts-repository.js';
import type { JournalRepository } from '../../db/journal-repository.js';
import { timingSafeEqual } from 'node:crypto';
import { dummyHash, verifyPassword } from './passwords.js';
import { verifyTotp } from './totp.js';

/**
 * The password check shared by the screen login and the authentication API, so both paths
 * treat empty fields, unknown users, wrong passwords, lockouts and disabled accounts alike.
 */
export type CredentialOutcome =
  | { kind: 'ok'; account: PacerAccount }
  | { kind: 'empty'; field: 'Username' | 'Password' }
  | { kind: 'invalid' }
  | { kind: 'locked'; account: PacerAccount }
  | { kind: 'disabled'; account: PacerAccount };

/** Fidelity (real texts, FIDELITY §3). */
export const TEXT = {
  invalid: 'Invalid username or password',
  disabled: 'Your PACER account has been disabled',
  // Invented (FIDELITY §3): the lock text and the JSF-style required-field text.
  locked:
    'Your account has been locked because of too many failed login attempts. Contact the PACER Service Center at (800) 676-6856.',
  required: (field: string) => `${field}: Validation Error: Value is required.`,
  // Invented: a screen POST that came back without the CSO session cookie or with a foreign ViewState.
  cookies: 'Your browser must be set to accept cookies in order to log in to this site.',
} as const;

/** Longest username or password that is worth hashing; longer ones cannot match a seeded account. */
const MAX_USERNAME = 100;
const MAX_PASSWORD = 256;

export interface CredentialDeps {
  accounts: PacerAccountsRepository;
  journal: JournalRepository;
  now: () => number;
  lockoutThreshold: number;
  lockoutSeconds: number;
  hashCost: number;
}

export async function checkCredentials(
  deps: CredentialDeps,
  usernameRaw: string,
  password: string,
  host: string,
  via: 'screen' | 'api',
): Promise<CredentialOutcome> {
  const username = usernameRaw.trim();
  if (username === '') return { kind: 'empty', field: 'Username' };
  if (password === '') return { kind: 'empty', field: 'Password' };
  const log = (outcome: string, actor = username.slice(0, MAX_USERNAME), detail = '') =>
    deps.journal.add({ at: deps.now(), actor, host, action: `login.${via}`, outcome, detail });

  const plausible = username.length <= MAX_USERNAME && password.length <= MAX_PASSWORD;
  const account = plausible ? deps.accounts.byUsername(username) : undefined;
  // Unknown users are checked against a dummy hash so they take as long as a wrong password.
  const passwordOk = await verifyPassword(plausible ? password : '', account?.passwordHash ?? dummyHash(deps.hashCost));
  if (!account) {
    log('invalid', username.slice(0, MAX_USERNAME), 'unknown username');
    return { kind: 'invalid' };
  }
  // Re-read after the await: another request may have changed the counters meanwhile.
  const fresh = deps.accounts.byId(account.id) ?? account;
  const now = deps.now();
  const locked = fresh.lockedUntil !== null && fresh.lockedUntil > now;
  if (locked) {
    log('locked', fresh.username);
    return { kind: 'locked', account: fresh };
  }
  if (!passwordOk) {
    const { locked: nowLocked, attempts } = recordFailedAttempt(deps, fresh, now);
    if (nowLocked) {
      log('locked', fresh.username, `locked after ${attempts} failed attempts`);
      return { kind: 'locked', account: fresh };
    }
    log('invalid', fresh.username, `wrong password (${attempts} of ${deps.lockoutThreshold})`);
    return { kind: 'invalid' };
  }
  if (fresh.status === 'disabled') {
    log('disabled', fresh.username);
    return { kind: 'disabled', account: fresh };
  }
  // An MFA account's count is cleared only when the one-time passcode is right too (useOneTimeCode);
  // clearing it here would let someone who has the password guess codes without ever locking.
  if (!mfaEnabled(fresh) && (fresh.failedAttempts !== 0 || fresh.lockedUntil !== null)) deps.accounts.clearFailures(fresh.id);
  log('ok', fresh.username, mfaEnabled(fresh) ? 'password right; one-time passcode next' : '');
  return { kind: 'ok', account: fresh };
}

/**
 * One failed attempt (a wrong password or a wrong one-time passcode) toward the lockout.
 * An expired lock starts the count again. Returns whether this attempt locked the account.
 */
function recordFailedAttempt(deps: CredentialDeps, account: PacerAccount, now: number): { locked: boolean; attempts: number } {
  const attempts = (account.lockedUntil !== null ? 0 : account.failedAttempts) + 1;
  const locked = attempts >= deps.lockoutThreshold;
  deps.accounts.recordFailure(account.id, attempts, locked ? now + deps.lockoutSeconds * 1000 : null);
  return { locked, attempts };
}

/**
 * MFA (FIDELITY §3): an account with a TOTP secret must give a one-time passcode after the
 * password: on screen in the mfaForm step, in the API as otpCode. Both paths use the functions
 * below, so a wrong code counts toward the lockout the same way everywhere.
 */
export const mfaEnabled = (account: PacerAccount): boolean => account.mfaSecret !== null;

/** What a good code used up: its TOTP step, or the backup code itself. */
export type OneTimeCodeUse = { kind: 'totp'; step: number } | { kind: 'backup'; code: string };

export type OneTimeCodeOutcome =
  | { kind: 'ok'; use: OneTimeCodeUse }
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'locked' };

const sameCode = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks a one-time passcode for an account whose password was right. A TOTP code must be from
 * the current 30-second step or one step either side, and later than the last one used; a backup
 * code must be one of the account's unused ones. The code is not used up here: the caller calls
 * useOneTimeCode when the login really goes through, so a login refused for another reason
 * (the API's missing redactFlag) does not burn the code.
 */
export function checkOneTimeCode(
  deps: CredentialDeps,
  account: PacerAccount,
  codeRaw: string,
  host: string,
  via: 'screen' | 'api',
): OneTimeCodeOutcome {
  const fresh = deps.accounts.byId(account.id) ?? account;
  const now = deps.now();
  const log = (outcome: string, detail = '') =>
    deps.journal.add({ at: now, actor: fresh.username, host, action: `login.${via}`, outcome, detail });
  if (fresh.lockedUntil !== null && fresh.lockedUntil > now) {
    log('locked', 'one-time passcode step');
    return { kind: 'locked' };
  }
  // Authenticator apps show "123 456"; people type it that way.
  const code = codeRaw.replace(/\s+/g, '').slice(0, 32);
  if (code === '') {
    log('otp_missing');
    return { kind: 'missing' };
  }
  const step = fresh.mfaSecret ? verifyTotp(fresh.mfaSecret, code, now, { skew: 1, afterStep: fresh.mfaLastStep }) : null;
  if (step !== null) {
    log('otp_ok', 'authenticator code');
    return { kind: 'ok', use: { kind: 'totp', step } };
  }
  const backup = fresh.mfaBackupCodes.find((c) => sameCode(c, code));
  if (backup !== undefined) {
    log('otp_ok', 'backup code');
    return { kind: 'ok', use: { kind: 'backup', code: backup } };
  }
  const { locked, attempts } = recordFailedAttempt(deps, fresh, now);
  if (locked) {
    log('locked', `locked after ${attempts} failed attempts (one-time passcode)`);
    return { kind: 'locked' };
  }
  log('otp_invalid', `wrong one-time passcode (${attempts} of ${deps.lockoutThreshold})`);
  return { kind: 'invalid' };
}

/** Uses up a good code (single use); false when another login used it first. */
export function useOneTimeCode(deps: CredentialDeps, accountId: number, use: OneTimeCodeUse): boolean {
  const ok = use.kind === 'totp' ? deps.accounts.useTotpStep(accountId, use.step) : deps.accounts.useBackupCode(accountId, use.code);
  if (ok) deps.accounts.clearFailures(accountId);
  return ok;
}

/** Fidelity: client code is optional, up to 32 characters (FIDELITY §7). */
export const CLIENT_CODE_MAX = 32;
export function clientCodeProblem(code: string): string | null {
  if (code.length > CLIENT_CODE_MAX) return `Client Code: must be ${CLIENT_CODE_MAX} characters or fewer.`;
  if (!/^[\x20-\x7e]*$/.test(code)) return 'Client Code: only letters, digits and punctuation are allowed.';
  return null;
}
