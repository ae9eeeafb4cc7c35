import { describe, expect, it } from 'vitest';
import { BUILT_IN_SEED, loadSeedFile, parseSeed, SeedError } from '../../seeds/seed.js';

/** The seed file: the account field rules (the control plane's schemas), then the rules across entries. */
const COURTS = [{ code: 'flsd', name: 'Southern District of Florida' }, { code: 'nysd', name: 'Southern District of New York' }];
const PACER = (username: string, more: Record<string, unknown> = {}) => ({ username, password: 'Sandbox!Pacer2026', firstName: 'A', lastName: 'B', ...more });
const ECF = (court: string, login: string, more: Record<string, unknown> = {}) => ({ court, login, password: 'Filer!Court2026', firstName: 'A', lastName: 'B', ...more });

function problem(data: unknown): string {
  try {
    parseSeed(data, 'my-seed.json');
  } catch (err) {
    expect(err).toBeInstanceOf(SeedError);
    return (err as Error).message;
  }
  return 'no error';
}

describe('seed file', () => {
  it.each([
    [
      'a field against its rule, naming the entry',
      { courts: COURTS, pacerAccounts: [PACER('a1'), PACER('a2'), PACER('a3'), PACER('bad name')] },
      'my-seed.json: pacerAccounts[3]: field "username" must be 1-64 letters, digits or . _ @ -',
    ],
    ['a missing field', { courts: COURTS, ecfAccounts: [{ court: 'flsd', login: 'x1', password: 'p', firstName: 'A' }] }, 'my-seed.json: ecfAccounts[0]: field "lastName" is required'],
    ['a wrong type', { courts: COURTS, pacerAccounts: [PACER('a1', { filer: 'yes' })] }, 'my-seed.json: pacerAccounts[0]: field "filer" must be true or false'],
    ['backup codes', { courts: COURTS, pacerAccounts: [PACER('a1', { mfaBackupCodes: ['1'] })] }, 'my-seed.json: pacerAccounts[0]: field "mfaBackupCodes" must be an array of 6-10 digit strings'],
    ['a court code', { courts: [{ code: 'FLSD', name: 'x' }] }, 'my-seed.json: courts[0]: field "code" must be 2-8 lower-case letters (the CM/ECF host code)'],
    ['an entry that is not an object', { courts: COURTS, pacerAccounts: [PACER('a1'), 'a2'] }, 'my-seed.json: pacerAccounts[1]: field "(entry)" must be an object'],
    ['a list that is not a list', { courts: COURTS, ecfAccounts: {} }, 'my-seed.json: top level: field "ecfAccounts" must be an array'],
    ['no courts', { courts: [] }, 'my-seed.json: top level: field "courts" must be a list of at least one court'],
    ['not an object at all', [], 'my-seed.json: top level: field "(document)" must be a JSON object with courts, pacerAccounts, ecfAccounts'],
    ['a repeated court', { courts: [...COURTS, COURTS[0]] }, 'my-seed.json: courts[2]: field "code" repeats "flsd"'],
    [
      'a username repeated in another case',
      { courts: COURTS, pacerAccounts: [PACER('Jane'), PACER('jane')] },
      'my-seed.json: pacerAccounts[1]: field "username" repeats "jane" (usernames are not case sensitive)',
    ],
    ['a court not in courts', { courts: COURTS, ecfAccounts: [ECF('cacd', 'x1')] }, 'my-seed.json: ecfAccounts[0]: field "court" names "cacd", which is not in courts'],
    ['a login repeated at a court', { courts: COURTS, ecfAccounts: [ECF('flsd', 'x1'), ECF('nysd', 'x1'), ECF('flsd', 'x1')] }, 'my-seed.json: ecfAccounts[2]: field "login" repeats "x1" at flsd'],
    [
      'a link to no account',
      { courts: COURTS, pacerAccounts: [PACER('jane')], ecfAccounts: [ECF('flsd', 'x1', { linkedTo: 'john' })] },
      'my-seed.json: ecfAccounts[0]: field "linkedTo" names "john", which is not in pacerAccounts',
    ],
    [
      'a second link at one court',
      { courts: COURTS, pacerAccounts: [PACER('jane')], ecfAccounts: [ECF('flsd', 'x1', { linkedTo: 'jane' }), ECF('nysd', 'x2', { linkedTo: 'JANE' }), ECF('flsd', 'x3', { linkedTo: 'Jane' })] },
      'my-seed.json: ecfAccounts[2]: field "linkedTo" links "Jane" a second time at flsd (one link per court)',
    ],
    [
      "a notice's time zone Node does not know",
      { courts: [{ code: 'flsd', name: 'x', notice: { timeZone: 'Mars/Olympus_Mons' } }] },
      'my-seed.json: courts[0]: field "notice.timeZone" names "Mars/Olympus_Mons", which is not a time zone this Node.js knows',
    ],
  ])('refuses %s, naming the file, the entry and the field', (_what, data, message) => {
    expect(problem(data)).toBe(message);
  });

  it('fills in every default, the court-derived ones too, and ignores fields it does not know', () => {
    const seed = parseSeed(
      { courts: [{ code: 'flsb', name: 'Bankruptcy', kind: 'bankruptcy', note: 'kept aside' }], pacerAccounts: [PACER('jane')], ecfAccounts: [ECF('flsb', 'j1', { linkedTo: 'jane' })] },
      'x.json',
    );
    expect(seed.courts).toEqual([
      {
        code: 'flsb',
        name: 'Bankruptcy',
        kind: 'bankruptcy',
        pscCourtId: 'FLSBK',
        title: 'CM/ECF - Live Database - flsb',
        docPrefix: '050',
        officeNames: {},
        pdfDelivery: 'inline',
        bodyBgcolor: 'E0FFFF',
        // The notice's defaults come from the court when it is read (nef-settings.ts readNotice).
        notice: {},
      },
    ]);
    const defaults = { email: '', kind: 'individual', upgraded: true, filer: false, mfaSecret: null, mfaBackupCodes: [], clientCodeRequired: false, status: 'active' };
    expect(seed.pacerAccounts[0]).toEqual({ ...PACER('jane'), ...defaults });
    expect(seed.ecfAccounts[0]).toEqual({ ...ECF('flsb', 'j1'), barNumber: '', email: '', linkedTo: 'jane' });
    expect(seed.cases).toEqual([]);
  });

  it('the built-in sandbox seed passes its own rules', () => {
    const seed = loadSeedFile(BUILT_IN_SEED);
    expect(seed.pacerAccounts.find((a) => a.username === 'mfaattorney')).toMatchObject({ mfaSecret: 'JBSWY3DPEHPK3PXP', mfaBackupCodes: ['11111111', '22222222'] });
    // Robert Linked files at FLSD and, for issue 13's Bankruptcy/Adversary menus, at FLSB.
    expect(seed.ecfAccounts.filter((e) => e.linkedTo !== null).map((e) => `${e.court}:${e.login}`)).toEqual(['flsd:rl300400', 'flsb:rl300400']);
  });

  it('refuses court records that break the rules across entries, naming the case, entry and field', () => {
    const courts = [...COURTS, { code: 'flsb', name: 'Bankruptcy', kind: 'bankruptcy' }];
    const kase = (more: Record<string, unknown> = {}) => ({ court: 'flsd', number: '1:26-cv-20001', title: 'A v. B', filed: '2026-01-12', parties: [{ lastName: 'A', role: 'Plaintiff' }], ...more });
    const bk = (more: Record<string, unknown> = {}) => kase({ court: 'flsb', number: '1:26-bk-10234', title: 'In re: A', parties: [{ lastName: 'A', role: 'Debtor' }], ...more });
    const entries = (...list: Record<string, unknown>[]) => list.map((e) => ({ filed: '2026-01-12', text: 'X', ...e }));
    const cases: [unknown[], string][] = [
      [[kase({ pacerCaseId: 5 }), kase({ number: '1:26-cv-20002', pacerCaseId: 5 })], 'cases[1]: field "pacerCaseId" repeats 5 at flsd'],
      [[kase({ entries: entries({ number: 1 }, { number: 1 }) })], 'cases[0].entries[1]: field "number" repeats document number 1'],
      [[kase({ entries: entries({ number: 1, text: 're [[2]]' }) })], 'cases[0].entries[0]: field "text" refers to [[2]], but no entry in the case has that number'],
      [[kase({ entries: entries({ number: 1, pages: 0 }) })], 'cases[0].entries[0]: field "pages" must be a whole number of pages, 1-2000'],
      [[kase({ number: '1:26-bk-10234' })], 'cases[0]: field "number" is a bk case, which only a bankruptcy court has'],
      [[bk({ number: '1:26-ap-01045', leadCase: '1:26-bk-10234' }), bk()], 'cases[0]: field "leadCase" names "1:26-bk-10234", which is not a case given before it at flsb'],
      [
        [kase({ entries: entries({ number: 1, freeLooks: [{ magicNum: '12345678' }] }) }), kase({ number: '1:26-cv-20002', entries: entries({ number: 1, freeLooks: [{ magicNum: '12345678' }] }) })],
        'cases[1]: field "freeLooks" repeats magic number 12345678, used by an earlier case',
      ],
      [[kase({ entries: entries({ number: 1, freeLooks: [{ magicNum: '123' }] }) })], 'cases[0].entries[0].freeLooks[0]: field "magicNum" must be an 8-digit magic number'],
    ];
    for (const [list, message] of cases) expect(problem({ courts, cases: list })).toBe(`my-seed.json: ${message}`);
    expect(problem({ courts: [{ code: 'zzzd', name: 'Nowhere' }] })).toBe('my-seed.json: courts[0]: field "docPrefix" is required for "zzzd", which has no national doc1 prefix');
    expect(problem({ courts: [{ code: 'zzzd', name: 'Nowhere', docPrefix: '999', pdfDelivery: 'iframe', officeNames: { 1: 'Main' } }] })).toBe('no error');
  });
});
