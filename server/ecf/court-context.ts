import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Court } from '../../db/courts-repository.js';
import { menuFor, type MenuVariant } from '../domain/menus.js';
import { sign, signatureMatches } from '../domain/tokens.js';
import type { ActiveSession } from '../plugins/sessions.js';
import type { TemplateName } from '../plugins/views.js';
import { ECF_PATHS } from './paths.js';

/**
 * What every logged-in CM/ECF page needs: the court, the CSO session, and which menu the
 * account sees here. Set by the guard in ecf-routes.ts; route handlers read `request.ecf`.
 */
export interface CourtContext extends ActiveSession {
  court: Court;
  variant: MenuVariant;
}

/** The menu variant is read from the link table on every page: a new link shows on the next page. */
export function menuVariant(app: FastifyInstance, court: Court, pacerAccountId: number): MenuVariant {
  return app.repos.ecfAccounts.linkedTo(court.code, pacerAccountId) ? 'filer' : 'pacer';
}

/**
 * Renders a logged-in CM/ECF page in the court skeleton (views/layouts/ecf.eta) with the menu bar
 * for `variant` (default: the live one) at this kind of court. With `middle`, the template writes
 * PAGE_HOLE where those bytes (rendered earlier) go (reply.pageWith).
 */
export function courtPage(
  reply: FastifyReply,
  request: FastifyRequest,
  template: TemplateName,
  data: Record<string, unknown> = {},
  opts: { variant?: MenuVariant; status?: number; middle?: Buffer } = {},
) {
  const ctx = request.ecf;
  const all = { ecf: ctx, menu: menuFor(opts.variant ?? ctx.variant, ctx.court.kind), paths: ECF_PATHS, ...data };
  reply.header('Cache-Control', 'no-store');
  return opts.middle ? reply.pageWith(template, all, opts.middle, opts.status ?? 200) : reply.page(template, all, opts.status ?? 200);
}

/** A hidden per-session, per-form token: a form posted from anywhere else is refused. */
export function formToken(app: FastifyInstance, request: FastifyRequest, form: string): string {
  return sign(app.secret, 'form', request.ecf.session.token, request.ecf.court.code, form);
}

export function formTokenValid(app: FastifyInstance, request: FastifyRequest, form: string, given: string): boolean {
  return signatureMatches(app.secret, given, 'form', request.ecf.session.token, request.ecf.court.code, form);
}

/** Invented: the text shown when a CM/ECF form comes back without its token. */
export const FORM_EXPIRED = 'This form has expired or did not come from this site. Please start again.';
