import type { EcfAccount } from '../../db/ecf-accounts-repository.js';
import type { PacerAccount } from '../../db/pacer-accounts-repository.js';

/**
 * Account entities for unit tests of the pure rules (no database): an upgraded, active, individual
 * PACER account with a fresh password and no MFA, and an unlinked CM/ECF account, each changed by
 * `overrides`.
 */
export const FIXTURE_NOW = Date.UTC(2026, 5, 1, 12);

const NAME = { firstName: 'John', lastName: 'Attorney', passwordHash: 'not-a-hash' } as const;

export function pacerAccount(overrides: Partial<PacerAccount> = {}): PacerAccount {
  return {
    ...NAME,
    id: 1, username: 'jattorney', email: 'jattorney@example.invalid', kind: 'individual', upgraded: true, filer: false, status: 'active',
    mfaSecret: null, mfaBackupCodes: [], mfaLastStep: null, clientCodeRequired: false, failedAttempts: 0, lockedUntil: null,
    passwordChangedAt: FIXTURE_NOW, passwordPromptSkips: 0, createdAt: FIXTURE_NOW,
    ...overrides,
  };
}

export function ecfAccount(overrides: Partial<EcfAccount> = {}): EcfAccount {
  return {
    ...NAME,
    id: 10, court: 'flsd', login: 'attytest4', barNumber: '12345', email: 'attytest4@example.invalid', linkedPacerAccountId: null, linkedAt: null,
    ...overrides,
  };
}
