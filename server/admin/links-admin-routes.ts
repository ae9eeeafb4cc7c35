import type { FastifyInstance } from 'fastify';
import { BodyReader, ConflictError, InputError, NotFoundError, linkJson, queryString } from './admin-http.js';

/**
 * Links between CM/ECF and PACER accounts, for setting up a test's starting state. The database's
 * rules hold (one link per court per PACER account, one PACER account per CM/ECF account); the
 * journey's eligibility rules (upgraded individual accounts, no special characters) are not
 * applied here, so a test can also build states the journey would refuse.
 */
export default async function linksAdminRoutes(app: FastifyInstance) {
  const { admin, courts } = app.repos;

  app.get('/links', async (request) => {
    const court = queryString(request.query, 'court')?.toLowerCase();
    const username = queryString(request.query, 'username')?.toLowerCase();
    const rows = admin
      .ecfList()
      .filter((e) => e.linked_username !== null)
      .filter((e) => !court || e.court === court)
      .filter((e) => !username || e.linked_username?.toLowerCase() === username);
    return { links: rows.map(linkJson) };
  });

  app.post('/links', async (request, reply) => {
    const r = new BodyReader(request.body, ['court', 'login', 'username']);
    const court = (r.str('court', { required: true, max: 8 }) as string).toLowerCase();
    const login = r.str('login', { required: true, max: 64 }) as string;
    const username = r.str('username', { required: true, max: 64 }) as string;
    if (!courts.byCode(court)) throw new InputError(`Field "court" names "${court}", which is not a court here.`);
    const ecf = admin.ecf(court, login);
    if (!ecf) throw new NotFoundError(`There is no CM/ECF account "${login}" at ${court}.`);
    const pacer = admin.pacer(username);
    if (!pacer) throw new NotFoundError(`There is no PACER account "${username}".`);
    if (ecf.linked_pacer_account_id !== null) {
      throw new ConflictError(`The CM/ECF account "${login}" at ${court} is already linked to "${ecf.linked_username}".`);
    }
    if (admin.linkedAtCourt(court, pacer.id)) {
      throw new ConflictError(`The PACER account "${pacer.username}" is already linked to a CM/ECF account at ${court}.`);
    }
    const now = app.clock.now();
    if (!admin.link(ecf.id, pacer.id, now)) throw new ConflictError('The CM/ECF account was linked meanwhile.');
    app.record(request, { actor: pacer.username, action: 'admin.link.create', outcome: 'ok', detail: `${court} ${login}` });
    const linked = admin.ecf(court, login);
    return reply.code(201).send(linked ? linkJson(linked) : null);
  });

  app.delete<{ Params: { court: string; login: string } }>('/links/:court/:login', async (request, reply) => {
    const court = request.params.court.toLowerCase();
    const ecf = admin.ecf(court, request.params.login);
    if (!ecf) throw new NotFoundError(`There is no CM/ECF account "${request.params.login}" at ${court}.`);
    if (ecf.linked_pacer_account_id === null) throw new NotFoundError(`The CM/ECF account "${ecf.login}" at ${court} is not linked.`);
    admin.unlink(ecf.id);
    app.record(request, { actor: ecf.linked_username ?? '', action: 'admin.link.delete', outcome: 'ok', detail: `${court} ${ecf.login}` });
    return reply.code(204).send();
  });
}
