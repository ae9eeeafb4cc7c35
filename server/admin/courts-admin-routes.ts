import type { FastifyInstance } from 'fastify';

/** The courts this server plays, with the CSO pscCourtId each one sends to the login page. */
export default async function courtsAdminRoutes(app: FastifyInstance) {
  app.get('/courts', async () => ({
    defaultCourt: app.config.defaultCourt,
    courts: app.repos.courts.list(),
  }));
}
