import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import type { Court } from '../../../db/courts-repository.js';
import type { DocketEntry } from '../../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../../db/documents-repository.js';
import { documentCharge, dollars } from '../../domain/billing.js';
import { formatDocId, parseDocId, type DocId } from '../../domain/doc-ids.js';
import {
  ctime,
  DOCUMENT_TEXT,
  freeLookState,
  magicNumberOf,
  parseShowCaseDoc,
  readTempFileName,
  refusalOf,
  refusalText,
  TEMP_FILE_TTL_MS,
  tempFileName,
  type TempFileHolder,
} from '../../domain/documents.js';
import { field, rawQuery } from '../../domain/form-fields.js';
import type { TemplateName } from '../../plugins/views.js';
import { bill } from '../billable.js';
import { courtPage } from '../court-context.js';
import { ECF_PATHS } from '../paths.js';
import { attachmentMenu, goDLS } from './document-views.js';
import { multidocsSelection } from './multidocs.js';

/** What the court routes lend this module: their session guard and their not-logged-in answer. */
export interface DocumentRoutesOptions {
  /** Sets request.ecf from the session cookie; false without a live session. */
  attachSession: (request: FastifyRequest) => boolean;
  /** The real not-logged-in page (a script to the CSO login, coming back here). */
  loginRedirect: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/** A document with everything its pages need. */
interface Found {
  id: DocId;
  courtCase: CourtCase;
  entry: DocketEntry;
  document: CourtDocument;
  /** The entry's main document and attachments (the menu and free looks read them). */
  main: CourtDocument | null;
  attachments: CourtDocument[];
}

/** Invented: show_temp.pl's answer for a file name that is unknown, expired or another session's. */
export const TEMP_FILE_GONE = 'This temporary document file is no longer available. Open the document again from its docket entry.';
/** Invented: show_case_doc at a bankruptcy court (juriscraper's ShowCaseDocApi is for district courts only). */
export const SHOW_CASE_DOC_DISTRICT_ONLY = 'show_case_doc is not available at this court: look documents up from the docket report.';
/** Invented: show_case_doc with a query that is not `<document number>,<caseid>,<attachment>,,`. */
export const SHOW_CASE_DOC_FORM = 'show_case_doc takes ?<document number>,<case id>,<attachment number>,, (for example ?5,642110,,,).';
/** Invented: show_case_doc naming a document the case does not have. */
export const showCaseDocMissing = (docNumber: number, attachment: number | null, caseNumber: string) =>
  `There is no document ${docNumber}${attachment === null ? '' : `, attachment ${attachment},`} in case ${caseNumber}.`;

/** Fidelity: `PacerPref` `receipt=N` turns receipts off (RECAP issue 196): a document link then goes straight to the document. */
const receiptsOff = (request: FastifyRequest) => /(?:^|[^a-z])receipt=N\b/i.test(request.cookies['PacerPref'] ?? '');

/**
 * The documents: `/doc1/<id>` (receipt, attachment menu, the PDF, free looks), `show_case_doc`,
 * `show_temp.pl` and `show_multidocs.pl` (README "Documents").
 *
 * Fidelity (juriscraper-contract §4, §10-§13; captured confirmation_pages/*, attachment_pages/*):
 * - GET `/doc1/<id>` is the download confirmation (4th digit 1, or an entry without attachments)
 *   or the Document Selection Menu (4th digit 0 and attachments); POST `got_receipt=1` bills the
 *   document and answers it, as `application/pdf` exactly, or, at a court set to iframe delivery,
 *   a page whose iframe loads it from show_temp.pl; `PacerPref receipt=N` skips the confirmation.
 * - A free look (`magic_num`, no session needed) answers the document once, unbilled; a used,
 *   expired or foreign number asks for a PACER login, as the courts' FAQs describe, and a logged-in
 *   session then buys the document as usual.
 * - Every HTML answer to a session carries the menu bar (clients read its logout link as "logged
 *   in"); a visitor without one only ever sees the login redirect or a free look's pages.
 * - HEAD answers what GET would, without billing or using a free look.
 */
export default async function documentRoutes(app: FastifyInstance, opts: DocumentRoutesOptions) {
  const { attachSession, loginRedirect } = opts;

  /** A parameter from the body (a POST's multipart or urlencoded fields) or else the query string. */
  function param(request: FastifyRequest, name: string, max = 64): string {
    const fromBody = field(request.body, name, max);
    return fromBody !== '' ? fromBody : field(request.query, name, max);
  }

  function find(court: Court, id: DocId): Found | null {
    if (id.prefix !== court.docPrefix) return null;
    const document = app.repos.documents.bySerial(court.code, id.serial);
    const entry = document && app.repos.docketEntries.byId(document.entryId);
    const courtCase = entry && app.repos.cases.byId(entry.caseId);
    if (!document || !entry || !courtCase) return null;
    const all = app.repos.documents.forEntry(entry.id);
    return { id, courtCase, entry, document, main: all.find((d) => d.attachment === 0) ?? null, attachments: all.filter((d) => d.attachment > 0) };
  }

  /** What buying the document bills (billing.ts): "Image<n>-<k>", the case number, pages capped at 30. */
  const chargeOf = (f: Found) =>
    documentCharge({ caseNumber: f.courtCase.numberFull, docNumber: f.entry.docNumber, attachment: f.document.attachment, pages: f.document.pages });

  /** The attachment menu, rather than the document: a 0 in the id, the main document, and attachments to choose from. */
  const showsMenu = (f: Found, request: FastifyRequest) =>
    f.id.menu && f.document.attachment === 0 && f.attachments.length > 0 && param(request, 'got_receipt') !== '1';

  /** A page in the court skeleton: with the menu bar for a session, without one for a free look's visitor. */
  function page(request: FastifyRequest, reply: FastifyReply, hasSession: boolean, template: TemplateName, data: Record<string, unknown>, status = 200) {
    if (hasSession) return courtPage(reply, request, template, data, { status });
    return reply.header('Cache-Control', 'no-store').page(template, { paths: ECF_PATHS, ...data }, status);
  }
  const message = (request: FastifyRequest, reply: FastifyReply, text: string, status = 200) =>
    courtPage(reply, request, 'ecf/documents/message', { message: text }, { status });

  function menu(request: FastifyRequest, reply: FastifyReply, f: Found, magic: string | null, hasSession: boolean) {
    const court = request.site.court as Court;
    const main = f.main ?? f.document;
    const bankruptcy = court.kind === 'bankruptcy';
    const m = attachmentMenu({
      origin: request.site.courtOrigin(court.code),
      court: court.code,
      prefix: court.docPrefix,
      courtCase: f.courtCase,
      entry: f.entry,
      main,
      attachments: f.attachments,
      magic,
      bankruptcy,
    });
    return page(request, reply, hasSession, bankruptcy ? 'ecf/documents/attachment-menu-bankruptcy' : 'ecf/documents/attachment-menu', { menuOf: m });
  }

  /** The download confirmation: the receipt of what "View Document" will bill, not yet billed. */
  function confirmation(request: FastifyRequest, reply: FastifyReply, f: Found, magic: string | null) {
    const court = request.site.court as Court;
    // Fidelity (cand_1): the form posts to the address the page was asked at.
    const path = `${ECF_PATHS.doc1}/${formatDocId(f.id.prefix, f.id.serial, f.id.menu)}`;
    const charge = chargeOf(f);
    const { account, session } = request.ecf;
    return courtPage(reply, request, 'ecf/documents/confirm', {
      action: `${request.site.courtOrigin(court.code)}${path}`,
      onsubmit: goDLS(path, f.courtCase.pacerCaseId, f.entry.seq, { gotReceipt: '1', pdfToggle: '1', magic: magic ?? '' }),
      receipt: {
        time: ctime(app.clock.now()),
        login: account.username,
        clientCode: session.clientCode,
        description: charge.description,
        criteria: charge.criteria,
        pages: charge.pages,
        cost: dollars(charge.costCents),
        loginLabel: 'Pacer Login',
        criteriaLabel: 'Case Number',
      },
    });
  }

  /** Answers the document: its PDF, or the iframe page whose show_temp.pl URL the holder may fetch. */
  async function deliver(request: FastifyRequest, reply: FastifyReply, f: Found, holder: TempFileHolder, hasSession: boolean) {
    const court = request.site.court as Court;
    if (court.pdfDelivery === 'iframe') {
      const name = tempFileName(app.secret, court.code, f.document.serial, app.clock.now() + TEMP_FILE_TTL_MS, holder);
      const src = `${ECF_PATHS.showTemp}?file=${name}&type=application/pdf`;
      const what = f.document.attachment === 0 ? `Document ${f.entry.docNumber ?? ''}` : `Document ${f.entry.docNumber ?? ''}, attachment ${f.document.attachment}`;
      return page(request, reply, hasSession, 'ecf/documents/pdf-frame', { src, title: `${f.courtCase.numberFull} ${what}` });
    }
    return pdf(request, reply, f);
  }

  /**
   * Streams the document's PDF from the store (never read whole). Fidelity: `Content-Type` is
   * exactly `application/pdf`, no charset: juriscraper's is_pdf compares the header for equality.
   */
  async function pdf(request: FastifyRequest, reply: FastifyReply, f: Found) {
    const court = request.site.court as Court;
    const ref = { court, courtCase: f.courtCase, entry: f.entry, document: f.document };
    reply.header('Cache-Control', 'no-store').header('Content-Type', 'application/pdf');
    if (request.method === 'HEAD') {
      const { size } = await app.documents.file(ref);
      return reply.header('Content-Length', String(size)).send();
    }
    const { size, stream } = await app.documents.open(ref);
    return reply.header('Content-Length', String(size)).send(stream);
  }

  /** A free look that is good: the menu, or the document once and unbilled. */
  async function freeLook(request: FastifyRequest, reply: FastifyReply, f: Found, magic: string, hasSession: boolean) {
    const refusal = refusalOf(f.courtCase, f.entry, f.document);
    // Fidelity: a restricted or sealed document asks for a login even from a free look (court FAQs).
    if (refusal) return hasSession ? message(request, reply, refusalText(refusal)) : loginRedirect(request, reply);
    if (showsMenu(f, request)) return menu(request, reply, f, magic, hasSession);
    const holder: TempFileHolder = hasSession ? { session: request.ecf.session.token } : { freeLook: true };
    if (request.method === 'HEAD') return deliver(request, reply, f, holder, hasSession);
    if (!app.repos.freeLooks.use(magic, app.clock.now())) return hasSession ? purchase(request, reply, f, magic) : loginRedirect(request, reply);
    return deliver(request, reply, f, holder, hasSession);
  }

  /** A logged-in session's way to a document: refusal, menu, confirmation, or the bought document. */
  async function purchase(request: FastifyRequest, reply: FastifyReply, f: Found, magic: string | null) {
    const refusal = refusalOf(f.courtCase, f.entry, f.document);
    if (refusal) return message(request, reply, refusalText(refusal));
    if (showsMenu(f, request)) return menu(request, reply, f, magic, true);
    const accepted = request.method === 'POST' ? param(request, 'got_receipt') === '1' : receiptsOff(request);
    if (!accepted) return confirmation(request, reply, f, magic);
    const holder: TempFileHolder = { session: request.ecf.session.token };
    if (request.method === 'HEAD') return deliver(request, reply, f, holder, true);
    // Bill once the document can be answered (the file is made or found first), then answer it.
    if (request.site.court?.pdfDelivery !== 'iframe') await app.documents.file({ court: request.site.court as Court, courtCase: f.courtCase, entry: f.entry, document: f.document });
    bill(app, request, chargeOf(f));
    return deliver(request, reply, f, holder, true);
  }

  async function doc1(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const court = request.site.court as Court;
    const hasSession = attachSession(request);
    const magic = magicNumberOf(param(request, 'magic_num'));
    // Without a session only a free look gets past the login page, as on the real courts.
    if (!hasSession && magic === null) return loginRedirect(request, reply);
    const id = parseDocId(request.params.id);
    if (!id) return hasSession ? courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 }) : loginRedirect(request, reply);
    const f = find(court, id);
    if (!f) return hasSession ? message(request, reply, DOCUMENT_TEXT.unknownDocument(id.serial)) : loginRedirect(request, reply);
    const caseId = param(request, 'caseid');
    if (caseId !== '' && !(/^\d{1,12}$/.test(caseId) && app.repos.cases.byPacerId(court.code, Number(caseId)))) {
      return hasSession ? message(request, reply, DOCUMENT_TEXT.unknownCase(caseId)) : loginRedirect(request, reply);
    }
    if (magic !== null) {
      const state = freeLookState(app.repos.freeLooks.byMagic(magic), f.main?.id ?? null, app.clock.now());
      if (state === 'valid') return freeLook(request, reply, f, magic, hasSession);
      // Fidelity: a used or expired free look "will be asked for a PACER login and will be charged".
      if (!hasSession) return loginRedirect(request, reply);
    }
    return purchase(request, reply, f, magic);
  }
  app.route({ method: ['GET', 'HEAD', 'POST'], url: `${ECF_PATHS.doc1}/:id`, handler: doc1 });

  /**
   * show_case_doc: a document number in a case → a redirect to its doc1 URL, absolute on this
   * court's host (juriscraper's ShowCaseDocApi follows it and reads the final URL). The menu's
   * 0 when the entry has attachments and none is asked for.
   */
  async function showCaseDoc(request: FastifyRequest, reply: FastifyReply) {
    if (!attachSession(request)) return loginRedirect(request, reply);
    const court = request.ecf.court;
    if (court.kind === 'bankruptcy') return message(request, reply, SHOW_CASE_DOC_DISTRICT_ONLY);
    const q = parseShowCaseDoc(rawQuery(request.url));
    if (!q) return message(request, reply, SHOW_CASE_DOC_FORM);
    const courtCase = app.repos.cases.byPacerId(court.code, q.caseId);
    if (!courtCase) return message(request, reply, DOCUMENT_TEXT.unknownCase(String(q.caseId)));
    if (courtCase.sealed) return message(request, reply, DOCUMENT_TEXT.caseUnderSeal);
    const entry = app.repos.docketEntries.byNumber(courtCase.id, q.docNumber);
    const docs = entry ? app.repos.documents.forEntry(entry.id) : [];
    const target = docs.find((d) => d.attachment === (q.attachment ?? 0));
    if (!target) return message(request, reply, showCaseDocMissing(q.docNumber, q.attachment, courtCase.numberFull));
    const menu = q.attachment === null && docs.length > 1;
    return reply.header('Cache-Control', 'no-store').redirect(`${request.site.courtOrigin(court.code)}${ECF_PATHS.doc1}/${formatDocId(court.docPrefix, target.serial, menu)}`, 302);
  }
  app.route({ method: ['GET', 'HEAD'], url: ECF_PATHS.showCaseDoc, handler: showCaseDoc });

  /**
   * show_temp.pl?file=<name>.pdf&type=application/pdf: the iframe delivery's PDF. The name works
   * for TEMP_FILE_TTL_MS, for the session that bought the document (or, from a free look without
   * a session, for whoever has it: juriscraper fetches it without cookies).
   */
  async function showTemp(request: FastifyRequest, reply: FastifyReply) {
    const court = request.site.court as Court;
    const hasSession = attachSession(request);
    const name = field(request.query, 'file', 200);
    const now = app.clock.now();
    const serial =
      readTempFileName(app.secret, name, court.code, now, { freeLook: true }) ??
      (hasSession ? readTempFileName(app.secret, name, court.code, now, { session: request.ecf.session.token }) : null);
    if (serial === null) return hasSession ? message(request, reply, TEMP_FILE_GONE, 404) : loginRedirect(request, reply);
    const f = find(court, { prefix: court.docPrefix, menu: false, serial });
    // A document sealed since it was bought is not answered either.
    const refusal = f && refusalOf(f.courtCase, f.entry, f.document);
    if (!f || refusal) return hasSession ? message(request, reply, refusal ? refusalText(refusal) : TEMP_FILE_GONE, refusal ? 200 : 404) : loginRedirect(request, reply);
    return pdf(request, reply, f);
  }
  app.route({ method: ['GET', 'HEAD'], url: ECF_PATHS.showTemp, handler: showTemp });

  /**
   * show_multidocs.pl (the menus' View/Download Selected, the docket's View Selected): combined
   * PDFs are not simulated; the page lists the documents chosen, each linked to its own doc1 page.
   */
  async function showMultidocs(request: FastifyRequest, reply: FastifyReply) {
    if (!attachSession(request)) return loginRedirect(request, reply);
    const court = request.ecf.court;
    const caseId = param(request, 'caseid');
    const courtCase = /^\d{1,12}$/.test(caseId) ? app.repos.cases.byPacerId(court.code, Number(caseId)) : null;
    if (!courtCase) return message(request, reply, DOCUMENT_TEXT.unknownCase(caseId));
    if (courtCase.sealed) return message(request, reply, DOCUMENT_TEXT.caseUnderSeal);
    const selection = multidocsSelection(app.repos, courtCase, court.docPrefix, {
      seqs: param(request, 'arr_de_seq_nums', 2000),
      exclude: param(request, 'exclude_attachments', 20000),
      include: param(request, 'download_documents', 20000),
    });
    return courtPage(reply, request, 'ecf/documents/multidocs', { courtCase, documents: selection });
  }
  app.route({ method: ['GET', 'POST'], url: ECF_PATHS.showMultidocs, handler: showMultidocs });
}
