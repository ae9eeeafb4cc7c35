import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import type { FreeLook } from '../../db/free-looks-repository.js';
import { CaseInput, type CaseData } from '../domain/case-fields.js';
import { createCaseService } from '../domain/case-service.js';
import { documentsByEntry } from '../domain/docket.js';
import { ConflictError, InputError, NotFoundError } from './admin-http.js';
import { answer, CONFLICT, ERRORS, NO_CONTENT, NOT_FOUND } from './admin-schemas.js';
import {
  CaseJson,
  CaseListQuery,
  caseJson,
  CaseParams,
  CaseSummaryJson,
  caseSummaryJson,
  CourtQuery,
  EntryJson,
  entryJson,
} from './cases-admin-schemas.js';

/**
 * Court cases: list a court's, read one with its parties and counsel, read its docket with every
 * document's doc1 id and free looks, add one (the seed's format: parties, attorneys, entries,
 * documents with their pages; the PDFs are made on first request), delete one with its files.
 * A reset puts the seed's cases back.
 */
const ABOUT_CREATE =
  'The body is a case in the seed file\'s format (see the README): court, number (1:26-cv-20001), title, filed, parties (with attorneys), entries (with pages, attachments and free looks), optionally generatedEntries for a long docket. The PACER case id (unless given) and the doc1 serials come from the court\'s counters; each document\'s PDF is made on its first request, of the pages given.';

/** Up to a 10,000-entry docket described entry by entry. */
const CASE_BODY_LIMIT = 8 * 1024 * 1024;

export default async function casesAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const repos = app.repos;
  const service = createCaseService({ ...repos, journal: repos.journal, now: () => app.clock.now() });

  const courtOr400 = (code: string | undefined) => {
    const court = repos.courts.byCode(code ?? app.config.defaultCourt);
    if (!court) throw new InputError(`Query parameter "court" names "${code}", which is not a court here.`);
    return court;
  };
  const caseOr404 = (court: string, pacerCaseId: number) => {
    const c = repos.cases.byPacerId(court, pacerCaseId);
    if (!c) throw new NotFoundError(`There is no case with PACER case id ${pacerCaseId} at ${court}.`);
    return c;
  };
  const show = (court: string, pacerCaseId: number) => {
    const c = caseOr404(court, pacerCaseId);
    const lead = c.leadCaseId === null ? null : repos.cases.byId(c.leadCaseId);
    return caseJson(c, { entries: repos.docketEntries.count(c.id), parties: repos.parties.forCase(c.id), counsel: repos.attorneys.counselOfCase(c.id), leadCase: lead?.numberShort ?? null });
  };

  app.get(
    '/cases',
    {
      schema: {
        summary: 'List cases',
        querystring: CaseListQuery,
        response: { 200: answer(Type.Object({ cases: Type.Array(CaseSummaryJson) }), 'Cases, by court and number.'), ...ERRORS },
      },
    },
    async (request) => {
      const courts = request.query.court === undefined ? repos.courts.list() : [courtOr400(request.query.court)];
      return { cases: courts.flatMap((court) => repos.cases.forCourt(court.code).map((c) => caseSummaryJson(c, repos.docketEntries.count(c.id)))) };
    },
  );

  app.post(
    '/cases',
    {
      bodyLimit: CASE_BODY_LIMIT,
      schema: { summary: 'Add a case', description: ABOUT_CREATE, body: CaseInput, response: { 201: answer(CaseJson, 'Added.'), ...ERRORS, ...CONFLICT } },
    },
    async (request, reply) => {
      // Validation has filled in every default.
      const added = service.add(request.body as CaseData, request.headers.host ?? '');
      if (!added.ok) throw added.status === 409 ? new ConflictError(added.message) : new InputError(added.message);
      return reply.code(201).header('location', `/__admin/cases/${added.pacerCaseId}?court=${added.court}`).send(show(added.court, added.pacerCaseId));
    },
  );

  app.get(
    '/cases/:pacerCaseId',
    { schema: { summary: 'One case', params: CaseParams, querystring: CourtQuery, response: { 200: answer(CaseJson, 'The case.'), ...ERRORS, ...NOT_FOUND } } },
    async (request) => show(courtOr400(request.query.court).code, request.params.pacerCaseId),
  );

  app.get(
    '/cases/:pacerCaseId/entries',
    {
      schema: {
        summary: "A case's docket entries",
        description: "In docket order, each with its documents' doc1 ids, sizes and free looks.",
        params: CaseParams,
        querystring: CourtQuery,
        response: { 200: answer(Type.Object({ entries: Type.Array(EntryJson) }), 'The entries.'), ...ERRORS, ...NOT_FOUND },
      },
    },
    async (request) => {
      const court = courtOr400(request.query.court);
      const c = caseOr404(court.code, request.params.pacerCaseId);
      const docs = documentsByEntry(repos.documents.forCase(c.id));
      const looks = new Map<number, FreeLook[]>();
      for (const f of repos.freeLooks.forCase(c.id)) looks.set(f.documentId, [...(looks.get(f.documentId) ?? []), f]);
      return { entries: repos.docketEntries.forCase(c.id).map((e) => entryJson(e, docs.get(e.id), court, (d) => looks.get(d.id) ?? [])) };
    },
  );

  app.delete(
    '/cases/:pacerCaseId',
    { schema: { summary: 'Delete a case', description: 'With its parties, docket, documents (and their files) and free looks.', params: CaseParams, querystring: CourtQuery, response: { ...NO_CONTENT, ...ERRORS, ...NOT_FOUND } } },
    async (request, reply) => {
      const court = courtOr400(request.query.court);
      const removed = service.remove(court.code, request.params.pacerCaseId, request.headers.host ?? '');
      if (!removed.ok) throw new NotFoundError(removed.message);
      await app.documents.remove(removed.files);
      return reply.code(204).send();
    },
  );
}
