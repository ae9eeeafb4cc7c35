import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sign, signatureMatches } from '../domain/tokens.js';

/**
 * How a request proves it may use the control plane. Programs send the token as
 * `Authorization: Bearer <token>`; a browser on the dashboard types it once into a form and gets
 * an HttpOnly cookie instead (it cannot add headers to links and form posts).
 */
export const ADMIN_COOKIE = 'mock_pacer_admin';

export function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = h.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1] ?? null;
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The cookie holds a MAC of the token, not the token: a leaked cookie does not reveal it. */
export function adminCookieValue(app: FastifyInstance, token: string): string {
  return sign(app.secret, 'admin-cookie', token);
}

export function hasBearer(app: FastifyInstance, request: FastifyRequest): boolean {
  return app.adminToken !== null && tokenMatches(app.adminToken, bearerToken(request));
}

export function hasAdminCookie(app: FastifyInstance, request: FastifyRequest): boolean {
  return app.adminToken !== null && signatureMatches(app.secret, request.cookies[ADMIN_COOKIE], 'admin-cookie', app.adminToken);
}

/**
 * The dashboard's form token. Cookies ride along on cross-site form posts, so each form carries
 * this MAC as well, which another site cannot read. Without a token (loopback, open) it still
 * guards the forms: a web page in the same browser must not be able to reset the mock.
 */
export function csrfToken(app: FastifyInstance): string {
  return sign(app.secret, 'admin-csrf', app.adminToken ?? 'open');
}

export function csrfMatches(app: FastifyInstance, given: unknown): boolean {
  return signatureMatches(app.secret, given, 'admin-csrf', app.adminToken ?? 'open');
}

/**
 * True for a state-changing request a browser sent from another site (its Origin names a
 * different host, or Fetch Metadata says cross-site). curl and test clients send neither header,
 * so they are unaffected; this keeps an open loopback control plane from being driven by a
 * web page the operator happens to visit.
 */
export function crossSite(request: FastifyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host.toLowerCase() !== (request.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}
