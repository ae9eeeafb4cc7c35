import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import { docketCriteria, docketTextParts, documentsByEntry, entryLink, referenceLinks } from '../../domain/docket.js';
import { field, rawQuery } from '../../domain/form-fields.js';
import { formatUsDate, isoDayToUs } from '../../domain/us-dates.js';
import { courtPage } from '../court-context.js';
import { ECF_PATHS } from '../paths.js';
import { districtLine } from './docket-view.js';
import { caseIdOf, INCOMPLETE_REQUEST, nonceAccepted, nonceOf, reportMessage, reportNonce } from './report-support.js';

/**
 * Written Opinions (WrtOpRpt.pl, real): the form, and the report juriscraper's FreeOpinionReport
 * reads.
 *
 * Fidelity (juriscraper free_documents.py; captured free_opinion_report/cand_2.html): a multipart
 * POST to `WrtOpRpt.pl?1-L_1_0-1` with `filed_from`, `filed_to` (mm/dd/yyyy), `ShowFull`, `Key1`
 * (`de_date_filed` or `cs_sort_case_numb`) and `all_case_ids` (0: every case) answers the
 * entries of kind "opinion" filed in the range: the results are the page's first <table> (case
 * number and name, date filed, document number with its goDLS link, the docket text, notes),
 * then "Total number of opinions reported:" and the selection criteria. Written opinions are free:
 * the captured report has no receipt and bills nothing, and so does this one.
 */
const SCRIPT = 'WrtOpRpt.pl';

/** "m/d/yyyy", as the report's period line writes dates (cand_2: "Filed Report Period: 4/2/2024 - 4/3/2024"). */
const loose = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}/${y}`;
};

export default async function writtenOpinionsRoutes(app: FastifyInstance) {
  function form(request: FastifyRequest, reply: FastifyReply) {
    const today = formatUsDate(app.clock.now());
    return courtPage(reply, request, 'ecf/reports/opinions-form', { nonce: reportNonce(app, request, SCRIPT), today });
  }

  function run(request: FastifyRequest, reply: FastifyReply) {
    const body = request.body;
    const text = (name: string) => field(body, name, 100).trim();
    const today = formatUsDate(app.clock.now());
    const checked = docketCriteria({ dateFrom: text('filed_from') || today, dateTo: text('filed_to') || today, dateType: 'filed', numberFrom: '', numberTo: '', sort: '' });
    if (!checked.ok) return reportMessage(reply, request, checked.error);
    const { from, to } = checked.criteria;
    const court = request.ecf.court;
    const byCaseNumber = text('Key1') === 'cs_sort_case_numb';
    const onlyCase = caseIdOf(text('all_case_ids').split(',')[0] ?? '');

    const cases = new Map<number, CourtCase | null>();
    const caseOf = (id: number) => {
      if (!cases.has(id)) cases.set(id, app.repos.cases.byId(id));
      return cases.get(id) ?? null;
    };
    const found = app.repos.docketEntries
      .ofKind(court.code, 'opinion', from ?? '1900-01-01', to ?? '9999-12-31')
      .map((entry) => ({ entry, c: caseOf(entry.caseId) }))
      .filter((r): r is { entry: typeof r.entry; c: CourtCase } => r.c !== null && !r.c.sealed && !r.entry.sealed)
      .filter((r) => onlyCase === null || onlyCase === 0 || r.c.pacerCaseId === onlyCase);
    if (byCaseNumber) found.sort((a, b) => a.c.numberShort.localeCompare(b.c.numberShort) || a.entry.seq - b.entry.seq);

    const origin = request.site.courtOrigin(court.code);
    let previous: number | null = null;
    const rows = found.map(({ entry, c }) => {
      const docs = documentsByEntry(app.repos.documents.forEntry(entry.id));
      const all = app.repos.docketEntries.forCase(c.id);
      const caseDocs = documentsByEntry(app.repos.documents.forCase(c.id));
      const parts = docketTextParts(entry, { docs: docs.get(entry.id), prefix: court.docPrefix, refLink: referenceLinks(all, caseDocs, court.docPrefix) });
      // Fidelity (cand_2): a case's further opinions leave its case cell blank when sorted by case.
      const sameCase = byCaseNumber && previous === c.id;
      previous = c.id;
      return {
        caseId: c.pacerCaseId,
        number: sameCase ? null : c.numberFull,
        title: c.title,
        filed: isoDayToUs(entry.filedOn),
        docNumber: entry.docNumber,
        link: entryLink(entry, docs.get(entry.id), court.docPrefix),
        seq: entry.seq,
        parts,
        office: court.officeNames[String(c.office)] ?? '',
        flags: c.flags,
        natureOfSuit: c.natureOfSuit.replace(/^\d+\s+/, ''),
        cause: c.cause,
      };
    });
    return courtPage(reply, request, 'ecf/reports/opinions', {
      court: court.kind === 'bankruptcy' ? 'U.S. Bankruptcy Court' : 'U.S. District Court',
      district: districtLine(court, -1),
      period: `${loose(from ?? '1900-01-01')} - ${loose(to ?? '9999-12-31')}`,
      rows,
      origin,
      sortText: byCaseNumber ? 'Case Number' : 'Date Filed',
      sortValue: byCaseNumber ? 'case number' : 'date filed',
      caseText: onlyCase ? String(onlyCase) : 'All',
    });
  }

  app.get(ECF_PATHS.writtenOpinions, async (request, reply) => {
    const query = rawQuery(request.url);
    if (query === '' || nonceOf(query) !== null) return form(request, reply);
    return reportMessage(reply, request, INCOMPLETE_REQUEST);
  });

  app.post(ECF_PATHS.writtenOpinions, async (request, reply) => {
    const nonce = nonceOf(rawQuery(request.url));
    if (nonce === null || !nonceAccepted(app, request, SCRIPT, nonce)) return reportMessage(reply, request, INCOMPLETE_REQUEST);
    return run(request, reply);
  });
}
