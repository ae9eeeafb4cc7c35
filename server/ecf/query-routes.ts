import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { billablePagesForText, searchCostCents } from '../domain/billing.js';
import { caseSummary, EMPTY_QUERY_FORM, planQuery, queryCase, resultsText, runQuery, type QueryAnswer, type QueryCase, type QueryForm } from '../domain/cases.js';
import { field, fieldList, rawQuery } from '../domain/form-fields.js';
import { REPORTS } from '../domain/menus.js';
import { sign } from '../domain/tokens.js';
import { bill } from './billable.js';
import { courtPage } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * Query (iquery.pl, real): the form, and its answers from this court's cases (server/domain/cases.ts).
 *
 * Fidelity (juriscraper case_query.py, utils.get_nonce_from_form; captured case_queries/*,
 * case_queries_advanced/*): the form posts multipart to `iquery.pl?<nonce>-L_1_0-1`, and the
 * literal nonce `1` is accepted too (juriscraper posts to `iquery.pl?1-L_1_0-1`); a case in
 * "Select a Case" links to `iquery.pl?<nonce>-L_1_0-0-<caseid>`. One case answers its summary (not
 * billed: the captured summaries carry no receipt); a list, and "No match found", end with the
 * transaction receipt and are billed as a search. Bad input is answered with a page, never an error.
 */
const MAX_FIELD = 100;

/** Fidelity: the receipt's Description for a Query search. */
const DESCRIPTION = 'Search';

/** Fidelity: the case summary's Query menu, in the captured order (case_queries/flsd.html; flmd's has the same items). */
const CASE_QUERY_MENU: readonly { text: string; href: string }[] = [
  { text: 'Alias', href: ECF_PATHS.qryAlias },
  { text: 'Associated Cases', href: ECF_PATHS.qryAscCases },
  { text: 'Attorney', href: ECF_PATHS.qryAttorneys },
  { text: 'Case Summary', href: ECF_PATHS.qrySummary },
  { text: 'Deadlines/Hearings...', href: ECF_PATHS.schedQry },
  { text: 'Docket Report ...', href: ECF_PATHS.docketReport },
  { text: 'Filers', href: ECF_PATHS.filerQry },
  { text: 'History/Documents...', href: ECF_PATHS.historyDocuments },
  { text: 'Party', href: ECF_PATHS.qryParties },
  { text: 'Related Transactions...', href: ECF_PATHS.relTransactQry },
  { text: 'View a Document', href: ECF_PATHS.qryDocument },
];

/** The Reports pages serve Docket Report and History/Documents; the menu's other pages answer "not available yet" here. */
const SERVED_BY_REPORTS: ReadonlySet<string> = new Set(REPORTS.map((r) => r.href));
const PENDING_PAGES = [...CASE_QUERY_MENU.filter((m) => !SERVED_BY_REPORTS.has(m.href)), { text: 'Mobile Query', href: ECF_PATHS.mobileQuery }];

/** What iquery.pl's query string asks for. */
type Target =
  | { kind: 'form' }
  | { kind: 'run'; nonce: string }
  | { kind: 'case'; nonce: string; caseId: number }
  | { kind: 'caseNumber'; text: string }
  | { kind: 'bad' };

const NONCE_RE = /^(\d{1,20})-L_\d{1,6}_\d{1,6}-(?:1|0-(\d{1,12}))$/;

function targetOf(query: string): Target {
  if (query === '') return { kind: 'form' };
  const m = NONCE_RE.exec(query);
  if (m) return m[2] === undefined ? { kind: 'run', nonce: m[1] ?? '' } : { kind: 'case', nonce: m[1] ?? '', caseId: Number(m[2]) };
  // Invented: the menu bar's Search prompt opens iquery.pl?case_num=<number>.
  const params = new URLSearchParams(query);
  const caseNum = params.get('case_num');
  if (caseNum !== null && [...params.keys()].length === 1) return { kind: 'caseNumber', text: caseNum.slice(0, MAX_FIELD + 1) };
  return { kind: 'bad' };
}

/** Invented: shown for a nonce this court did not issue, or a query string iquery.pl does not take. */
export const BAD_QUERY_URL = 'This query address is not valid here. Start again from the Query menu.';

/** Fidelity: the real page for a case id or number that names no case (captured case_queries/nyed.html). */
export const CASE_NOT_FOUND = 'Case not found.';

function readForm(body: unknown): QueryForm {
  const text = (name: string) => field(body, name, MAX_FIELD);
  return {
    allCaseIds: field(body, 'all_case_ids', 1000),
    caseNum: text('case_num'),
    caseStatus: text('case_status') || 'all',
    filedFrom: text('Qry_filed_from'),
    filedTo: text('Qry_filed_to'),
    lastEntryFrom: text('lastentry_from'),
    lastEntryTo: text('lastentry_to'),
    natureOfSuit: fieldList(body, 'nature_suit', MAX_FIELD),
    causeOfAction: fieldList(body, 'cause_action', MAX_FIELD),
    lastName: text('last_name'),
    exactMatch: text('ExactMatch') !== '',
    firstName: text('first_name'),
    middleName: text('middle_name'),
    personType: text('person_type'),
  };
}

export default async function queryRoutes(app: FastifyInstance) {
  /** The court's cases with their parties; a case under seal is not Query's to show. */
  function courtCases(court: string): QueryCase[] {
    const parties = app.repos.parties.forCourt(court);
    return app.repos.cases
      .forCourt(court)
      .filter((c) => !c.sealed)
      .map((c) => queryCase(c, parties.get(c.id) ?? []));
  }
  function oneCase(court: string, pacerCaseId: number): QueryCase | null {
    const c = app.repos.cases.byPacerId(court, pacerCaseId);
    return c && !c.sealed ? queryCase(c, app.repos.parties.forCase(c.id)) : null;
  }

  /**
   * The nonce this court issues to this account: 15 digits, as real nonces look, derived from the
   * app's secret, so it needs no storage and stays valid across the account's sessions.
   */
  function issuedNonce(request: FastifyRequest): string {
    const mac = Buffer.from(sign(app.secret, 'iquery-nonce', request.ecf.court.code, String(request.ecf.account.id)), 'base64url');
    return String(100_000_000_000_000n + (mac.readBigUInt64BE(0) % 900_000_000_000_000n));
  }
  const nonceValid = (request: FastifyRequest, nonce: string) => nonce === '1' || nonce === issuedNonce(request);

  function form(request: FastifyRequest, reply: FastifyReply, values: QueryForm = EMPTY_QUERY_FORM, error: string | null = null) {
    const codes = new Map<string, string>();
    for (const c of courtCases(request.ecf.court.code)) {
      const code = c.natureOfSuit.match(/^\d{3}/)?.[0];
      if (code && !codes.has(code)) codes.set(code, c.natureOfSuit);
    }
    const natureOfSuit = [...codes].sort(([a], [b]) => a.localeCompare(b)).map(([code, text]) => ({ code, text }));
    return courtPage(reply, request, 'ecf/iquery', { nonce: issuedNonce(request), values, error, natureOfSuit });
  }

  const message = (request: FastifyRequest, reply: FastifyReply, text: string) =>
    courtPage(reply, request, 'ecf/query-message', { message: text, clearCaseCookie: text === CASE_NOT_FOUND });

  function answer(request: FastifyRequest, reply: FastifyReply, a: QueryAnswer) {
    const bankruptcy = request.ecf.court.kind === 'bankruptcy';
    switch (a.kind) {
      case 'notFound':
        return message(request, reply, CASE_NOT_FOUND);
      case 'summary': {
        const summary = caseSummary(a.case, bankruptcy);
        return courtPage(reply, request, 'ecf/case-summary', { summary, titleSuffix: summary.titleSuffix, queryMenu: CASE_QUERY_MENU });
      }
      default: {
        // Fidelity: "No match found" is billed as one page (canb_2.html: 1 page, 0.10).
        const pages = a.kind === 'noMatch' ? 1 : billablePagesForText(resultsText(a.rows));
        const receipt = bill(app, request, { description: DESCRIPTION, criteria: a.criteria, pages, costCents: searchCostCents(pages) });
        return courtPage(reply, request, 'ecf/query-results', { answer: a, receipt, bankruptcy, nonce: issuedNonce(request) });
      }
    }
  }

  function showCase(request: FastifyRequest, reply: FastifyReply, caseId: number) {
    const found = oneCase(request.ecf.court.code, caseId);
    return answer(request, reply, found ? { kind: 'summary', case: found } : { kind: 'notFound' });
  }

  function run(request: FastifyRequest, reply: FastifyReply, values: QueryForm) {
    const planned = planQuery(values);
    if (!planned.ok) return form(request, reply, values, planned.error);
    return answer(request, reply, runQuery(courtCases(request.ecf.court.code), planned.plan));
  }

  /** GET and POST alike, but for the form's own address: posted, it runs the query; fetched, it shows the form. */
  async function iquery(request: FastifyRequest, reply: FastifyReply) {
    const t = targetOf(rawQuery(request.url));
    switch (t.kind) {
      case 'form':
        return form(request, reply);
      case 'run':
        if (!nonceValid(request, t.nonce)) return message(request, reply, BAD_QUERY_URL);
        // Fetched rather than posted (a bookmark, a login's way back): the form.
        return request.method === 'POST' ? run(request, reply, readForm(request.body)) : form(request, reply);
      case 'case':
        return nonceValid(request, t.nonce) ? showCase(request, reply, t.caseId) : message(request, reply, BAD_QUERY_URL);
      case 'caseNumber':
        return run(request, reply, { ...EMPTY_QUERY_FORM, caseNum: t.text });
      case 'bad':
        return message(request, reply, BAD_QUERY_URL);
    }
  }
  app.get(ECF_PATHS.query, iquery);
  app.post(ECF_PATHS.query, iquery);

  // Invented: the case menu's pages that come with a later release answer, to a browser's GET and a
  // client's POST alike (juriscraper posts mobile_query.pl), a plain page saying so.
  for (const page of PENDING_PAGES) {
    app.route({
      method: ['GET', 'POST'],
      url: page.href,
      handler: async (request, reply) => {
        const id = rawQuery(request.url).match(/(?:^|caseid=+)(\d{1,12})$/)?.[1];
        const found = id === undefined ? null : oneCase(request.ecf.court.code, Number(id));
        return courtPage(reply, request, 'ecf/query-pending', { title: page.text, summary: found, nonce: issuedNonce(request) });
      },
    });
  }
}
