import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EcfAccountInput, EcfAccountPatch, PacerAccountInput, PacerAccountPatch } from '../../server/domain/account-fields.js';
import { LinkInput } from '../../server/admin/admin-schemas.js';
import { CaseInput } from '../../server/domain/case-fields.js';
import { makeApp, serveWithBrowser } from '../support/app.js';
import { formAction } from '../support/browser.js';
import { linkAccount, logIn, loginForm, openLoginFrom, serveLoggedIn } from '../support/journey.js';

/** The JSON control plane: accounts, links, sessions, journal, outbox, errors, OpenAPI. */
let app: FastifyInstance;
afterEach(async () => app?.close());

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: r.statusCode, body: r.body ? r.json<Record<string, any>>() : null, headers: r.headers };
}

describe('accounts', () => {
  it('creates, reads, changes and deletes a PACER account; the password works and no hash is ever shown', async () => {
    app = await makeApp();
    const created = await call('POST', '/__admin/accounts/pacer', {
      username: 'qa-user1', password: 'Qa!Password-2026x', firstName: 'Quinn', lastName: 'Tester', email: 'q@example.com', filer: true,
    });
    expect(created.status).toBe(201);
    expect(created.headers['location']).toBe('/__admin/accounts/pacer/qa-user1');
    expect(created.body).toMatchObject({ username: 'qa-user1', firstName: 'Quinn', filer: true, upgraded: true, kind: 'individual', status: 'active', links: [] });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|hash/i);

    // The password given is the one that logs in (a filer: the redaction dialog comes next).
    const { base, b } = await serveWithBrowser(app);
    const login = await openLoginFrom(b, await b.get(`${base}/cgi-bin/login.pl`));
    const wrong = await b.post(formAction(login, 'loginForm'), loginForm(login, 'qa-user1'));
    expect(wrong.body).toContain('Invalid username or password');
    const right = await b.post(formAction(wrong, 'loginForm'), loginForm(wrong, 'qa-user1', 'Qa!Password-2026x'));
    expect(right.body).toContain('id="redactionConfirmation"');

    const dup = await call('POST', '/__admin/accounts/pacer', { username: 'QA-USER1', password: 'x', firstName: 'a', lastName: 'b' });
    expect(dup.status).toBe(409);
    expect(dup.body?.message).toBe('The PACER username "QA-USER1" is taken (usernames are not case sensitive).');

    const changed = await call('PATCH', '/__admin/accounts/pacer/qa-user1', { status: 'disabled', locked: true, mfaSecret: 'JBSWY3DPEHPK3PXP' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'disabled', locked: true, failedAttempts: 5, mfaSecret: 'JBSWY3DPEHPK3PXP' });
    const unlocked = await call('PATCH', '/__admin/accounts/pacer/qa-user1', { locked: false, mfaSecret: null });
    expect(unlocked.body).toMatchObject({ locked: false, failedAttempts: 0, mfaSecret: null });

    const list = await call('GET', '/__admin/accounts/pacer');
    expect(list.body?.accounts.map((a: { username: string }) => a.username)).toContain('qa-user1');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt\$/);

    expect((await call('DELETE', '/__admin/accounts/pacer/qa-user1')).status).toBe(204);
    const gone = await call('GET', '/__admin/accounts/pacer/qa-user1');
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: 'not_found', message: 'There is no PACER account "qa-user1".' });
    expect((await call('GET', '/__admin/journal?account=qa-user1&action=admin.*')).body?.entries.map((e: { action: string }) => e.action)).toEqual([
      'admin.account.delete', 'admin.account.update', 'admin.account.update', 'admin.account.create',
    ]);
  });

  it('creates, changes and deletes a CM/ECF account, keeping the login exactly as given', async () => {
    app = await makeApp();
    const created = await call('POST', '/__admin/accounts/ecf', { court: 'NYSD', login: 'QaLogin7', password: 'Court!Pass2026', firstName: 'Quinn', lastName: 'Tester', barNumber: 'QT7' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ court: 'nysd', login: 'QaLogin7', linkedTo: null, barNumber: 'QT7' });
    expect((await call('GET', '/__admin/accounts/ecf/nysd/qalogin7')).status).toBe(404);
    const patched = await call('PATCH', '/__admin/accounts/ecf/nysd/QaLogin7', { lastName: 'Renamed' });
    expect(patched.body?.lastName).toBe('Renamed');
    expect((await call('GET', '/__admin/accounts/ecf?court=nysd')).body?.accounts.map((a: { login: string }) => a.login)).toEqual(['QaLogin7', 'ja512584']);
    expect((await call('DELETE', '/__admin/accounts/ecf/nysd/QaLogin7')).status).toBe(204);
    expect((await call('DELETE', '/__admin/accounts/ecf/nysd/QaLogin7')).status).toBe(404);
    // A login with a special character is addressed URL-encoded.
    expect((await call('GET', `/__admin/accounts/ecf/flsd/${encodeURIComponent('sp1234!x')}`)).body?.login).toBe('sp1234!x');
  });

  it.each([
    ['POST', '/__admin/accounts/pacer', { username: 'x y', password: 'p', firstName: 'a', lastName: 'b' }, 'Field "username" must be 1-64 letters, digits or . _ @ -.'],
    ['POST', '/__admin/accounts/pacer', { username: 'ok', password: 'p', firstName: 'a', lastName: 'b', kind: 'firm' }, 'Field "kind" must be one of "individual", "shared".'],
    ['POST', '/__admin/accounts/pacer', { username: 'ok', password: 'p', firstName: 'a', lastName: 'b', upgraded: 'yes' }, 'Field "upgraded" must be true or false.'],
    ['POST', '/__admin/accounts/pacer', { username: 'ok', pasword: 'p' }, 'Unknown field "pasword"; accepted fields: username, password, firstName, lastName, email, kind, upgraded, filer, mfaSecret, mfaBackupCodes, clientCodeRequired, status.'],
    ['POST', '/__admin/accounts/pacer', [1, 2], 'The body must be a JSON object.'],
    ['PATCH', '/__admin/accounts/pacer/jattorney', { username: 'renamed' }, 'Unknown field "username"; accepted fields: password, firstName, lastName, email, kind, upgraded, filer, mfaSecret, mfaBackupCodes, clientCodeRequired, status, locked.'],
    ['PATCH', '/__admin/accounts/pacer/jattorney', { mfaBackupCodes: ['12'] }, 'Field "mfaBackupCodes" must be an array of 6-10 digit strings.'],
    ['POST', '/__admin/accounts/ecf', { court: 'zzz', login: 'a', password: 'p', firstName: 'a', lastName: 'b' }, 'Field "court" names "zzz", which is not a court here; courts: flsb, flsd, nysd.'],
    ['GET', '/__admin/journal?since=yesterday', undefined, 'Query parameter "since" must be an ISO-8601 date-time such as 2026-03-01T09:00:00Z; got "yesterday".'],
    ['GET', '/__admin/journal?limit=0', undefined, 'Query parameter "limit" must be a whole number from 1 to 10000.'],
    ['GET', '/__admin/journal?since=2026-02-01&until=2026-01-01', undefined, 'Query parameter "since" must not be after "until".'],
  ] as const)('%s %s with bad input answers 400 naming the problem', async (method, url, payload, message) => {
    app = await makeApp();
    const r = await call(method, url, payload);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'bad_request', message });
  });

  it('answers malformed JSON with a 400 in the same shape, not an HTML page', async () => {
    app = await makeApp();
    const r = await app.inject({ method: 'POST', url: '/__admin/accounts/pacer', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('bad_request');
    expect(r.json().message).toMatch(/^The body is not valid JSON/);
  });
});

describe('links and sessions', () => {
  it('links and unlinks, keeping one link per court and one PACER account per CM/ECF account', async () => {
    app = await makeApp();
    const made = await call('POST', '/__admin/links', { court: 'flsd', login: 'attytest4', username: 'jattorney' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ court: 'flsd', login: 'attytest4', username: 'jattorney' });
    expect((await call('GET', '/__admin/accounts/pacer/jattorney')).body?.links).toEqual([expect.objectContaining({ court: 'flsd', login: 'attytest4' })]);

    const second = await call('POST', '/__admin/links', { court: 'flsd', login: 'mg102030', username: 'jattorney' });
    expect(second).toMatchObject({ status: 409, body: { error: 'conflict', message: 'The PACER account "jattorney" is already linked to a CM/ECF account at flsd.' } });
    const taken = await call('POST', '/__admin/links', { court: 'flsd', login: 'rl300400', username: 'mgonzalez' });
    expect(taken).toMatchObject({ status: 409, body: { message: 'The CM/ECF account "rl300400" at flsd is already linked to "rlinked".' } });
    expect((await call('POST', '/__admin/links', { court: 'flsd', login: 'nobody', username: 'jattorney' })).status).toBe(404);

    expect((await call('GET', '/__admin/links?username=jattorney')).body?.links).toHaveLength(1);
    expect((await call('DELETE', '/__admin/links/flsd/attytest4')).status).toBe(204);
    expect((await call('DELETE', '/__admin/links/flsd/attytest4')).body?.message).toBe('The CM/ECF account "attytest4" at flsd is not linked.');
    // Robert Linked's two links: FLSD, and FLSB (issue 13's bankruptcy filer).
    expect((await call('GET', '/__admin/links')).body?.links.map((l: { court: string; login: string }) => `${l.court}:${l.login}`).sort()).toEqual(['flsb:rl300400', 'flsd:rl300400']);
  });

  it('lists a session made by a login and ends it so the token stops working', async () => {
    app = await makeApp();
    const { base, b } = await serveLoggedIn(app, 'researcher');
    const sessions = (await call('GET', '/__admin/sessions?username=researcher')).body?.sessions;
    expect(sessions).toEqual([expect.objectContaining({ username: 'researcher', active: true, token: b.cookie('NextGenCSO') })]);
    expect((await call('DELETE', `/__admin/sessions/${sessions[0].token}`)).status).toBe(204);
    expect((await call('GET', '/__admin/sessions')).body?.sessions).toEqual([]);
    expect((await call('GET', '/__admin/sessions?all=true')).body?.sessions[0]).toMatchObject({ active: false });
    expect((await b.get(`${base}/cgi-bin/login.pl`)).body).toContain('id="cso-login-link"');
    expect((await call('DELETE', '/__admin/sessions/nope')).status).toBe(404);
  });
});

describe('journal and outbox', () => {
  it('filters the journal by account, action and time, and shows the link email in the outbox', async () => {
    app = await makeApp();
    const { base, browser, b } = await serveLoggedIn(app, 'jattorney');
    await linkAccount(b, base, 'attytest4');
    await logIn(browser(), `${base}/cgi-bin/login.pl`, 'researcher');

    const all = (await call('GET', '/__admin/journal')).body?.entries as { actor: string; action: string; at: string }[];
    expect(all.length).toBeGreaterThan(3);
    const mine = (await call('GET', '/__admin/journal?account=JATTORNEY')).body?.entries as { actor: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor === 'jattorney')).toBe(true);
    const starts = (await call('GET', '/__admin/journal?action=session.start')).body?.entries as { actor: string }[];
    expect(starts.map((e) => e.actor)).toEqual(['researcher', 'jattorney']);
    const logins = (await call('GET', '/__admin/journal?action=login.*')).body?.entries as { action: string }[];
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action.startsWith('login.'))).toBe(true);
    const future = new Date(app.clock.now() + 60_000).toISOString();
    expect((await call('GET', `/__admin/journal?since=${future}`)).body?.entries).toEqual([]);
    expect((await call('GET', `/__admin/journal?until=${future}&limit=2`)).body?.entries).toHaveLength(2);

    const mail = (await call('GET', '/__admin/outbox')).body?.messages as { to: string; subject: string }[];
    expect(mail).toEqual([expect.objectContaining({ to: 'jattorney@example.com', subject: 'CM/ECF account linked: Southern District of Florida' })]);
    expect((await call('GET', '/__admin/outbox?to=someone@example.com')).body?.messages).toEqual([]);
    expect((await call('DELETE', '/__admin/outbox')).status).toBe(204);
    expect((await call('GET', '/__admin/outbox')).body?.messages).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('documents every route, and every documented GET answers 200 with JSON', async () => {
    app = await makeApp();
    const doc = (await call('GET', '/__admin/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} /__admin${p}`),
    );
    // Everything documented is a registered route.
    for (const op of documented) {
      const [method, url] = op.split(' ') as ['GET', string];
      expect(app.hasRoute({ method, url: url.replace(/\{(\w+)\}/g, ':$1') }), op).toBe(true);
    }
    for (const path of ['/health', '/reset', '/courts', '/accounts/pacer', '/accounts/pacer/{username}', '/accounts/ecf', '/accounts/ecf/{court}/{login}', '/links', '/links/{court}/{login}', '/sessions', '/sessions/{token}', '/journal', '/outbox', '/faults', '/clock', '/openapi.json']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    for (const op of documented.filter((o) => o.startsWith('GET ') && !o.includes('{'))) {
      const r = await app.inject({ method: 'GET', url: op.slice(4) });
      expect(r.statusCode, op).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
    }
    const docs = await app.inject({ method: 'GET', url: '/__admin/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('<code>/__admin/accounts/pacer/{username}</code>');
    expect(docs.body).toContain('Back to the seed state');
    expect(docs.body).not.toMatch(/https?:\/\/(cdn|unpkg|fonts)\./);
  });
});

describe('OpenAPI generated from the route schemas', () => {
  type Operation = { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: object }> }> };
  const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

  it('lists every control-plane route, each with the request schema the route enforces', async () => {
    app = await makeApp();
    const doc = (await call('GET', '/__admin/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.sort()).toEqual(
      [
        'GET /health', 'POST /reset', 'GET /openapi.json', 'GET /courts',
        'GET /accounts/pacer', 'POST /accounts/pacer', 'GET /accounts/pacer/{username}', 'PATCH /accounts/pacer/{username}', 'DELETE /accounts/pacer/{username}',
        'GET /accounts/ecf', 'POST /accounts/ecf', 'GET /accounts/ecf/{court}/{login}', 'PATCH /accounts/ecf/{court}/{login}', 'DELETE /accounts/ecf/{court}/{login}',
        'GET /links', 'POST /links', 'DELETE /links/{court}/{login}', 'GET /sessions', 'DELETE /sessions/{token}',
        'GET /journal', 'GET /outbox', 'DELETE /outbox', 'GET /faults', 'PUT /faults', 'DELETE /faults', 'GET /clock', 'POST /clock',
        'GET /cases', 'POST /cases', 'GET /cases/{pacerCaseId}', 'DELETE /cases/{pacerCaseId}', 'GET /cases/{pacerCaseId}/entries',
        'GET /filings',
        'GET /outbox/{id}', 'GET /outbox/{id}/raw', 'GET /nefs', 'GET /nefs/{id}', 'GET /fees',
      ].sort(),
    );
    const body = (path: string, method: string) => doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
    expect(body('/accounts/pacer', 'post')).toEqual(json(PacerAccountInput));
    expect(body('/accounts/pacer/{username}', 'patch')).toEqual(json(PacerAccountPatch));
    expect(body('/accounts/ecf', 'post')).toEqual(json(EcfAccountInput));
    expect(body('/accounts/ecf/{court}/{login}', 'patch')).toEqual(json(EcfAccountPatch));
    expect(body('/links', 'post')).toEqual(json(LinkInput));
    expect(body('/cases', 'post')).toEqual(json(CaseInput));
    for (const [path, method] of [['/clock', 'post'], ['/faults', 'put']] as const) expect(body(path, method)).toMatchObject({ type: 'object' });
    expect(doc.paths['/journal']?.['get']?.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(['query account', 'query action', 'query since', 'query until', 'query limit']);
    expect(doc.paths['/accounts/ecf/{court}/{login}']?.['get']?.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(['path court', 'path login']);
  });

  it('documents answers the routes really give', async () => {
    app = await makeApp();
    await call('POST', '/__admin/links', { court: 'flsd', login: 'attytest4', username: 'jattorney' });
    const doc = (await call('GET', '/__admin/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    ajv.addFormat('date-time', true);
    ajv.addFormat('date', true);
    const gets = ['/health', '/courts', '/accounts/pacer', '/accounts/pacer/jattorney', '/accounts/ecf', '/accounts/ecf/flsd/attytest4', '/links', '/sessions?all=true', '/journal', '/outbox', '/faults', '/clock', '/cases', '/cases/642110?court=flsd', '/cases/655120/entries?court=nysd', '/filings'];
    for (const url of gets) {
      const path = url.split('?')[0]?.replace('/jattorney', '/{username}').replace('/flsd/attytest4', '/{court}/{login}').replace(/\/cases\/\d+/, '/cases/{pacerCaseId}') ?? '';
      const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
      expect(schema, path).toBeDefined();
      const answer = await call('GET', `/__admin${url}`);
      expect(ajv.validate({ ...(schema as object), additionalProperties: false }, answer.body), `${url}: ${ajv.errorsText()}`).toBe(true);
    }
  });
});

