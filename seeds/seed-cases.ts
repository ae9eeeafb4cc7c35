import { checkCase, documentCount, magicNumbers, resolveCase, type CaseRecord, type CourtFacts } from '../server/domain/case-records.js';
import type { CaseData } from '../server/domain/case-fields.js';
import { MIN_DOC_SERIAL } from '../server/domain/doc-ids.js';

/**
 * The seed's `cases` (the format is server/domain/case-fields.ts, the same as the control
 * plane's `POST /__admin/cases`): the rules across cases, and their rows, made once per process.
 */
export type SeedCase = CaseData;

type Fail = (entry: string, field: string, problem: string) => never;

/**
 * The rules across entries that a schema cannot say: a known court, no repeated number or PACER
 * case id at a court, each case's own rules (case-records.ts checkCase), magic numbers used once,
 * and an adversary proceeding's bankruptcy case given before it.
 */
export function checkSeedCases(cases: readonly SeedCase[], courts: ReadonlyMap<string, CourtFacts>, fail: Fail): void {
  const numbers = new Set<string>();
  const ids = new Set<string>();
  const magic = new Set<string>();
  cases.forEach((c, i) => {
    const entry = `cases[${i}]`;
    const court = courts.get(c.court);
    if (!court) return fail(entry, 'court', `names "${c.court}", which is not in courts`);
    if (numbers.has(`${c.court} ${c.number}`)) fail(entry, 'number', `repeats "${c.number}" at ${c.court}`);
    if (c.pacerCaseId !== undefined && ids.has(`${c.court} ${c.pacerCaseId}`)) fail(entry, 'pacerCaseId', `repeats ${c.pacerCaseId} at ${c.court}`);
    const problem = checkCase(c, court);
    if (problem) fail(problem.entry ? `${entry}.${problem.entry}` : entry, problem.field, problem.problem);
    if (c.leadCase !== undefined && !numbers.has(`${c.court} ${c.leadCase}`)) fail(entry, 'leadCase', `names "${c.leadCase}", which is not a case given before it at ${c.court}`);
    for (const m of magicNumbers(c)) {
      if (magic.has(m)) fail(entry, 'freeLooks', `repeats magic number ${m}, used by an earlier case`);
      magic.add(m);
    }
    numbers.add(`${c.court} ${c.number}`);
    if (c.pacerCaseId !== undefined) ids.add(`${c.court} ${c.pacerCaseId}`);
  });
}

/**
 * Fidelity: PACER case ids are per-court integers of five or six digits in the captured pages
 * (56120, 467116); seeded cases without one get the next above the court's highest.
 */
export const FIRST_PACER_CASE_ID = 100_001;

/** Invented: where a court's seeded doc1 serials start: above ten million, apart per prefix (FLSD 051 -> 15,100,001). */
export const seedSerialBase = (prefix: string): number => MIN_DOC_SERIAL + (Number(prefix) || 0) * 100_000 + 1;

/**
 * Every seeded case's rows, in insert order (an adversary proceeding after its bankruptcy case),
 * with ids given out per court in seed order. Made once per process: this is where the PDF sizes
 * of the long docket are worked out, so a reset only inserts.
 */
export function seedCaseRecords(cases: readonly SeedCase[], courts: ReadonlyMap<string, CourtFacts>): CaseRecord[] {
  const nextSerial = new Map<string, number>();
  const nextId = new Map<string, number>();
  for (const c of cases) if (c.pacerCaseId !== undefined) nextId.set(c.court, Math.max(nextId.get(c.court) ?? FIRST_PACER_CASE_ID, c.pacerCaseId + 1));
  const records = cases.map((c) => {
    const court = courts.get(c.court);
    if (!court) throw new Error(`unknown court ${c.court}`);
    const firstSerial = nextSerial.get(c.court) ?? seedSerialBase(court.docPrefix);
    nextSerial.set(c.court, firstSerial + documentCount(c));
    let pacerCaseId = c.pacerCaseId;
    if (pacerCaseId === undefined) {
      pacerCaseId = nextId.get(c.court) ?? FIRST_PACER_CASE_ID;
      nextId.set(c.court, pacerCaseId + 1);
    }
    return resolveCase(c, court, { pacerCaseId, firstSerial });
  });
  return [...records.filter((r) => r.leadCase === null), ...records.filter((r) => r.leadCase !== null)];
}
