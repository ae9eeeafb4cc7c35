import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { InputError, iso } from './admin-http.js';
import { JournalEntryJson, JournalQuery, listing } from './admin-schemas.js';

/**
 * The journal: every access attempt and state change, newest first. Filters: account (the
 * actor, not case sensitive), action (exact, or a prefix ending in *: "login.*"), since and
 * until (ISO-8601), limit (1-10000, default 100).
 */
export default async function journalAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const about = 'Every login attempt, session, link and control-plane change, newest first.';
  app.get(
    '/journal',
    listing('Read the journal', JournalQuery, 'entries', JournalEntryJson, 'Entries.', about),
    async (request) => {
      const { account, action, limit } = request.query;
      const since = request.query.since === undefined ? undefined : Date.parse(request.query.since);
      const until = request.query.until === undefined ? undefined : Date.parse(request.query.until);
      if (since !== undefined && until !== undefined && since > until) {
        throw new InputError('Query parameter "since" must not be after "until".');
      }
      const entries = app.repos.journal.list({
        ...(account ? { actor: account } : {}),
        ...(action ? { action } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        limit: limit ?? 100,
      });
      return { entries: entries.map((e) => ({ ...e, at: iso(e.at) })) };
    },
  );
}
