import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import { caseSummary, queryCase } from '../../domain/cases.js';
import { documentsByEntry, docketTextParts, entryLink, plainText } from '../../domain/docket.js';
import { field, rawQuery } from '../../domain/form-fields.js';
import { sign } from '../../domain/tokens.js';
import { isoDayToUs } from '../../domain/us-dates.js';
import { courtPage } from '../court-context.js';
import { ECF_PATHS } from '../paths.js';
import { billedReport, CASE_NOT_FOUND, CASE_UNDER_SEAL, caseIdOf, courtCase, IN_OPENING, INCOMPLETE_REQUEST, nonceOf, reportMessage } from './report-support.js';

/**
 * History/Documents (HistDocQry.pl, real): the form, then the report juriscraper's
 * DocketHistoryReport reads.
 *
 * Fidelity (juriscraper docket_history_report.py, utils.get_nonce_from_form; captured
 * docket_history_reports/dcd_134505.html, flsb_703069.html): GET `HistDocQry.pl?<caseid>` is a
 * form whose every action holds exactly one `?` and a nonce `<digits>-L_1_0-1`; the multipart POST
 * to that address with `QueryType` (History | Documents), `sort1` (asc | desc) and optionally
 * `DisplayDktText` answers the case's centered header, then a table whose `th` reads
 * "Description": 3-cell rows (number, "Filed:"/"Entered:" or "Filed & Entered:", the short
 * description) each followed, with DisplayDktText, by a 1-cell "Docket Text:" row. The nonce
 * carries the case: it works only in the session that was shown the form.
 */
const DESCRIPTION = 'History/Documents';

/**
 * Invented: the nonce is nine digits of a keyed hash of the session, court and case, then the
 * case id (0 for the form without a case, whose case comes from the case-number widget): fifteen
 * digits for a six-digit case id, as real nonces look.
 */
function nonceFor(app: FastifyInstance, request: FastifyRequest, caseId: number): string {
  const mac = Buffer.from(sign(app.secret, 'history-nonce', request.ecf.session.token, request.ecf.court.code, String(caseId)), 'base64url');
  return `${String(mac.readUInt32BE(0) % 900_000_000 + 100_000_000)}${caseId}`;
}

/** The case id a nonce was made for, or null when this session was not shown it. */
function caseOfNonce(app: FastifyInstance, request: FastifyRequest, nonce: string): number | null {
  const id = caseIdOf(nonce.slice(9));
  return id !== null && nonce === nonceFor(app, request, id) ? id : null;
}

export default async function historyRoutes(app: FastifyInstance) {
  function form(request: FastifyRequest, reply: FastifyReply, c: CourtCase | null) {
    return courtPage(reply, request, 'ecf/reports/history-form', {
      nonce: nonceFor(app, request, c ? c.pacerCaseId : 0),
      courtCase: c,
      summary: c ? caseSummary(queryCase(c, []), request.ecf.court.kind === 'bankruptcy') : null,
    });
  }

  /** A case this page may show, or the page that says why not. */
  function shown(request: FastifyRequest, reply: FastifyReply, c: CourtCase | null): CourtCase | FastifyReply {
    if (!c) return reportMessage(reply, request, CASE_NOT_FOUND);
    if (c.sealed) return reportMessage(reply, request, CASE_UNDER_SEAL);
    if (c.inOpening) return reportMessage(reply, request, IN_OPENING);
    return c;
  }

  function run(request: FastifyRequest, reply: FastifyReply, c: CourtCase) {
    const body = request.body;
    const type = field(body, 'QueryType', 20).trim() === 'Documents' ? 'Documents' : 'History';
    const desc = field(body, 'sort1', 20).trim() === 'desc';
    const withText = field(body, 'DisplayDktText', 20).trim() !== '';
    const court = request.ecf.court;
    const bankruptcy = court.kind === 'bankruptcy';
    const entries = app.repos.docketEntries.forCase(c.id);
    const docs = documentsByEntry(app.repos.documents.forCase(c.id));
    const chosen = entries
      .filter((e) => type === 'History' || (e.docNumber !== null && docs.get(e.id)?.main))
      .sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.seq - b.seq));
    if (desc) chosen.reverse();
    const rows = chosen.map((e) => {
      const entryDocs = docs.get(e.id);
      // Fidelity (dcd_134505): the history's docket text writes references as "[19]", unlinked.
      const parts = docketTextParts({ ...e, text: e.text.replace(/\[\[(\d+)\]\]/g, '[$1]') }, { docs: entryDocs, prefix: court.docPrefix, refLink: () => null });
      return {
        number: e.docNumber,
        link: entryLink(e, entryDocs, court.docPrefix),
        dates: e.filedOn === e.enteredOn ? [['Filed & Entered:', isoDayToUs(e.filedOn)]] : [['Filed:', isoDayToUs(e.filedOn)], ['Entered:', isoDayToUs(e.enteredOn)]],
        short: e.shortDescription,
        text: plainText(parts),
      };
    });
    const content = app.renderView('ecf/reports/history', {
      bankruptcy,
      caseId: c.pacerCaseId,
      summary: caseSummary(queryCase(c, []), bankruptcy),
      type,
      withText,
      rows,
      origin: request.site.courtOrigin(court.code),
    });
    // Fidelity: dcd_134505's Search Criteria are the number; flsb_703069's add "Type: History".
    const criteria = bankruptcy ? `${c.numberFull} Type: ${type}` : c.numberFull;
    return billedReport(app, request, reply, { content, description: DESCRIPTION, criteria });
  }

  app.get(ECF_PATHS.historyDocuments, async (request, reply) => {
    const query = rawQuery(request.url);
    if (query === '' || nonceOf(query) !== null) return form(request, reply, null);
    const id = caseIdOf(query);
    if (id === null) return reportMessage(reply, request, INCOMPLETE_REQUEST);
    const c = shown(request, reply, courtCase(app, request, id));
    return 'pacerCaseId' in c ? form(request, reply, c) : c;
  });

  app.post(ECF_PATHS.historyDocuments, async (request, reply) => {
    const nonce = nonceOf(rawQuery(request.url));
    const id = nonce === null ? null : caseOfNonce(app, request, nonce);
    if (id === null) return reportMessage(reply, request, INCOMPLETE_REQUEST);
    // The form without a case: the case the widget picked.
    const caseId = id !== 0 ? id : caseIdOf(field(request.body, 'all_case_ids', 100).split(',')[0] ?? '');
    const c = shown(request, reply, courtCase(app, request, caseId));
    return 'pacerCaseId' in c ? run(request, reply, c) : c;
  });
}
