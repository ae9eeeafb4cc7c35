import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import * as Type from 'typebox';
import { readFilingData } from '../domain/filing.js';
import { iso } from './admin-http.js';
import { listing } from './admin-schemas.js';

const time = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time' });

const FilingJson = Type.Object({
  id: Type.Integer(),
  key: Type.String({ description: 'The random name in the steps\u2019 URLs (Filing.pl?<key>-<step>).' }),
  court: Type.String(),
  username: Type.String({ description: 'The PACER account whose session filed.' }),
  ecfLogin: Type.String({ description: 'The CM/ECF filer account it filed as.' }),
  menu: Type.String({ description: 'CivilEvents, CriminalEvents, BankruptcyEvents or AdversaryEvents.' }),
  category: Type.String({ description: 'The category key (Dispatch.pl?<key>).' }),
  events: Type.Array(Type.String(), { description: 'The event keys picked.' }),
  state: Type.Unsafe<'open' | 'committed' | 'abandoned'>({ type: 'string', enum: ['open', 'committed', 'abandoned'] }),
  step: Type.Union([Type.String(), Type.Null()], { description: 'Open filings: the last step done.' }),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  pacerCaseId: Type.Union([Type.Integer(), Type.Null()]),
  docNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'Committed: the entry\u2019s document number.' }),
  nefId: Type.Union([Type.Integer(), Type.Null()], { description: 'Committed: the notice, GET /__admin/nefs/{id}.' }),
  createdAt: time,
  updatedAt: time,
  committedAt: time,
});

const FilingsQuery = Type.Object({
  court: Type.Optional(Type.String({ maxLength: 20, description: 'Only this court (code, e.g. flsd).' })),
  state: Type.Optional(Type.Unsafe<'open' | 'committed' | 'abandoned'>({ type: 'string', enum: ['open', 'committed', 'abandoned'], description: 'Only filings in this state.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100, description: 'a whole number from 1 to 10000' })),
});

/** E-filing transactions (issue 13): in progress, committed (with their NEF ids) and abandoned, newest first. */
export default async function filingsAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/filings',
    listing('List e-filing transactions', FilingsQuery, 'filings', FilingJson, 'Filings, newest first.', 'Filings in progress, committed (with the NEF id) and abandoned. Staged files are not listed.'),
    async (request) => {
      const { court, state, limit } = request.query;
      const rows = app.repos.filings.list({ ...(court ? { court: court.toLowerCase() } : {}), ...(state ? { state } : {}), limit: limit ?? 100 });
      return {
        filings: rows.map((r) => {
          const data = readFilingData(r.data);
          return {
            id: r.id,
            key: r.key,
            court: r.court,
            username: r.username,
            ecfLogin: r.ecfLogin,
            menu: r.menu,
            category: r.categoryKey,
            events: data.events,
            state: r.state,
            step: r.state === 'open' ? (data.done.at(-1) ?? null) : null,
            caseNumber: r.caseNumber,
            pacerCaseId: r.pacerCaseId,
            docNumber: r.docNumber,
            nefId: r.nefId,
            createdAt: iso(r.createdAt),
            updatedAt: iso(r.updatedAt),
            committedAt: iso(r.committedAt),
          };
        }),
      };
    },
  );
}
