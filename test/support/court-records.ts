import type { FastifyInstance } from 'fastify';
import type { CourtCase } from '../../db/cases-repository.js';
import { SeedCaseInput, type CaseData } from '../../server/domain/case-fields.js';
import { checkCase, insertCaseRecord, resolveCase } from '../../server/domain/case-records.js';
import { MIN_DOC_SERIAL } from '../../server/domain/doc-ids.js';
import { schemaChecker } from '../../server/domain/json-validation.js';

const check = schemaChecker<CaseData>(SeedCaseInput);

/**
 * Adds a case to an app's database as the seed would (the same schema, defaults and rows), with
 * the next PACER case id and doc1 serials at its court unless it names its own id. For tests
 * that need a case the sandbox does not have.
 */
export function addCase(app: FastifyInstance, data: Record<string, unknown>): CourtCase {
  const checked = check(data);
  if (!checked.ok) throw new Error(`bad test case: ${JSON.stringify(checked.problem)}`);
  const c = checked.value;
  const court = app.repos.courts.byCode(c.court);
  if (!court) throw new Error(`no court ${c.court}`);
  const problem = checkCase(c, court);
  if (problem) throw new Error(`bad test case: ${problem.entry} ${problem.field} ${problem.problem}`);
  const pacerCaseId = c.pacerCaseId ?? app.repos.cases.maxPacerCaseId(court.code) + 1;
  const firstSerial = Math.max(MIN_DOC_SERIAL, app.repos.documents.maxSerial(court.code) + 1);
  const id = app.repos.transaction(() => insertCaseRecord(app.repos, resolveCase(c, court, { pacerCaseId, firstSerial }), app.clock.now()));
  const added = app.repos.cases.byId(id);
  if (!added) throw new Error('case not added');
  return added;
}

/** A seeded case by court and number (`1:26-cv-20001`); throws when there is none. */
export function seededCase(app: FastifyInstance, court: string, number: string): CourtCase {
  const found = app.repos.cases.byNumber(court, number);
  if (!found) throw new Error(`no case ${number} at ${court}`);
  return found;
}
