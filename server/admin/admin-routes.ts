import type { FastifyInstance } from 'fastify';
import accountsAdminRoutes from './accounts-admin-routes.js';
import { crossSite, hasBearer } from './admin-auth.js';
import clockRoutes from './clock-routes.js';
import { jsonErrors, sendError } from './admin-http.js';
import courtsAdminRoutes from './courts-admin-routes.js';
import dashboardRoutes from './dashboard-routes.js';
import faultsRoutes from './faults-routes.js';
import journalAdminRoutes from './journal-admin-routes.js';
import linksAdminRoutes from './links-admin-routes.js';
import { openApiDocument } from './openapi.js';
import outboxAdminRoutes from './outbox-admin-routes.js';
import { resetToSeed } from './reset-service.js';
import sessionsAdminRoutes from './sessions-admin-routes.js';

export { bearerToken, tokenMatches } from './admin-auth.js';

/**
 * The control plane under /__admin (JSON). Health is open for probes; every other route takes
 * the admin token as `Authorization: Bearer <token>` (see admin-access.ts for when it is required).
 * Route modules for each concern are registered below, one file each; the HTML dashboard and the
 * docs page (dashboard-routes.ts) also accept the dashboard's cookie.
 */
export default async function adminRoutes(app: FastifyInstance) {
  // Unknown control-plane paths answer JSON, as the rest of /__admin does, not the court's 404 page.
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `There is no control-plane route ${request.method} ${request.url.split('?')[0]}; see /__admin/docs.`),
  );

  app.get('/health', async () => ({ status: 'ok', now: new Date(app.clock.now()).toISOString() }));

  await app.register(async (secured) => {
    jsonErrors(secured);
    secured.addHook('onRequest', async (request, reply) => {
      if (crossSite(request)) {
        return sendError(reply, 403, 'forbidden', 'The control plane does not accept requests sent by other web sites.');
      }
      if (app.adminToken === null) return;
      if (!hasBearer(app, request)) {
        reply.header('WWW-Authenticate', 'Bearer realm="mock-pacer admin"');
        return sendError(reply, 401, 'unauthorized', 'This control plane needs Authorization: Bearer <ADMIN_TOKEN>.');
      }
    });

    secured.post('/reset', async () => {
      const { ms, traineesKept } = resetToSeed(app);
      return { status: 'reset', ms, traineesKept };
    });

    secured.get('/openapi.json', async () => openApiDocument());

    await secured.register(courtsAdminRoutes);
    await secured.register(accountsAdminRoutes);
    await secured.register(linksAdminRoutes);
    await secured.register(sessionsAdminRoutes);
    await secured.register(journalAdminRoutes);
    await secured.register(outboxAdminRoutes);
    await secured.register(faultsRoutes);
    await secured.register(clockRoutes);
  });

  await app.register(dashboardRoutes);
}
