import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

/**
 * Logging: pino JSON (Fastify's logger), one line per request, secrets redacted. Fastify's own
 * request logging writes two lines per request ("incoming request", "request completed") plus a
 * third for a 404, and puts the request object through its serializers; RequestLogController
 * replaces those with one line of our own. (LogController is Fastify 5.12's successor to the
 * deprecated disableRequestLogging option plus an onResponse hook.)
 */

/**
 * Paths pino blanks out wherever they appear in a log object. Our request line never carries
 * headers or bodies, but an error object or a plugin may: these keep cookies, tokens and
 * passwords out of the log anyway.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'adminToken',
  'body',
  '*.body',
];

/** Query parameters whose values never reach the log (a client may put secrets in a URL). */
const SECRET_PARAMS = /^(.*(pass(word)?|token|secret|key|otp).*|nextgencso|pacersession)$/i;

/** The URL as logged: path kept, values of secret-looking query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=[Redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

/**
 * The Fastify logger options for a config. `pretty` (stdout is a terminal) loads pino-pretty as a
 * transport, so a person reading a terminal gets readable lines and everything else (Docker,
 * files, log shippers) gets one JSON object per line. `stream` lets tests capture the output.
 */
export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  opts: { pretty?: boolean; stream?: NodeJS.WritableStream } = {},
): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent' && !opts.stream) return false;
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    ...(opts.stream ? { stream: opts.stream } : {}),
    ...(opts.pretty && !opts.stream
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  };
}

/** One line per answered request: method, URL (secrets redacted), status and time taken. */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // With logging off (LOG_LEVEL=silent, as in load tests) building the line is wasted work.
    const log = request.log as typeof request.log & { isLevelEnabled?(level: string): boolean };
    // Fastify's stand-in logger (logging off) has no isLevelEnabled; pino's says whether the line would print.
    if (!log.isLevelEnabled || !log.isLevelEnabled(error ? 'error' : 'info')) return;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const url = redactUrl(request.url);
    const line = { method: request.method, url, status: reply.statusCode, ms };
    const msg = `${request.method} ${url} ${reply.statusCode} ${ms}ms`;
    if (error) request.log.error({ ...line, err: error }, msg);
    else request.log.info(line, msg);
  }
}
