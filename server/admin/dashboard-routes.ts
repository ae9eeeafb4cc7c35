import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Type from 'typebox';
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
import { optional } from '../domain/account-fields.js';
import { listClasses, resetTrainees, traineeAccountIds } from '../domain/training-classes.js';
import { usernames } from './admin-http.js';
import type { OpenApiDocument } from './openapi-document.js';
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

/**
 * A dashboard form's fields; every one optional, so a form without its CSRF token is answered
 * "Form expired" (below), not 400. `hide`: these pages are not part of the JSON API's document.
 */
const form = <P extends Type.TProperties>(properties: P) => {
  const fields = Type.Object(optional({ csrf: Type.String(), ...properties }));
  return { hide: true, body: Type.Unsafe<Type.Static<typeof fields> | null>({ ...fields, type: ['object', 'null'] }) };
};
const csrfOf = (body: unknown): string => (body as { csrf?: string } | null | undefined)?.csrf ?? '';

export default async function dashboardRoutes(plain: FastifyInstance, opts: { openApi: () => Promise<OpenApiDocument> }) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
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
    if (!csrfMatches(app, csrfOf(request.body))) {
      return reply.page('admin/message', { heading: 'Form expired', message: 'This form did not come from the dashboard. Go back, reload and try again.' }, 403);
    }
  });

  const back = (reply: FastifyReply, done: string) => reply.redirect(`/__admin/?done=${done}`, 303);

  app.get('/', { schema: { hide: true, querystring: Type.Object({ done: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const now = app.clock.now();
    const trainees = traineeAccountIds(repos);
    const ecf = repos.ecfAccounts.list();
    const usernameOf = usernames(repos.pacerAccounts);
    const linksOf = new Map<number, string[]>();
    for (const e of ecf) {
      if (e.linkedPacerAccountId === null) continue;
      linksOf.set(e.linkedPacerAccountId, [...(linksOf.get(e.linkedPacerAccountId) ?? []), `${e.court.toUpperCase()} ${e.login}`]);
    }
    const pacer = repos.pacerAccounts
      .list()
      .filter((a) => !trainees.pacer.has(a.id))
      .map((a) => ({
        username: a.username,
        name: `${a.firstName} ${a.lastName}`,
        kind: `${a.kind}${a.upgraded ? '' : ', legacy'}${a.filer ? ', filer' : ''}${a.mfaSecret ? ', MFA' : ''}`,
        status: a.status,
        locked: a.lockedUntil !== null && a.lockedUntil > now,
        links: linksOf.get(a.id) ?? [],
      }));
    const done = request.query.done;
    return reply.page('admin/dashboard', {
      now: fmt(now),
      fmt,
      done: done === undefined ? '' : (DONE[done] ?? ''),
      csrf: csrfToken(app),
      tokenRequired: app.adminToken !== null,
      cookieLogin: hasAdminCookie(app, request),
      defaultCourt: app.config.defaultCourt,
      courts: repos.courts.list(),
      cases: repos.courts.list().flatMap((court) =>
        repos.cases.forCourt(court.code).map((c) => ({
          court: c.court,
          number: c.numberFull,
          pacerCaseId: c.pacerCaseId,
          title: c.title,
          entries: repos.docketEntries.count(c.id),
          tags: [...c.flags, ...(c.sealed ? ['under seal'] : []), ...(c.inOpening ? ['opening'] : [])],
        })),
      ),
      pacer,
      ecf: ecf
        .filter((e) => !trainees.ecf.has(e.id))
        .map((e) => ({ court: e.court, login: e.login, name: `${e.firstName} ${e.lastName}`, linkedTo: usernameOf(e.linkedPacerAccountId), linkedAt: e.linkedAt })),
      classes: listClasses(repos),
      activeSessions: repos.sessions.countActive(now),
      journal: repos.journal.list({ limit: 25 }),
      outbox: repos.outbox.list(10),
    });
  });

  // One outbox e-mail as its recipient's mail client shows it: the whole HTML body, as a page of its
  // own. Sandboxed: the notice's links are shown, its markup can run nothing here.
  app.get('/outbox/:id/view', { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } }, async (request, reply) => {
    const m = repos.outbox.byId(request.params.id);
    if (!m) return reply.page('admin/message', { heading: 'Not found', message: `There is no e-mail ${request.params.id} in the outbox.` }, 404);
    return reply.header('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'").page('admin/outbox-message', { message: m });
  });

  app.post('/login', { schema: form({ token: Type.String() }) }, async (request, reply) => {
    if (app.adminToken === null) return reply.redirect('/__admin/', 303);
    const given = (request.body?.token ?? '').trim();
    if (!tokenMatches(app.adminToken, given)) return loginPage(reply, 'That is not the control-plane token.');
    reply.setCookie(ADMIN_COOKIE, adminCookieValue(app, app.adminToken), cookieOptions(request));
    return reply.redirect('/__admin/', 303);
  });

  app.post('/logout', { schema: form({}) }, async (request, reply) => {
    reply.clearCookie(ADMIN_COOKIE, cookieOptions(request));
    return reply.redirect('/__admin/', 303);
  });

  app.post('/ui/reset', { schema: form({}) }, async (_request, reply) => {
    await resetToSeed(app);
    return back(reply, 'reset');
  });

  app.post('/ui/unlink', { schema: form({ court: Type.String(), login: Type.String() }) }, async (request, reply) => {
    const e = repos.ecfAccounts.byLogin(request.body?.court ?? '', request.body?.login ?? '');
    if (e && e.linkedPacerAccountId !== null) {
      const actor = usernames(repos.pacerAccounts)(e.linkedPacerAccountId) ?? '';
      repos.ecfAccounts.unlink(e.id);
      app.record(request, { actor, action: 'admin.link.delete', outcome: 'ok', detail: `${e.court} ${e.login}` });
    }
    return back(reply, 'unlinked');
  });

  app.post('/ui/unlock', { schema: form({ username: Type.String() }) }, async (request, reply) => {
    const a = repos.pacerAccounts.byUsername(request.body?.username ?? '');
    if (a) repos.pacerAccounts.clearFailures(a.id);
    return back(reply, 'unlocked');
  });

  app.post('/ui/end-sessions', { schema: form({}) }, async (request, reply) => {
    const now = app.clock.now();
    const usernameOf = usernames(repos.pacerAccounts);
    for (const s of repos.sessions.list()) {
      if (s.endedAt === null && s.expiresAt > now) app.sessions.end(s.token, usernameOf(s.pacerAccountId) ?? '', request.headers.host ?? '');
    }
    return back(reply, 'sessions-ended');
  });

  app.post('/ui/class-reset', { schema: form({ name: Type.String() }) }, async (request, reply) => {
    resetTrainees(repos, request.body?.name ?? '');
    return back(reply, 'class-reset');
  });

  app.get('/docs', { schema: { hide: true } }, async (_request, reply) => reply.page('admin/docs', { doc: await opts.openApi() }));
}
