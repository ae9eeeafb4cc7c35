import type { EcfAccountsRepository } from '../../db/ecf-accounts-repository.js';
import type { PacerAccountsRepository } from '../../db/pacer-accounts-repository.js';

/** Account changes that touch more than one table, each one transaction. */
export interface AccountDeps {
  pacerAccounts: Pick<PacerAccountsRepository, 'remove'>;
  ecfAccounts: Pick<EcfAccountsRepository, 'unlinkAllFrom'>;
  transaction: <T>(fn: () => T) => T;
}

/**
 * Deletes a PACER account. Its sessions, pending logins and bills go with it (ON DELETE CASCADE);
 * the CM/ECF accounts linked to it stay, unlinked (the foreign key alone would keep their linked_at).
 */
export function deletePacerAccount(deps: AccountDeps, id: number): boolean {
  return deps.transaction(() => {
    deps.ecfAccounts.unlinkAllFrom(id);
    return deps.pacerAccounts.remove(id);
  });
}
