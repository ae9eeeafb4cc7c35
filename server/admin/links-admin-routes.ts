import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ConflictError, InputError, NotFoundError, linkJson, usernames } from './admin-http.js';
import { answer, CONFLICT, EcfParams, ERRORS, LinkInput, LinkJson, LinksQuery, listing, NOT_FOUND, removal } from './admin-schemas.js';

/**
 * Links between CM/ECF and PACER accounts, for setting up a test's starting state. The database's
 * rules hold (one link per court per PACER account, one PACER account per CM/ECF account); the
 * journey's eligibility rules (upgraded individual accounts, no special characters) are not
 * applied here, so a test can also build states the journey would refuse.
 */
export default async function linksAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { pacerAccounts, ecfAccounts, courts } = app.repos;

  app.get('/links', listing('List links', LinksQuery, 'links', LinkJson, 'Links.'), async (request) => {
    const court = request.query.court?.toLowerCase();
    const username = request.query.username?.toLowerCase();
    const usernameOf = usernames(pacerAccounts);
    const links = ecfAccounts.list().flatMap((e) => {
      const linkedTo = usernameOf(e.linkedPacerAccountId);
      if (linkedTo === null || (court && e.court !== court) || (username && linkedTo.toLowerCase() !== username)) return [];
      return [linkJson(e, linkedTo)];
    });
    return { links };
  });

  app.post(
    '/links',
    {
      schema: {
        summary: 'Link a CM/ECF account to a PACER account',
        description: 'Keeps the one-link-per-court and one-PACER-account-per-CM/ECF-account rules; does not apply the journey’s eligibility rules, so tests can build any state.',
        body: LinkInput,
        response: { 201: answer(LinkJson, 'Linked.'), ...ERRORS, ...NOT_FOUND, ...CONFLICT },
      },
    },
    async (request, reply) => {
      const court = request.body.court.toLowerCase();
      const { login, username } = request.body;
      if (!courts.byCode(court)) throw new InputError(`Field "court" names "${court}", which is not a court here.`);
      const ecf = ecfAccounts.byLogin(court, login);
      if (!ecf) throw new NotFoundError(`There is no CM/ECF account "${login}" at ${court}.`);
      const pacer = pacerAccounts.byUsername(username);
      if (!pacer) throw new NotFoundError(`There is no PACER account "${username}".`);
      if (ecf.linkedPacerAccountId !== null) {
        throw new ConflictError(`The CM/ECF account "${login}" at ${court} is already linked to "${usernames(pacerAccounts)(ecf.linkedPacerAccountId)}".`);
      }
      if (ecfAccounts.linkedTo(court, pacer.id)) {
        throw new ConflictError(`The PACER account "${pacer.username}" is already linked to a CM/ECF account at ${court}.`);
      }
      if (!ecfAccounts.link(ecf.id, pacer.id, app.clock.now())) throw new ConflictError('The CM/ECF account was linked meanwhile.');
      app.record(request, { actor: pacer.username, action: 'admin.link.create', outcome: 'ok', detail: `${court} ${login}` });
      return reply.code(201).send(linkJson(ecfAccounts.byId(ecf.id) ?? ecf, pacer.username));
    },
  );

  app.delete('/links/:court/:login', removal('Unlink a CM/ECF account', EcfParams), async (request, reply) => {
    const court = request.params.court.toLowerCase();
    const ecf = ecfAccounts.byLogin(court, request.params.login);
    if (!ecf) throw new NotFoundError(`There is no CM/ECF account "${request.params.login}" at ${court}.`);
    if (ecf.linkedPacerAccountId === null) throw new NotFoundError(`The CM/ECF account "${ecf.login}" at ${court} is not linked.`);
    const actor = usernames(pacerAccounts)(ecf.linkedPacerAccountId) ?? '';
    ecfAccounts.unlink(ecf.id);
    app.record(request, { actor, action: 'admin.link.delete', outcome: 'ok', detail: `${court} ${ecf.login}` });
    return reply.code(204).send();
  });
}
