import type { DB } from '../db/database.js';

/**
 * The optional "cases" part of the seed: a small case list per court for Query (iquery.pl).
 *
 * ```json
 * { "court": "flsd", "number": "1:26-cv-20001", "title": "Alvarez v. Sunshine Marine Supply, LLC",
 *   "natureOfSuit": "710 Labor: Fair Standards", "filed": "2026-01-12", "closed": "2026-05-01",
 *   "parties": [ { "lastName": "Alvarez", "firstName": "Carmen", "role": "Plaintiff" },
 *                { "lastName": "Sunshine Marine Supply, LLC", "role": "Defendant" } ] }
 * ```
 * A business is a party with only `lastName` (CM/ECF's "Last/Business Name").
 */
export const PARTY_ROLES = ['Plaintiff', 'Defendant', 'Petitioner', 'Respondent', 'Debtor', 'Creditor', 'Interested Party', 'Movant'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface SeedParty {
  lastName: string;
  firstName: string;
  role: PartyRole;
}

export interface SeedCase {
  court: string;
  number: string;
  title: string;
  natureOfSuit: string;
  /** YYYY-MM-DD */
  filed: string;
  closed: string | null;
  parties: SeedParty[];
}

/** Fidelity: national case numbers look like 1:26-cv-21234 (office:year-type-number). */
export const CASE_NUMBER_RE = /^\d:\d{2}-(cv|cr|mc|mj|md|bk|ap)-\d{5}$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PARTIES = 20;

type Fail = (entry: string, field: string, problem: string) => never;
type Obj = Record<string, unknown>;

function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates `cases` (absent = none); problems are reported through `fail`, naming entry and field. */
export function parseSeedCases(value: unknown, courtCodes: ReadonlySet<string>, fail: Fail): SeedCase[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('top level', 'cases', 'must be an array');
  const seen = new Set<string>();
  return (value as unknown[]).map((raw, i) => {
    const entry = `cases[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(entry, '(entry)', 'must be an object');
    const o = raw as Obj;
    const str = (field: string, opts: { optional?: boolean; max: number }): string => {
      const v = o[field];
      if (v === undefined && opts.optional) return '';
      if (typeof v !== 'string' || v.trim() === '') fail(entry, field, 'is required and must be a non-empty string');
      if ((v).length > opts.max) fail(entry, field, `must be at most ${opts.max} characters`);
      return v;
    };
    const court = str('court', { max: 8 });
    if (!courtCodes.has(court)) fail(entry, 'court', `names "${court}", which is not in courts`);
    const number = str('number', { max: 20 });
    if (!CASE_NUMBER_RE.test(number)) fail(entry, 'number', 'must be a case number like 1:26-cv-21234');
    if (seen.has(`${court} ${number}`)) fail(entry, 'number', `repeats "${number}" at ${court}`);
    seen.add(`${court} ${number}`);
    const filed = str('filed', { max: 10 });
    if (!isDay(filed)) fail(entry, 'filed', 'must be a date written YYYY-MM-DD');
    const closed = str('closed', { optional: true, max: 10 }) || null;
    if (closed !== null && (!isDay(closed) || closed < filed)) fail(entry, 'closed', 'must be a date written YYYY-MM-DD, not before filed');

    const parties = o['parties'];
    if (!Array.isArray(parties) || parties.length === 0 || parties.length > MAX_PARTIES) {
      fail(entry, 'parties', `must be an array of 1-${MAX_PARTIES} parties`);
    }
    return {
      court,
      number,
      title: str('title', { max: 200 }),
      natureOfSuit: str('natureOfSuit', { optional: true, max: 100 }),
      filed,
      closed,
      parties: (parties as unknown[]).map((p, j) => {
        const pe = `${entry}.parties[${j}]`;
        if (typeof p !== 'object' || p === null || Array.isArray(p)) fail(pe, '(entry)', 'must be an object');
        const po = p as Obj;
        const lastName = po['lastName'];
        if (typeof lastName !== 'string' || lastName.trim() === '' || lastName.length > 100) fail(pe, 'lastName', 'is required: 1-100 characters');
        const firstName = po['firstName'] ?? '';
        if (typeof firstName !== 'string' || firstName.length > 100) fail(pe, 'firstName', 'must be a string of at most 100 characters');
        const role = po['role'];
        if (typeof role !== 'string' || !(PARTY_ROLES as readonly string[]).includes(role)) {
          fail(pe, 'role', `must be one of ${PARTY_ROLES.map((r) => JSON.stringify(r)).join(', ')}`);
        }
        return { lastName: lastName, firstName: firstName, role: role as PartyRole };
      }),
    };
  });
}

export function insertSeedCases(db: DB, cases: readonly SeedCase[]): void {
  const insertCase = db.prepare(
    'INSERT INTO cases (court, case_number, title, nature_of_suit, filed_on, closed_on) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertParty = db.prepare('INSERT INTO case_parties (case_id, last_name, first_name, role) VALUES (?, ?, ?, ?)');
  for (const c of cases) {
    const id = insertCase.run(c.court, c.number, c.title, c.natureOfSuit, c.filed, c.closed).lastInsertRowid;
    for (const p of c.parties) insertParty.run(id, p.lastName, p.firstName, p.role);
  }
}
