import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import accountsAdminRoutes from './accounts-admin-routes.js';
import { crossSite, hasBearer } from './admin-auth.js';
import casesAdminRoutes from './cases-admin-routes.js';
import { ERRORS, answer } from './admin-schemas.js';
import { adminValidatorCompiler } from './admin-validation.js';
import clockRoutes from './clock-routes.js';
import { jsonErrors, sendError } from './admin-http.js';
import courtsAdminRoutes from './courts-admin-routes.js';
import dashboardRoutes from './dashboard-routes.js';
import faultsRoutes from './faults-routes.js';
import feesAdminRoutes from './fees-admin-routes.js';
import journalAdminRoutes from './journal-admin-routes.js';
import linksAdminRoutes from './links-admin-routes.js';
import nefsAdminRoutes from './nefs-admin-routes.js';
import { openApiDocument } from './openapi-document.js';
import outboxAdminRoutes from './outbox-admin-routes.js';
import filingsAdminRoutes from './filings-admin-routes.js';
import { resetToSeed } from './reset-service.js';
import sessionsAdminRoutes from './sessions-admin-routes.js';

export { bearerToken, tokenMatches } from './admin-auth.js';

/**
 * The control plane under /__admin (JSON). Health is open for probes; every other route takes
 * the admin token as `Authorization: Bearer <token>` (see admin-access.ts for when it is required).
 * Route modules for each concern are registered below, one file each; the HTML dashboard and the
 * docs page (dashboard-routes.ts) also accept the dashboard's cookie.
 *
 * Every route carries its JSON schemas: requests are checked against them, and the OpenAPI
 * document (/__admin/openapi.json, shown at /__admin/docs) is generated from them by
 * @fastify/swagger (openapi-document.ts), so what is documented is what is enforced.
 */
export default async function adminRoutes(app: FastifyInstance) {
  // Schemas are compiled on first use (a start compiles nothing), and answers are written with
  // JSON.stringify as before: the answer schemas document and type the answers, they do not filter them.
  app.setValidatorCompiler(adminValidatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const openApi = openApiDocument(app);

  // Unknown control-plane paths answer JSON, as the rest of /__admin does, not the court's 404 page.
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `There is no control-plane route ${request.method} ${request.url.split('?')[0]}; see /__admin/docs.`),
  );

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness probe (no token)',
        security: [],
        response: { 200: answer(Type.Object({ status: Type.String(), now: Type.String({ format: 'date-time' }) }), 'Serving.') },
      },
    },
    async () => ({ status: 'ok', now: new Date(app.clock.now()).toISOString() }),
  );

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

    secured.post(
      '/reset',
      {
        schema: {
          summary: 'Back to the seed state',
          description:
            'Replaces every account, link, lockout, session, journal entry, email and court record (cases, dockets, documents, free looks) with the seed state in one transaction, then removes the document files of cases added since. Training classes made by the CLI are kept, unlinked. The answer says how long the database part took.',
          response: {
            200: answer(
              Type.Object({ status: Type.String(), ms: Type.Number(), traineesKept: Type.Integer(), filesRemoved: Type.Integer({ description: 'Document files removed.' }) }),
              'Reset.',
            ),
            ...ERRORS,
          },
        },
      },
      async () => {
        const { ms, traineesKept, filesRemoved } = await resetToSeed(app);
        return { status: 'reset', ms, traineesKept, filesRemoved };
      },
    );

    secured.get(
      '/openapi.json',
      { schema: { summary: 'This document', response: { 200: answer(Type.Object({}), 'OpenAPI 3.1'), ...ERRORS } } },
      async () => openApi(),
    );

    await secured.register(courtsAdminRoutes);
    await secured.register(accountsAdminRoutes);
    await secured.register(linksAdminRoutes);
    await secured.register(casesAdminRoutes);
    await secured.register(sessionsAdminRoutes);
    await secured.register(journalAdminRoutes);
    await secured.register(outboxAdminRoutes);
    await secured.register(filingsAdminRoutes);
    await secured.register(nefsAdminRoutes);
    await secured.register(feesAdminRoutes);
    await secured.register(faultsRoutes);
    await secured.register(clockRoutes);
  });

  await app.register(dashboardRoutes, { openApi });
}
