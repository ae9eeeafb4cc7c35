import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repositories } from '../db/index.js';
import { newEcfAccount, newPacerAccount, type PacerAccountInput } from '../server/domain/account-fields.js';
import { schemaChecker, type SchemaProblem } from '../server/domain/json-validation.js';
import { hashPassword } from '../server/domain/passwords.js';
import { SEEDS_DIR } from '../server/paths.js';
import { insertCaseRecord, type CaseRecord, type CourtFacts } from '../server/domain/case-records.js';
import { docPrefixFor } from '../server/domain/doc-ids.js';
import { catalogProblem, catalogRows, type CatalogRows, type SeedFilingCatalog } from '../server/domain/filing-events.js';
import { isTimeZone, type CourtNoticeInput } from '../server/domain/nef-settings.js';
import { checkSeedCases, seedCaseRecords, type SeedCase } from './seed-cases.js';
import { type COURT_KINDS, type PDF_DELIVERIES, SeedDocument } from './seed-schema.js';
import { precompiledSeedValidator } from './seed-validator.js';

/**
 * The seed format (documented in the README): courts, PACER accounts and CM/ECF accounts as data.
 * Passwords are plain text here on purpose: they are sandbox credentials handed to users.
 * An entry's fields follow the same rules as the control plane's (server/domain/account-fields.ts);
 * unknown fields are ignored.
 */
export interface SeedCourt {
  code: string;
  name: string;
  kind: (typeof COURT_KINDS)[number];
  pscCourtId: string;
  title: string;
  docPrefix: string;
  officeNames: Record<string, string>;
  pdfDelivery: (typeof PDF_DELIVERIES)[number];
  bodyBgcolor: string;
  notice: CourtNoticeInput;
}

export type SeedPacerAccount = PacerAccountInput;

export interface SeedEcfAccount {
  court: string;
  login: string;
  password: string;
  firstName: string;
  lastName: string;
  barNumber: string;
  email: string;
  linkedTo: string | null;
}

export interface Seed {
  courts: SeedCourt[];
  pacerAccounts: SeedPacerAccount[];
  ecfAccounts: SeedEcfAccount[];
  cases: SeedCase[];
  /** Each court's filing catalogue (categories and events); the built-in ones when the file gives none. */
  filingEvents: SeedFilingCatalog[];
}

/** The seed file after validation, before the defaults that depend on other fields (pscCourtId, title). */
type CheckedSeed = Omit<Seed, 'courts' | 'filingEvents'> & {
  filingEvents?: SeedFilingCatalog[];
  courts: (Omit<SeedCourt, 'pscCourtId' | 'title' | 'docPrefix'> & { pscCourtId?: string; title?: string; docPrefix?: string })[];
};

export { SeedDocument };

export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${entry}: field "${field}" ${problem}`);
    this.name = 'SeedError';
  }
}

export const BUILT_IN_SEED = join(SEEDS_DIR, 'sandbox.json');

/** Fidelity: pscCourtId is the host code upper-cased plus C (district) or K (bankruptcy). */
export function pscCourtIdFor(code: string, kind: 'district' | 'bankruptcy'): string {
  return code.toUpperCase() + (kind === 'bankruptcy' ? 'K' : 'C');
}

const checkDocument = schemaChecker<CheckedSeed>(SeedDocument, { precompiled: precompiledSeedValidator });

/** pacerAccounts[3], cases[0].parties[1], or "top level". */
function entryName(entry: readonly (string | number)[]): string {
  if (entry.length === 0) return 'top level';
  return entry.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function seedError(file: string, p: SchemaProblem): SeedError {
  if (p.kind === 'field') return new SeedError(file, entryName(p.entry), p.field, p.problem);
  if (p.entry.length === 0) return new SeedError(file, 'top level', '(document)', 'must be a JSON object with courts, pacerAccounts, ecfAccounts');
  return new SeedError(file, entryName(p.entry), '(entry)', p.problem);
}

/**
 * Validates parsed JSON into a Seed: first the schema (every field's rule), then the rules across
 * entries (repeats, links naming an account, one link per court). Every problem names the file,
 * the entry and the field.
 */
export function parseSeed(data: unknown, file: string): Seed {
  const checked = checkDocument(data);
  if (!checked.ok) throw seedError(file, checked.problem);
  const doc = checked.value;
  const fail = (entry: string, field: string, problem: string): never => {
    throw new SeedError(file, entry, field, problem);
  };

  const courtCodes = new Set<string>();
  const courts = doc.courts.map((c, i): SeedCourt => {
    if (courtCodes.has(c.code)) fail(`courts[${i}]`, 'code', `repeats "${c.code}"`);
    courtCodes.add(c.code);
    const docPrefix = c.docPrefix ?? docPrefixFor(c.code);
    // Fidelity: every doc1 id starts with the court's prefix; a court outside the national map must name one.
    if (docPrefix === undefined) fail(`courts[${i}]`, 'docPrefix', `is required for "${c.code}", which has no national doc1 prefix`);
    const zone = c.notice.timeZone;
    if (zone !== undefined && !isTimeZone(zone)) fail(`courts[${i}]`, 'notice.timeZone', `names "${zone}", which is not a time zone this Node.js knows`);
    return {
      code: c.code,
      name: c.name,
      kind: c.kind,
      pscCourtId: c.pscCourtId ?? pscCourtIdFor(c.code, c.kind),
      title: c.title ?? `CM/ECF - Live Database - ${c.code}`,
      docPrefix: docPrefix ?? '',
      officeNames: c.officeNames,
      pdfDelivery: c.pdfDelivery,
      bodyBgcolor: c.bodyBgcolor.toUpperCase(),
      notice: c.notice,
    };
  });

  const usernames = new Set<string>();
  doc.pacerAccounts.forEach((a, i) => {
    if (usernames.has(a.username.toLowerCase())) {
      fail(`pacerAccounts[${i}]`, 'username', `repeats "${a.username}" (usernames are not case sensitive)`);
    }
    usernames.add(a.username.toLowerCase());
  });

  const ecfLogins = new Set<string>();
  const linkedPerCourt = new Set<string>();
  doc.ecfAccounts.forEach((a, i) => {
    const entry = `ecfAccounts[${i}]`;
    if (!courtCodes.has(a.court)) fail(entry, 'court', `names "${a.court}", which is not in courts`);
    if (ecfLogins.has(`${a.court}\u0000${a.login}`)) fail(entry, 'login', `repeats "${a.login}" at ${a.court}`);
    ecfLogins.add(`${a.court}\u0000${a.login}`);
    if (a.linkedTo) {
      if (!usernames.has(a.linkedTo.toLowerCase())) fail(entry, 'linkedTo', `names "${a.linkedTo}", which is not in pacerAccounts`);
      const key = `${a.court}\u0000${a.linkedTo.toLowerCase()}`;
      if (linkedPerCourt.has(key)) fail(entry, 'linkedTo', `links "${a.linkedTo}" a second time at ${a.court} (one link per court)`);
      linkedPerCourt.add(key);
    }
  });
  checkSeedCases(doc.cases, courtFacts(courts), fail);
  const filingEvents = doc.filingEvents ?? builtInCatalogs(courts);
  const problem = catalogProblem(filingEvents, courtCodes);
  if (problem) fail(problem.entry, problem.field, problem.problem);
  return { courts, pacerAccounts: doc.pacerAccounts, ecfAccounts: doc.ecfAccounts, cases: doc.cases, filingEvents };
}

/**
 * A seed file without `filingEvents`: each of its courts gets the built-in seed's catalogue for a
 * court of its kind (district or bankruptcy), so its filers have the standard events.
 */
function builtInCatalogs(courts: readonly SeedCourt[]): SeedFilingCatalog[] {
  const builtIn = loadSeedFile(BUILT_IN_SEED);
  const kindOf = new Map(builtIn.courts.map((c) => [c.code, c.kind]));
  const out: SeedFilingCatalog[] = [];
  for (const kind of ['district', 'bankruptcy'] as const) {
    const catalog = builtIn.filingEvents.find((c) => c.courts.every((code) => kindOf.get(code) === kind));
    const codes = courts.filter((c) => c.kind === kind).map((c) => c.code);
    if (catalog && codes.length > 0) out.push({ ...catalog, courts: codes });
  }
  return out;
}

/** Every court's catalogue rows. */
function catalogsOf(seed: Seed): CatalogRows[] {
  return seed.filingEvents.flatMap((c) => c.courts.map((code) => catalogRows(code, c)));
}

const courtFacts = (courts: readonly SeedCourt[]): Map<string, CourtFacts> => new Map(courts.map((c) => [c.code, { code: c.code, kind: c.kind, docPrefix: c.docPrefix }]));

export function loadSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SeedError(file, 'file', '(file)', `cannot be read: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SeedError(file, 'file', '(document)', `is not valid JSON: ${(err as Error).message}`);
  }
  return parseSeed(data, file);
}

export interface Seeder {
  readonly seed: Seed;
  /** Replaces every account, court, session, link and record with the seed state, in one transaction. */
  reset(repos: Repositories, now: number): void;
  /** Seeds only when the database has no courts yet (first start), in one transaction. Returns whether it seeded. */
  seedIfEmpty(repos: Repositories, now: number): boolean;
}

/**
 * Hashes the seed's passwords and works out its cases' rows (ids, the long docket, PDF sizes) once
 * per process, so a reset is inserts through the repositories' prepared statements and costs
 * milliseconds, not a round of scrypt or of PDF arithmetic.
 */
export function createSeeder(seed: Seed, hashCost: number): Seeder {
  // Every account its own salt, even where the seed repeats a password.
  const pacerHashes = seed.pacerAccounts.map((a) => hashPassword(a.password, hashCost));
  const ecfHashes = seed.ecfAccounts.map((a) => hashPassword(a.password, hashCost));
  // Worked out at the first seeding or reset, then kept: a restart on a seeded database needs none.
  let cases: CaseRecord[] | null = null;
  const caseRecords = () => (cases ??= seedCaseRecords(seed.cases, courtFacts(seed.courts)));
  let catalogRowsMade: CatalogRows[] | null = null;
  const catalogs = () => (catalogRowsMade ??= catalogsOf(seed));

  function insertAll(repos: Repositories, now: number): void {
    repos.courts.insertMany(seed.courts);
    const ids = repos.pacerAccounts.insertMany(seed.pacerAccounts.map((a, i) => newPacerAccount(a, pacerHashes[i] ?? '', now)));
    const idOf = new Map(seed.pacerAccounts.map((a, i) => [a.username.toLowerCase(), ids[i] ?? null]));
    repos.ecfAccounts.insertMany(
      seed.ecfAccounts.map((a, i) => {
        const linked = a.linkedTo ? (idOf.get(a.linkedTo.toLowerCase()) ?? null) : null;
        return { ...newEcfAccount(a, a.court, ecfHashes[i] ?? ''), linkedPacerAccountId: linked, linkedAt: linked === null ? null : now };
      }),
    );
    for (const c of caseRecords()) insertCaseRecord(repos, c, now);
    repos.filingCatalog.insert(catalogs());
  }

  return {
    seed,
    reset(repos, now) {
      repos.transaction(() => {
        // Children first; courts last (their cases, with all their records, and training classes go with them).
        repos.billing.clear();
        repos.outbox.clear();
        repos.journal.clear();
        repos.sessions.clear();
        repos.ecfAccounts.clear();
        repos.pacerAccounts.clear();
        repos.courts.clear();
        insertAll(repos, now);
      });
    },
    seedIfEmpty(repos, now) {
      return repos.transaction(() => {
        if (repos.courts.count() > 0) return false;
        insertAll(repos, now);
        return true;
      });
    },
  };
}
