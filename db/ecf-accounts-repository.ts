import type { DB } from './database.js';
import { partialUpdate } from './partial-update.js';

/** A CM/ECF account at one court: every column of ecf_accounts. */
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

/** A new account; the seed makes some already linked, everything else passes nulls. */
export type NewEcfAccount = Omit<EcfAccount, 'id'>;

/** What the control plane may change (see COLUMNS: nothing else reaches SQL). Links change through link/unlink. */
export type EcfAccountChanges = Partial<Pick<EcfAccount, 'passwordHash' | 'firstName' | 'lastName' | 'barNumber' | 'email'>>;

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

const COLUMNS: Record<keyof EcfAccountChanges, string> = {
  passwordHash: 'password_hash',
  firstName: 'first_name',
  lastName: 'last_name',
  barNumber: 'bar_number',
  email: 'email',
};

/** The one row -> entity mapper for ecf_accounts. */
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

/**
 * The only owner of ecf_accounts, links included: the linking journey, the control plane, the
 * training classes and the seeder all go through this.
 */
export function createEcfAccountsRepository(db: DB) {
  // Logins are case sensitive at CM/ECF (real), so no COLLATE NOCASE here.
  const byLogin = db.prepare<[string, string], EcfRow>('SELECT * FROM ecf_accounts WHERE court = ? AND login = ?');
  const byId = db.prepare<[number], EcfRow>('SELECT * FROM ecf_accounts WHERE id = ?');
  const linkedTo = db.prepare<[string, number], EcfRow>('SELECT * FROM ecf_accounts WHERE court = ? AND linked_pacer_account_id = ?');
  const allLinkedTo = db.prepare<[number], EcfRow>('SELECT * FROM ecf_accounts WHERE linked_pacer_account_id = ? ORDER BY court');
  const all = db.prepare<[], EcfRow>('SELECT * FROM ecf_accounts ORDER BY court, login');
  const insert = db.prepare<[string, string, string, string, string, string, string, number | null, number | null]>(
    `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email, linked_pacer_account_id, linked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare<[number]>('DELETE FROM ecf_accounts WHERE id = ?');
  const clear = db.prepare('DELETE FROM ecf_accounts');
  // The guard in the WHERE clause makes the link race-proof: of two confirmations of the same
  // account only one changes a row; the UNIQUE (court, linked_pacer_account_id) backs it up.
  const link = db.prepare<[number, number, number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = ?, linked_at = ? WHERE id = ? AND linked_pacer_account_id IS NULL',
  );
  const unlink = db.prepare<[number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = NULL, linked_at = NULL WHERE id = ? AND linked_pacer_account_id IS NOT NULL',
  );
  const unlinkAllFrom = db.prepare<[number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = NULL, linked_at = NULL WHERE linked_pacer_account_id = ?',
  );

  const update: (id: number, changes: EcfAccountChanges) => boolean = partialUpdate(db, 'ecf_accounts', COLUMNS);

  const insertOne = (a: NewEcfAccount): number =>
    Number(
      insert.run(a.court, a.login, a.passwordHash, a.firstName, a.lastName, a.barNumber, a.email, a.linkedPacerAccountId, a.linkedAt)
        .lastInsertRowid,
    );
  const insertMany = db.transaction((accounts: Iterable<NewEcfAccount>): number => {
    let n = 0;
    for (const a of accounts) {
      insertOne(a);
      n++;
    }
    return n;
  });

  const one = (r: EcfRow | undefined): EcfAccount | undefined => r && toEcf(r);

  return {
    byLogin: (court: string, login: string): EcfAccount | undefined => one(byLogin.get(court, login)),
    byId: (id: number): EcfAccount | undefined => one(byId.get(id)),
    /** The account a PACER account is linked to at a court (at most one: UNIQUE (court, linked_pacer_account_id)). */
    linkedTo: (court: string, pacerId: number): EcfAccount | undefined => one(linkedTo.get(court, pacerId)),
    /** Every court's account linked to a PACER account, by court. */
    allLinkedTo: (pacerId: number): EcfAccount[] => allLinkedTo.all(pacerId).map(toEcf),
    /** By court, then login (binary order: logins are case sensitive). */
    list: (): EcfAccount[] => all.all().map(toEcf),
    insert: insertOne,
    /** Many accounts through the one prepared statement, in one transaction; returns how many. */
    insertMany: (accounts: Iterable<NewEcfAccount>): number => insertMany(accounts),
    update,
    remove: (id: number): boolean => remove.run(id).changes === 1,
    clear: () => clear.run().changes,
    /** Returns false when the CM/ECF account was linked meanwhile. */
    link: (ecfId: number, pacerId: number, at: number): boolean => link.run(pacerId, at, ecfId).changes === 1,
    /** Returns false when it was not linked. */
    unlink: (ecfId: number): boolean => unlink.run(ecfId).changes === 1,
    /** Unlinks every court's account from a PACER account; returns how many were linked. */
    unlinkAllFrom: (pacerId: number): number => unlinkAllFrom.run(pacerId).changes,
  };
}
export type EcfAccountsRepository = ReturnType<typeof createEcfAccountsRepository>;
