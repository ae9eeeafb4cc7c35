import type { FastifyInstance } from 'fastify';

/**
 * GET/POST /__admin/clock: the virtual clock every rule reads (session expiry, lockouts, the
 * 180-day password rule, billing dates). POST takes exactly one of
 * `{"advanceSeconds": N}`, `{"set": "<ISO-8601>"}` or `{"reset": true}` (back to real time).
 * Time keeps running from wherever it was put.
 */
const USAGE = 'Send one of {"advanceSeconds": 3600}, {"set": "2026-06-30T12:00:00Z"} or {"reset": true}.';
/** A century either way is more than any test needs and keeps dates printable. */
const MAX_ADVANCE_SECONDS = 100 * 366 * 86_400;
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);

export default async function clockRoutes(app: FastifyInstance) {
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'clock route failed');
    return reply.code(status).send({ error: status < 500 ? 'bad_request' : 'internal', message: status < 500 ? `${error.message ?? 'bad request'}. ${USAGE}` : 'internal error' });
  });

  const current = () => ({ now: new Date(app.clock.now()).toISOString(), virtual: app.clock.isVirtual });

  app.get('/clock', async () => current());

  app.post('/clock', async (request, reply) => {
    const bad = (message: string) => reply.code(400).send({ error: 'bad_request', message });
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad(USAGE);
    const keys = Object.keys(body);
    if (keys.length !== 1) return bad(`Give exactly one of advanceSeconds, set, reset. ${USAGE}`);
    const b = body as Record<string, unknown>;
    let detail: string;
    if ('advanceSeconds' in b) {
      const n = b['advanceSeconds'];
      if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > MAX_ADVANCE_SECONDS) {
        return bad(`advanceSeconds must be a number of seconds between -${MAX_ADVANCE_SECONDS} and ${MAX_ADVANCE_SECONDS}.`);
      }
      const target = app.clock.now() + n * 1000;
      if (target < MIN_MS || target > MAX_MS) return bad('That would move the clock outside the years 1970-9999.');
      app.clock.advance(n);
      detail = `advance ${n}s`;
    } else if ('set' in b) {
      const s = b['set'];
      const ms = typeof s === 'string' && ISO_RE.test(s) ? Date.parse(s) : Number.NaN;
      if (!Number.isFinite(ms)) {
        return bad('set must be an ISO-8601 date or date-time with a time zone, e.g. "2026-06-30" or "2026-06-30T12:00:00Z".');
      }
      if (ms < MIN_MS || ms > MAX_MS) return bad('set must be a time in the years 1970-9999.');
      app.clock.set(ms);
      detail = `set ${new Date(ms).toISOString()}`;
    } else if ('reset' in b) {
      if (b['reset'] !== true) return bad('reset must be true.');
      app.clock.reset();
      detail = 'reset';
    } else {
      return bad(`Unknown field "${keys[0]}". ${USAGE}`);
    }
    app.record(request, { actor: 'admin', action: 'clock', outcome: 'ok', detail });
    return current();
  });
}
