import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import type { OutboxMessage } from '../../db/outbox-repository.js';
import { rfc822 } from '../domain/nef-mail.js';
import { iso, NotFoundError } from './admin-http.js';
import { EmailJson, ERRORS, IdParams, listing, NO_CONTENT, NOT_FOUND, OutboxQuery, reading } from './admin-schemas.js';

/**
 * The outbox: e-mails the mock "sent" (link confirmations, Notices of Electronic Filing), newest
 * first, each body kept whole; one message by id, and as the RFC 822 message a mail client reads.
 */
export default async function outboxAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const json = (m: OutboxMessage) => ({ ...m, at: iso(m.at) });
  const messageOr404 = (id: number) => {
    const m = app.repos.outbox.byId(id);
    if (!m) throw new NotFoundError(`There is no e-mail ${id} in the outbox.`);
    return m;
  };

  app.get('/outbox', listing('Read the outbox (notification emails)', OutboxQuery, 'messages', EmailJson, 'Emails, newest first.'), async (request) => {
    const to = request.query.to?.toLowerCase();
    // A notice's e-mail may go to several addresses of one recipient ("a@x, b@x"): any of them matches.
    const messages = app.repos.outbox
      .list(10_000)
      .filter((m) => !to || m.to.toLowerCase().split(/,\s*/).includes(to))
      .slice(0, request.query.limit ?? 100)
      .map(json);
    return { messages };
  });

  app.get('/outbox/:id', reading('One e-mail', IdParams, EmailJson, 'The e-mail, its body whole.'), async (request) => json(messageOr404(request.params.id)));

  app.get(
    '/outbox/:id/raw',
    {
      schema: {
        summary: 'One e-mail as an RFC 822 message',
        description:
          "The message as juriscraper's S3NotificationEmail reads one (captured nef/s3/nysd_1.txt): headers, a blank line, the whole body. A notice is text/html; `plain=true` gives its text/plain rendering instead.",
        params: IdParams,
        querystring: Type.Object({ plain: Type.Optional(Type.Boolean({ default: false, description: "true: a notice's text/plain rendering." })) }),
        response: { 200: { description: 'The message.', content: { 'message/rfc822': { schema: Type.String() } } }, ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request, reply) => {
      const m = messageOr404(request.params.id);
      const nef = m.nefId === null ? null : app.repos.nefs.byId(m.nefId);
      const court = nef ? app.repos.courts.byCode(nef.court) : undefined;
      const text = rfc822(m, { zone: court?.notice.timeZone ?? 'UTC', courtMail: court?.notice.courtMail ?? '', plain: request.query.plain === true });
      return reply.type('message/rfc822; charset=utf-8').send(text);
    },
  );

  app.delete('/outbox', { schema: { summary: 'Empty the outbox', response: { ...NO_CONTENT, ...ERRORS } } }, async (_request, reply) => {
    app.repos.outbox.clear();
    return reply.code(204).send();
  });
}
