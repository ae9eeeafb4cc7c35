import type { FastifyInstance } from 'fastify';
import { NotFoundError, queryBool, queryString, sessionJson } from './admin-http.js';

/** CSO sessions (NextGenCSO tokens): list them, end one (it stops working on every court). */
export default async function sessionsAdminRoutes(app: FastifyInstance) {
  const { admin, sessions } = app.repos;

  app.get('/sessions', async (request) => {
    const username = queryString(request.query, 'username')?.toLowerCase();
    const all = queryBool(request.query, 'all') ?? false;
    const now = app.clock.now();
    const rows = admin
      .sessions()
      .map((r) => sessionJson(r, now))
      .filter((s) => all || s.active)
      .filter((s) => !username || s.username.toLowerCase() === username);
    return { sessions: rows };
  });

  app.delete<{ Params: { token: string } }>('/sessions/:token', async (request, reply) => {
    const session = sessions.get(request.params.token);
    if (!session) throw new NotFoundError('There is no session with that token.');
    const account = app.repos.accounts.pacerById(session.pacerAccountId);
    // Ending an ended session is not an error: the caller's wish (it no longer works) holds.
    app.sessions.end(session.token, account?.username ?? '', request.headers.host ?? '');
    return reply.code(204).send();
  });
}
