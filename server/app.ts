import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DB } from '../db/database.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile, type Seed, type Seeder } from '../seeds/seed.js';
import type { Config } from './config.js';
import { RequestLogController, loggerOptions } from './logging.js';
import adminRoutes from './admin/admin-routes.js';
import loginRoutes, { PENDING_MAX_AGE_MS } from './cso/login-routes.js';
import csoInfoRoutes from './cso/info-routes.js';
import csoAuthRoutes from './cso/cso-auth-routes.js';
import { VirtualClock } from './domain/clock.js';
import ecfRoutes from './ecf/ecf-routes.js';
import type { CachedDocket } from './ecf/reports/docket-report-routes.js';
import { createReportCache, type ReportCache } from './ecf/reports/report-cache.js';
import dbPlugin from './plugins/db.js';
import documentsPlugin from './plugins/documents.js';
import filingsPlugin from './plugins/filings.js';
import faultsPlugin from './plugins/faults.js';
import sessionsPlugin from './plugins/sessions.js';
import sitePlugin from './plugins/site.js';
import viewsPlugin from './plugins/views.js';
import staticRoutes from './static-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    clock: VirtualClock;
    /** The seed this app started with; the control plane's reset goes back to it (server/admin/reset-service.ts). */
    seeder: Seeder;
    /** Per-instance key for ViewStates and form tokens (kept in the database so restarts keep forms valid). */
    secret: Buffer;
    /** The token the control plane requires, or null when it is open (loopback, no ADMIN_TOKEN). */
    adminToken: string | null;
    /** Rendered docket reports kept for the next request (REPORT_CACHE_MB; server/ecf/reports/report-cache.ts). */
    docketReports: ReportCache<CachedDocket>;
    /** Writes a journal entry for a request: the time from app.clock, the host from the request. */
    record(request: FastifyRequest, entry: { action: string; outcome: string; actor?: string; detail?: string }): void;
  }
}

export interface AppDeps {
  /** An open database; when absent, config.databasePath is opened (and closed with the app). */
  db?: DB;
  clock?: VirtualClock;
  seed?: Seed;
  logger?: FastifyServerOptions['logger'];
  /** Overrides the control-plane token decision (main.ts makes one when listening beyond loopback). */
  adminToken?: string | null;
}

const isMultipart = (type: string | undefined) => typeof type === 'string' && /^\s*multipart\//i.test(type);

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  // The standard form of the same framing rule (X-Frame-Options is the legacy one), and no
  // <base> or plugin tricks. No form-action: the CSO's login POST redirects to the court host.
  'content-security-policy': "frame-ancestors 'self'; base-uri 'self'; object-src 'none'",
  'referrer-policy': 'same-origin',
} as const;

/** Largest request body accepted anywhere (forms are a few hundred bytes). */
export const BODY_LIMIT = 256 * 1024;

/**
 * Builds the whole mock: plugins in order, then the route modules. Only server/main.ts listens;
 * tests build one app per test on a fresh database.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config),
    // One request line of our own (server/logging.ts) instead of Fastify's two.
    logController: new RequestLogController(),
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    // Fidelity: CM/ECF script names are case-sensitive (ShowIndex.pl), as on the real Apache servers.
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: 200 },
    return503OnClosing: true,
  });

  const clock = deps.clock ?? new VirtualClock();
  // Made before the database opens: a bad seed file stops the start even on a seeded database,
  // and the passwords are hashed once here, so a reset costs milliseconds.
  const seeder = createSeeder(deps.seed ?? loadSeedFile(config.seedFile ?? BUILT_IN_SEED), config.passwordHashCost);
  app.decorate('config', config);
  app.decorate('clock', clock);
  app.decorate('seeder', seeder);
  await app.register(dbPlugin, {
    path: config.databasePath,
    db: deps.db,
    seeder: () => seeder,
    defaultCourt: config.defaultCourt,
    now: () => clock.now(),
    pendingLoginMaxAgeMs: PENDING_MAX_AGE_MS,
  });
  await app.register(documentsPlugin, { documentsDir: config.documentsDir, databasePath: config.databasePath });
  await app.register(filingsPlugin);
  // One per app: its entries belong to this database's data generation (two apps must never share one).
  app.decorate('docketReports', createReportCache<CachedDocket>({ maxBytes: config.reportCacheMb * 1024 * 1024 }));
  app.decorate('record', function record(request, entry) {
    app.repos.journal.add({ at: clock.now(), host: request.headers.host ?? '', actor: entry.actor ?? '', detail: entry.detail ?? '', action: entry.action, outcome: entry.outcome });
  } satisfies FastifyInstance['record']);
  app.decorate('secret', Buffer.from(app.repos.meta.getOrCreate('secret', () => randomBytes(32).toString('base64')), 'base64'));
  app.decorate('adminToken', deps.adminToken !== undefined ? deps.adminToken : config.adminToken);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(viewsPlugin);
  await app.register(sitePlugin);
  await app.register(sessionsPlugin);
  await app.register(faultsPlugin);

  // Defence headers on every answer: no framing by other sites, no MIME sniffing. Set as the
  // request arrives, in one call and without a promise: this runs on every request, the hottest
  // path there is (a handler may still override one).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });

  // Set before the route modules register: each module keeps the handlers in force when it loads.
  app.setNotFoundHandler((_request, reply) => reply.page('errors/not-found', {}, 404));

  // Never a stack trace: 4xx problems (bad body, wrong content type, too large) get a page
  // saying what was wrong; anything else is logged and answered with a plain 500 page.
  app.setErrorHandler((error: { statusCode?: unknown }, request, reply) => {
    const code = error.statusCode;
    let status = typeof code === 'number' && code >= 400 && code < 600 ? code : 500;
    // The multipart parser (busboy) rejects a broken body ("Boundary not found", "Unexpected end
    // of multipart data") with a plain Error before any handler runs: that is the client's 400.
    if (status === 500 && request.body === undefined && isMultipart(request.headers['content-type'])) {
      request.log.warn({ err: error }, 'malformed multipart body');
      status = 400;
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message =
      status === 413
        ? 'The request was too large.'
        : status === 415
          ? 'The request body was not in a form this page accepts.'
          : status < 500
            ? 'The request could not be understood.'
            : 'The server could not complete the request. Please try again.';
    return reply.page('errors/error', { heading: status < 500 ? 'Bad Request' : 'Error', message }, status);
  });

  await app.register(staticRoutes);
  await app.register(loginRoutes);
  await app.register(csoInfoRoutes);
  await app.register(csoAuthRoutes);
  await app.register(ecfRoutes);
  await app.register(adminRoutes, { prefix: '/__admin' });

  return app;
}
