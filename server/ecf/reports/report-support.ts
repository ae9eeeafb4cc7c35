import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import { BYTES_PER_PAGE, searchCostCents } from '../../domain/billing.js';
import { sign } from '../../domain/tokens.js';
import { PAGE_HOLE } from '../../plugins/views.js';
import { bill, type Receipt } from '../billable.js';
import { courtPage } from '../court-context.js';

/**
 * What the report pages (DktRpt.pl, HistDocQry.pl, WrtOpRpt.pl) share: their nonces, the real
 * one-line answers, the case a request names, and a billed report ending in its receipt.
 */

/**
 * Fidelity: the real answers juriscraper recognises (docket_report.py ERROR_STRINGS; captured
 * dockets/not_dockets/ned_43267.html for "Case not found."). The bad-request text's first
 * sentence is the real one juriscraper lists; "from the main menu." is ours.
 */
export const CASE_NOT_FOUND = 'Case not found.';
export const INCOMPLETE_REQUEST = 'Incomplete request. Please try your query again by choosing the Query or Reports option from the main menu.';
export const NO_DOCUMENTS = 'There are no documents in this case.';
export const IN_OPENING = 'This case is in the process of being opened, please check back later for additional information.';
/** Fidelity: "Case Under Seal" is the real wording of the case-number lookup (possible_case_numbers/sealed_case.xml); the reports using it is ours. */
export const CASE_UNDER_SEAL = 'Case Under Seal';

/**
 * A report form's nonce: 15 digits, as real ones look, made from the session and the script, so
 * a nonce works only in the session that was shown the form (a stale one, from an ended session,
 * or another account's, does not).
 */
export function reportNonce(app: FastifyInstance, request: FastifyRequest, script: string): string {
  const mac = Buffer.from(sign(app.secret, 'report-nonce', request.ecf.session.token, request.ecf.court.code, script), 'base64url');
  return String(100_000_000_000_000n + (mac.readBigUInt64BE(0) % 900_000_000_000_000n));
}

/**
 * Fidelity: a report's query string as real forms post it: `<nonce>-L_<n>_<n>-<n>`
 * (`707984093721955-L_1_0-1`, the interstitial's `115989061225824-L_1_1-1`, casd's `-L_9999_2-1`).
 * The nonce's digits, or null when the query string is not of that shape.
 */
export function nonceOf(query: string): string | null {
  return /^(\d{1,20})-L_[A-Za-z0-9]{1,20}_\d{1,6}-\d{1,6}$/.exec(query)?.[1] ?? null;
}

/** Fidelity: juriscraper posts DktRpt.pl, iquery.pl and WrtOpRpt.pl to `?1-L_1_0-1`, and the courts take it. */
export function nonceAccepted(app: FastifyInstance, request: FastifyRequest, script: string, nonce: string): boolean {
  return nonce === '1' || nonce === reportNonce(app, request, script);
}

/** A PACER case id as pages carry it (`DktRpt.pl?642110`, `all_case_ids`): digits only, or null. */
export function caseIdOf(text: string): number | null {
  const t = text.trim();
  return /^\d{1,12}$/.test(t) ? Number(t) : null;
}

/** The court's case with this PACER case id (sealed or not: the pages decide), or null. */
export function courtCase(app: FastifyInstance, request: FastifyRequest, pacerCaseId: number | null): CourtCase | null {
  return pacerCaseId === null ? null : app.repos.cases.byPacerId(request.ecf.court.code, pacerCaseId);
}

/**
 * Fidelity: CM/ECF's one-line answers in the captured shape (dockets/not_dockets/ned_43267.html):
 * an <h3>, the CASE_NUM cookie cleared for "Case not found.", and a Back button.
 */
export function reportMessage(reply: FastifyReply, request: FastifyRequest, message: string) {
  return courtPage(reply, request, 'ecf/reports/message', { message, clearCaseCookie: message === CASE_NOT_FOUND });
}

/**
 * Fidelity (FIDELITY §7; recap#196): the `PacerPref` cookie's `receipt=N` turns the transaction
 * receipt off; the page is billed all the same.
 */
export function receiptWanted(request: FastifyRequest): boolean {
  const pref = request.cookies['PacerPref'] ?? '';
  return !/(?:^|[;&\s])receipt=N(?:$|[;&\s])/i.test(pref);
}

/**
 * The bytes of text a report is billed on: its HTML without tags and scripts, each entity one
 * byte, counted in one pass (a 10,000-entry docket is megabytes; no copy of it is made).
 */
const SCRIPT_END = /<\/script>/gi;

export function textBytes(html: string): number {
  let bytes = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      if (html.startsWith('<script', i) || html.startsWith('<SCRIPT', i)) {
        SCRIPT_END.lastIndex = i;
        const end = SCRIPT_END.exec(html);
        i = end ? end.index + end[0].length : n;
        continue;
      }
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === 38 /* & */) {
      const end = html.indexOf(';', i);
      if (end > i && end - i <= 10) {
        bytes += 1;
        i = end + 1;
        continue;
      }
    }
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    i += 1;
  }
  return bytes;
}

/** A report's content rendered once: its UTF-8 bytes and the pages it bills (FIDELITY §7: 4,320 bytes of text a page, no cap for reports). */
export interface RenderedReport {
  html: Buffer;
  pages: number;
}

export function renderedReport(content: string): RenderedReport {
  return { html: Buffer.from(content), pages: Math.max(1, Math.ceil(textBytes(content) / BYTES_PER_PAGE)) };
}

/**
 * A billed report: its content, billed by its size, then the page with the receipt (unless
 * receipts are off). The content's bytes go out as they are (report.eta writes PAGE_HOLE where
 * they go): a cached docket report is never copied or decoded per request.
 */
export function sendBilledReport(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  r: { report: RenderedReport; description: string; criteria: string; titleSuffix?: string },
) {
  const pages = r.report.pages;
  const receipt: Receipt = bill(app, request, { description: r.description, criteria: r.criteria, pages, costCents: searchCostCents(pages) });
  return courtPage(
    reply,
    request,
    'ecf/reports/report',
    { content: PAGE_HOLE, receipt: receiptWanted(request) ? receipt : null, titleSuffix: r.titleSuffix ?? '' },
    { middle: r.report.html },
  );
}

/** sendBilledReport for content rendered now. */
export function billedReport(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  r: { content: string; description: string; criteria: string; titleSuffix?: string },
) {
  const { content, ...rest } = r;
  return sendBilledReport(app, request, reply, { report: renderedReport(content), ...rest });
}
