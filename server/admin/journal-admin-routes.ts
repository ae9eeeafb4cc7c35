import type { FastifyInstance } from 'fastify';
import { InputError, iso, queryInt, queryString, queryTime } from './admin-http.js';

/**
 * The journal: every access attempt and state change, newest first. Filters: account (the
 * actor, not case sensitive), action (exact, or a prefix ending in *: "login.*"), since and
 * until (ISO-8601), limit (1-10000, default 100).
 */
export default async function journalAdminRoutes(app: FastifyInstance) {
  app.get('/journal', async (request) => {
    const q = request.query;
    const since = queryTime(q, 'since');
    const until = queryTime(q, 'until');
    if (since !== undefined && until !== undefined && since > until) {
      throw new InputError('Query parameter "since" must not be after "until".');
    }
    const account = queryString(q, 'account', 100);
    const action = queryString(q, 'action', 100);
    const entries = app.repos.journal.list({
      ...(account ? { actor: account } : {}),
      ...(action ? { action } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      limit: queryInt(q, 'limit', 1, 10_000) ?? 100,
    });
    return {
      entries: entries.map((e) => ({ id: e.id, at: iso(e.at), actor: e.actor, host: e.host, action: e.action, outcome: e.outcome, detail: e.detail })),
    };
  });
}
