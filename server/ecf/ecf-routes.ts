import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Court } from '../../db/courts-repository.js';
import { FAULT_TEXT, maintenanceNotice } from '../domain/faults.js';
import { rawQuery } from '../domain/form-fields.js';
import { clientCodeProblem } from '../domain/login-rules.js';
import { EVENT_MENUS, eventMenusFor, REPORTS, submenusFor, utilitiesPage } from '../domain/menus.js';
import { sign } from '../domain/tokens.js';
import { acceptMultipartForms } from '../multipart-forms.js';
import { courtPage, menuVariant, type CourtContext } from './court-context.js';
import { ECF_PATHS, type EventMenuName } from './paths.js';
import billingRoutes from './billing-routes.js';
import clientCodeRoutes from './client-code-routes.js';
import documentRoutes from './documents/document-routes.js';
import feesRoutes from './fees-routes.js';
import linkAccountRoutes from './link-account-routes.js';
import queryRoutes from './query-routes.js';
import possibleCaseNumbersRoutes from './reports/possible-case-numbers-routes.js';
import reportsRoutes from './reports/reports-routes.js';
import { onlyOnCourtHosts } from '../plugins/site.js';
import filingRoutes, { eventMenuPage, withFilingCategories } from './filing/filing-routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The court, session and menu of a logged-in CM/ECF page; set by the session guard below. */
    ecf: CourtContext;
  }
}

/** Fidelity: `/` on a court host is exactly this one line (the audit's page skeleton). */
export const COURT_HOME_PAGE = "<html><meta http-equiv='REFRESH' content='0;url=/cgi-bin/ShowIndex.pl'></html>";

/**
 * A court's CM/ECF host (FIDELITY §5): the landing page, login.pl, the main page and the menus.
 *
 * Without a CSO session (FLSD guide step 1; README "How hosts map to the mock"):
 * - `/` refreshes to `ShowIndex.pl`, and a bare `ShowIndex.pl` is the court's index: the link
 *   "<court name> – Document Filing System" to `login.pl`. This is the court's front door, the
 *   page a person arrives at; it carries no logout link and no "Cost: ", so clients read it as
 *   not logged in.
 * - every other `/cgi-bin/` page (login.pl included) answers with the redirect to the CSO login
 *   (200, a script and a plain link), coming back to the page asked for: a client that fetches a
 *   report or a menu without a session sees the not-logged-in page, as from the real courts.
 */
export default async function ecfRoutes(app: FastifyInstance) {
  app.decorateRequest('ecf', null as never);
  // Fidelity: real clients post CM/ECF forms as multipart/form-data.
  await acceptMultipartForms(app);

  // Fidelity: court paths answer on court hosts and on "any" host, not on the CSO host.
  app.addHook('onRequest', onlyOnCourtHosts);

  /** The CSO login URL for this court, coming back to `appurl` (by default the page asked for). */
  function loginUrl(request: FastifyRequest, court: Court, appurl = request.site.selfUrl): string {
    return `${request.site.csoOrigin}/csologin/login.jsf?pscCourtId=${encodeURIComponent(court.pscCourtId)}&appurl=${encodeURIComponent(appurl)}`;
  }

  /**
   * Fidelity: the not-logged-in answer is a 200 page whose script sends the browser to the CSO
   * (`location.assign` to `.../csologin/...`, the two strings clients recognise it by).
   * It must contain neither the logout link nor "Cost: " (clients read those as "logged in").
   */
  function loginRedirect(request: FastifyRequest, reply: FastifyReply) {
    const court = request.site.court as Court;
    return reply.header('Cache-Control', 'no-store').page('ecf/login-redirect', { court, loginUrl: loginUrl(request, court) });
  }

  // Faults on court pages answer as the court's own pages do; the faults plugin decides when.
  app.faults.answer('court', (fault, request, reply) => {
    switch (fault) {
      case 'MAINTENANCE':
        return reply.page('ecf/maintenance', { notice: maintenanceNotice('CM/ECF', app.clock.now()) }, 503);
      case 'SPURIOUS_LOGIN_PAGE':
        // Fidelity (FIDELITY §7): the login page comes back once although the cookies are valid.
        return loginRedirect(request, reply);
      case 'NO_PRIVILEGES':
        return reply.page('ecf/no-privileges', { text: FAULT_TEXT.noPrivileges });
    }
  });

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(COURT_HOME_PAGE));

  // login.pl?logout ends the CSO session everywhere; it needs no guard.
  app.get(ECF_PATHS.login, async (request, reply) => {
    if (rawQuery(request.url) === 'logout') {
      const active = app.sessions.fromRequest(request);
      if (active) app.sessions.end(active.session.token, active.account.username, request.headers.host ?? '');
      app.sessions.clearLoginCookies(request, reply);
      const court = request.site.court as Court;
      return reply
        .header('Cache-Control', 'no-store')
        .page('ecf/logged-out', { court, loginUrl: loginUrl(request, court, `${request.site.courtOrigin(court.code)}${ECF_PATHS.login}`) });
    }
    if (!attachSession(request)) return loginRedirect(request, reply);
    // Fidelity (the audit): the logged-in login.pl sets the KEY cookie by script. Its value's
    // shape is not public: ours is 32 hex characters, a keyed hash of the session and court.
    return courtPage(reply, request, 'ecf/main', { key: keyCookieValue(request.ecf) });
  });

  function keyCookieValue({ session, court }: CourtContext): string {
    return Buffer.from(sign(app.secret, 'KEY', session.token, court.code), 'base64url').toString('hex').slice(0, 32);
  }

  // The court's front door: the index for a visitor without a session (step 1), the main page with one.
  app.get(ECF_PATHS.showIndex, async (request, reply) => {
    if (attachSession(request)) return courtPage(reply, request, 'ecf/main');
    if (rawQuery(request.url) !== '') return loginRedirect(request, reply);
    const court = request.site.court as Court;
    return reply.header('Cache-Control', 'no-store').page('ecf/court-index', { court, paths: ECF_PATHS });
  });

  /**
   * Fidelity: every court page's head loads `menu.pl?id=-1` as a script. Its real content is not
   * public; ours hands the page's script the drop-downs of this session's menu bar at this court
   * (`CMECF.menuData`, nothing without a session). JavaScript, never the login page.
   */
  app.get(ECF_PATHS.menuScript, async (request, reply) => {
    const active = app.sessions.fromRequest(request);
    const court = request.site.court as Court;
    const data = active ? withFilingCategories(app, court.code, submenusFor(menuVariant(app, court, active.account.id), court.kind)) : {};
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    return reply
      .header('Cache-Control', 'no-store')
      .type('text/javascript; charset=utf-8')
      .send(`/* mock-pacer: the menu bar's drop-downs for this session */\nwindow.CMECF = window.CMECF || {};\nCMECF.menuData = ${json};\n`);
  });

  // The documents: /doc1/ (free looks need no session), show_case_doc, show_temp.pl, show_multidocs.pl.
  await app.register(documentRoutes, { attachSession, loginRedirect });

  // The case-number widget's lookup answers in XML, "Not logged in." included: outside the guard.
  await app.register(possibleCaseNumbersRoutes);

  // A script this court does not have: the server's 404, but a logged-in session still sees its
  // menu bar and so the logout link clients read as "logged in" (juriscraper-contract §1.5).
  app.all('/cgi-bin/*', async (request, reply) => {
    if (attachSession(request)) return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    return reply.page('errors/not-found', {}, 404);
  });

  /** Sets request.ecf from the session cookie; false when there is no live session. */
  function attachSession(request: FastifyRequest): boolean {
    const active = app.sessions.fromRequest(request);
    const court = request.site.court;
    if (!active || !court) return false;
    // Fidelity: clients set PacerClientCode themselves (it is how an API login carries a client
    // code to the courts); when the cookie is there, it is the code this page shows and bills to.
    const cookieCode = request.cookies['PacerClientCode'];
    const session =
      cookieCode !== undefined && cookieCode !== active.session.clientCode && clientCodeProblem(cookieCode) === null
        ? { ...active.session, clientCode: cookieCode }
        : active.session;
    request.ecf = { ...active, session, court, variant: menuVariant(app, court, active.account.id) };
    return true;
  }

  // Everything registered in this child context is behind the session guard.
  await app.register(async (secured) => {
    secured.addHook('preHandler', async (request, reply) => {
      if (!attachSession(request)) return loginRedirect(request, reply);
    });

    secured.get(ECF_PATHS.showPage, async (request, reply) => {
      // Fidelity: showpage.pl?16 is the main page; other numbers are pages we do not have.
      if (rawQuery(request.url) === '16') return courtPage(reply, request, 'ecf/main');
      return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    });

    secured.get(ECF_PATHS.displayMenu, async (request, reply) => {
      // Bankruptcy courts' links carry "&id=<n>" after the menu's name (captured cacb, wiwb_1).
      const which = rawQuery(request.url).split('&', 1)[0] ?? '';
      switch (which) {
        case 'Reports':
          return courtPage(reply, request, 'ecf/reports', { reports: REPORTS });
        case 'Utilities':
          return courtPage(reply, request, 'ecf/utilities', { groups: utilitiesPage(request.ecf.variant) });
        case 'CivilEvents':
        case 'CriminalEvents':
        case 'BankruptcyEvents':
        case 'AdversaryEvents':
          return eventMenu(request, reply, which);
        default:
          return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
      }
    });

    /** A filing menu: only this kind of court has it, and only a linked filer may use it. */
    function eventMenu(request: FastifyRequest, reply: FastifyReply, which: EventMenuName) {
      const menu = EVENT_MENUS[which];
      if (!eventMenusFor(request.ecf.court.kind).includes(menu)) {
        return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
      }
      if (request.ecf.variant !== 'filer') {
        return courtPage(reply, request, 'ecf/not-a-filer', { category: menu.text }, { status: 403 });
      }
      return eventMenuPage(app, request, reply, which);
    }

    secured.get(ECF_PATHS.help, async (request, reply) => courtPage(reply, request, 'ecf/help'));
    secured.get(ECF_PATHS.maintainAccount, async (request, reply) => {
      const linked = app.repos.ecfAccounts.linkedTo(request.ecf.court.code, request.ecf.account.id);
      if (!linked) return courtPage(reply, request, 'ecf/not-a-filer', { category: 'Maintain Your ECF Account' }, { status: 403 });
      return courtPage(reply, request, 'ecf/maintain-account', { linked });
    });

    await secured.register(linkAccountRoutes);
    await secured.register(clientCodeRoutes);
    await secured.register(queryRoutes);
    await secured.register(billingRoutes);
    await secured.register(reportsRoutes);
    await secured.register(filingRoutes, { attachSession });
    await secured.register(feesRoutes);
  });
}
