import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../db/database.js';
import { createRepositories, type Repositories } from '../../db/index.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile } from '../../seeds/seed.js';
import { LARGE_DOCKET_ENTRIES } from '../../server/domain/docket.js';
import { MIN_DOC_SERIAL, formatDocId } from '../../server/domain/doc-ids.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';

/** Court records in SQLite: the migration from issue 11's cases, the seeded sandbox cases, and the repositories' reads. */
const NOW = Date.UTC(2026, 5, 1);
function seeded(): { repos: Repositories; seeder: ReturnType<typeof createSeeder> } {
  const repos = createRepositories(openDatabase(':memory:'));
  const seeder = createSeeder(loadSeedFile(BUILT_IN_SEED), 4);
  seeder.seedIfEmpty(repos, NOW);
  return { repos, seeder };
}
const caseOf = (repos: Repositories, court: string, number: string) => {
  const c = repos.cases.byNumber(court, number);
  if (!c) throw new Error(`no ${number}`);
  return c;
};

describe('migration 005', () => {
  it("keeps issue 11's cases and parties, with the row id as the PACER case id", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => /^00[1-4]-.*\.sql$/.test(n)).sort()) db.exec(readFileSync(join(MIGRATIONS_DIR, f), 'utf8'));
    db.pragma('user_version = 4');
    db.exec("INSERT INTO courts (code, psc_court_id, name, title) VALUES ('flsd', 'FLSDC', 'Southern District of Florida', 't')");
    db.exec(`INSERT INTO cases (court, case_number, title, nature_of_suit, filed_on, closed_on) VALUES
      ('flsd', '1:26-cv-20001', 'Alvarez v. Sunshine', '710 Labor: Fair Standards', '2026-01-12', NULL),
      ('flsd', '0:25-cr-60001', 'USA v. Cole', '', '2025-01-01', '2025-06-01')`);
    db.exec("INSERT INTO case_parties (case_id, last_name, first_name, role) VALUES (1, 'Alvarez', 'Carmen', 'Plaintiff'), (2, 'Acme Boats, Inc.', '', 'Defendant')");
    migrate(db);
    const repos = createRepositories(db);
    expect(repos.cases.byPacerId('flsd', 1)).toMatchObject({ numberShort: '1:26-cv-20001', numberFull: '1:26-cv-20001', caseType: 'cv', office: 1, flags: [], lastFilingOn: '2026-01-12' });
    expect(repos.cases.byPacerId('flsd', 2)).toMatchObject({ caseType: 'cr', office: 0, terminatedOn: '2025-06-01', flags: ['CLOSED'] });
    expect(repos.parties.forCase(1)).toMatchObject([{ role: 'Plaintiff', name: 'Carmen Alvarez', lastName: 'Alvarez', firstName: 'Carmen' }]);
    expect(repos.parties.forCase(2)[0]?.name).toBe('Acme Boats, Inc.');
    expect(repos.courts.byCode('flsd')).toMatchObject({ docPrefix: '', pdfDelivery: 'inline', bodyBgcolor: 'E0FFFF', officeNames: {} });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('case_parties', 'cases_002')").all()).toEqual([]);
  });
});

describe('the sandbox cases', () => {
  it('every court has its prefix, divisions and colours', () => {
    const { repos } = seeded();
    expect(repos.courts.list().map((c) => [c.code, c.docPrefix, c.officeNames['1'], c.bodyBgcolor])).toEqual([
      ['flsb', '050', 'Miami', 'E0FFFF'],
      ['flsd', '051', 'Miami', 'E0FFFF'],
      ['nysd', '127', 'Foley Square', 'ADC1CE'],
    ]);
  });

  it('a civil case reads back whole: header, parties with counsel, entries with documents', () => {
    const { repos } = seeded();
    const c = caseOf(repos, 'flsd', '1:26-cv-20001');
    expect(c).toMatchObject({ pacerCaseId: 642110, numberFull: '1:26-cv-20001-MAT', judge: 'Judge Marguerite A. Thornbury', juryDemand: 'Plaintiff', lastFilingOn: '2026-05-06' });
    expect(repos.parties.forCase(c.id).map((p) => [p.role, p.name, p.extra])).toEqual([
      ['Plaintiff', 'Carmen Alvarez', ['individually and on behalf of all others similarly situated']],
      ['Defendant', 'Sunshine Marine Supply, LLC', ['a Florida limited liability company']],
    ]);
    expect(repos.attorneys.counselOfCase(c.id).map((a) => [a.name, a.firm, a.lead, a.toBeNoticed, a.proHacVice])).toEqual([
      ['Elena Ruiz Ramos', 'Ramos & Whitcombe, P.A.', true, true, false],
      ['Gregory T. Pell', 'Pell Oduya LLP', true, true, false],
      ['Naomi F. Oduya', 'Pell Oduya LLP', false, true, true],
    ]);
    const entries = repos.docketEntries.forCase(c.id);
    expect(entries.map((e) => e.docNumber)).toEqual([1, null, 2, 3, 4, null, 5, 6, 7, 8, 9, 10]);
    const docs = repos.documents.forCase(c.id);
    const complaint = docs.filter((d) => d.entryId === entries[0]?.id);
    expect(complaint.map((d) => [d.attachment, d.description, d.pages])).toEqual([
      [0, 'Main Document', 14],
      [1, 'Civil Cover Sheet', 2],
      [2, 'Summons', 2],
    ]);
    // doc1 ids: FLSD's prefix, serials above the legacy thresholds, consecutive within an entry.
    expect(complaint.map((d) => d.serial)).toEqual([complaint[0]?.serial, (complaint[0]?.serial ?? 0) + 1, (complaint[0]?.serial ?? 0) + 2]);
    expect(complaint[0]?.serial).toBeGreaterThan(MIN_DOC_SERIAL);
    expect(repos.documents.bySerial('flsd', complaint[1]?.serial ?? 0)?.description).toBe('Civil Cover Sheet');
    expect(repos.docketEntries.byNumber(c.id, 4)?.text).toBe('MOTION to Dismiss [[1]] Complaint for Failure to State a Claim by Sunshine Marine Supply, LLC.');
    expect(repos.docketEntries.bySeq(c.id, entries[0]?.seq ?? 0)?.docNumber).toBe(1);
  });

  it('has what each page needs to exercise: sealed, restricted, closed, appeal, under seal, opening, opinions, free looks, a long docket', () => {
    const { repos } = seeded();
    const alvarez = caseOf(repos, 'flsd', '1:26-cv-20001');
    const entries = repos.docketEntries.forCase(alvarez.id);
    expect(entries.find((e) => e.docNumber === 7)).toMatchObject({ text: 'SEALED DOCUMENT', sealed: true });
    expect(entries.find((e) => e.docNumber === 10)?.restricted).toBe(true);
    const motionDocs = repos.documents.forEntry(entries.find((e) => e.docNumber === 4)?.id ?? 0);
    expect(motionDocs.map((d) => d.restricted)).toEqual([false, false, true]);
    expect(caseOf(repos, 'flsd', '1:25-cv-24780')).toMatchObject({ flags: ['CLOSED'], terminatedOn: '2026-02-27' });
    expect(caseOf(repos, 'flsd', '1:25-cv-22310').flags).toEqual(['APPEAL', 'CLOSED']);
    expect(caseOf(repos, 'flsd', '1:26-mj-02014').sealed).toBe(true);
    expect(caseOf(repos, 'flsd', '1:26-cv-20950').inOpening).toBe(true);
    expect(repos.docketEntries.count(caseOf(repos, 'flsd', '9:26-cv-80311').id)).toBe(0);

    const opinions = repos.docketEntries.ofKind('flsd', 'opinion', '2025-01-01', '2026-12-31');
    expect(opinions.map((e) => repos.cases.byId(e.caseId)?.numberShort)).toEqual(['1:25-cv-22310', '1:26-cv-20001', '1:26-cv-21234']);
    expect(repos.docketEntries.ofKind('nysd', 'opinion', '2026-04-01', '2026-04-30')).toHaveLength(1);

    const look = repos.freeLooks.byMagic('48213377');
    expect(look).toMatchObject({ recipient: 'eramos@ramoswhitcombe.example.com', createdAt: NOW, usedAt: null });
    expect(repos.documents.byId(look?.documentId ?? 0)).toMatchObject({ attachment: 0, pages: 14 });
    expect(repos.freeLooks.byMagic('60318845')?.createdAt).toBe(NOW - 16 * 86_400_000);
    expect(repos.freeLooks.use('48213377', NOW + 1)).toBe(true);
    expect(repos.freeLooks.use('48213377', NOW + 2)).toBe(false);

    const long = caseOf(repos, 'flsd', '1:24-cv-21555');
    expect(repos.docketEntries.count(long.id)).toBeGreaterThan(LARGE_DOCKET_ENTRIES);
  });

  it('criminal defendants carry their counts; bankruptcy cases their chapter and an adversary its lead case', () => {
    const { repos } = seeded();
    const castellano = caseOf(repos, 'nysd', '1:26-cr-00117');
    expect(repos.parties.forCase(castellano.id).map((p) => [p.name, p.criminalCounts?.defendant ?? null])).toEqual([
      ['Dominic Castellano', 1],
      ['Lorenzo Abate', 2],
      ['USA', null],
    ]);
    expect(repos.parties.forCase(castellano.id)[0]?.criminalCounts?.pendingCounts).toHaveLength(2);
    const bk = caseOf(repos, 'flsb', '1:26-bk-10234');
    expect(bk).toMatchObject({ numberFull: '26-10234-RAM', caseType: 'bk', chapter: '11', asset: 'Yes', voluntary: 'v' });
    expect(caseOf(repos, 'flsb', '1:26-ap-01045')).toMatchObject({ caseType: 'ap', leadCaseId: bk.id, numberFull: '26-01045-RAM' });
    // The same attorney in two FLSB cases is one row.
    expect(repos.attorneys.forCourt('flsb').find((a) => a.attorney.name === 'Adrian K. Velasquez')?.caseIds).toHaveLength(2);
  });

  it('a reset restores the same ids and rows, and drops what was added; counters never hand out an id twice', () => {
    const { repos, seeder } = seeded();
    const before = caseOf(repos, 'nysd', '1:26-cv-01234');
    const serials = repos.documents.forCase(before.id).map((d) => d.serial);
    repos.freeLooks.use('73350192', NOW);
    const first = repos.courts.allocateSerials('nysd', 3, repos.documents.maxSerial('nysd') + 1) ?? 0;
    expect(first).toBe(repos.documents.maxSerial('nysd') + 1);
    expect(repos.courts.allocateSerials('nysd', 1, repos.documents.maxSerial('nysd') + 1)).toBe(first + 3);
    expect(repos.courts.allocateCaseIds('nysd', 1, repos.cases.maxPacerCaseId('nysd') + 1)).toBe(656391);
    expect(repos.courts.allocateSerials('cacd', 1, 1)).toBeNull();

    seeder.reset(repos, NOW);
    const after = caseOf(repos, 'nysd', '1:26-cv-01234');
    expect(after.pacerCaseId).toBe(before.pacerCaseId);
    expect(repos.documents.forCase(after.id).map((d) => d.serial)).toEqual(serials);
    expect(repos.freeLooks.byMagic('73350192')?.usedAt).toBeNull();
    expect(formatDocId('127', serials[0] ?? 0, true)).toMatch(/^1270\d{8}$/);
  });

  it('deleting a case takes its parties, entries, documents and free looks with it', () => {
    const { repos } = seeded();
    const c = caseOf(repos, 'flsd', '1:26-cv-20001');
    const files = repos.documents.filesOfCase(c.id);
    expect(files.length).toBeGreaterThan(10);
    expect(repos.cases.remove(c.id)).toBe(true);
    expect(repos.parties.forCase(c.id)).toEqual([]);
    expect(repos.docketEntries.forCase(c.id)).toEqual([]);
    expect(repos.documents.bySerial('flsd', files[0]?.serial ?? 0)).toBeNull();
    expect(repos.freeLooks.byMagic('48213377')).toBeNull();
    expect(repos.attorneys.removeUnused('flsd')).toBe(3);
  });
});
