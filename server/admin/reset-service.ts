import type { FastifyInstance } from 'fastify';
import { keepTraineesAcross } from '../domain/training-classes.js';

export interface ResetResult {
  /** Wall time of the reset in milliseconds (two decimals): the database's part. */
  ms: number;
  /** Trainees of training classes kept across the reset (their logins back to unlinked). */
  traineesKept: number;
  /** Document files no document names any more, removed after the database was reset. */
  filesRemoved: number;
}

/**
 * Back to the seed state: every account, link, lockout, session, journal entry, email and court
 * record (cases, dockets, documents, free looks) replaced by the seed's, in one transaction; the clock back to real time and the faults back to the ones
 * set at start (FAULTS), so a QA suite that resets between tests never inherits a moved clock or a
 * MAINTENANCE left on by the test before. The seed's password hashes were made once at start, so this
 * is a few hundred inserts: cheap enough to call before every test. Training classes made by
 * the trainer CLI survive it, unlinked (see keepTraineesAcross).
 */
export async function resetToSeed(app: FastifyInstance): Promise<ResetResult> {
  const started = process.hrtime.bigint();
  app.clock.reset();
  app.faults.set(app.config.faults);
  const traineesKept = keepTraineesAcross(app.repos, () => app.seeder.reset(app.repos, app.clock.now()));
  const ms = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100;
  // The seeded documents' files stay (the same serials come back); those of cases added since go.
  const filesRemoved = await app.documents.sweep(app.repos.documents.files());
  app.log.info({ ms, traineesKept, filesRemoved }, 'reset to seed state');
  return { ms, traineesKept, filesRemoved };
}
