import type { FastifyInstance } from 'fastify';
import { billablePagesForText, searchCostCents } from '../domain/billing.js';
import { queryCriteria, resultsText, searchCases, type QueryInput } from '../domain/cases.js';
import { bill } from './billable.js';
import { courtPage } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * Query (iquery.pl, real path): the search form, and with `run=1` the matches from this court's
 * seeded case list. A results page is billable: it ends with the real transaction receipt and
 * is recorded as a billing row under the session's client code (FIDELITY §7).
 */
const MAX_FIELD = 100;

/** Fidelity: the receipt's Description for a Query search. */
const DESCRIPTION = 'Search';

export default async function queryRoutes(app: FastifyInstance) {
  app.get(ECF_PATHS.query, async (request, reply) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const str = (k: string) => {
      const v = Array.isArray(q[k]) ? (q[k] as unknown[])[0] : q[k];
      return typeof v === 'string' ? v.slice(0, MAX_FIELD) : '';
    };
    const values: QueryInput = {
      caseNum: str('case_num'),
      lastName: str('last_name'),
      firstName: str('first_name'),
      filedFrom: str('filed_from'),
      filedTo: str('filed_to'),
    };
    if (str('run') === '') return courtPage(reply, request, 'ecf/iquery', { values: {}, error: null });

    const parsed = queryCriteria(values);
    if (!parsed.ok) return courtPage(reply, request, 'ecf/iquery', { values, error: parsed.error });
    const matches = searchCases(app.repos.cases.forCourt(request.ecf.court.code), parsed.criteria);
    // Invented: a search that finds nothing is not billed and shows no receipt.
    if (matches.length === 0) return courtPage(reply, request, 'ecf/query-results', { matches, byName: false, receipt: null });

    const pages = billablePagesForText(resultsText(matches));
    const receipt = bill(app, request, { description: DESCRIPTION, criteria: parsed.criteria.summary, pages, costCents: searchCostCents(pages) });
    return courtPage(reply, request, 'ecf/query-results', { matches, byName: parsed.criteria.lastName !== '', receipt });
  });
}
