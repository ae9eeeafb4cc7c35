import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { iso } from './admin-http.js';
import { EmailJson, ERRORS, listing, NO_CONTENT, OutboxQuery } from './admin-schemas.js';

/** The outbox: notification emails the mock "sent" (link confirmations), newest first. */
export default async function outboxAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/outbox', listing('Read the outbox (notification emails)', OutboxQuery, 'messages', EmailJson, 'Emails, newest first.'), async (request) => {
    const to = request.query.to?.toLowerCase();
    const messages = app.repos.outbox
      .list(10_000)
      .filter((m) => !to || m.to.toLowerCase() === to)
      .slice(0, request.query.limit ?? 100)
      .map((m) => ({ ...m, at: iso(m.at) }));
    return { messages };
  });

  app.delete('/outbox', { schema: { summary: 'Empty the outbox', response: { ...NO_CONTENT, ...ERRORS } } }, async (_request, reply) => {
    app.repos.outbox.clear();
    return reply.code(204).send();
  });
}
