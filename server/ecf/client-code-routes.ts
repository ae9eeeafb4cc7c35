import type { FastifyInstance } from 'fastify';
import { field } from '../domain/form-fields.js';
import { clientCodeProblem } from '../domain/login-rules.js';
import { courtPage, FORM_EXPIRED, formToken, formTokenValid } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * Utilities > Change Client Code (FIDELITY §7): the only way to change the client code during a
 * session. Sets the session's code and the PacerClientCode cookie. The script name is invented.
 */
const PATH = ECF_PATHS.changeClientCode;

export default async function clientCodeRoutes(app: FastifyInstance) {
  app.get(PATH, async (request, reply) =>
    courtPage(reply, request, 'ecf/client-code', {
      current: request.ecf.session.clientCode,
      value: request.ecf.session.clientCode,
      token: formToken(app, request, 'client-code'),
      error: null,
      done: false,
    }),
  );

  app.post(PATH, async (request, reply) => {
    const body = request.body;
    const code = field(body, 'clientCode', 256).trim();
    const render = (error: string | null, done: boolean, status = 200) =>
      courtPage(
        reply,
        request,
        'ecf/client-code',
        { current: done ? code : request.ecf.session.clientCode, value: code.slice(0, 256), token: formToken(app, request, 'client-code'), error, done },
        { status },
      );
    if (!formTokenValid(app, request, 'client-code', field(body, 'token', 200))) return render(FORM_EXPIRED, false, 403);
    const problem = clientCodeProblem(code);
    if (problem) return render(problem, false);
    app.repos.sessions.setClientCode(request.ecf.session.token, code);
    app.record(request, { actor: request.ecf.account.username, action: 'client_code.change', outcome: 'ok', detail: `court=${request.ecf.court.code}` });
    const opts = app.sessions.cookieOptions(request);
    if (code) reply.setCookie('PacerClientCode', code, opts);
    else reply.clearCookie('PacerClientCode', opts);
    request.ecf.session.clientCode = code;
    return render(null, true);
  });
}
