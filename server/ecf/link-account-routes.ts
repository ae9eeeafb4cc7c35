import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { field, rawQuery } from '../domain/form-fields.js';
import { createLinkingService } from '../domain/linking.js';
import { fullName, hasSpecialCharacters, LINK_TEXT, namesDiffer, pacerSideProblem } from '../domain/link-rules.js';
import { dummyHash, verifyPassword } from '../domain/passwords.js';
import { sign, signatureMatches } from '../domain/tokens.js';
import { courtPage, FORM_EXPIRED, formToken, formTokenValid } from './court-context.js';
import { ECF_PATHS } from './paths.js';

/**
 * Utilities > "Link a CM/ECF account to my PACER account" (FIDELITY §6, steps 5-10).
 *
 * | step | request                          | page                                              |
 * |------|----------------------------------|---------------------------------------------------|
 * | 5-6  | GET  LinkAccount.pl              | the credential form (or why this account cannot)  |
 * | 7-8  | POST step=credentials login, key | the confirmation with both names, or the form     |
 * |      |                                  | again with the error                              |
 * | 9-10 | POST step=confirm                | the result, its menu with Search but no filing    |
 * |      |                                  | menus yet; the link is permanent and the notice   |
 * |      |                                  | goes to the outbox                                |
 *
 * The script name and the form field names are invented (not public); `login` and `key` are the
 * names of the real CM/ECF login form's fields, kept for familiarity.
 */
const PATH = ECF_PATHS.linkAccount;
const MAX_LOGIN = 64;

export default async function linkAccountRoutes(app: FastifyInstance) {
  const { repos } = app;
  const linking = createLinkingService({
    ecfAccounts: repos.ecfAccounts,
    pacerAccounts: repos.pacerAccounts,
    outbox: repos.outbox,
    journal: repos.journal,
    transaction: repos.transaction,
    now: () => app.clock.now(),
  });

  const journal = (request: FastifyRequest, outcome: string, detail = '') =>
    app.record(request, {
      actor: request.ecf.account.username,
      action: 'link',
      outcome,
      detail: `court=${request.ecf.court.code}${detail ? ` ${detail}` : ''}`,
    });

  const confirmToken = (request: FastifyRequest, ecfId: number) =>
    sign(app.secret, 'link-confirm', request.ecf.session.token, request.ecf.court.code, String(ecfId));

  function form(reply: FastifyReply, request: FastifyRequest, error: string | null, login = '', status = 200) {
    return courtPage(
      reply,
      request,
      'ecf/link-form',
      { error, login, token: formToken(app, request, 'link'), courtCode: request.ecf.court.code.toUpperCase() },
      { status },
    );
  }

  function refused(reply: FastifyReply, request: FastifyRequest, problem: { text: string; hint?: string }) {
    return courtPage(reply, request, 'ecf/link-refused', { problem });
  }

  /** Rules on the PACER side, checked before the form is shown and again at every POST. */
  function pacerProblem(request: FastifyRequest) {
    const { account, court } = request.ecf;
    const fresh = repos.pacerAccounts.byId(account.id) ?? account;
    return pacerSideProblem(fresh, repos.ecfAccounts.linkedTo(court.code, account.id));
  }

  app.get(PATH, async (request, reply) => {
    if (rawQuery(request.url) === 'forgot') return courtPage(reply, request, 'ecf/link-forgot');
    const problem = pacerProblem(request);
    if (problem) {
      journal(request, 'refused', problem.text);
      return refused(reply, request, problem);
    }
    return form(reply, request, null);
  });

  app.post(PATH, async (request, reply) => {
    const body = request.body;
    if (!formTokenValid(app, request, 'link', field(body, 'token', 200))) {
      journal(request, 'bad_form_token');
      return form(reply, request, FORM_EXPIRED, '', 403);
    }
    const problem = pacerProblem(request);
    if (problem) {
      journal(request, 'refused', problem.text);
      return refused(reply, request, problem);
    }
    return field(body, 'step', 20) === 'confirm' ? confirm(request, reply) : credentials(request, reply);
  });

  /** Steps 7-8: check the CM/ECF credentials and show the confirmation. */
  async function credentials(request: FastifyRequest, reply: FastifyReply) {
    const body = request.body;
    const login = field(body, 'login', 256).trim();
    const password = field(body, 'key', 1024);
    const shownLogin = login.slice(0, MAX_LOGIN);
    if (login === '' || password === '') return form(reply, request, LINK_TEXT.required, shownLogin);

    const { court, account } = request.ecf;
    const plausible = login.length <= MAX_LOGIN && password.length <= 256;
    // Fidelity: CM/ECF logins and passwords are case sensitive (exact match, no COLLATE NOCASE).
    const ecf = plausible ? repos.ecfAccounts.byLogin(court.code, login) : undefined;
    const ok = await verifyPassword(plausible ? password : '', ecf?.passwordHash ?? dummyHash(app.config.passwordHashCost));
    if (!ecf || !ok) {
      journal(request, 'invalid_credentials', `login=${JSON.stringify(shownLogin)}`);
      return form(reply, request, LINK_TEXT.invalid, shownLogin);
    }
    if (hasSpecialCharacters(ecf.login)) {
      journal(request, 'special_characters', `login=${JSON.stringify(ecf.login)}`);
      return form(reply, request, LINK_TEXT.specialCharacters, shownLogin);
    }
    if (ecf.linkedPacerAccountId !== null) {
      journal(request, 'ecf_already_linked', `login=${JSON.stringify(ecf.login)}`);
      return form(reply, request, LINK_TEXT.ecfAlreadyLinked, shownLogin);
    }
    journal(request, 'confirm_shown', `login=${JSON.stringify(ecf.login)}`);
    return courtPage(reply, request, 'ecf/link-confirm', {
      ecfAccount: ecf,
      ecfName: fullName(ecf),
      pacerName: fullName(account),
      warning: namesDiffer(account, ecf) ? LINK_TEXT.namesDiffer : null,
      token: formToken(app, request, 'link'),
      confirmToken: confirmToken(request, ecf.id),
    });
  }

  /** Steps 9-10: make the link, permanently (domain/linking.ts); this page's menu is step 10's. */
  function confirm(request: FastifyRequest, reply: FastifyReply) {
    const body = request.body;
    const ecfId = Number(field(body, 'ecfAccountId', 20));
    if (!Number.isSafeInteger(ecfId) || !signatureMatches(app.secret, field(body, 'confirmToken', 200), 'link-confirm', request.ecf.session.token, request.ecf.court.code, String(ecfId))) {
      journal(request, 'bad_form_token', 'confirmation');
      return form(reply, request, FORM_EXPIRED, '', 403);
    }
    const { court, account } = request.ecf;
    const result = linking.confirm({ court, account, ecfId, host: request.headers.host ?? '' });
    if (!result.ok) {
      journal(request, 'refused', result.text);
      return refused(reply, request, { text: result.text });
    }
    // Fidelity (step 10, as the audit reads the guide): this page's menu already has Search but
    // not yet the filing menus; the next page shows the whole filer bar.
    return courtPage(reply, request, 'ecf/link-result', { ecfName: fullName(result.ecf) }, { variant: 'justLinked' });
  }
}
