import fp from 'fastify-plugin';
import { openDatabase, type DB } from '../../db/database.js';
import { createRepositories, type Repositories } from '../../db/index.js';
import type { Seeder } from '../../seeds/seed.js';
import { ConfigError } from '../config.js';

/**
 * The database's whole lifecycle, for the server (buildApp) and the trainer CLI alike: open the
 * file (migrations run as it opens), seed it when empty, check DEFAULT_COURT against it, keep it
 * tidy while the app runs, and close it with the app. The handle stays in here: everything
 * else reaches the data through `app.repos`.
 */
export interface DbOptions {
  /** The SQLite file (DATABASE_PATH): created if missing, migrated, and closed with the app. */
  path: string;
  /** An open, migrated handle to use instead of `path` (tests): left open for whoever opened it. */
  db?: DB;
  /** The seed's applier; asked for only when the database is empty. */
  seeder: () => Seeder;
  /** DEFAULT_COURT, which must be a seeded court; null where no host is served (the trainer CLI). */
  defaultCourt: string | null;
  now: () => number;
  /**
   * How long a login abandoned at a dialog is kept. When set, a timer purges those and sessions
   * over a day past their end, so a long-running sandbox does not grow without bound; null for a
   * short-lived instance (the CLI exits at once).
   */
  pendingLoginMaxAgeMs: number | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every repository over the app's database, and `transaction` for services; the handle itself stays in the plugin. */
    repos: Repositories;
  }
}

const PURGE_EVERY_MS = 60_000;
const SESSIONS_KEPT_MS = 24 * 3600 * 1000;

/** DEFAULT_COURT can only be checked against the data, so after seeding: a clear line, not a 404 later. */
function checkDefaultCourt(repos: Repositories, code: string): void {
  const codes = repos.courts.list().map((c) => c.code);
  if (!codes.includes(code)) {
    throw new ConfigError('DEFAULT_COURT', `${JSON.stringify(code)} is not a seeded court; expected one of ${codes.join(', ')}`);
  }
}

export default fp<DbOptions>(
  async (app, opts) => {
    const owned = opts.db === undefined;
    const db = opts.db ?? openDatabase(opts.path);
    const repos = createRepositories(db);
    try {
      if (repos.courts.list().length === 0) opts.seeder().seedIfEmpty(repos, opts.now());
      if (opts.defaultCourt !== null) checkDefaultCourt(repos, opts.defaultCourt);
    } catch (err) {
      // A bad seed file or DEFAULT_COURT stops the start; leave the database file closed cleanly.
      if (owned) db.close();
      throw err;
    }

    app.decorate('repos', repos);

    const maxAge = opts.pendingLoginMaxAgeMs;
    if (maxAge !== null) {
      const sweep = setInterval(() => {
        const now = opts.now();
        repos.sessions.purgePendingBefore(now - maxAge);
        repos.sessions.purgeBefore(now - SESSIONS_KEPT_MS);
      }, PURGE_EVERY_MS);
      sweep.unref();
      app.addHook('onClose', async () => clearInterval(sweep));
    }
    if (owned) app.addHook('onClose', async () => db.close());
  },
  { name: 'db' },
);
