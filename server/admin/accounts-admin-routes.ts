import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Type from 'typebox';
import type { EcfAccount } from '../../db/ecf-accounts-repository.js';
import type { PacerAccountChanges } from '../../db/pacer-accounts-repository.js';
import {
  EcfAccountInput,
  EcfAccountPatch,
  newEcfAccount,
  newPacerAccount,
  PacerAccountInput,
  PacerAccountPatch,
} from '../domain/account-fields.js';
import { deletePacerAccount } from '../domain/accounts.js';
import { hashPassword } from '../domain/passwords.js';
import { ConflictError, InputError, NotFoundError, ecfJson, pacerJson, usernames } from './admin-http.js';
import {
  change,
  creation,
  EcfAccountJson,
  EcfListQuery,
  EcfParams,
  listing,
  PacerAccountJson,
  reading,
  removal,
  UsernameParams,
} from './admin-schemas.js';

/**
 * Accounts: PACER accounts by username, CM/ECF accounts by court and login. Passwords go in
 * (hashed here with PASSWORD_HASH_COST), hashes never come out. Links are their own resource
 * (links-admin-routes.ts).
 */
const PASSWORDS = 'Passwords are plain text here; they are stored as salted scrypt hashes and never shown again.';

export default async function accountsAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { pacerAccounts, ecfAccounts, courts } = app.repos;
  const hash = (password: string) => hashPassword(password, app.config.passwordHashCost);
  const note = (request: FastifyRequest, actor: string, action: string, detail = '') =>
    app.record(request, { actor, action, outcome: 'ok', detail });

  function pacerOr404(username: string) {
    const account = pacerAccounts.byUsername(username);
    if (!account) throw new NotFoundError(`There is no PACER account "${username}".`);
    return account;
  }
  function ecfOr404(court: string, login: string) {
    if (!courts.byCode(court)) throw new NotFoundError(`There is no court "${court}".`);
    const account = ecfAccounts.byLogin(court.toLowerCase(), login);
    if (!account) throw new NotFoundError(`There is no CM/ECF account "${login}" at ${court}.`);
    return account;
  }
  const showPacer = (username: string) => {
    const account = pacerOr404(username);
    return pacerJson(account, ecfAccounts.allLinkedTo(account.id), app.clock.now());
  };
  const showEcf = (e: EcfAccount) => ecfJson(e, usernames(pacerAccounts)(e.linkedPacerAccountId));

  // PACER accounts
  app.get('/accounts/pacer', listing('List PACER accounts', Type.Object({}), 'accounts', PacerAccountJson, 'All PACER accounts.'), async () => {
    const now = app.clock.now();
    const links = new Map<number, EcfAccount[]>();
    for (const e of ecfAccounts.list()) {
      if (e.linkedPacerAccountId === null) continue;
      links.set(e.linkedPacerAccountId, [...(links.get(e.linkedPacerAccountId) ?? []), e]);
    }
    return { accounts: pacerAccounts.list().map((a) => pacerJson(a, links.get(a.id) ?? [], now)) };
  });

  app.get('/accounts/pacer/:username', reading('One PACER account', UsernameParams, PacerAccountJson, 'The account.'), async (request) =>
    showPacer(request.params.username),
  );

  app.post('/accounts/pacer', creation('Create a PACER account', PASSWORDS, PacerAccountInput, PacerAccountJson), async (request, reply) => {
    // Validation has filled in every default.
    const input = request.body as PacerAccountInput;
    const { username } = input;
    if (pacerAccounts.byUsername(username)) throw new ConflictError(`The PACER username "${username}" is taken (usernames are not case sensitive).`);
    pacerAccounts.insert(newPacerAccount(input, hash(input.password), app.clock.now()));
    note(request, username, 'admin.account.create', 'pacer');
    return reply.code(201).header('Location', `/__admin/accounts/pacer/${encodeURIComponent(username)}`).send(showPacer(username));
  });

  const LOCKED = '`locked: true` locks the account as LOCKOUT_THRESHOLD failures would; `locked: false` clears the lock and the failure count.';
  app.patch(
    '/accounts/pacer/:username',
    change('Change a PACER account', `Only the fields given change. ${LOCKED} ${PASSWORDS}`, UsernameParams, PacerAccountPatch, PacerAccountJson),
    async (request) => {
      const account = pacerOr404(request.params.username);
      const { password, locked, ...fields } = request.body;
      const now = app.clock.now();
      const changes: PacerAccountChanges = { ...fields };
      if (password !== undefined) Object.assign(changes, { passwordHash: hash(password), passwordChangedAt: now });
      if (locked === true) Object.assign(changes, { failedAttempts: app.config.lockoutThreshold, lockedUntil: now + app.config.lockoutSeconds * 1000 });
      if (locked === false) Object.assign(changes, { failedAttempts: 0, lockedUntil: null });
      pacerAccounts.update(account.id, changes);
      note(request, account.username, 'admin.account.update', `pacer: ${Object.keys(changes).join(', ')}`);
      return showPacer(account.username);
    },
  );

  app.delete('/accounts/pacer/:username', removal('Delete a PACER account (its sessions end, its links go)', UsernameParams), async (request, reply) => {
    const account = pacerOr404(request.params.username);
    deletePacerAccount(app.repos, account.id);
    note(request, account.username, 'admin.account.delete', 'pacer');
    return reply.code(204).send();
  });

  // CM/ECF accounts
  app.get('/accounts/ecf', listing('List CM/ECF accounts', EcfListQuery, 'accounts', EcfAccountJson, 'CM/ECF accounts.'), async (request) => {
    const court = request.query.court?.toLowerCase();
    const usernameOf = usernames(pacerAccounts);
    const list = ecfAccounts.list().filter((e) => !court || e.court === court);
    return { accounts: list.map((e) => ecfJson(e, usernameOf(e.linkedPacerAccountId))) };
  });

  app.get('/accounts/ecf/:court/:login', reading('One CM/ECF account', EcfParams, EcfAccountJson, 'The account.'), async (request) =>
    showEcf(ecfOr404(request.params.court, request.params.login)),
  );

  app.post('/accounts/ecf', creation('Create a CM/ECF account at a court', PASSWORDS, EcfAccountInput, EcfAccountJson), async (request, reply) => {
    const input = request.body as EcfAccountInput;
    const court = input.court.toLowerCase();
    if (!courts.byCode(court)) {
      throw new InputError(`Field "court" names "${court}", which is not a court here; courts: ${courts.list().map((c) => c.code).join(', ')}.`);
    }
    if (ecfAccounts.byLogin(court, input.login)) throw new ConflictError(`The CM/ECF login "${input.login}" is taken at ${court}.`);
    ecfAccounts.insert(newEcfAccount(input, court, hash(input.password)));
    note(request, input.login, 'admin.account.create', `ecf ${court}`);
    return reply
      .code(201)
      .header('Location', `/__admin/accounts/ecf/${court}/${encodeURIComponent(input.login)}`)
      .send(showEcf(ecfOr404(court, input.login)));
  });

  app.patch(
    '/accounts/ecf/:court/:login',
    change('Change a CM/ECF account', `Only the fields given change. ${PASSWORDS}`, EcfParams, EcfAccountPatch, EcfAccountJson),
    async (request) => {
      const account = ecfOr404(request.params.court, request.params.login);
      const { password, ...fields } = request.body;
      const changes = { ...fields, ...(password === undefined ? {} : { passwordHash: hash(password) }) };
      ecfAccounts.update(account.id, changes);
      note(request, account.login, 'admin.account.update', `ecf ${account.court}: ${Object.keys(changes).join(', ')}`);
      return showEcf(ecfOr404(account.court, account.login));
    },
  );

  app.delete('/accounts/ecf/:court/:login', removal('Delete a CM/ECF account', EcfParams), async (request, reply) => {
    const account = ecfOr404(request.params.court, request.params.login);
    ecfAccounts.remove(account.id);
    note(request, account.login, 'admin.account.delete', `ecf ${account.court}`);
    return reply.code(204).send();
  });
}
