import type { DB } from './database.js';

/**
 * The only owner of case_filer_associations: which CM/ECF filer has filed for which party, and
 * through which attorney row (the one the docket lists under the party). Fidelity (ORD, EDLA):
 * the Attorney/Party Association screen "only appears the first time an attorney files on behalf
 * of a party".
 */
export function createFilerAssociationsRepository(db: DB) {
  const insert = db.prepare<[number, number, number, number]>(
    'INSERT OR IGNORE INTO case_filer_associations (party_id, ecf_account_id, attorney_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const ofFiler = db.prepare<[number, number], { party_id: number }>(
    'SELECT a.party_id FROM case_filer_associations a JOIN parties p ON p.id = a.party_id WHERE p.case_id = ? AND a.ecf_account_id = ?',
  );
  return {
    /** Records the association (inside the commit's transaction); a repeat changes nothing. */
    insert: (partyId: number, ecfAccountId: number, attorneyId: number, at: number): void => {
      insert.run(partyId, ecfAccountId, attorneyId, at);
    },
    /** The parties of a case this filer has already filed for. */
    partiesOf: (caseId: number, ecfAccountId: number): Set<number> => new Set(ofFiler.all(caseId, ecfAccountId).map((r) => r.party_id)),
  };
}
export type FilerAssociationsRepository = ReturnType<typeof createFilerAssociationsRepository>;
