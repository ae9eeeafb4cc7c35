import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import { ClockJson, ERRORS, answer } from './admin-schemas.js';
import { SchemaInputError } from './admin-validation.js';

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
const SET_RULE = 'an ISO-8601 date or date-time with a time zone, e.g. "2026-06-30" or "2026-06-30T12:00:00Z"';

const ClockChange = Type.Object(
  {
    advanceSeconds: Type.Optional(
      Type.Number({
        minimum: -MAX_ADVANCE_SECONDS,
        maximum: MAX_ADVANCE_SECONDS,
        description: `a number of seconds between -${MAX_ADVANCE_SECONDS} and ${MAX_ADVANCE_SECONDS}`,
      }),
    ),
    set: Type.Optional(Type.String({ description: SET_RULE })),
    reset: Type.Optional(Type.Unsafe<true>({ type: 'boolean', const: true, description: 'true: back to real time' })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

/** The clock's own wording: "advanceSeconds must be ...", then how to use it. */
function clockSentence(error: SchemaInputError): string {
  const p = error.problem;
  if (p.keyword === 'minProperties' || p.keyword === 'maxProperties') return 'Give exactly one of advanceSeconds, set, reset.';
  if (p.kind === 'unknown') return `Unknown field "${p.field}".`;
  if (p.kind === 'field') return `${p.field} ${p.problem}.`;
  return error.message;
}

export default async function clockRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    if (error instanceof SchemaInputError) return reply.code(400).send({ error: 'bad_request', message: `${clockSentence(error)} ${USAGE}` });
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'clock route failed');
    return reply.code(status).send({ error: status < 500 ? 'bad_request' : 'internal', message: status < 500 ? `${error.message ?? 'bad request'}. ${USAGE}` : 'internal error' });
  });

  const current = () => ({ now: new Date(app.clock.now()).toISOString(), virtual: app.clock.isVirtual });

  app.get('/clock', { schema: { summary: 'The virtual clock', response: { 200: answer(ClockJson, 'Now, and whether it has been moved.'), ...ERRORS } } }, async () => current());

  app.post(
    '/clock',
    {
      schema: {
        summary: 'Move the virtual clock',
        description: 'Exactly one of advanceSeconds (negative: back), set (ISO-8601) or reset: true (back to real time).',
        body: ClockChange,
        response: { 200: answer(ClockJson, 'The clock after the change.'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const bad = (message: string) => reply.code(400).send({ error: 'bad_request', message });
      const { advanceSeconds, set } = request.body;
      let detail: string;
      if (advanceSeconds !== undefined) {
        const target = app.clock.now() + advanceSeconds * 1000;
        if (target < MIN_MS || target > MAX_MS) return bad('That would move the clock outside the years 1970-9999.');
        app.clock.advance(advanceSeconds);
        detail = `advance ${advanceSeconds}s`;
      } else if (set !== undefined) {
        const ms = ISO_RE.test(set) ? Date.parse(set) : Number.NaN;
        if (!Number.isFinite(ms)) return bad(`set must be ${SET_RULE}.`);
        if (ms < MIN_MS || ms > MAX_MS) return bad('set must be a time in the years 1970-9999.');
        app.clock.set(ms);
        detail = `set ${new Date(ms).toISOString()}`;
      } else {
        app.clock.reset();
        detail = 'reset';
      }
      app.record(request, { actor: 'admin', action: 'clock', outcome: 'ok', detail });
      return current();
    },
  );
}
