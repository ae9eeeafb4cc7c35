import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import { numberMatches, parseCaseNumber, parseTypedCaseNumber } from '../../domain/case-numbers.js';
import { docketCriteria, documentsByEntry, needsLargeDocketWarning, selectEntries, type DocketCriteria } from '../../domain/docket.js';
import { field, rawQuery } from '../../domain/form-fields.js';
import { formatUsDate, ONE_DAY_MS } from '../../domain/us-dates.js';
import { courtPage } from '../court-context.js';
import { ECF_PATHS } from '../paths.js';
import { docketView, type DocketOptions } from './docket-view.js';
import {
  CASE_NOT_FOUND,
  CASE_UNDER_SEAL,
  caseIdOf,
  courtCase,
  IN_OPENING,
  INCOMPLETE_REQUEST,
  NO_DOCUMENTS,
  nonceAccepted,
  nonceOf,
  renderedReport,
  reportMessage,
  reportNonce,
  sendBilledReport,
  type RenderedReport,
} from './report-support.js';

/** A docket report's cached middle: its bytes and billed pages, the number its receipt names, and how many entries it shows (the large-docket check). */
export interface CachedDocket {
  report: RenderedReport;
  number: string;
  selected: number;
}

/**
 * The Docket Report (DktRpt.pl, real): the form, and the report juriscraper's DocketReport and
 * browser clients read.
 *
 * Fidelity (juriscraper DocketReport.query, ERROR_STRINGS; captured dockets/district/*,
 * dockets/bankruptcy/wiwb_1.html, dockets/not_dockets/*): GET `DktRpt.pl` or `DktRpt.pl?<caseid>`
 * is the form; a multipart POST to `DktRpt.pl?<nonce>-L_1_0-1` (the literal `1-L_1_0-1` too) runs
 * the report: filtered by date filed or entered and by document number, in one of four orders,
 * billed by its size. Without a date range, a docket of more than 300 entries first gets the
 * "may take a long time" page, whose choice posts back to `-L_1_1-1` and runs. A case that is not
 * there, under seal, still being opened or empty, a bad date or number range, and a bad address
 * get the real one-line pages; nothing here answers a 5xx.
 */
const SCRIPT = 'DktRpt.pl';
const DESCRIPTION = 'Docket Report';

/** The fields a report request carries, as the form and juriscraper post them. */
const FIELDS = [
  'all_case_ids',
  'case_num',
  'date_range_type',
  'date_type',
  'date_to',
  'documents_numbered_from_',
  'documents_numbered_to_',
  'list_of_parties_and_counsel',
  'terminated_parties',
  'list_of_member_cases',
  'view_multi_docs',
  'page_count',
  'output_format',
  'sort1',
  'pdf_header',
] as const;

export default async function docketReportRoutes(app: FastifyInstance) {
  const text = (body: unknown, name: string) => field(body, name, 100).trim();

  function form(request: FastifyRequest, reply: FastifyReply, c: CourtCase | null) {
    return courtPage(reply, request, 'ecf/reports/docket-form', {
      nonce: reportNonce(app, request, SCRIPT),
      courtCase: c,
      bankruptcy: request.ecf.court.kind === 'bankruptcy',
    });
  }

  /** The case a request names: all_case_ids (the widget's, and juriscraper's), else a typed number naming one case. */
  function requestedCase(request: FastifyRequest, body: unknown): CourtCase | null {
    const ids = text(body, 'all_case_ids');
    const first = ids.split(/[\s,]+/).find((t) => t !== '' && t !== '0');
    if (first !== undefined) return courtCase(app, request, caseIdOf(first));
    const typed = parseTypedCaseNumber(text(body, 'case_num'));
    if (!typed) return null;
    const found = app.repos.cases.forCourt(request.ecf.court.code).filter((c) => {
      const n = parseCaseNumber(c.numberShort);
      return n !== null && numberMatches(n, typed);
    });
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  /** The choices of the large-docket page (cod_147282): the past week, 90 days, year, or as asked. */
  function largeDocket(request: FastifyRequest, reply: FastifyReply, body: unknown) {
    const today = app.clock.now();
    const ago = (days: number) => formatUsDate(today - days * ONE_DAY_MS);
    const hidden = FIELDS.map((name) => [name, field(body, name, 100)] as const).filter(([, v]) => v !== '');
    return courtPage(reply, request, 'ecf/reports/large-docket', {
      nonce: reportNonce(app, request, SCRIPT),
      hidden,
      choices: [
        { value: ago(7), text: 'for the past week' },
        { value: ago(90), text: 'for the past 90 days' },
        { value: ago(365), text: 'for the past year' },
        { value: '', text: 'as initially requested' },
      ],
    });
  }

  function criteriaOf(body: unknown) {
    return docketCriteria({
      dateFrom: text(body, 'date_from'),
      dateTo: text(body, 'date_to'),
      dateType: text(body, 'date_range_type') || text(body, 'date_type'),
      numberFrom: text(body, 'documents_numbered_from_'),
      numberTo: text(body, 'documents_numbered_to_'),
      sort: text(body, 'sort1'),
    });
  }

  /** Fidelity (wiwb_1's receipt): a bankruptcy docket's Search Criteria spell out the request; a district's is the number (nyed). */
  function searchCriteria(bankruptcy: boolean, number: string, c: DocketCriteria): string {
    if (!bankruptcy) return number;
    const range = c.from || c.to ? ` From: ${c.from ?? ''} To: ${c.to ?? ''}` : '';
    return `${number} Fil or Ent: ${c.dateType}${range}   Doc From: ${c.numberFrom ?? 0} Doc To: ${c.numberTo ?? 99999999}   Headers: included  Format: html`;
  }

  function run(request: FastifyRequest, reply: FastifyReply, body: unknown, secondStep: boolean) {
    const c = requestedCase(request, body);
    if (!c) return reportMessage(reply, request, CASE_NOT_FOUND);
    if (c.sealed) return reportMessage(reply, request, CASE_UNDER_SEAL);
    if (c.inOpening) return reportMessage(reply, request, IN_OPENING);
    const checked = criteriaOf(body);
    if (!checked.ok) return reportMessage(reply, request, checked.error);
    const criteria = checked.criteria;

    const court = request.ecf.court;
    const bankruptcy = court.kind === 'bankruptcy';
    const on = (name: string) => text(body, name) !== '';
    const options: DocketOptions = {
      parties: on('list_of_parties_and_counsel'),
      terminated: on('terminated_parties'),
      multiDocs: on('view_multi_docs') && !bankruptcy,
      pageCounts: on('page_count'),
    };
    const sort = text(body, 'sort1') || 'oldest date first';
    const origin = request.site.courtOrigin(court.code);
    // The report's session-independent middle (app.docketReports) is keyed by everything it
    // depends on besides the rows, which the data generation covers: the court, the case, the
    // request's options (sort1 as posted: the View Selected form repeats it), and the origin its
    // absolute links name. The menu bar and the receipt are per request.
    const key = JSON.stringify([court.code, c.id, origin, criteria, sort, options]);
    const generation = app.repos.generation();
    const cache = app.docketReports;
    let docket = cache.get(generation, key);
    if (!docket) {
      const entries = app.repos.docketEntries.forCase(c.id);
      if (entries.length === 0) return reportMessage(reply, request, NO_DOCUMENTS);
      const selected = selectEntries(entries, criteria);
      if (!secondStep && needsLargeDocketWarning(selected.length, criteria)) return largeDocket(request, reply, body);
      const view = docketView({
        court,
        courtCase: c,
        leadCase: c.leadCaseId === null ? null : app.repos.cases.byId(c.leadCaseId),
        parties: app.repos.parties.forCase(c.id),
        counsel: app.repos.attorneys.counselOfCase(c.id),
        allEntries: entries,
        selected,
        docs: documentsByEntry(app.repos.documents.forCase(c.id)),
        options,
        origin,
      });
      const content = app.renderView(bankruptcy ? 'ecf/reports/docket-bankruptcy' : 'ecf/reports/docket', {
        view,
        sort,
        dateRangeType: criteria.dateType === 'entered' ? 'Entered' : 'Filed',
        parties: options.parties,
        terminated: options.terminated,
      });
      docket = { report: renderedReport(content), number: view.number, selected: selected.length };
      cache.set(generation, key, docket, docket.report.html.length);
    } else if (!secondStep && needsLargeDocketWarning(docket.selected, criteria)) return largeDocket(request, reply, body);

    return sendBilledReport(app, request, reply, { report: docket.report, description: DESCRIPTION, criteria: searchCriteria(bankruptcy, docket.number, criteria) });
  }

  app.get(ECF_PATHS.docketReport, async (request, reply) => {
    const query = rawQuery(request.url);
    if (query === '') return form(request, reply, null);
    // A nonce address fetched rather than posted (a bookmark, a login's way back): the form.
    if (nonceOf(query) !== null) return form(request, reply, null);
    const id = caseIdOf(query);
    if (id === null) return reportMessage(reply, request, INCOMPLETE_REQUEST);
    const c = courtCase(app, request, id);
    if (!c) return reportMessage(reply, request, CASE_NOT_FOUND);
    if (c.sealed) return reportMessage(reply, request, CASE_UNDER_SEAL);
    return form(request, reply, c);
  });

  app.post(ECF_PATHS.docketReport, async (request, reply) => {
    const query = rawQuery(request.url);
    const nonce = nonceOf(query);
    if (nonce === null || !nonceAccepted(app, request, SCRIPT, nonce)) return reportMessage(reply, request, INCOMPLETE_REQUEST);
    return run(request, reply, request.body, /-L_\w+_1-\d+$/.test(query));
  });
}
