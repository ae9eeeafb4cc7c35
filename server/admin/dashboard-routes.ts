import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ADMIN_COOKIE,
  adminCookieValue,
  crossSite,
  csrfMatches,
  csrfToken,
  hasAdminCookie,
  hasBearer,
  tokenMatches,
} from './admin-auth.js';
import { openApiDocument } from './openapi.js';
import { resetToSeed } from './reset-service.js';

/**
 * The dashboard at /__admin/ and the API docs page at /__admin/docs: HTML for a person at a
 * browser or a projector. Same access rule as the JSON routes, but a browser cannot add an
 * Authorization header to links and form posts, so the token may also be typed once into a form
 * that sets an HttpOnly cookie. Every form post carries a CSRF token.
 */

/** Flash messages after a form post, by key: the URL never carries text of its own. */
const DONE: Record<string, string> = {
  reset: 'The mock is back in its seed state.',
  unlinked: 'The CM/ECF account is unlinked.',
  'class-reset': 'The class is back to unlinked.',
  'sessions-ended': 'The sessions are ended.',
  unlocked: 'The account is unlocked.',
};

const fmt = (ms: number | null): string => (ms === null ? '' : `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`);

function field(body: unknown, name: string, max = 200): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export default async function dashboardRoutes(app: FastifyInstance) {
  const repos = app.repos;
  const authorized = (request: FastifyRequest) => app.adminToken === null || hasBearer(app, request) || hasAdminCookie(app, request);
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/__admin',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.site.scheme === 'https',
  });
  const loginPage = (reply: FastifyReply, message = '', status = 401) =>
    reply.header('Cache-Control', 'no-store').page('admin/login', { message }, status);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    if (crossSite(request)) return reply.page('admin/message', { heading: 'Refused', message: 'The dashboard does not accept forms sent by other web sites.' }, 403);
    if (request.routeOptions.url === '/__admin/login') return;
    if (!authorized(request)) return loginPage(reply);
  });
  // Every form post but the token form itself must carry the CSRF token.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url === '/__admin/login') return;
    if (!csrfMatches(app, field(request.body, 'csrf'))) {
      return reply.page('admin/message', { heading: 'Form expired', message: 'This form did not come from the dashboard. Go back, reload and try again.' }, 403);
    }
  });

  const back = (reply: FastifyReply, done: string) => reply.redirect(`/__admin/?done=${done}`, 303);

  app.get('/', async (request, reply) => {
    const now = app.clock.now();
    const trainees = repos.classes.traineeAccountIds();
    const ecf = repos.admin.ecfList();
    const linksOf = new Map<number, string[]>();
    for (const e of ecf) {
      if (e.linked_pacer_account_id === null) continue;
      linksOf.set(e.linked_pacer_account_id, [...(linksOf.get(e.linked_pacer_account_id) ?? []), `${e.court.toUpperCase()} ${e.login}`]);
    }
    const pacer = repos.admin
      .pacerList()
      .filter((a) => !trainees.pacer.has(a.id))
      .map((a) => ({
        username: a.username,
        name: `${a.first_name} ${a.last_name}`,
        kind: `${a.kind}${a.upgraded ? '' : ', legacy'}${a.filer ? ', filer' : ''}${a.mfa_secret ? ', MFA' : ''}`,
        status: a.status,
        locked: a.locked_until !== null && a.locked_until > now,
        links: linksOf.get(a.id) ?? [],
      }));
    const done = (request.query as { done?: unknown }).done;
    return reply.page('admin/dashboard', {
      now: fmt(now),
      fmt,
      done: typeof done === 'string' ? (DONE[done] ?? '') : '',
      csrf: csrfToken(app),
      tokenRequired: app.adminToken !== null,
      cookieLogin: hasAdminCookie(app, request),
      defaultCourt: app.config.defaultCourt,
      courts: repos.courts.list(),
      pacer,
      ecf: ecf.filter((e) => !trainees.ecf.has(e.id)),
      classes: repos.classes.list(),
      activeSessions: repos.admin.sessions().filter((s) => s.ended_at === null && s.expires_at > now).length,
      journal: repos.journal.list({ limit: 25 }),
      outbox: repos.outbox.list(10),
    });
  });

  app.post('/login', async (request, reply) => {
    if (app.adminToken === null) return reply.redirect('/__admin/', 303);
    const given = field(request.body, 'token', 500).trim();
    if (!tokenMatches(app.adminToken, given)) return loginPage(reply, 'That is not the control-plane token.');
    reply.setCookie(ADMIN_COOKIE, adminCookieValue(app, app.adminToken), cookieOptions(request));
    return reply.redirect('/__admin/', 303);
  });

  app.post('/logout', async (request, reply) => {
    reply.clearCookie(ADMIN_COOKIE, cookieOptions(request));
    return reply.redirect('/__admin/', 303);
  });

  app.post('/ui/reset', async (_request, reply) => {
    resetToSeed(app);
    return back(reply, 'reset');
  });

  app.post('/ui/unlink', async (request, reply) => {
    const e = repos.admin.ecf(field(request.body, 'court', 8), field(request.body, 'login', 64));
    if (e && e.linked_pacer_account_id !== null) {
      repos.admin.unlink(e.id);
      app.record(request, { actor: e.linked_username ?? '', action: 'admin.link.delete', outcome: 'ok', detail: `${e.court} ${e.login}` });
    }
    return back(reply, 'unlinked');
  });

  app.post('/ui/unlock', async (request, reply) => {
    const a = repos.admin.pacer(field(request.body, 'username', 64));
    if (a) repos.admin.updatePacer(a.id, { failedAttempts: 0, lockedUntil: null });
    return back(reply, 'unlocked');
  });

  app.post('/ui/end-sessions', async (request, reply) => {
    const now = app.clock.now();
    for (const s of repos.admin.sessions()) {
      if (s.ended_at === null && s.expires_at > now) app.sessions.end(s.token, s.username, request.headers.host ?? '');
    }
    return back(reply, 'sessions-ended');
  });

  app.post('/ui/class-reset', async (request, reply) => {
    repos.classes.reset(field(request.body, 'name', 40));
    return back(reply, 'class-reset');
  });

  app.get('/docs', async (_request, reply) => reply.page('admin/docs', { doc: openApiDocument() }));
}
