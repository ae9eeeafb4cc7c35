import type { FastifyInstance } from 'fastify';
import { FAULT_NAMES, parseFaultList } from '../domain/faults.js';

/**
 * GET/PUT/DELETE /__admin/faults: the run-time faults (README "Faults"). PUT replaces the whole
 * set, so `{"faults": []}` clears it. The faults plugin never touches /__admin, so these routes
 * always answer, whatever is switched on.
 */
const USAGE = 'Send {"faults": ["NAME", "NAME=value"]}; {"faults": []} clears them.';

export default async function faultsRoutes(app: FastifyInstance) {
  // Bad JSON and the like get a JSON answer here, not the HTML error page.
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'faults route failed');
    return reply.code(status).send({ error: status < 500 ? 'bad_request' : 'internal', message: status < 500 ? `${error.message ?? 'bad request'}. ${USAGE}` : 'internal error' });
  });

  const current = () => ({ faults: app.faults.list(), known: FAULT_NAMES });

  app.get('/faults', async () => current());

  app.put('/faults', async (request, reply) => {
    const body = request.body as { faults?: unknown } | null | undefined;
    const list = body && typeof body === 'object' ? body.faults : undefined;
    if (!Array.isArray(list) || !list.every((f): f is string => typeof f === 'string')) {
      return reply.code(400).send({ error: 'bad_request', message: USAGE });
    }
    const parsed = parseFaultList(list);
    if (!parsed.ok) return reply.code(400).send({ error: 'bad_request', message: parsed.error });
    app.faults.set(parsed.value);
    app.record(request, { actor: 'admin', action: 'faults.set', outcome: 'ok', detail: app.faults.list().join(',') || '(none)' });
    return current();
  });

  app.delete('/faults', async (request) => {
    app.faults.set([]);
    app.record(request, { actor: 'admin', action: 'faults.set', outcome: 'ok', detail: '(none)' });
    return current();
  });
}
