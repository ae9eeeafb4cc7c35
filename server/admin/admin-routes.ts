import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuseCrossSite } from './cross-site-guard.js';

/**
 * The control plane under /__admin (JSON). Health is open for probes; every other route takes
 * the admin token as `Authorization: Bearer <token>` (see adminAccess for when it is required).
 * Route modules for each concern are registered below, one file each.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** The token the control plane requires, or null when it is open (loopback, no ADMIN_TOKEN). */
    adminToken: string | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = h.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1] ?? null;
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export default async function adminRoutes(app: FastifyInstance) {
  app.get('/health', async () => ({ status: 'ok', now: new Date(app.clock.now()).toISOString() }));

  await app.register(async (secured) => {
    secured.addHook('onRequest', refuseCrossSite);
    secured.addHook('onRequest', async (request, reply) => {
      if (app.adminToken === null) return;
      if (!tokenMatches(app.adminToken, bearerToken(request))) {
        return reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer realm="mock-pacer admin"')
          .send({ error: 'unauthorized', message: 'This control plane needs Authorization: Bearer <ADMIN_TOKEN>.' });
      }
    });

    secured.post('/reset', async () => {
      const started = process.hrtime.bigint();
      app.seeder.reset(app.repos.db, app.clock.now());
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return { status: 'reset', ms: Math.round(ms * 100) / 100 };
    });

    // Further control-plane modules register here, one file each, e.g.:
    // await secured.register(accountsAdminRoutes);
  });
}
