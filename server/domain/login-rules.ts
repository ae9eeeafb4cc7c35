import type { AccountsRepository, PacerAccount } from '../../db/accounts-repository.js';
import type { JournalRepository } from '../../db/journal-repository.js';
import { dummyHash, verifyPassword } from './passwords.js';

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
  accounts: AccountsRepository;
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
  const account = plausible ? deps.accounts.pacerByUsername(username) : undefined;
  // Unknown users are checked against a dummy hash so they take as long as a wrong password.
  const passwordOk = await verifyPassword(plausible ? password : '', account?.passwordHash ?? dummyHash(deps.hashCost));
  if (!account) {
    log('invalid', username.slice(0, MAX_USERNAME), 'unknown username');
    return { kind: 'invalid' };
  }
  // Re-read after the await: another request may have changed the counters meanwhile.
  const fresh = deps.accounts.pacerById(account.id) ?? account;
  const now = deps.now();
  const locked = fresh.lockedUntil !== null && fresh.lockedUntil > now;
  if (locked) {
    log('locked', fresh.username);
    return { kind: 'locked', account: fresh };
  }
  if (!passwordOk) {
    // An expired lock starts the count again.
    const attempts = (fresh.lockedUntil !== null ? 0 : fresh.failedAttempts) + 1;
    if (attempts >= deps.lockoutThreshold) {
      deps.accounts.recordFailure(fresh.id, attempts, now + deps.lockoutSeconds * 1000);
      log('locked', fresh.username, `locked after ${attempts} failed attempts`);
      return { kind: 'locked', account: fresh };
    }
    deps.accounts.recordFailure(fresh.id, attempts, null);
    log('invalid', fresh.username, `wrong password (${attempts} of ${deps.lockoutThreshold})`);
    return { kind: 'invalid' };
  }
  if (fresh.status === 'disabled') {
    log('disabled', fresh.username);
    return { kind: 'disabled', account: fresh };
  }
  if (fresh.failedAttempts !== 0 || fresh.lockedUntil !== null) deps.accounts.clearFailures(fresh.id);
  log('ok', fresh.username);
  return { kind: 'ok', account: fresh };
}

/** Fidelity: client code is optional, up to 32 characters (FIDELITY §7). */
export const CLIENT_CODE_MAX = 32;
export function clientCodeProblem(code: string): string | null {
  if (code.length > CLIENT_CODE_MAX) return `Client Code: must be ${CLIENT_CODE_MAX} characters or fewer.`;
  if (!/^[\x20-\x7e]*$/.test(code)) return 'Client Code: only letters, digits and punctuation are allowed.';
  return null;
}
