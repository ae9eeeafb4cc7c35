import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SqlValue } from '../../db/admin-repository.js';
import { hashPassword } from '../domain/passwords.js';
import { BodyReader, ConflictError, InputError, NotFoundError, ecfJson, pacerJson } from './admin-http.js';

/**
 * Accounts: PACER accounts by username, CM/ECF accounts by court and login. Passwords go in
 * (hashed here with PASSWORD_HASH_COST), hashes never come out. Links are their own resource
 * (links-admin-routes.ts).
 */
const USERNAME = { pattern: /^[A-Za-z0-9._@-]{1,64}$/, describe: '1-64 letters, digits or . _ @ -' };
const LOGIN = { pattern: /^\S{1,64}$/, describe: '1-64 characters without spaces' };
const MFA_SECRET = /^[A-Z2-7]{16,64}$/;

const PACER_CREATE = ['username', 'password', 'firstName', 'lastName', 'email', 'kind', 'upgraded', 'filer', 'mfaSecret',
  'mfaBackupCodes', 'clientCodeRequired', 'status'] as const;
const PACER_UPDATE = [...PACER_CREATE.filter((f) => f !== 'username'), 'locked'] as const;
const ECF_CREATE = ['court', 'login', 'password', 'firstName', 'lastName', 'barNumber', 'email'] as const;
const ECF_UPDATE = ['password', 'firstName', 'lastName', 'barNumber', 'email'] as const;

function mfaFields(r: BodyReader, out: Record<string, SqlValue>): void {
  if (r.has('mfaSecret')) {
    const v = r.raw('mfaSecret');
    if (v !== null && (typeof v !== 'string' || !MFA_SECRET.test(v))) {
      throw new InputError('Field "mfaSecret" must be a base32 secret (A-Z, 2-7), 16-64 characters, or null for no MFA.');
    }
    out['mfaSecret'] = v;
  }
  if (r.has('mfaBackupCodes')) {
    const v = r.raw('mfaBackupCodes');
    if (!Array.isArray(v) || !v.every((c) => typeof c === 'string' && /^\d{6,10}$/.test(c))) {
      throw new InputError('Field "mfaBackupCodes" must be an array of 6-10 digit strings.');
    }
    out['mfaBackupCodes'] = JSON.stringify(v);
  }
}

const flag = (b: boolean | undefined): number | undefined => (b === undefined ? undefined : b ? 1 : 0);

function defined(o: Record<string, SqlValue | undefined>): Record<string, SqlValue> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, SqlValue>;
}

export default async function accountsAdminRoutes(app: FastifyInstance) {
  const { admin, courts } = app.repos;
  const cost = () => app.config.passwordHashCost;
  const note = (request: FastifyRequest, actor: string, action: string, detail = '') =>
    app.record(request, { actor, action, outcome: 'ok', detail });

  function pacerOr404(username: string) {
    const row = admin.pacer(username);
    if (!row) throw new NotFoundError(`There is no PACER account "${username}".`);
    return row;
  }
  function ecfOr404(court: string, login: string) {
    if (!courts.byCode(court)) throw new NotFoundError(`There is no court "${court}".`);
    const row = admin.ecf(court.toLowerCase(), login);
    if (!row) throw new NotFoundError(`There is no CM/ECF account "${login}" at ${court}.`);
    return row;
  }
  const showPacer = (username: string) => {
    const row = pacerOr404(username);
    return pacerJson(row, admin.ecfLinkedTo(row.id), app.clock.now());
  };

  // PACER accounts
  app.get('/accounts/pacer', async () => {
    const now = app.clock.now();
    const links = new Map<number, ReturnType<typeof admin.ecfList>>();
    for (const e of admin.ecfList()) {
      if (e.linked_pacer_account_id === null) continue;
      links.set(e.linked_pacer_account_id, [...(links.get(e.linked_pacer_account_id) ?? []), e]);
    }
    return { accounts: admin.pacerList().map((r) => pacerJson(r, links.get(r.id) ?? [], now)) };
  });

  app.get<{ Params: { username: string } }>('/accounts/pacer/:username', async (request) => showPacer(request.params.username));

  app.post('/accounts/pacer', async (request, reply) => {
    const r = new BodyReader(request.body, PACER_CREATE);
    const username = r.str('username', { required: true, ...USERNAME }) as string;
    const password = r.str('password', { required: true, max: 128 }) as string;
    const values: Record<string, SqlValue> = {
      username,
      passwordHash: hashPassword(password, cost()),
      firstName: r.str('firstName', { required: true, max: 100 }) as string,
      lastName: r.str('lastName', { required: true, max: 100 }) as string,
      email: r.str('email', { max: 200 }) ?? '',
      kind: r.oneOf('kind', ['individual', 'shared'] as const) ?? 'individual',
      upgraded: flag(r.bool('upgraded')) ?? 1,
      filer: flag(r.bool('filer')) ?? 0,
      mfaSecret: null,
      mfaBackupCodes: '[]',
      clientCodeRequired: flag(r.bool('clientCodeRequired')) ?? 0,
      status: r.oneOf('status', ['active', 'inactive', 'disabled'] as const) ?? 'active',
      now: app.clock.now(),
    };
    mfaFields(r, values);
    if (admin.pacer(username)) throw new ConflictError(`The PACER username "${username}" is taken (usernames are not case sensitive).`);
    admin.insertPacer(values);
    note(request, username, 'admin.account.create', 'pacer');
    return reply.code(201).header('Location', `/__admin/accounts/pacer/${encodeURIComponent(username)}`).send(showPacer(username));
  });

  app.patch<{ Params: { username: string } }>('/accounts/pacer/:username', async (request) => {
    const row = pacerOr404(request.params.username);
    const r = new BodyReader(request.body, PACER_UPDATE);
    const password = r.str('password', { required: r.has('password'), max: 128 });
    const now = app.clock.now();
    const values: Record<string, SqlValue> = defined({
      passwordHash: password === undefined ? undefined : hashPassword(password, cost()),
      passwordChangedAt: password === undefined ? undefined : now,
      firstName: r.str('firstName', { required: r.has('firstName'), max: 100 }),
      lastName: r.str('lastName', { required: r.has('lastName'), max: 100 }),
      email: r.str('email', { max: 200 }),
      kind: r.oneOf('kind', ['individual', 'shared'] as const),
      upgraded: flag(r.bool('upgraded')),
      filer: flag(r.bool('filer')),
      clientCodeRequired: flag(r.bool('clientCodeRequired')),
      status: r.oneOf('status', ['active', 'inactive', 'disabled'] as const),
    });
    mfaFields(r, values);
    // "locked": true locks the account as LOCKOUT_THRESHOLD failures would; false clears the lock.
    const locked = r.bool('locked');
    if (locked === true) Object.assign(values, { failedAttempts: app.config.lockoutThreshold, lockedUntil: now + app.config.lockoutSeconds * 1000 });
    if (locked === false) Object.assign(values, { failedAttempts: 0, lockedUntil: null });
    admin.updatePacer(row.id, values);
    note(request, row.username, 'admin.account.update', `pacer: ${Object.keys(values).join(', ')}`);
    return showPacer(row.username);
  });

  app.delete<{ Params: { username: string } }>('/accounts/pacer/:username', async (request, reply) => {
    const row = pacerOr404(request.params.username);
    // Its sessions go with it (ON DELETE CASCADE); CM/ECF accounts linked to it become unlinked.
    app.repos.transaction(() => {
      for (const e of admin.ecfLinkedTo(row.id)) admin.unlink(e.id);
      admin.deletePacer(row.id);
    });
    note(request, row.username, 'admin.account.delete', 'pacer');
    return reply.code(204).send();
  });

  // CM/ECF accounts
  app.get('/accounts/ecf', async (request) => {
    const court = (request.query as { court?: unknown }).court;
    const rows = admin.ecfList().filter((e) => typeof court !== 'string' || court === '' || e.court === court.toLowerCase());
    return { accounts: rows.map(ecfJson) };
  });

  app.get<{ Params: { court: string; login: string } }>('/accounts/ecf/:court/:login', async (request) =>
    ecfJson(ecfOr404(request.params.court, request.params.login)),
  );

  app.post('/accounts/ecf', async (request, reply) => {
    const r = new BodyReader(request.body, ECF_CREATE);
    const courtCode = (r.str('court', { required: true, max: 8 }) as string).toLowerCase();
    if (!courts.byCode(courtCode)) {
      throw new InputError(`Field "court" names "${courtCode}", which is not a court here; courts: ${courts.list().map((c) => c.code).join(', ')}.`);
    }
    // Fidelity: CM/ECF logins are case sensitive, so the login is kept exactly as given.
    const login = r.str('login', { required: true, ...LOGIN }) as string;
    const password = r.str('password', { required: true, max: 128 }) as string;
    const values: Record<string, SqlValue> = {
      court: courtCode,
      login,
      passwordHash: hashPassword(password, cost()),
      firstName: r.str('firstName', { required: true, max: 100 }) as string,
      lastName: r.str('lastName', { required: true, max: 100 }) as string,
      barNumber: r.str('barNumber', { max: 40 }) ?? '',
      email: r.str('email', { max: 200 }) ?? '',
    };
    if (admin.ecf(courtCode, login)) throw new ConflictError(`The CM/ECF login "${login}" is taken at ${courtCode}.`);
    admin.insertEcf(values);
    note(request, login, 'admin.account.create', `ecf ${courtCode}`);
    return reply
      .code(201)
      .header('Location', `/__admin/accounts/ecf/${courtCode}/${encodeURIComponent(login)}`)
      .send(ecfJson(ecfOr404(courtCode, login)));
  });

  app.patch<{ Params: { court: string; login: string } }>('/accounts/ecf/:court/:login', async (request) => {
    const row = ecfOr404(request.params.court, request.params.login);
    const r = new BodyReader(request.body, ECF_UPDATE);
    const password = r.str('password', { required: r.has('password'), max: 128 });
    const values = defined({
      passwordHash: password === undefined ? undefined : hashPassword(password, cost()),
      firstName: r.str('firstName', { required: r.has('firstName'), max: 100 }),
      lastName: r.str('lastName', { required: r.has('lastName'), max: 100 }),
      barNumber: r.str('barNumber', { max: 40 }),
      email: r.str('email', { max: 200 }),
    });
    admin.updateEcf(row.id, values);
    note(request, row.login, 'admin.account.update', `ecf ${row.court}: ${Object.keys(values).join(', ')}`);
    return ecfJson(ecfOr404(row.court, row.login));
  });

  app.delete<{ Params: { court: string; login: string } }>('/accounts/ecf/:court/:login', async (request, reply) => {
    const row = ecfOr404(request.params.court, request.params.login);
    admin.deleteEcf(row.id);
    note(request, row.login, 'admin.account.delete', `ecf ${row.court}`);
    return reply.code(204).send();
  });
}
