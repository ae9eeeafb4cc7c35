import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FAULT_TEXT, maintenanceNotice } from '../domain/faults.js';
import { checkCredentials, checkOneTimeCode, clientCodeProblem, mfaEnabled, TEXT, useOneTimeCode, type OneTimeCodeUse } from '../domain/login-rules.js';
import { credentialDeps } from './credential-deps.js';
import { FORMAT_PROBLEMS, parseBody, serialize, stringField, wantsJson, type Fields } from './cso-auth-format.js';
import { onlyOnCsoHosts } from '../plugins/site.js';

/**
 * The PACER Authentication API (FIDELITY §4), for programmatic clients:
 * `POST /services/cso-auth` and `POST /services/cso-logout`, JSON or XML (root `CsoAuth` for both).
 *
 * | request                                         | loginResult | errorDescription                    | nextGenCSO |
 * |-------------------------------------------------|-------------|-------------------------------------|------------|
 * | good credentials                                | "0"         | ""                                  | token      |
 * | ... client code required but not sent           | "0"         | the client code warning             | token      |
 * | unknown user, wrong password, wrong or no OTP   | "13"        | API_TEXT.invalid                    | ""         |
 * | filer without redactFlag "1"                    | "1"         | API_TEXT.redaction                  | ""         |
 * | disabled / locked account                       | "1"         | API_TEXT.disabled / TEXT.locked     | ""         |
 * | client code too long or not printable (ours)    | "1"         | the client code problem             | ""         |
 * | unreadable body, wrong type, non-scalar field   | "99" (ours) | FORMAT_PROBLEMS, HTTP 400/413/415   | ""         |
 *
 * Fidelity: every credential outcome is HTTP 200 (real clients read any other status as
 * "PACER is unreachable"). The same rule code as the screen login decides (login-rules.ts).
 */
export const API_TEXT = {
  // Fidelity: the real texts (FIDELITY §4).
  invalid: 'Invalid username, password, or one-time passcode.',
  redaction:
    'All filers must redact: Social Security or taxpayer identification numbers; dates of birth; names of minor children; financial account numbers; and in criminal cases, home addresses, in compliance with Fed. R. App. P. 25(a)(5), Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037.',
  clientCodeMissing: 'A required Client Code was not entered.',
  disabled: 'Your current account has been disabled.',
  locked: TEXT.locked,
} as const;

/** Invented: the loginResult of a request the API cannot read (the real code is not public). */
export const MALFORMED_RESULT = '99';

/** Largest body the API reads (a login is a few hundred bytes). */
export const API_BODY_LIMIT = 64 * 1024;

// Fidelity: the published Authentication API spec uses the root CsoAuth for the login and the
// logout alike, request and answer (audit, "The CSO screen login").
const AUTH_ROOT = 'CsoAuth';
// The mock's former logout root (ours, never real), still accepted in requests.
const OLD_LOGOUT_ROOT = 'CsoLogout';
const TOKEN_RE = /^[A-Za-z0-9]{128}$/;

interface Answer {
  status?: number;
  loginResult: string;
  errorDescription: string;
  nextGenCSO?: string;
}

export default async function csoAuthRoutes(app: FastifyInstance) {
  const deps = credentialDeps(app);

  // Fidelity: the CSO paths answer on CSO hosts and on "any" host, never on a court host.
  app.addHook('onRequest', onlyOnCsoHosts);

  // The API reads its own bodies: every content type arrives as text (up to 64 KB) and
  // parseBody decides, so no framework JSON error ever reaches a client.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: API_BODY_LIMIT }, (_request, body, done) => done(null, body));

  const isLogout = (request: FastifyRequest) => request.url.startsWith('/services/cso-logout');

  function send(request: FastifyRequest, reply: FastifyReply, a: Answer) {
    const fields: [string, string][] = [
      ['loginResult', a.loginResult],
      ['errorDescription', a.errorDescription],
    ];
    if (a.nextGenCSO !== undefined) fields.push(['nextGenCSO', a.nextGenCSO]);
    const { type, body } = serialize(AUTH_ROOT, fields, wantsJson(request.headers.accept));
    return reply
      .code(a.status ?? 200)
      .header('Cache-Control', 'no-store')
      .header('Vary', 'Accept')
      .type(type)
      .send(body);
  }

  /** A refusal with its HTTP status, in the shape of the path's answer (the logout's has no token field). */
  const refusal = (request: FastifyRequest, reply: FastifyReply, status: number, loginResult: string, errorDescription: string) =>
    send(request, reply, { status, loginResult, errorDescription, ...(isLogout(request) ? {} : { nextGenCSO: '' }) });

  const malformed = (request: FastifyRequest, reply: FastifyReply, status: number, problem: string) => {
    app.record(request, { action: 'login.api', outcome: 'malformed', detail: problem });
    return refusal(request, reply, status, MALFORMED_RESULT, problem);
  };

  // Faults on /services/* (answered by a route or not) go out through the same serializer and
  // Accept negotiation as every other API answer; the faults plugin decides when.
  app.faults.answer('api', (fault, request, reply) => {
    switch (fault) {
      case 'MAINTENANCE':
        return refusal(request, reply, 503, FAULT_TEXT.maintenanceCode, maintenanceNotice('PACER', app.clock.now()));
      case 'THROTTLE':
        // Fidelity: credential-level refusals are HTTP 200 in the protocol's shape (FIDELITY §4).
        return refusal(request, reply, 200, FAULT_TEXT.throttleCode, FAULT_TEXT.throttle);
    }
  });

  // Body too large, a body shorter than its Content-Length, an aborted upload: the protocol's
  // shape with the 4xx, never Fastify's own JSON error or a 500.
  app.setErrorHandler((error: { statusCode?: unknown }, request, reply) => {
    const code = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (code === 413) return malformed(request, reply, 413, FORMAT_PROBLEMS.tooLarge);
    if (code >= 400 && code < 500) return malformed(request, reply, 400, FORMAT_PROBLEMS.json);
    request.log.error({ err: error }, 'cso-auth failed');
    return send(request, reply, { status: 500, loginResult: MALFORMED_RESULT, errorDescription: 'The server could not complete the request.' });
  });

  /** The body as fields, or the answer already sent. */
  function readFields(request: FastifyRequest, reply: FastifyReply, roots: string[]): Fields | null {
    const raw = typeof request.body === 'string' ? request.body : '';
    const parsed = parseBody(request.headers['content-type'], raw);
    if (!parsed.ok) {
      malformed(request, reply, parsed.status, parsed.problem);
      return null;
    }
    if (parsed.root !== null && !roots.includes(parsed.root)) {
      malformed(request, reply, 400, FORMAT_PROBLEMS.xml);
      return null;
    }
    return parsed.fields;
  }

  app.post('/services/cso-auth', { bodyLimit: API_BODY_LIMIT }, async (request, reply) => {
    const fields = readFields(request, reply, [AUTH_ROOT]);
    if (!fields) return reply;
    const values: Record<string, string> = {};
    for (const name of ['loginId', 'password', 'clientCode', 'redactFlag', 'otpCode']) {
      const v = stringField(fields, name);
      if (v === null) return malformed(request, reply, 400, FORMAT_PROBLEMS.notAString(name));
      values[name] = v;
    }
    const { loginId = '', password = '', otpCode = '' } = values;
    const clientCode = (values['clientCode'] ?? '').trim();
    const redactFlag = (values['redactFlag'] ?? '').trim();
    const host = request.headers.host ?? '';
    const refuse = (loginResult: string, errorDescription: string) => refusal(request, reply, 200, loginResult, errorDescription);

    const codeProblem = clientCodeProblem(clientCode);
    if (codeProblem) return refuse('1', codeProblem);

    const outcome = await checkCredentials(deps, loginId, password, host, 'api');
    switch (outcome.kind) {
      case 'empty':
      case 'invalid':
        return refuse('13', API_TEXT.invalid);
      case 'locked':
        return refuse('1', API_TEXT.locked);
      case 'disabled':
        return refuse('1', API_TEXT.disabled);
      case 'ok':
        break;
    }
    const account = outcome.account;

    // MFA: the one-time passcode comes in the same request. A missing or wrong one answers as a
    // wrong password does, so the answer never says the password was right.
    let second: OneTimeCodeUse | null = null;
    if (mfaEnabled(account)) {
      const otp = checkOneTimeCode(deps, account, otpCode, host, 'api');
      if (otp.kind === 'locked') return refuse('1', API_TEXT.locked);
      if (otp.kind !== 'ok') return refuse('13', API_TEXT.invalid);
      second = otp.use;
    }

    // Fidelity: filers must send redactFlag "1"; anyone else may.
    if (account.filer && redactFlag !== '1') {
      app.record(request, { actor: account.username, action: 'login.api', outcome: 'no_redact_flag' });
      return refuse('1', API_TEXT.redaction);
    }
    // Only now is the code used up, so a request refused above for the missing flag does not burn it.
    if (second && !useOneTimeCode(deps, account.id, second)) return refuse('13', API_TEXT.invalid);

    const token = app.sessions.start(account, clientCode, host);
    // Fidelity: a missing required client code is a warning on a successful login (FIDELITY §4).
    const warning = account.clientCodeRequired && clientCode === '' ? API_TEXT.clientCodeMissing : '';
    return send(request, reply, { loginResult: '0', errorDescription: warning, nextGenCSO: token });
  });

  app.post('/services/cso-logout', { bodyLimit: API_BODY_LIMIT }, async (request, reply) => {
    const fields = readFields(request, reply, [AUTH_ROOT, OLD_LOGOUT_ROOT]);
    if (!fields) return reply;
    const sent = stringField(fields, 'nextGenCSO');
    if (sent === null) return malformed(request, reply, 400, FORMAT_PROBLEMS.notAString('nextGenCSO'));
    // A client that sends its cookie instead of the body field is logged out too.
    const token = sent.trim() || request.cookies['NextGenCSO'] || request.cookies['PacerSession'] || '';
    if (TOKEN_RE.test(token)) {
      const session = app.repos.sessions.get(token);
      const actor = session ? (app.repos.pacerAccounts.byId(session.pacerAccountId)?.username ?? '') : '';
      app.sessions.end(token, actor, request.headers.host ?? '');
    }
    // Invented: any token, even an unknown or already ended one, answers success (logout is idempotent).
    return send(request, reply, { loginResult: '0', errorDescription: '' });
  });

  // Another method on the API paths: 405 in the protocol's shape.
  for (const path of ['/services/cso-auth', '/services/cso-logout']) {
    app.route({
      method: ['GET', 'PUT', 'DELETE', 'PATCH'],
      url: path,
      handler: async (request, reply) => {
        reply.header('Allow', 'POST');
        return malformed(request, reply, 405, FORMAT_PROBLEMS.method);
      },
    });
  }
}
