import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { NefSummary } from '../../db/nefs-repository.js';
import { InputError, iso, NotFoundError } from './admin-http.js';
import { IdParams, listing, NefJson, NefSummaryJson, NefsQuery, reading } from './admin-schemas.js';

/**
 * The Notices of Electronic Filing issued (issue 13, docs/nef.md): newest first, with their case,
 * document, recipients (and each one's free look) and subject; one by id with its whole HTML.
 */
export default async function nefsAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { repos } = app;

  function summary(n: NefSummary) {
    const c = repos.cases.byId(n.caseId);
    const entry = repos.docketEntries.byId(n.entryId);
    const court = repos.courts.byCode(n.court);
    return {
      id: n.id,
      court: n.court,
      caseId: c?.pacerCaseId ?? 0,
      caseNumber: c?.numberFull ?? '',
      docNumber: entry?.docNumber ?? null,
      fileNumber: n.fileNumber,
      messageId: `<${n.messageId}@${court?.code ?? n.court}.uscourts.gov>`,
      subject: n.subject,
      recipients: n.recipients,
      emails: repos.outbox.forNef(n.id).map((m) => m.id),
      createdAt: iso(n.createdAt),
    };
  }

  /** The case rows a `case` query names at a court (or anywhere): its number, short or full, or its PACER case id. */
  function caseIds(court: string | undefined, which: string): number[] {
    const courts = court ? [court] : repos.courts.list().map((c) => c.code);
    return courts.flatMap((code) =>
      repos.cases
        .forCourt(code)
        .filter((c) => c.numberShort === which || c.numberFull === which || String(c.pacerCaseId) === which)
        .map((c) => c.id),
    );
  }

  app.get('/nefs', listing('Read the Notices of Electronic Filing', NefsQuery, 'nefs', NefSummaryJson, 'Notices, newest first.'), async (request) => {
    const { court: given, case: which, limit } = request.query;
    const court = given?.toLowerCase();
    if (court && !repos.courts.byCode(court)) throw new InputError(`Query parameter "court" names "${court}", which is not a court here.`);
    const limited = limit ?? 100;
    if (!which) return { nefs: repos.nefs.list({ ...(court ? { court } : {}), limit: limited }).map(summary) };
    const nefs = caseIds(court, which.trim())
      .flatMap((caseId) => repos.nefs.list({ caseId, limit: limited }))
      .sort((a, b) => b.id - a.id)
      .slice(0, limited);
    return { nefs: nefs.map(summary) };
  });

  app.get('/nefs/:id', reading('One Notice of Electronic Filing', IdParams, NefJson, 'The notice, its HTML whole.'), async (request) => {
    const n = repos.nefs.byId(request.params.id);
    if (!n) throw new NotFoundError(`There is no notice ${request.params.id}.`);
    return { ...summary(n), html: n.html, textBody: n.textBody };
  });
}
