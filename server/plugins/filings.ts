import fp from 'fastify-plugin';
import { createFilingService, type FilingService } from '../domain/filing-service.js';
import { sweepStaging } from '../domain/uploads.js';
import { feeServiceFor, nefServiceFor } from '../ecf/filing/filing-seams.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The e-filing transaction's service (server/domain/filing-service.ts). */
    filings: FilingService;
  }
}

/** Open filings untouched this long are abandoned, their staged files deleted. */
export const STALE_FILING_MS = 4 * 3600 * 1000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The filing service for the app's life, and its housekeeping: at start, uploaded files no
 * document names (a crash between a commit's file move and its transaction) and the staging
 * folders of filings no longer open are removed; while running, stale filings are abandoned.
 */
export default fp(
  async (app) => {
    const service = createFilingService({
      repos: app.repos,
      now: () => app.clock.now(),
      documentsDir: () => app.documents.dir,
      nef: nefServiceFor(app),
      fees: feeServiceFor(app),
    });
    app.decorate('filings', service);
    app.addHook('onReady', async () => {
      // The document store sweeps files no document names (a commit cut between its file move and
      // its transaction leaves an uploaded one), as reset does; the staging folders are the filings'.
      const files = await app.documents.sweep(app.repos.documents.files());
      const staging = await sweepStaging(app.documents.dir, new Set(app.repos.filings.open().map((f) => f.key)));
      if (files + staging.length > 0) app.log.info({ removed: files + staging.length }, 'removed files of filings that did not complete');
    });
    const timer = setInterval(() => void service.sweepStale(STALE_FILING_MS).catch((err: unknown) => app.log.error({ err }, 'filing sweep failed')), SWEEP_EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'filings', dependencies: ['db', 'documents'] },
);
