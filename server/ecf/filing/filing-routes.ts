import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import type { EcfAccount } from '../../../db/ecf-accounts-repository.js';
import { parseCaseNumber, parseTypedCaseNumber, numberMatches } from '../../domain/case-numbers.js';
import { alphabetical, headingsOf } from '../../domain/filing-events.js';
import type { LoadedFiling } from '../../domain/filing-service.js';
import { cleanFreeText } from '../../domain/filing-text.js';
import {
  completeStep,
  currentStep,
  FILER_GROUPS,
  groupMembers,
  isStep,
  PREFIXES,
  reachable,
  readFilingData,
  type FilerGroup,
  type FilingData,
  type StagedDocument,
  type Step,
} from '../../domain/filing.js';
import { field, fieldList, rawQuery } from '../../domain/form-fields.js';
import { removeStaged, stageUpload, stagingDir, type StageResult } from '../../domain/uploads.js';
import { courtPage, FORM_EXPIRED, formToken, formTokenValid } from '../court-context.js';
import { ECF_PATHS, type EventMenuName } from '../paths.js';
import { feePaymentUrl, paymentAuthorized } from '../../domain/fees.js';
import { feeServiceFor, RECEIPT_TEMPLATE } from './filing-seams.js';

/**
 * E-filing (issue 13; filing-and-reports.md A.0-A.7; docs/filing.md): the filing menus' pages,
 * each category's event picker and the transaction's steps, one page each, registered behind the
 * court session guard (ecf-routes.ts). Every step is a GET (the page) and a POST (its Next),
 * which saves the choice and sends the browser (303) to the next step; nothing reaches the docket
 * until the final step's Next commits.
 *
 * Invented (README): `Dispatch.pl?<category>` follows the bankruptcy courts' real script name
 * (NVB's `Dispatch.pl?misc`), with our category keys; `Filing.pl?<filing key>-<step>` and its
 * step names; the field names the real pages do not show (file_2.., category_n, description_n,
 * filer, group, assoc_n/notice_n/lead_n, against, link, refer, prefix, free_text).
 */
/** The largest upload the parser lets through at all; each court's own limit is checked as the file streams. */
const HARD_MAX_UPLOAD = 1024 * 1024 * 1024;
/** Attachment rows at most (file_2 .. file_21). */
const MAX_ATTACHMENTS = 20;

/** Fidelity (FIDELITY §6 categories): attachment categories offered by the Category drop-down. */
export const ATTACHMENT_CATEGORIES = ['Exhibit', 'Affidavit', 'Declaration', 'Appendix', 'Memorandum of Law', 'Proposed Order', 'Certificate of Service', 'Errata', 'Supplement', 'Text of Proposed Order'];

/** Invented texts (README). */
export const FILING_TEXTS = {
  notYours: 'This filing transaction is not available. Start again from the menu.',
  abandoned: 'This filing transaction was abandoned. Start again from the menu.',
  stepFirst: 'Complete this screen first.',
  pickEvent: 'Select at least one event.',
  pickCase: 'Enter a case number, or use Find This Case.',
  caseNotFound: 'Cannot find case',
  wrongMenu: 'This event cannot be filed in that case. Check the case number or choose the other menu.',
  pickDefendant: 'Select at least one defendant.',
  pickFiler: 'Select the filer.',
  pickAgainst: 'Select the party this filing is against.',
  mainRequired: 'You cannot proceed any further until you have attached a main document.',
  pickReference: 'Select the document this filing refers to.',
  partyName: 'Enter the party\u2019s last name or business name.',
  partyRole: 'Select the party\u2019s role.',
  commitWarning: 'Attention!! Pressing the NEXT button on this screen commits this transaction. You will have no further opportunity to modify this submission if you continue.',
} as const;

/** Roles New Filer offers. */
const ROLES: Record<string, string[]> = {
  district: ['Plaintiff', 'Defendant', 'Counter Claimant', 'Counter Defendant', 'Cross Claimant', 'Cross Defendant', 'Third Party Plaintiff', 'Third Party Defendant', 'Intervenor', 'Interested Party', 'Movant', 'Respondent'],
  bankruptcy: ['Creditor', 'Debtor', 'Interested Party', 'Plaintiff', 'Defendant', 'Trustee', 'Attorney'],
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The upload step's files as they streamed in (set by its onRequest hook). */
    filingUploads: { field: string; filename: string; result: StageResult }[] | null;
  }
}

export default async function filingRoutes(app: FastifyInstance, opts: { attachSession: (request: FastifyRequest) => boolean }) {
  const service = app.filings;
  const fees = feeServiceFor(app);
  app.decorateRequest('filingUploads', null);

  /** The linked filer account at this court, or null (the menus and every step check it). */
  const filerOf = (request: FastifyRequest): EcfAccount | null => app.repos.ecfAccounts.linkedTo(request.ecf.court.code, request.ecf.account.id) ?? null;

  function notAFiler(request: FastifyRequest, reply: FastifyReply, category: string) {
    return courtPage(reply, request, 'ecf/not-a-filer', { category }, { status: 403 });
  }

  function message(request: FastifyRequest, reply: FastifyReply, text: string, status = 200) {
    return courtPage(reply, request, 'ecf/filing/message', { message: text }, { status });
  }


  // --- The event picker (Dispatch.pl?<category>) ---

  function categoryOf(request: FastifyRequest) {
    const key = rawQuery(request.url).split('&', 1)[0] ?? '';
    const catalog = app.repos.filingCatalog.forCourt(request.ecf.court.code);
    const category = catalog.categories.find((c) => c.key === key);
    return category ? { category, events: alphabetical(catalog.events.filter((e) => e.categoryKey === category.key)) } : null;
  }

  function picker(request: FastifyRequest, reply: FastifyReply, found: NonNullable<ReturnType<typeof categoryOf>>, error = '', chosen: string[] = []) {
    return courtPage(reply, request, 'ecf/filing/picker', {
      category: found.category,
      events: found.events,
      chosen,
      error,
      action: `${ECF_PATHS.dispatch}?${found.category.key}`,
      token: formToken(app, request, `dispatch-${found.category.key}`),
    });
  }

  app.get(ECF_PATHS.dispatch, async (request, reply) => {
    const found = categoryOf(request);
    if (!found) return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    if (!filerOf(request)) return notAFiler(request, reply, found.category.name);
    await service.abandonOpen(request.ecf.session.token, request.ecf.court.code);
    return picker(request, reply, found);
  });

  app.post(ECF_PATHS.dispatch, async (request, reply) => {
    const found = categoryOf(request);
    if (!found) return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    const filer = filerOf(request);
    if (!filer) return notAFiler(request, reply, found.category.name);
    if (!formTokenValid(app, request, `dispatch-${found.category.key}`, field(request.body, 'token', 200))) return picker(request, reply, found, FORM_EXPIRED);
    const keys = new Set(found.events.map((e) => e.key));
    const picked = [...new Set(fieldList(request.body, 'event', 40, 20))].filter((k) => keys.has(k));
    if (picked.length === 0) return picker(request, reply, found, FILING_TEXTS.pickEvent);
    if (fees.filingLocked(request.ecf.account.id, request.ecf.court.code, app.clock.now())) return picker(request, reply, found, fees.lockText, picked);
    const row = await service.start({
      court: request.ecf.court.code,
      sessionToken: request.ecf.session.token,
      pacerAccountId: request.ecf.account.id,
      ecfAccountId: filer.id,
      menu: found.category.menu,
      categoryKey: found.category.key,
      events: picked,
    });
    app.record(request, { action: 'filing.start', outcome: 'ok', actor: request.ecf.account.username, detail: `${row.court} ${picked.join(',')} filing=${row.id}` });
    return reply.redirect(stepUrl(row.key, 'case'), 303);
  });

  // --- The steps (Filing.pl?<key>-<step>) ---

  const stepUrl = (key: string, step: string) => `${ECF_PATHS.filing}?${key}-${step}`;

  /** The filing a step's URL names, if it is this session's at this court. */
  function filingOf(request: FastifyRequest): { f: LoadedFiling; step: string } | null {
    // Pay Now comes back to `<key>-paid&authorization=<token>` (docs/nef.md).
    const m = /^([0-9a-f]{16})-([a-z]{2,12})(?:&|$)/.exec(rawQuery(request.url));
    if (!m) return null;
    const row = app.repos.filings.byKey(m[1] as string);
    if (!row || row.sessionToken !== request.ecf.session.token || row.court !== request.ecf.court.code) return null;
    const f = service.load(row);
    return f ? { f, step: m[2] as string } : null;
  }

  /** What every step's page gets. */
  function stepPage(request: FastifyRequest, reply: FastifyReply, f: LoadedFiling, step: string, extra: Record<string, unknown> = {}) {
    const now = app.clock.now();
    return courtPage(reply, request, 'ecf/filing/step', {
      step,
      f,
      events: f.events,
      courtCase: f.courtCase,
      parties: f.parties,
      data: f.data,
      action: stepUrl(f.row.key, step),
      url: (s: string) => stepUrl(f.row.key, s),
      token: formToken(app, request, `filing-${f.row.key}`),
      docket: step === 'final' || step === 'text' ? service.text(f, now).text.replace(/\[\[(\d+)\]\]/g, '[$1]') : '',
      texts: FILING_TEXTS,
      prefixes: PREFIXES,
      groups: FILER_GROUPS,
      categories: ATTACHMENT_CATEGORIES,
      maxAttachments: MAX_ATTACHMENTS,
      roles: ROLES[f.court.kind === 'bankruptcy' ? 'bankruptcy' : 'district'],
      fees: service.feesOf(f),
      error: '',
      ...extra,
    });
  }

  /** The step's page with the data it shows (the case step's prefill, the refer step's entries). */
  function showStep(request: FastifyRequest, reply: FastifyReply, f: LoadedFiling, step: Step, error = '', extra: Record<string, unknown> = {}) {
    const data: Record<string, unknown> = { error, ...extra };
    if (step === 'case' && !('caseNumber' in extra)) {
      const c = f.courtCase ?? lastCase(request);
      data.caseNumber = c?.numberShort ?? '';
      data.caseIds = c?.pacerCaseId ?? '';
    }
    if (step === 'refer' || step === 'link') data.entries = f.courtCase ? app.repos.docketEntries.forCase(f.courtCase.id).filter((e) => e.docNumber !== null) : [];
    if (step === 'association') data.unassociated = f.ctx.unassociated.map((id) => partyLabel(f, id));
    if (step === 'filer') data.drafts = f.data.newParties ?? [];
    return stepPage(request, reply, f, step, data);
  }

  function partyLabel(f: LoadedFiling, id: number): { id: number; name: string; role: string } {
    const p = f.parties.find((x) => x.id === id);
    if (p) return { id, name: p.name, role: p.role };
    const d = (f.data.newParties ?? []).find((x) => x.ref === id);
    return { id, name: d ? `${d.firstName} ${d.lastName}`.trim() : String(id), role: d?.role ?? '' };
  }

  /** The CASE_NUM cookie's case ("1:26-cv-20001(642110)"): "the number of the last case accessed". */
  function lastCase(request: FastifyRequest): CourtCase | null {
    const m = /\((\d{1,12})\)\s*$/.exec(request.cookies['CASE_NUM'] ?? '');
    return m ? app.repos.cases.byPacerId(request.ecf.court.code, Number(m[1])) : null;
  }

  /** Answers a step URL that cannot be used as asked (not this session's, committed, abandoned, not reached). */
  function guard(request: FastifyRequest, reply: FastifyReply): { f: LoadedFiling; step: string } | FastifyReply {
    const found = filingOf(request);
    if (!found) return message(request, reply, FILING_TEXTS.notYours, 404);
    if (!filerOf(request)) return notAFiler(request, reply, 'Filing');
    const { f, step } = found;
    if (f.row.state === 'committed') {
      if (step === 'receipt') return found;
      return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
    }
    if (f.row.state === 'abandoned') return message(request, reply, FILING_TEXTS.abandoned);
    if (step === 'receipt') return reply.redirect(stepUrl(f.row.key, currentStep(f.data, f.ctx)), 303);
    return found;
  }

  const isReply = (x: unknown): x is FastifyReply => typeof x === 'object' && x !== null && 'sent' in x && 'request' in x;

  app.get(ECF_PATHS.filing, async (request, reply) => {
    const g = guard(request, reply);
    if (isReply(g)) return g;
    const { f, step } = g;
    if (step === 'receipt') {
      const nef = f.row.nefId === null ? null : app.repos.nefs.byId(f.row.nefId);
      return courtPage(reply, request, RECEIPT_TEMPLATE, { nefHtml: nef?.html ?? '', filing: f.row });
    }
    if (step === 'paid') {
      // Pay Now's return: authorized, the filing is paid and goes on; cancelled, the panel again.
      if (!reachable('charges', f.data, f.ctx)) return showStep(request, reply, f, currentStep(f.data, f.ctx), FILING_TEXTS.stepFirst);
      const given = new URLSearchParams(rawQuery(request.url)).get('authorization');
      if (!paymentAuthorized(app.secret, request.ecf.session.token, f.row.key, given)) return reply.redirect(stepUrl(f.row.key, 'charges'), 303);
      return advance(reply, f, 'charges', { paid: true });
    }
    if (step === 'party') {
      if (!reachable('filer', f.data, f.ctx)) return showStep(request, reply, f, currentStep(f.data, f.ctx), FILING_TEXTS.stepFirst);
      return stepPage(request, reply, f, 'party', { found: [], lastName: '', firstName: '' });
    }
    if (!isStep(step)) return message(request, reply, FILING_TEXTS.notYours, 404);
    if (!reachable(step, f.data, f.ctx)) return showStep(request, reply, f, currentStep(f.data, f.ctx), FILING_TEXTS.stepFirst);
    return showStep(request, reply, f, step);
  });

  /** Saves the step and sends the browser to the next one. */
  function advance(reply: FastifyReply, f: LoadedFiling, step: Step, changes: Partial<FilingData>) {
    const next = completeStep(f.data, step, changes, f.ctx);
    if (!service.save(f, next)) return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
    const reloaded = service.load({ ...f.row, data: JSON.stringify(next), caseId: next.caseId ?? null }) as LoadedFiling;
    return reply.redirect(stepUrl(f.row.key, currentStep(reloaded.data, reloaded.ctx)), 303);
  }

  app.post(
    ECF_PATHS.filing,
    {
      // The upload step's files stream to staging as the body is read: checked here first, before any byte is kept.
      // Any other file part posted here (another step, no session, not this session's filing) is read and
      // dropped, never buffered: this route's parser limit is the largest upload, far above a form field's.
      onRequest: async (request) => {
        request.fileSink = drain;
        if (!rawQuery(request.url).endsWith('-upload')) return;
        if (!opts.attachSession(request)) return; // the session guard answers
        const found = filingOf(request);
        if (!found || found.f.row.state !== 'open' || !filerOf(request) || !reachable('upload', found.f.data, found.f.ctx)) return;
        const dir = stagingDir(app.documents.dir, found.f.row.key);
        const maxBytes = app.repos.filingCatalog.forCourt(found.f.row.court).maxUploadBytes || 50 * 1024 * 1024;
        const uploads: NonNullable<FastifyRequest['filingUploads']> = [];
        request.filingUploads = uploads;
        request.fileSink = async (part: MultipartFile) => {
          if (!/^file_\d{1,2}$/.test(part.fieldname) || uploads.length > MAX_ATTACHMENTS) return drain(part);
          const result = await stageUpload(part.file, { dir, maxBytes, truncated: () => part.file.truncated });
          uploads.push({ field: part.fieldname, filename: part.filename, result });
        };
      },
      // preservePath: the original filename is what the browser sent, Chrome's C:\fakepath\ included (A.5).
      // Whatever the answer (a refusal, a bad token, a parser error such as too many files), the
      // files this request staged and the filing did not keep are deleted: a refusal keeps nothing.
      onResponse: async (request) => {
        const uploads = request.filingUploads;
        if (!uploads || uploads.length === 0) return;
        const key = /^([0-9a-f]{16})-upload/.exec(rawQuery(request.url))?.[1] ?? '';
        const row = app.repos.filings.byKey(key);
        const kept = new Set(row && row.state === 'open' ? (readFilingData(row.data).documents ?? []).map((d) => d.staged) : []);
        const stray = uploads.flatMap((u) => (u.result.ok && !kept.has(u.result.file.staged) ? [u.result.file.staged] : []));
        if (stray.length > 0 && row) await removeStaged(stagingDir(app.documents.dir, row.key), stray);
      },
      config: { multipartOptions: { preservePath: true, limits: { fileSize: HARD_MAX_UPLOAD, files: MAX_ATTACHMENTS + 1 }, throwFileSizeLimit: false } },
    },
    async (request, reply) => {
      const uploads = request.filingUploads;
      const dropUploads = async (f: LoadedFiling | null) => {
        if (!uploads || !f) return;
        await removeStaged(stagingDir(app.documents.dir, f.row.key), uploads.flatMap((u) => (u.result.ok ? [u.result.file.staged] : [])));
      };
      const g = guard(request, reply);
      if (isReply(g)) {
        await dropUploads(filingOf(request)?.f ?? null);
        return g;
      }
      const { f, step } = g;
      const body = request.body;
      if (!formTokenValid(app, request, `filing-${f.row.key}`, field(body, 'token', 200))) {
        await dropUploads(f);
        return message(request, reply, FORM_EXPIRED);
      }
      if (step === 'party') return postParty(request, reply, f);
      if (!isStep(step) || !reachable(step, f.data, f.ctx)) {
        await dropUploads(f);
        return showStep(request, reply, f, currentStep(f.data, f.ctx), FILING_TEXTS.stepFirst);
      }
      switch (step) {
        case 'case':
          return postCase(request, reply, f);
        case 'defendant': {
          const ids = idsFrom(body, 'defendant', f.parties.filter((p) => p.role === 'Defendant').map((p) => p.id));
          if (ids.length === 0) return showStep(request, reply, f, step, FILING_TEXTS.pickDefendant);
          return advance(reply, f, step, { defendants: ids });
        }
        case 'confirm':
          return advance(reply, f, step, { joint: field(body, 'joint', 10) !== '' });
        case 'filer': {
          const group = field(body, 'group', 20) as FilerGroup | '';
          const known = [...f.parties.filter((p) => p.terminatedOn === null).map((p) => p.id), ...(f.data.newParties ?? []).map((d) => d.ref)];
          if (group !== '' && group in FILER_GROUPS) {
            return advance(reply, f, step, { filers: { group, parties: groupMembers(group, f.parties).map((p) => p.id) } });
          }
          const ids = idsFrom(body, 'filer', known);
          if (ids.length === 0) return showStep(request, reply, f, step, FILING_TEXTS.pickFiler);
          return advance(reply, f, step, { filers: { group: null, parties: ids } });
        }
        case 'association': {
          const associations = f.ctx.unassociated.flatMap((id) =>
            field(body, `assoc_${id}`, 10) === '' ? [] : [{ partyId: id, lead: field(body, `lead_${id}`, 10) !== '', notice: field(body, `notice_${id}`, 10) !== '' }],
          );
          // Unchecked parties are not associated now; the screen comes back on their next filing.
          const next = completeStep(f.data, step, { associations }, f.ctx);
          next.done = [...new Set([...next.done, 'association' as const])];
          if (!service.save(f, next)) return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
          const reloaded = service.load({ ...f.row, data: JSON.stringify(next) }) as LoadedFiling;
          return reply.redirect(stepUrl(f.row.key, currentStep(reloaded.data, reloaded.ctx)), 303);
        }
        case 'against': {
          const ids = idsFrom(body, 'against', f.parties.map((p) => p.id));
          if (ids.length === 0) return showStep(request, reply, f, step, FILING_TEXTS.pickAgainst);
          return advance(reply, f, step, { against: ids });
        }
        case 'upload':
          return postUpload(request, reply, f);
        case 'link':
          return advance(reply, f, step, { linkWanted: field(body, 'link', 10) === 'yes', references: field(body, 'link', 10) === 'yes' ? f.data.references : [] });
        case 'refer': {
          const numbers = f.courtCase ? app.repos.docketEntries.forCase(f.courtCase.id).flatMap((e) => (e.docNumber === null ? [] : [e.docNumber])) : [];
          const picked = idsFrom(body, 'refer', numbers).sort((a, b) => a - b);
          if (picked.length === 0) return showStep(request, reply, f, step, FILING_TEXTS.pickReference);
          return advance(reply, f, step, { references: picked });
        }
        case 'text': {
          const prefix = field(body, 'prefix', 40);
          return advance(reply, f, step, {
            prefix: (PREFIXES as readonly string[]).includes(prefix) ? prefix : '',
            freeText: cleanFreeText(field(body, 'free_text', 2000)),
          });
        }
        case 'charges': {
          // Fidelity (A.7): Pay Now goes to the payment page and comes back to `-paid`; Continue Filing pays later.
          if (field(body, 'choice', 20) === 'paynow') return reply.redirect(feePaymentUrl(f.row.key, stepUrl(f.row.key, 'paid'), service.feesOf(f)), 303);
          return advance(reply, f, step, { paid: false });
        }
        case 'final': {
          const outcome = await service.commit(f, { origin: request.site.courtOrigin(f.court.code), actor: request.ecf.account.username, host: request.headers.host ?? '' });
          if (!outcome.ok) {
            if (outcome.reason === 'not-open') return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
            return showStep(request, reply, f, 'final', outcome.message);
          }
          return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
        }
      }
    },
  );

  /** Values of a repeated field that are among `allowed` (party ids, entry numbers). */
  function idsFrom(body: unknown, name: string, allowed: readonly number[]): number[] {
    const ok = new Set(allowed);
    return [...new Set(fieldList(body, name, 20, 200).map(Number))].filter((n) => Number.isSafeInteger(n) && ok.has(n));
  }

  /** The case step: all_case_ids (the widget's pick) or, with JS off, what was typed. */
  function postCase(request: FastifyRequest, reply: FastifyReply, f: LoadedFiling) {
    const body = request.body;
    const typed = field(body, 'case_num', 100).trim();
    const ids = field(body, 'all_case_ids', 200).split(/[\s,]+/).find((t) => /^\d{1,12}$/.test(t) && t !== '0');
    let c: CourtCase | null = ids ? app.repos.cases.byPacerId(f.court.code, Number(ids)) : null;
    if (!c && typed) {
      const t = parseTypedCaseNumber(typed);
      const matches = t
        ? app.repos.cases.forCourt(f.court.code).filter((x) => {
            const n = parseCaseNumber(x.numberShort);
            return n !== null && numberMatches(n, t);
          })
        : [];
      if (matches.length === 1) c = matches[0] ?? null;
    }
    const again = (error: string) => showStep(request, reply, f, 'case', error, { caseNumber: typed, caseIds: '' });
    if (!typed && !ids) return again(FILING_TEXTS.pickCase);
    if (!c || c.sealed) return again(`${FILING_TEXTS.caseNotFound} ${typed}`.trim());
    if (!menuAllows(f.row.menu, c)) return again(FILING_TEXTS.wrongMenu);
    // Fidelity: case pages set CASE_NUM ("1:26-cv-20001(642110)"); the next filing's case screen starts from it.
    void reply.setCookie('CASE_NUM', `${c.numberShort}(${c.pacerCaseId})`, { path: '/cgi-bin/', encode: String });
    const changes: Partial<FilingData> = { caseId: c.id };
    if (f.data.caseId !== c.id) Object.assign(changes, { defendants: undefined, filers: undefined, newParties: undefined, associations: undefined, against: undefined, references: undefined });
    return advance(reply, f, 'case', changes);
  }

  /** New Filer: search the court's parties by name, or create one with a role (joins the case at the commit). */
  function postParty(request: FastifyRequest, reply: FastifyReply, f: LoadedFiling) {
    if (!reachable('filer', f.data, f.ctx)) return showStep(request, reply, f, currentStep(f.data, f.ctx), FILING_TEXTS.stepFirst);
    const body = request.body;
    const lastName = field(body, 'last_name', 120).trim();
    const firstName = field(body, 'first_name', 120).trim();
    const role = field(body, 'role', 60);
    if (!lastName) return stepPage(request, reply, f, 'party', { found: [], lastName, firstName, error: FILING_TEXTS.partyName });
    if (field(body, 'action', 20) === 'search') {
      const needle = lastName.toLowerCase();
      const names = new Map<string, { lastName: string; firstName: string }>();
      for (const list of app.repos.parties.forCourt(f.court.code).values())
        for (const p of list) if (p.lastName.toLowerCase().startsWith(needle)) names.set(`${p.lastName}|${p.firstName}`, { lastName: p.lastName, firstName: p.firstName });
      return stepPage(request, reply, f, 'party', { found: [...names.values()].slice(0, 50), lastName, firstName });
    }
    const roles = ROLES[f.court.kind === 'bankruptcy' ? 'bankruptcy' : 'district'] ?? [];
    if (!roles.includes(role)) return stepPage(request, reply, f, 'party', { found: [], lastName, firstName, error: FILING_TEXTS.partyRole });
    const drafts = f.data.newParties ?? [];
    const ref = -(drafts.length + 1);
    const data: FilingData = { ...f.data, newParties: [...drafts, { ref, role, lastName, firstName }] };
    if (!service.save(f, data)) return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
    return reply.redirect(stepUrl(f.row.key, 'filer'), 303);
  }

  /** The upload step: the files streamed in already (onRequest); keep them or refuse them all. */
  async function postUpload(request: FastifyRequest, reply: FastifyReply, f: LoadedFiling) {
    const uploads = request.filingUploads ?? [];
    const dir = stagingDir(app.documents.dir, f.row.key);
    const kept = uploads.flatMap((u) => (u.result.ok ? [u.result.file.staged] : []));
    const refused = uploads.find((u) => !u.result.ok);
    const main = uploads.find((u) => u.field === 'file_1');
    if (refused || !main) {
      await removeStaged(dir, kept);
      const problem = refused && !refused.result.ok ? `${refused.filename}: ${refused.result.problem}` : FILING_TEXTS.mainRequired;
      return showStep(request, reply, f, 'upload', problem);
    }
    const documents: StagedDocument[] = [];
    const ordered = [...uploads].sort((a, b) => slotOf(a.field) - slotOf(b.field));
    for (const u of ordered) {
      if (!u.result.ok) continue;
      const n = slotOf(u.field);
      documents.push({
        slot: n === 1 ? 0 : documents.length,
        staged: u.result.file.staged,
        originalName: u.filename,
        bytes: u.result.file.bytes,
        pages: u.result.file.pages,
        sha256: u.result.file.sha256,
        category: n === 1 ? '' : pick(field(request.body, `category_${n}`, 60), ATTACHMENT_CATEGORIES),
        description: n === 1 ? '' : cleanFreeText(field(request.body, `description_${n}`, 200)).slice(0, 120),
      });
    }
    // A second pass through the upload screen replaces what the first staged.
    const previous = (f.data.documents ?? []).map((d) => d.staged);
    const next = completeStep(f.data, 'upload', { documents }, f.ctx);
    if (!service.save(f, next)) {
      await removeStaged(dir, kept);
      return reply.redirect(stepUrl(f.row.key, 'receipt'), 303);
    }
    await removeStaged(dir, previous);
    const reloaded = service.load({ ...f.row, data: JSON.stringify(next) }) as LoadedFiling;
    return reply.redirect(stepUrl(f.row.key, currentStep(reloaded.data, reloaded.ctx)), 303);
  }

}

const slotOf = (fieldName: string) => Number(fieldName.slice(5));
const drain = async (part: MultipartFile) => {
  part.file.resume();
};
const pick = (v: string, allowed: readonly string[]) => (allowed.includes(v) ? v : '');

/** Which cases a menu files in: Civil — civil and miscellaneous; Criminal — criminal and magistrate; Bankruptcy — bk; Adversary — ap. */
function menuAllows(menu: string, c: CourtCase): boolean {
  switch (menu) {
    case 'CivilEvents':
      return c.caseType === 'cv' || c.caseType === 'mc';
    case 'CriminalEvents':
      return c.caseType === 'cr' || c.caseType === 'mj';
    case 'BankruptcyEvents':
      return c.caseType === 'bk';
    case 'AdversaryEvents':
      return c.caseType === 'ap';
    default:
      return false;
  }
}

const MENU_TEXT: Record<EventMenuName, string> = { CivilEvents: 'Civil', CriminalEvents: 'Criminal', BankruptcyEvents: 'Bankruptcy', AdversaryEvents: 'Adversary' };

/**
 * A filing menu's page (DisplayMenu.pl?CivilEvents ...): its categories under their headings.
 * Fidelity (WAWD: "You can reset your filing transaction by selecting Civil or Criminal in the
 * CM/ECF navigation bar"): opening it abandons the session's filing here.
 */
export async function eventMenuPage(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, which: EventMenuName) {
  await app.filings.abandonOpen(request.ecf.session.token, request.ecf.court.code);
  const catalog = app.repos.filingCatalog.forCourt(request.ecf.court.code);
  return courtPage(reply, request, 'ecf/filing/categories', {
    menuName: which,
    title: `${MENU_TEXT[which]} Events`,
    headings: headingsOf(catalog.categories, which),
    dispatch: ECF_PATHS.dispatch,
  });
}

/**
 * The filing menus' drop-downs (menu.pl): the court's categories, each opening its picker, in
 * place of the generic groups, when the court has a catalogue for that menu.
 */
export function withFilingCategories(app: FastifyInstance, court: string, data: Record<string, { text: string; href: string }[]>): Record<string, { text: string; href: string }[]> {
  const catalog = app.repos.filingCatalog.forCourt(court);
  if (catalog.categories.length === 0) return data;
  const out = { ...data };
  for (const which of Object.keys(MENU_TEXT) as EventMenuName[]) {
    const href = `/cgi-bin/DisplayMenu.pl?${which}`;
    const categories = catalog.categories.filter((c) => c.menu === which);
    if (out[href] && categories.length > 0) out[href] = categories.map((c) => ({ text: c.name, href: `${ECF_PATHS.dispatch}?${c.key}` }));
  }
  return out;
}
