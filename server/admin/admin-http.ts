import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EcfRowOut, PacerRowOut, SessionRowOut } from '../../db/admin-repository.js';

/**
 * Shared pieces of the JSON control plane: the error shape, body validation, and how rows are
 * shown. Every error is `{ "error": <code>, "message": <sentence> }`; password hashes never leave.
 */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'unsupported_media_type' | 'internal';

export function sendError(reply: FastifyReply, status: number, error: ErrorCode, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message });
}

/** Thrown by the validators; the JSON scope's error handler turns it into a 400. */
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

type Obj = Record<string, unknown>;

/** Reads a JSON body field by field, naming the field in every complaint. */
export class BodyReader {
  private readonly o: Obj;
  constructor(body: unknown, allowed: readonly string[]) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError('The body must be a JSON object.');
    }
    this.o = body as Obj;
    for (const k of Object.keys(this.o)) {
      if (!allowed.includes(k)) throw new InputError(`Unknown field "${k}"; accepted fields: ${allowed.join(', ')}.`);
    }
  }

  has(field: string): boolean {
    return this.o[field] !== undefined;
  }

  str(field: string, opts: { required?: boolean; max?: number; pattern?: RegExp; describe?: string } = {}): string | undefined {
    const v = this.o[field];
    if (v === undefined) {
      if (opts.required) throw new InputError(`Field "${field}" is required.`);
      return undefined;
    }
    if (typeof v !== 'string') throw new InputError(`Field "${field}" must be a string.`);
    if (opts.required && v.trim() === '') throw new InputError(`Field "${field}" must not be empty.`);
    if (opts.max !== undefined && v.length > opts.max) throw new InputError(`Field "${field}" must be at most ${opts.max} characters.`);
    if (opts.pattern && !opts.pattern.test(v)) throw new InputError(`Field "${field}" must be ${opts.describe ?? `like ${String(opts.pattern)}`}.`);
    return v;
  }

  bool(field: string): boolean | undefined {
    const v = this.o[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') throw new InputError(`Field "${field}" must be true or false.`);
    return v;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const v = this.o[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      throw new InputError(`Field "${field}" must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}.`);
    }
    return v as T;
  }

  raw(field: string): unknown {
    return this.o[field];
  }
}

/** Query-string helpers: one value per name, with the name in the complaint. */
export function queryString(query: unknown, name: string, max = 200): string | undefined {
  const v = (query as Obj | undefined)?.[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new InputError(`Query parameter "${name}" must appear once.`);
  if (v.length > max) throw new InputError(`Query parameter "${name}" must be at most ${max} characters.`);
  return v;
}

/** An ISO-8601 date-time ("2026-03-01T09:00:00Z", or a date "2026-03-01"), as epoch ms. */
export function queryTime(query: unknown, name: string): number | undefined {
  const v = queryString(query, name, 40);
  if (v === undefined || v === '') return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) {
    throw new InputError(`Query parameter "${name}" must be an ISO-8601 date-time such as 2026-03-01T09:00:00Z; got ${JSON.stringify(v)}.`);
  }
  return ms;
}

export function queryInt(query: unknown, name: string, min: number, max: number): number | undefined {
  const v = queryString(query, name, 12);
  if (v === undefined || v === '') return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`Query parameter "${name}" must be a whole number from ${min} to ${max}.`);
  return n;
}

export function queryBool(query: unknown, name: string): boolean | undefined {
  const v = queryString(query, name, 8);
  if (v === undefined || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new InputError(`Query parameter "${name}" must be true or false.`);
}

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function codes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** A PACER account as the control plane shows it: everything but the password hash. */
export function pacerJson(r: PacerRowOut, links: EcfRowOut[], now: number) {
  return {
    id: r.id,
    username: r.username,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    kind: r.kind,
    upgraded: r.upgraded === 1,
    filer: r.filer === 1,
    // Sandbox data: QA needs the secret to make one-time passcodes.
    mfaSecret: r.mfa_secret,
    mfaBackupCodes: codes(r.mfa_backup_codes),
    clientCodeRequired: r.client_code_required === 1,
    status: r.status,
    failedAttempts: r.failed_attempts,
    locked: r.locked_until !== null && r.locked_until > now,
    lockedUntil: iso(r.locked_until),
    passwordChangedAt: iso(r.password_changed_at),
    createdAt: iso(r.created_at),
    links: links.map((e) => ({ court: e.court, login: e.login, linkedAt: iso(e.linked_at) })),
  };
}

export function ecfJson(r: EcfRowOut) {
  return {
    id: r.id,
    court: r.court,
    login: r.login,
    firstName: r.first_name,
    lastName: r.last_name,
    barNumber: r.bar_number,
    email: r.email,
    linkedTo: r.linked_username,
    linkedAt: iso(r.linked_at),
  };
}

export function linkJson(r: EcfRowOut) {
  return { court: r.court, login: r.login, username: r.linked_username, linkedAt: iso(r.linked_at) };
}

export function sessionJson(r: SessionRowOut, now: number) {
  return {
    token: r.token,
    username: r.username,
    clientCode: r.client_code,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    endedAt: iso(r.ended_at),
    active: r.ended_at === null && r.expires_at > now,
  };
}
