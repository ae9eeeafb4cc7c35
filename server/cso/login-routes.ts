import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PacerAccount } from '../../db/pacer-accounts-repository.js';
import { field, has } from '../domain/form-fields.js';
import { maintenanceNotice } from '../domain/faults.js';
import { safeAppUrl } from '../domain/hosts.js';
import { checkCredentials, clientCodeProblem, TEXT } from '../domain/login-rules.js';
import { acceptMultipartForms } from '../multipart-forms.js';
import { credentialDeps } from './credential-deps.js';
import { nextStep, stepForBody, stepNamed } from './login-steps.js';
import { isPartialRequest, partialRedirect, partialUpdates, VIEW_STATE_ID } from './partial-response.js';
import type { LoginStep, Message, RefreshPart, StepContext } from './steps/step.js';
import { newJSessionId, sign, signatureMatches } from '../domain/tokens.js';
import { onlyOnCsoHosts } from '../plugins/site.js';
import { crossSite } from '../admin/admin-auth.js';

/**
 * PACER Central Sign-On screen login: GET/POST /csologin/login.jsf (FIDELITY §3).
 *
 * The journey, as a state table (one POST URL serves every form, told apart by the form's
 * own hidden field, as JSF does):
 *
 * | state            | form posted | outcome                                                  |
 * |------------------|-------------|----------------------------------------------------------|
 * | (none)           | loginForm   | bad input / credentials: page again with the message     |
 * |                  |             | good: the first dialog of LOGIN_STEPS that applies, or   |
 * |                  |             | the session                                              |
 * | <step> (dialog)  | step.form   | the step decides: dialog again, next step, or session;   |
 * |                  |             | the steps and their order are in login-steps.ts          |
 * | any              | (no cookie) | page again with the cookie error, nobody logged in       |
 *
 * Each answer is the page (a 302 on success) or, for the PrimeFaces AJAX variant of the same POST,
 * the same parts as a partial-response (partial-response.ts); renderLogin and redirectTo choose.
 *
 * Fidelity: the JSESSIONID the login page set is kept through the password and every dialog
 * (juriscraper's PrimeFaces login reads a new one as "something has gone wrong");
 * HARDEN_COOKIES=on issues a new one once the password is accepted instead.
 *
 * Also accepted, where it costs little: the older "stateless" client (juriscraper digest §2.2),
 * which posts form `login` (`login:loginName`, ...) with `javax.faces.ViewState=stateless` and no
 * GET first. Such a POST is not tied to a GET by the ViewState, so it is taken only from clients
 * that are not a browser on another site (crossSite: no foreign Origin, no cross-site Fetch
 * Metadata), and the answers carry `stateless` back as their ViewState.
 */

export const JSESSIONID = 'JSESSIONID';
const JSESSIONID_RE = /^[0-9A-F]{32}$/;
/** A login left at a dialog longer than this starts over (invented: 15 minutes). */
export const PENDING_MAX_AGE_MS = 15 * 60 * 1000;

export interface LoginPageState {
  pscCourtId: string;
  appurl: string;
  username?: string;
  clientCode?: string;
  messages?: Message[];
  /** An error shown under a field of the login form, by the field's name (`loginName`, `password`). */
  fieldErrors?: Partial<Record<'loginName' | 'password', string>>;
  /** The name of the step whose dialog shows over the page. */
  dialog?: string | null;
  dialogMessages?: Message[];
  dialogData?: Record<string, unknown>;
}

interface Query {
  pscCourtId?: unknown;
  appurl?: unknown;
}

/** The JSF view a POST belongs to: the JSESSIONID it runs under and the ViewState its answers carry. */
interface View {
  jsessionid: string;
  viewState: string;
}

/** The ViewState the stateless client posts (juriscraper digest §2.2). */
const STATELESS = 'stateless';

/** The login form's fields: `loginForm:*`, or `login:*` from the stateless client. */
function credentialsIn(body: unknown) {
  const prefix = has(body, 'loginForm') || !has(body, 'login') ? 'loginForm' : 'login';
  return {
    username: field(body, `${prefix}:loginName`, 256),
    password: field(body, `${prefix}:password`, 1024),
    clientCode: field(body, `${prefix}:clientCode`, 256).trim(),
  };
}

export default async function loginRoutes(app: FastifyInstance) {
  const { repos, config } = app;

  // Fidelity: the CSO paths answer on CSO hosts and on "any" host, never on a court host.
  app.addHook('onRequest', onlyOnCsoHosts);

  const deps = credentialDeps(app);
  await acceptMultipartForms(app);

  // Faults on the CSO's screens (any /csologin/ path) answer as a CSO page; the faults plugin decides when.
  app.faults.answer('cso', (fault, _request, reply) => {
    switch (fault) {
      case 'MAINTENANCE':
        return reply.page('cso/maintenance', { notice: maintenanceNotice('PACER', app.clock.now()), pageTitle: 'PACER' }, 503);
    }
  });

  const viewStateFor = (jsessionid: string) => sign(app.secret, 'ViewState', jsessionid);
  const viewFor = (jsessionid: string): View => ({ jsessionid, viewState: viewStateFor(jsessionid) });

  function queryParams(request: FastifyRequest) {
    const q = (request.query ?? {}) as Query;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2048) : Array.isArray(v) && typeof v[0] === 'string' ? v[0].slice(0, 2048) : '');
    return { pscCourtId: str(q.pscCourtId), appurl: str(q.appurl) };
  }

  /** The JSESSIONID the browser sent back, if it looks like one of ours. */
  function sentJSessionId(request: FastifyRequest): string | null {
    const v = request.cookies[JSESSIONID];
    return v && JSESSIONID_RE.test(v) ? v : null;
  }

  function issueJSessionId(request: FastifyRequest, reply: FastifyReply): string {
    const id = newJSessionId();
    // Written directly: the id is hex (nothing to encode or validate), and this runs on every
    // first visit to the login page, where the generic serializer was a visible share of the cost.
    reply.header('set-cookie', `${JSESSIONID}=${id}; Path=/csologin; HttpOnly${request.site.scheme === 'https' ? '; Secure' : ''}; SameSite=Lax`);
    return id;
  }

  function courtFor(pscCourtId: string) {
    return (pscCourtId && repos.courts.byPscCourtId(pscCourtId)) || repos.courts.byCode(config.defaultCourt) || repos.courts.list()[0];
  }

  function courtHome(request: FastifyRequest, pscCourtId: string): string {
    const court = courtFor(pscCourtId);
    return court ? `${request.site.courtOrigin(court.code)}/` : '/';
  }

  function loginPageData(state: LoginPageState, viewState: string) {
    return {
      action: `/csologin/login.jsf?pscCourtId=${encodeURIComponent(state.pscCourtId)}&appurl=${encodeURIComponent(state.appurl)}`,
      viewState,
      court: courtFor(state.pscCourtId),
      username: state.username ?? '',
      clientCode: state.clientCode ?? '',
      messages: state.messages ?? [],
      fieldErrors: state.fieldErrors ?? {},
      dialog: state.dialog ?? null,
      dialogMessages: state.dialogMessages ?? [],
      dialogData: state.dialogData ?? {},
      text: TEXT,
    };
  }

  /**
   * The blank login page (a first GET: no messages, no dialog, no username) is the page clients
   * and QA suites fetch most, and it differs between visits only in its ViewState (once in each
   * form: the login form and the hidden Redaction Agreement). It is rendered once per court and
   * action URL with a marker where the ViewState goes, and answered by joining the pieces around
   * the visitor's ViewState (base64url: nothing to escape). Bounded, and keyed by the court's fields
   * so a reset that renames a court renders afresh.
   */
  const BLANK_PAGES_MAX = 256;
  const VIEWSTATE_MARK = `viewstate-${randomBytes(12).toString('hex')}`;
  const blankPages = new Map<string, readonly Buffer[]>();
  function blankLoginPage(request: FastifyRequest, state: LoginPageState): readonly Buffer[] | null {
    const court = courtFor(state.pscCourtId);
    const key = `${state.pscCourtId}\u0000${state.appurl}\u0000${court?.code}\u0000${court?.name}\u0000${court?.pscCourtId}\u0000${request.site.kind}\u0000${request.site.csoOrigin}`;
    let pieces = blankPages.get(key);
    if (!pieces) {
      const data = loginPageData(state, VIEWSTATE_MARK);
      const parts = app.renderView('cso/login', { site: request.site, ...data }).split(VIEWSTATE_MARK);
      if (parts.length < 2) return null;
      pieces = parts.map((p) => Buffer.from(p, 'utf8'));
      if (blankPages.size >= BLANK_PAGES_MAX) blankPages.delete(blankPages.keys().next().value as string);
      blankPages.set(key, pieces);
    }
    return pieces;
  }

  /** The pieces of a blank page joined around one ViewState, as one flat Buffer. */
  function joinAround(pieces: readonly Buffer[], viewState: string): Buffer {
    const vs = Buffer.from(viewState, 'latin1');
    const all: Buffer[] = [pieces[0] as Buffer];
    for (let i = 1; i < pieces.length; i++) all.push(vs, pieces[i] as Buffer);
    return Buffer.concat(all);
  }

  /** The login page (and the dialog over it, if any); for an AJAX POST the same parts as a partial-response. */
  function renderLogin(reply: FastifyReply, view: View, state: LoginPageState) {
    reply.header('Cache-Control', 'no-store');
    if (isPartialRequest(reply.request)) {
      const data = loginPageData(state, view.viewState);
      const it = { site: reply.request.site, ...data };
      const updates = [{ id: 'loginForm', html: app.renderView('cso/login-form', it) }];
      const step = state.dialog ? stepNamed(state.dialog) : undefined;
      if (step) updates.push({ id: step.dialogId, html: app.renderView(`cso/dialogs/${step.name}`, it) });
      updates.push({ id: VIEW_STATE_ID, html: data.viewState });
      return reply.type('text/xml; charset=utf-8').send(partialUpdates(updates));
    }
    const blank = !state.messages?.length && !state.dialog && !state.username && !state.clientCode;
    const pieces = blank ? blankLoginPage(reply.request, state) : null;
    // One flat Buffer: a joined string would be flattened, measured and encoded again on write.
    if (pieces) return reply.type('text/html; charset=utf-8').send(joinAround(pieces, view.viewState));
    return reply.page('cso/login', loginPageData(state, view.viewState));
  }

  /**
   * A value changed in a dialog: for the AJAX variant exactly the parts the step names and the
   * ViewState, nothing more (Fidelity: the tick's answer, jsc 5580f0cf9); for a plain POST the page.
   */
  function renderRefresh(reply: FastifyReply, view: View, state: LoginPageState, parts: readonly RefreshPart[]) {
    if (!isPartialRequest(reply.request)) return renderLogin(reply, view, state);
    reply.header('Cache-Control', 'no-store');
    const it = { site: reply.request.site, ...loginPageData(state, view.viewState) };
    const updates = parts.map((part) => ({ id: part.id, html: app.renderView(part.template, it) }));
    updates.push({ id: VIEW_STATE_ID, html: view.viewState });
    return reply.type('text/xml; charset=utf-8').send(partialUpdates(updates));
  }

  /** A 302 for the page; the same target as a partial-response redirect for the AJAX variant. */
  function redirectTo(request: FastifyRequest, reply: FastifyReply, url: string) {
    reply.header('Cache-Control', 'no-store');
    if (isPartialRequest(request)) return reply.type('text/xml; charset=utf-8').send(partialRedirect(url));
    return reply.redirect(url, 302);
  }

  const hostOf = (request: FastifyRequest) => request.headers.host ?? '';

  /** The end of every successful screen login: a new session, the cookies, back to the court. */
  function complete(request: FastifyRequest, reply: FastifyReply, jsessionid: string, account: PacerAccount, clientCode: string, pscCourtId: string, appurl: string) {
    repos.sessions.dropPending(jsessionid);
    const token = app.sessions.start(account, clientCode, hostOf(request));
    app.sessions.setLoginCookies(request, reply, token, account, clientCode);
    const target =
      safeAppUrl(appurl, request.site.host, (code) => repos.courts.byCode(code) !== undefined) ?? courtHome(request, pscCourtId);
    return redirectTo(request, reply, target);
  }

  /** Moves a logged-in-by-password account to its next dialog (after `after`), or finishes the login. */
  function advance(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    account: PacerAccount,
    after: string | undefined,
    ctx: { clientCode: string; pscCourtId: string; appurl: string },
  ) {
    const next = nextStep(account, stepContext(request), after);
    if (!next) return complete(request, reply, view.jsessionid, account, ctx.clientCode, ctx.pscCourtId, ctx.appurl);
    repos.sessions.putPending({
      jsessionid: view.jsessionid,
      pacerAccountId: account.id,
      step: next.name,
      clientCode: ctx.clientCode,
      pscCourtId: ctx.pscCourtId,
      appUrl: ctx.appurl,
      createdAt: app.clock.now(),
    });
    return renderLogin(reply, view, { pscCourtId: ctx.pscCourtId, appurl: ctx.appurl, username: account.username, dialog: next.name, dialogData: next.view?.(account, stepContext(request)) ?? {} });
  }

  const stepContext = (request: FastifyRequest): StepContext => ({ app, request, now: app.clock.now() });

  app.get('/csologin/login.jsf', async (request, reply) => {
    const { pscCourtId, appurl } = queryParams(request);
    const sent = sentJSessionId(request);
    // A fresh GET starts the login over (a new JSESSIONID has nothing to drop).
    if (sent) repos.sessions.dropPending(sent);
    const jsessionid = sent ?? issueJSessionId(request, reply);
    return renderLogin(reply, viewFor(jsessionid), { pscCourtId, appurl });
  });

  app.post('/csologin/login.jsf', async (request, reply) => {
    const body = request.body;
    const q = queryParams(request);
    const pscCourtId = q.pscCourtId || field(body, 'pscCourtId', 20);
    const appurl = q.appurl || field(body, 'appurl', 2048);
    const host = hostOf(request);

    if (has(body, 'loginForm:btnCancel')) return redirectTo(request, reply, courtHome(request, pscCourtId));

    // The cookie requirement: the ViewState must belong to the JSESSIONID cookie sent back (or be
    // the stateless client's literal, from a client that is not a browser on another site).
    const sent = sentJSessionId(request);
    const viewState = field(body, 'javax.faces.ViewState', 200) || field(body, 'jakarta.faces.ViewState', 200);
    const stateless = viewState === STATELESS && !crossSite(request);
    if (!stateless && (!sent || !signatureMatches(app.secret, viewState, 'ViewState', sent))) {
      app.record(request, {
        actor: credentialsIn(body).username.slice(0, 100),
        action: 'login.screen',
        outcome: 'no_cookie',
        detail: sent ? 'ViewState does not belong to the JSESSIONID' : 'no JSESSIONID cookie',
      });
      const fresh = issueJSessionId(request, reply);
      return renderLogin(reply, viewFor(fresh), { pscCourtId, appurl, messages: [{ severity: 'error', text: TEXT.cookies }] });
    }
    // The stateless client's first POST comes without a JSESSIONID: this one carries its login on.
    const jsessionid = sent ?? issueJSessionId(request, reply);
    const viewOf = (id: string): View => (stateless ? { jsessionid: id, viewState: STATELESS } : viewFor(id));
    const view = viewOf(jsessionid);

    if (has(body, 'loginForm:btnClear')) {
      repos.sessions.dropPending(jsessionid);
      return renderLogin(reply, view, { pscCourtId, appurl });
    }

    const step = stepForBody(body);
    if (step) return dialogStep(request, reply, view, step, pscCourtId, appurl);

    // The login form itself.
    const { username, password, clientCode } = credentialsIn(body);
    const again = (messages: Message[], fieldErrors: LoginPageState['fieldErrors'] = {}) =>
      renderLogin(reply, view, {
        pscCourtId,
        appurl,
        username: username.slice(0, 256),
        clientCode: clientCode.slice(0, 256),
        messages,
        fieldErrors,
      });
    const error = (text: string): Message => ({ severity: 'error', text });

    const codeProblem = clientCodeProblem(clientCode);
    if (codeProblem) return again([error(codeProblem)]);

    const outcome = await checkCredentials(deps, username, password, host, 'screen');
    switch (outcome.kind) {
      case 'empty': {
        // As JSF validates: every empty required field, in the message area and under the field.
        const values = { loginName: username.trim(), password };
        const labels = { loginName: 'Username', password: 'Password' } as const;
        const texts = (['loginName', 'password'] as const).filter((name) => values[name] === '').map((name) => [name, TEXT.required(labels[name])] as const);
        return again(
          texts.map(([, text]) => error(text)),
          Object.fromEntries(texts),
        );
      }
      case 'invalid':
        return again([error(TEXT.invalid)]);
      case 'locked':
        return again([error(TEXT.locked)]);
      case 'disabled':
        return again([error(TEXT.disabled)]);
      case 'ok':
        break;
    }
    const account = outcome.account;
    if (account.clientCodeRequired && clientCode === '') {
      // Fidelity: the API's real text; on screen the login waits for the code.
      return again([error('A required Client Code was not entered.')]);
    }
    const ctx = { clientCode, pscCourtId, appurl };
    if (!app.config.hardenCookies) return advance(request, reply, view, account, undefined, ctx);
    // HARDEN_COOKIES=on, like a servlet container's changeSessionId() at authentication: the
    // JSESSIONID the password was typed under (which someone else could have planted in this
    // browser) does not carry the login on; the dialogs and the session hang off a fresh one.
    repos.sessions.dropPending(jsessionid);
    return advance(request, reply, viewOf(issueJSessionId(request, reply)), account, undefined, ctx);
  });

  /** The POST of a dialog's form: the step decides whether the login goes on. */
  async function dialogStep(request: FastifyRequest, reply: FastifyReply, view: View, step: LoginStep, pscCourtId: string, appurl: string) {
    const { jsessionid } = view;
    const pending = repos.sessions.getPending(jsessionid);
    const ctx = stepContext(request);
    if (!pending || pending.step !== step.name || ctx.now - pending.createdAt > PENDING_MAX_AGE_MS) {
      if (pending) repos.sessions.dropPending(jsessionid);
      return renderLogin(reply, view, {
        pscCourtId,
        appurl,
        // Invented: the login behind the dialog is gone (expired, or never started).
        messages: [{ severity: 'error', text: 'Your login session has expired. Please log in again.' }],
      });
    }
    const account = repos.pacerAccounts.byId(pending.pacerAccountId);
    if (!account) return renderLogin(reply, view, { pscCourtId, appurl });
    const kept = { clientCode: pending.clientCode, pscCourtId: pending.pscCourtId, appurl: pending.appUrl };
    const shown = (more: Pick<LoginPageState, 'dialogMessages'> & { state?: Record<string, unknown> } = {}): LoginPageState => ({
      pscCourtId: kept.pscCourtId,
      appurl: kept.appurl,
      username: account.username,
      dialog: step.name,
      dialogMessages: more.dialogMessages ?? [],
      dialogData: { ...(step.view?.(account, ctx) ?? {}), ...more.state },
    });
    const result = await step.submit(request.body, account, ctx);
    switch (result.kind) {
      case 'next':
        return advance(request, reply, view, account, step.name, kept);
      case 'stay':
        return renderLogin(reply, view, shown({ dialogMessages: result.messages }));
      case 'refresh':
        return renderRefresh(reply, view, shown({ state: result.state }), result.parts);
      case 'abort':
        repos.sessions.dropPending(jsessionid);
        return renderLogin(reply, view, { pscCourtId: kept.pscCourtId, appurl: kept.appurl, messages: result.messages });
    }
  }
}
