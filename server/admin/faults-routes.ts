import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import { FAULT_NAMES, parseFaultList } from '../domain/faults.js';
import { ERRORS, FaultsJson, answer } from './admin-schemas.js';
import { SchemaInputError } from './admin-validation.js';

/**
 * GET/PUT/DELETE /__admin/faults: the run-time faults (README "Faults"). PUT replaces the whole
 * set, so `{"faults": []}` clears it. The faults plugin never touches /__admin, so these routes
 * always answer, whatever is switched on.
 */
const USAGE = 'Send {"faults": ["NAME", "NAME=value"]}; {"faults": []} clears them.';

const FaultsChange = Type.Object({ faults: Type.Array(Type.String({ description: 'NAME or NAME=value' })) });

export default async function faultsRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  // Bad JSON and the like get a JSON answer here, not the HTML error page.
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    if (error instanceof SchemaInputError) return reply.code(400).send({ error: 'bad_request', message: USAGE });
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'faults route failed');
    return reply.code(status).send({ error: status < 500 ? 'bad_request' : 'internal', message: status < 500 ? `${error.message ?? 'bad request'}. ${USAGE}` : 'internal error' });
  });

  const current = () => ({ faults: app.faults.list(), known: FAULT_NAMES });
  const faultsAnswer = (description: string) => ({ 200: answer(FaultsJson, description), ...ERRORS });

  app.get('/faults', { schema: { summary: 'Active faults and the known fault names', response: faultsAnswer('Faults.') } }, async () => current());

  app.put(
    '/faults',
    {
      schema: {
        summary: 'Replace the set of active faults',
        description:
          'Names and values as in FAULTS, e.g. ["MAINTENANCE", "LATENCY=200-800", "THROTTLE=5/min"]; an empty list clears them. See the README table of faults.',
        body: FaultsChange,
        response: faultsAnswer('The new set.'),
      },
    },
    async (request, reply) => {
      const parsed = parseFaultList(request.body.faults);
      if (!parsed.ok) return reply.code(400).send({ error: 'bad_request', message: parsed.error });
      app.faults.set(parsed.value);
      app.record(request, { actor: 'admin', action: 'faults.set', outcome: 'ok', detail: app.faults.list().join(',') || '(none)' });
      return current();
    },
  );

  app.delete('/faults', { schema: { summary: 'Clear every fault', response: faultsAnswer('No faults.') } }, async (request) => {
    app.faults.set([]);
    app.record(request, { actor: 'admin', action: 'faults.set', outcome: 'ok', detail: '(none)' });
    return current();
  });
}
