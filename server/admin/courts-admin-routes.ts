import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import { CourtJson, ERRORS, answer } from './admin-schemas.js';

/** The courts this server plays, with the CSO pscCourtId each one sends to the login page. */
export default async function courtsAdminRoutes(app: FastifyInstance) {
  app.get(
    '/courts',
    {
      schema: {
        summary: 'Courts served',
        response: { 200: answer(Type.Object({ defaultCourt: Type.String(), courts: Type.Array(CourtJson) }), 'Courts.'), ...ERRORS },
      },
    },
    async () => ({ defaultCourt: app.config.defaultCourt, courts: app.repos.courts.list() }),
  );
}
