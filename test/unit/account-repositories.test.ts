import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createRepositories } from '../../db/index.js';
import type { NewPacerAccount, PacerAccount } from '../../db/pacer-accounts-repository.js';
import { deletePacerAccount } from '../../server/domain/accounts.js';

/** The account tables' owners: one mapper each, every column through it, writes only through them. */
function fresh() {
  const db = openDatabase(':memory:');
  const repos = createRepositories(db);
  repos.courts.insertMany([{ code: 'flsd', pscCourtId: 'FLSDC', name: 'Southern District of Florida', title: 'CM/ECF - Live Database - flsd', kind: 'district' }]);
  const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).length;
  return { db, repos, columns };
}

/** Every field away from its column default, so a column the mapper dropped or swapped shows. */
const ALICE: NewPacerAccount = {
  username: 'Alice.Q',
  passwordHash: 'scrypt$hash',
  firstName: 'Alice',
  lastName: 'Quill',
  email: 'alice@example.com',
  kind: 'shared',
  upgraded: false,
  filer: true,
  mfaSecret: 'JBSWY3DPEHPK3PXP',
  mfaBackupCodes: ['11111111', '22222222'],
  clientCodeRequired: true,
  status: 'inactive',
  passwordChangedAt: 1_000,
  createdAt: 2_000,
};

describe('PACER accounts repository', () => {
  it('round-trips every column of pacer_accounts through its one mapper', () => {
    const { repos, columns } = fresh();
    const id = repos.pacerAccounts.insert(ALICE);
    repos.pacerAccounts.recordFailure(id, 3, 9_000);
    repos.pacerAccounts.useTotpStep(id, 77);
    repos.pacerAccounts.recordSkip(id);
    const expected: PacerAccount = { ...ALICE, id, failedAttempts: 3, lockedUntil: 9_000, mfaLastStep: 77, passwordPromptSkips: 1 };
    expect(repos.pacerAccounts.byId(id)).toEqual(expected);
    expect(repos.pacerAccounts.byUsername('alice.q')).toEqual(expected);
    // A column added by a migration and not mapped would be missing from the entity.
    expect(Object.keys(expected)).toHaveLength(columns('pacer_accounts'));
  });

  it('changes only the fields given, through its column whitelist', () => {
    const { repos } = fresh();
    const id = repos.pacerAccounts.insert(ALICE);
    expect(repos.pacerAccounts.update(id, { mfaSecret: null, mfaBackupCodes: [], clientCodeRequired: false, lastName: undefined })).toBe(true);
    expect(repos.pacerAccounts.byId(id)).toMatchObject({ mfaSecret: null, mfaBackupCodes: [], clientCodeRequired: false, lastName: 'Quill', status: 'inactive' });
    expect(repos.pacerAccounts.update(id, {})).toBe(false);
    repos.pacerAccounts.changePassword(id, 'scrypt$new', 5_000);
    expect(repos.pacerAccounts.byId(id)).toMatchObject({ passwordHash: 'scrypt$new', passwordChangedAt: 5_000, passwordPromptSkips: 0 });
  });

  it('inserts in bulk through one statement and counts', () => {
    const { repos } = fresh();
    const ids = repos.pacerAccounts.insertMany([1, 2, 3].map((n) => ({ ...ALICE, username: `bulk${n}` })));
    expect(ids).toHaveLength(3);
    expect(repos.pacerAccounts.count()).toBe(3);
    expect(repos.pacerAccounts.list().map((a) => a.username)).toEqual(['bulk1', 'bulk2', 'bulk3']);
  });
});

describe('CM/ECF accounts repository', () => {
  it('round-trips every column of ecf_accounts, and links once', () => {
    const { repos, columns } = fresh();
    const pacer = repos.pacerAccounts.insert(ALICE);
    const row = { court: 'flsd', login: 'Aq1!', passwordHash: 'scrypt$ecf', firstName: 'Alice', lastName: 'Quill', barNumber: 'B-7', email: 'aq@example.com' };
    const id = repos.ecfAccounts.insert({ ...row, linkedPacerAccountId: null, linkedAt: null });
    expect(repos.ecfAccounts.link(id, pacer, 3_000)).toBe(true);
    expect(repos.ecfAccounts.link(id, pacer, 4_000)).toBe(false);
    const expected = { id, ...row, linkedPacerAccountId: pacer, linkedAt: 3_000 };
    expect(repos.ecfAccounts.byLogin('flsd', 'Aq1!')).toEqual(expected);
    expect(repos.ecfAccounts.byLogin('flsd', 'aq1!')).toBeUndefined();
    expect(repos.ecfAccounts.linkedTo('flsd', pacer)).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(columns('ecf_accounts'));
    expect(repos.ecfAccounts.unlink(id)).toBe(true);
    expect(repos.ecfAccounts.unlink(id)).toBe(false);
    expect(repos.ecfAccounts.byId(id)).toMatchObject({ linkedPacerAccountId: null, linkedAt: null });
  });

  it('deleting a PACER account leaves its CM/ECF accounts unlinked, not half-linked', () => {
    const { repos } = fresh();
    const pacer = repos.pacerAccounts.insert(ALICE);
    const ecf = repos.ecfAccounts.insert({ court: 'flsd', login: 'aq1', passwordHash: 'h', firstName: 'A', lastName: 'Q', barNumber: '', email: '', linkedPacerAccountId: pacer, linkedAt: 3_000 });
    expect(deletePacerAccount(repos, pacer)).toBe(true);
    expect(repos.pacerAccounts.byId(pacer)).toBeUndefined();
    expect(repos.ecfAccounts.byId(ecf)).toMatchObject({ linkedPacerAccountId: null, linkedAt: null });
  });
});

describe('courts repository', () => {
  it('sees its own writes, and keeps nothing it read inside a transaction that rolled back', () => {
    const { repos } = fresh();
    expect(repos.courts.list().map((c) => c.code)).toEqual(['flsd']);
    expect(() =>
      repos.transaction(() => {
        repos.courts.insertMany([{ code: 'nysd', pscCourtId: 'NYSDC', name: 'New York', title: 't', kind: 'district' }]);
        expect(repos.courts.byCode('NYSD')?.pscCourtId).toBe('NYSDC');
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(repos.courts.byCode('nysd')).toBeUndefined();
    repos.courts.insertMany([{ code: 'nysd', pscCourtId: 'NYSDC', name: 'New York', title: 't', kind: 'district' }]);
    expect(repos.courts.byPscCourtId('nysdc')?.code).toBe('nysd');
  });
});
