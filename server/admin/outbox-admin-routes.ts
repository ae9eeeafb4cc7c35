import type { FastifyInstance } from 'fastify';
import { iso, queryInt, queryString } from './admin-http.js';

/** The outbox: notification emails the mock "sent" (link confirmations), newest first. */
export default async function outboxAdminRoutes(app: FastifyInstance) {
  app.get('/outbox', async (request) => {
    const to = queryString(request.query, 'to', 200)?.toLowerCase();
    const limit = queryInt(request.query, 'limit', 1, 10_000) ?? 100;
    const messages = app.repos.outbox
      .list(10_000)
      .filter((m) => !to || m.to.toLowerCase() === to)
      .slice(0, limit)
      .map((m) => ({ ...m, at: iso(m.at) }));
    return { messages };
  });

  app.delete('/outbox', async (_request, reply) => {
    app.repos.admin.clearOutbox();
    return reply.code(204).send();
  });
}
