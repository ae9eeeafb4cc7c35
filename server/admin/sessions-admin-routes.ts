import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NotFoundError, sessionJson, usernames } from './admin-http.js';
import { listing, removal, SessionJson, SessionsQuery, TokenParams } from './admin-schemas.js';

/** CSO sessions (NextGenCSO tokens): list them, end one (it stops working on every court). */
export default async function sessionsAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { pacerAccounts, sessions } = app.repos;

  app.get('/sessions', listing('List CSO sessions', SessionsQuery, 'sessions', SessionJson, 'Sessions, newest first.'), async (request) => {
    const username = request.query.username?.toLowerCase();
    const all = request.query.all ?? false;
    const now = app.clock.now();
    const usernameOf = usernames(pacerAccounts);
    const list = sessions
      .list()
      .map((s) => sessionJson(s, usernameOf(s.pacerAccountId) ?? '', now))
      .filter((s) => all || s.active)
      .filter((s) => !username || s.username.toLowerCase() === username);
    return { sessions: list };
  });

  app.delete('/sessions/:token', removal('End a session (the token stops working on every court)', TokenParams), async (request, reply) => {
    const session = sessions.get(request.params.token);
    if (!session) throw new NotFoundError('There is no session with that token.');
    const account = pacerAccounts.byId(session.pacerAccountId);
    // Ending an ended session is not an error: the caller's wish (it no longer works) holds.
    app.sessions.end(session.token, account?.username ?? '', request.headers.host ?? '');
    return reply.code(204).send();
  });
}
