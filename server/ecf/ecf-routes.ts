import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Court } from '../../db/courts-repository.js';
import { FAULT_TEXT, maintenanceNotice } from '../domain/faults.js';
import { rawQuery } from '../domain/form-fields.js';
import { clientCodeProblem } from '../domain/login-rules.js';
import { utilitiesPage } from '../domain/menus.js';
import { acceptMultipartForms } from '../multipart-forms.js';
import { courtPage, menuVariant, type CourtContext } from './court-context.js';
import { ECF_PATHS } from './paths.js';
import billingRoutes from './billing-routes.js';
import clientCodeRoutes from './client-code-routes.js';
import linkAccountRoutes from './link-account-routes.js';
import queryRoutes from './query-routes.js';
import { onlyOnCourtHosts } from '../plugins/site.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The court, session and menu of a logged-in CM/ECF page; set by the session guard below. */
    ecf: CourtContext;
  }
}

/**
 * A court's CM/ECF host (FIDELITY §5): the landing page, login.pl, the main page and the menus.
 * Everything under /cgi-bin/ needs a CSO session; without one the page answers with the
 * redirect to the CSO login (200, a script and a plain link), as the real courts do.
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
   * Fidelity: the not-logged-in answer is a 200 page whose script sends the browser to the CSO.
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

  // GET / : a one-line page with a meta refresh to the main page (real).
  app.get('/', async (_request, reply) => reply.page('ecf/home', { paths: ECF_PATHS }));

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
    return courtPage(reply, request, 'ecf/main');
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

    secured.get(ECF_PATHS.showIndex, async (request, reply) => courtPage(reply, request, 'ecf/main'));
    secured.get(ECF_PATHS.showPage, async (request, reply) => {
      // Fidelity: showpage.pl?16 is the main page; other numbers are pages we do not have.
      if (rawQuery(request.url) === '16') return courtPage(reply, request, 'ecf/main');
      return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
    });

    secured.get(ECF_PATHS.displayMenu, async (request, reply) => {
      const which = rawQuery(request.url);
      switch (which) {
        case 'Reports':
          return courtPage(reply, request, 'ecf/reports');
        case 'Utilities':
          return courtPage(reply, request, 'ecf/utilities', { groups: utilitiesPage(request.ecf.variant) });
        case 'CivilEvents':
        case 'CriminalEvents':
          if (request.ecf.variant !== 'filer') {
            return courtPage(reply, request, 'ecf/not-a-filer', { category: which === 'CivilEvents' ? 'Civil' : 'Criminal' }, { status: 403 });
          }
          return courtPage(reply, request, 'ecf/events', { category: which === 'CivilEvents' ? 'Civil' : 'Criminal' });
        default:
          return courtPage(reply, request, 'errors/not-found-ecf', {}, { status: 404 });
      }
    });

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
  });
}
