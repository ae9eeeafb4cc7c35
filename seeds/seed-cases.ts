import * as Type from 'typebox';
import type { NewCourtCase } from '../db/cases-repository.js';
import { nonBlank } from '../server/domain/account-fields.js';

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

/** Fidelity: national case numbers look like 1:26-cv-21234 (office:year-type-number). */
export const CASE_NUMBER_RE = /^\d:\d{2}-(cv|cr|mc|mj|md|bk|ap)-\d{5}$/;
const MAX_PARTIES = 20;
const CLOSED = 'a date written YYYY-MM-DD, not before filed';

export const SeedCaseInput = Type.Object({
  court: nonBlank(8),
  number: Type.String({ pattern: CASE_NUMBER_RE.source, description: 'a case number like 1:26-cv-21234' }),
  title: nonBlank(200),
  natureOfSuit: Type.Optional(Type.String({ maxLength: 100, default: '' })),
  filed: Type.String({ format: 'date', description: 'a date written YYYY-MM-DD' }),
  closed: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date', description: CLOSED, default: null })),
  parties: Type.Array(
    Type.Object({
      lastName: nonBlank(100),
      firstName: Type.Optional(Type.String({ maxLength: 100, default: '' })),
      role: Type.Unsafe<PartyRole>({ type: 'string', enum: [...PARTY_ROLES] }),
    }),
    { minItems: 1, maxItems: MAX_PARTIES, description: `an array of 1-${MAX_PARTIES} parties` },
  ),
});

/** A seed case after validation (every default filled in). */
export interface SeedCase {
  court: string;
  number: string;
  title: string;
  natureOfSuit: string;
  /** YYYY-MM-DD */
  filed: string;
  closed: string | null;
  parties: { lastName: string; firstName: string; role: PartyRole }[];
}

type Fail = (entry: string, field: string, problem: string) => never;

/** The rules across entries that a schema cannot say: a known court, no repeats, closed not before filed. */
export function checkSeedCases(cases: readonly SeedCase[], courtCodes: ReadonlySet<string>, fail: Fail): void {
  const seen = new Set<string>();
  cases.forEach((c, i) => {
    const entry = `cases[${i}]`;
    if (!courtCodes.has(c.court)) fail(entry, 'court', `names "${c.court}", which is not in courts`);
    if (seen.has(`${c.court} ${c.number}`)) fail(entry, 'number', `repeats "${c.number}" at ${c.court}`);
    seen.add(`${c.court} ${c.number}`);
    if (c.closed !== null && c.closed < c.filed) fail(entry, 'closed', `must be ${CLOSED}`);
  });
}

export function newCourtCase(c: SeedCase): NewCourtCase {
  return { court: c.court, caseNumber: c.number, title: c.title, natureOfSuit: c.natureOfSuit, filedOn: c.filed, closedOn: c.closed, parties: c.parties };
}
