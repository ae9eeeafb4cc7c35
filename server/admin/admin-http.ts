import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EcfAccount } from '../../db/ecf-accounts-repository.js';
import type { PacerAccount } from '../../db/pacer-accounts-repository.js';
import type { Session } from '../../db/sessions-repository.js';
import type { EcfAccountJson, LinkJson, PacerAccountJson, SessionJson } from './admin-schemas.js';

/**
 * Shared pieces of the JSON control plane: the error shape, and how accounts, links and sessions
 * are shown. Every error is `{ "error": <code>, "message": <sentence> }`; password hashes never leave.
 */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'unsupported_media_type' | 'internal';

export function sendError(reply: FastifyReply, status: number, error: ErrorCode, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message });
}

/** Bad input (also what a schema check throws, admin-validation.ts); the JSON scope's error handler turns it into a 400. */
export class InputError extends Error {
  override name = 'InputError';
  readonly statusCode = 400;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly statusCode = 404;
}

export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly statusCode = 409;
}

/**
 * The JSON scope's error handler: our own errors keep their message; Fastify's (bad JSON, wrong
 * content type, too large) are turned into a sentence; anything else is a logged 500 without
 * details.
 */
export function jsonErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (err instanceof InputError) return sendError(reply, 400, 'bad_request', err.message);
    if (err instanceof NotFoundError) return sendError(reply, 404, 'not_found', err.message);
    if (err instanceof ConflictError) return sendError(reply, 409, 'conflict', err.message);
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 415) {
      return sendError(reply, 415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
    }
    if (status === 413) return sendError(reply, 413, 'bad_request', 'The body is too large.');
    if (status >= 400 && status < 500) {
      const message =
        err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The body is empty but Content-Type says JSON; send a JSON object or no Content-Type.'
          : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
            ? `The body is not valid JSON: ${err.message}`
            : err.message;
      return sendError(reply, 400, 'bad_request', message);
    }
    request.log.error({ err }, 'control plane request failed');
    return sendError(reply, 500, 'internal', 'The control plane could not complete the request.');
  });
}

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A PACER account as the control plane shows it: everything but the password hash. */
export function pacerJson(a: PacerAccount, links: readonly EcfAccount[], now: number): PacerAccountJson {
  return {
    id: a.id,
    username: a.username,
    firstName: a.firstName,
    lastName: a.lastName,
    email: a.email,
    kind: a.kind,
    upgraded: a.upgraded,
    filer: a.filer,
    mfaSecret: a.mfaSecret,
    mfaBackupCodes: a.mfaBackupCodes,
    clientCodeRequired: a.clientCodeRequired,
    status: a.status,
    failedAttempts: a.failedAttempts,
    locked: a.lockedUntil !== null && a.lockedUntil > now,
    lockedUntil: iso(a.lockedUntil),
    passwordChangedAt: iso(a.passwordChangedAt),
    createdAt: iso(a.createdAt),
    links: links.map((e) => ({ court: e.court, login: e.login, linkedAt: iso(e.linkedAt) })),
  };
}

/** A CM/ECF account, with the username of the PACER account it is linked to. */
export function ecfJson(e: EcfAccount, linkedTo: string | null): EcfAccountJson {
  return {
    id: e.id,
    court: e.court,
    login: e.login,
    firstName: e.firstName,
    lastName: e.lastName,
    barNumber: e.barNumber,
    email: e.email,
    linkedTo,
    linkedAt: iso(e.linkedAt),
  };
}

export function linkJson(e: EcfAccount, username: string): LinkJson {
  return { court: e.court, login: e.login, username, linkedAt: iso(e.linkedAt) };
}

export function sessionJson(s: Session, username: string, now: number): SessionJson {
  return {
    token: s.token,
    username,
    clientCode: s.clientCode,
    createdAt: iso(s.createdAt),
    expiresAt: iso(s.expiresAt),
    endedAt: iso(s.endedAt),
    active: s.endedAt === null && s.expiresAt > now,
  };
}

/** PACER usernames by account id, each looked up once per request (listings name many accounts). */
export function usernames(pacerAccounts: { byId(id: number): PacerAccount | undefined }): (id: number | null) => string | null {
  const known = new Map<number, string | null>();
  return (id) => {
    if (id === null) return null;
    if (!known.has(id)) known.set(id, pacerAccounts.byId(id)?.username ?? null);
    return known.get(id) ?? null;
  };
}
