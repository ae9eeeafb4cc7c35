/**
 * The control plane's OpenAPI 3.1 document, written by hand next to the routes it describes
 * (served as /__admin/openapi.json and rendered as /__admin/docs). When a route changes, this
 * changes in the same commit; test/routes/admin-api.test.ts checks every documented path answers.
 */
type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const bool = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) });
const time = (description?: string): Schema => ({ type: ['string', 'null'], format: 'date-time', ...(description ? { description } : {}) });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const listOf = (key: string, item: string): Schema => ({ type: 'object', properties: { [key]: { type: 'array', items: ref(item) } } });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = (schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });
const q = (name: string, description: string, schema: Schema = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const p = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

const ERR = {
  '400': json(ref('Error'), 'Bad input: the message names the field or parameter and what it accepts.'),
  '401': json(ref('Error'), 'Missing or wrong token.'),
};
const NOT_FOUND = { '404': json(ref('Error'), 'No such account, link or session.') };
const CONFLICT = { '409': json(ref('Error'), 'The change would break a rule (a taken name, a second link).') };
const NO_CONTENT = { '204': { description: 'Done.' } };

const pacerFields: Schema = {
  password: str('Plain-text password; stored as a salted scrypt hash, never shown again.'),
  firstName: str(),
  lastName: str(),
  email: str(),
  kind: { type: 'string', enum: ['individual', 'shared'] },
  upgraded: bool('Upgraded (post-2014) account; legacy accounts cannot link.'),
  filer: bool('Has filer status: the redaction step appears at login.'),
  mfaSecret: { type: ['string', 'null'], description: 'Base32 TOTP secret, or null for no MFA.' },
  mfaBackupCodes: { type: 'array', items: { type: 'string', pattern: '^\\d{6,10}$' } },
  clientCodeRequired: bool(),
  status: { type: 'string', enum: ['active', 'inactive', 'disabled'] },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'mock-pacer control plane',
      version: '1',
      description:
        'Drive the mock from tests and scripts: reset to the seed state, manage accounts and links, end sessions, read the journal and the outbox. ' +
        'Every route except /__admin/health takes `Authorization: Bearer <token>`: required when ADMIN_TOKEN is set, or when the server listens beyond loopback ' +
        '(then a token is printed at start); open when it listens on loopback only without ADMIN_TOKEN. Errors are `{"error": code, "message": sentence}`.',
    },
    servers: [{ url: '/__admin' }],
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { summary: 'Liveness probe (no token)', security: [], responses: { '200': json({ type: 'object', properties: { status: str(), now: time() } }, 'Serving.') } } },
      '/reset': {
        post: {
          summary: 'Back to the seed state',
          description: 'Replaces every account, link, lockout, session, journal entry and email with the seed state in one transaction. Training classes made by the CLI are kept, unlinked. The answer says how long it took.',
          responses: { '200': json({ type: 'object', properties: { status: str(), ms: { type: 'number' }, traineesKept: { type: 'integer' } } }, 'Reset.'), ...ERR },
        },
      },
      '/courts': { get: { summary: 'Courts served', responses: { '200': json({ type: 'object', properties: { defaultCourt: str(), courts: { type: 'array', items: ref('Court') } } }, 'Courts.'), ...ERR } } },
      '/accounts/pacer': {
        get: { summary: 'List PACER accounts', responses: { '200': json(listOf('accounts', 'PacerAccount'), 'All PACER accounts.'), ...ERR } },
        post: {
          summary: 'Create a PACER account',
          requestBody: body({ type: 'object', required: ['username', 'password', 'firstName', 'lastName'], properties: { username: str(), ...pacerFields }, additionalProperties: false }),
          responses: { '201': json(ref('PacerAccount'), 'Created.'), ...ERR, ...CONFLICT },
        },
      },
      '/accounts/pacer/{username}': {
        parameters: [p('username', 'PACER username (not case sensitive)')],
        get: { summary: 'One PACER account', responses: { '200': json(ref('PacerAccount'), 'The account.'), ...ERR, ...NOT_FOUND } },
        patch: {
          summary: 'Change a PACER account',
          description: 'Only the fields given change. `locked: true` locks the account as LOCKOUT_THRESHOLD failures would; `locked: false` clears the lock and the failure count.',
          requestBody: body({ type: 'object', properties: { ...pacerFields, locked: bool() }, additionalProperties: false }),
          responses: { '200': json(ref('PacerAccount'), 'The changed account.'), ...ERR, ...NOT_FOUND },
        },
        delete: { summary: 'Delete a PACER account (its sessions end, its links go)', responses: { ...NO_CONTENT, ...ERR, ...NOT_FOUND } },
      },
      '/accounts/ecf': {
        get: { summary: 'List CM/ECF accounts', parameters: [q('court', 'Only this court (code, e.g. flsd)')], responses: { '200': json(listOf('accounts', 'EcfAccount'), 'CM/ECF accounts.'), ...ERR } },
        post: {
          summary: 'Create a CM/ECF account at a court',
          requestBody: body({
            type: 'object',
            required: ['court', 'login', 'password', 'firstName', 'lastName'],
            properties: { court: str(), login: str('Case sensitive; logins with special characters cannot link.'), password: str(), firstName: str(), lastName: str(), barNumber: str(), email: str() },
            additionalProperties: false,
          }),
          responses: { '201': json(ref('EcfAccount'), 'Created.'), ...ERR, ...CONFLICT },
        },
      },
      '/accounts/ecf/{court}/{login}': {
        parameters: [p('court', 'Court code, e.g. flsd'), p('login', 'CM/ECF login (case sensitive; URL-encode special characters)')],
        get: { summary: 'One CM/ECF account', responses: { '200': json(ref('EcfAccount'), 'The account.'), ...ERR, ...NOT_FOUND } },
        patch: {
          summary: 'Change a CM/ECF account',
          requestBody: body({ type: 'object', properties: { password: str(), firstName: str(), lastName: str(), barNumber: str(), email: str() }, additionalProperties: false }),
          responses: { '200': json(ref('EcfAccount'), 'The changed account.'), ...ERR, ...NOT_FOUND },
        },
        delete: { summary: 'Delete a CM/ECF account', responses: { ...NO_CONTENT, ...ERR, ...NOT_FOUND } },
      },
      '/links': {
        get: {
          summary: 'List links',
          parameters: [q('court', 'Only this court'), q('username', 'Only this PACER account')],
          responses: { '200': json(listOf('links', 'Link'), 'Links.'), ...ERR },
        },
        post: {
          summary: 'Link a CM/ECF account to a PACER account',
          description: 'Keeps the one-link-per-court and one-PACER-account-per-CM/ECF-account rules; does not apply the journey’s eligibility rules, so tests can build any state.',
          requestBody: body({ type: 'object', required: ['court', 'login', 'username'], properties: { court: str(), login: str(), username: str() }, additionalProperties: false }),
          responses: { '201': json(ref('Link'), 'Linked.'), ...ERR, ...NOT_FOUND, ...CONFLICT },
        },
      },
      '/links/{court}/{login}': {
        parameters: [p('court', 'Court code'), p('login', 'CM/ECF login')],
        delete: { summary: 'Unlink a CM/ECF account', responses: { ...NO_CONTENT, ...ERR, ...NOT_FOUND } },
      },
      '/sessions': {
        get: {
          summary: 'List CSO sessions',
          parameters: [q('username', 'Only this PACER account'), q('all', 'true: include ended and expired sessions', { type: 'boolean' })],
          responses: { '200': json(listOf('sessions', 'Session'), 'Sessions, newest first.'), ...ERR },
        },
      },
      '/sessions/{token}': {
        parameters: [p('token', 'The NextGenCSO token')],
        delete: { summary: 'End a session (the token stops working on every court)', responses: { ...NO_CONTENT, ...ERR, ...NOT_FOUND } },
      },
      '/journal': {
        get: {
          summary: 'Read the journal',
          description: 'Every login attempt, session, link and control-plane change, newest first.',
          parameters: [
            q('account', 'Actor: a PACER username or CM/ECF login (not case sensitive)'),
            q('action', 'Exact action (login.screen) or a prefix ending in * (login.*)'),
            q('since', 'ISO-8601 date-time, inclusive', { type: 'string', format: 'date-time' }),
            q('until', 'ISO-8601 date-time, inclusive', { type: 'string', format: 'date-time' }),
            q('limit', '1-10000, default 100', { type: 'integer' }),
          ],
          responses: { '200': json(listOf('entries', 'JournalEntry'), 'Entries.'), ...ERR },
        },
      },
      '/outbox': {
        get: {
          summary: 'Read the outbox (notification emails)',
          parameters: [q('to', 'Only emails to this address'), q('limit', '1-10000, default 100', { type: 'integer' })],
          responses: { '200': json(listOf('messages', 'Email'), 'Emails, newest first.'), ...ERR },
        },
        delete: { summary: 'Empty the outbox', responses: { ...NO_CONTENT, ...ERR } },
      },
      '/faults': {
        get: { summary: 'Active faults and the known fault names', responses: { '200': json(ref('Faults'), 'Faults.'), ...ERR } },
        put: {
          summary: 'Replace the set of active faults',
          description: 'Names and values as in FAULTS, e.g. ["MAINTENANCE", "LATENCY=200-800", "THROTTLE=5/min"]; an empty list clears them. See the README table of faults.',
          requestBody: body({ type: 'object', required: ['faults'], properties: { faults: { type: 'array', items: str('NAME or NAME=value') } } }),
          responses: { '200': json(ref('Faults'), 'The new set.'), ...ERR },
        },
        delete: { summary: 'Clear every fault', responses: { '200': json(ref('Faults'), 'No faults.'), ...ERR } },
      },
      '/clock': {
        get: { summary: 'The virtual clock', responses: { '200': json(ref('Clock'), 'Now, and whether it has been moved.'), ...ERR } },
        post: {
          summary: 'Move the virtual clock',
          description: 'Exactly one of advanceSeconds (negative: back), set (ISO-8601) or reset: true (back to real time).',
          requestBody: body({ type: 'object', properties: { advanceSeconds: { type: 'number' }, set: str('ISO-8601 date or date-time'), reset: { const: true } } }),
          responses: { '200': json(ref('Clock'), 'The clock after the change.'), ...ERR },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' }, ...ERR } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, or the token printed at start.' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'message'], properties: { error: str('bad_request, unauthorized, forbidden, not_found, conflict, ...'), message: str() } },
        Court: { type: 'object', properties: { code: str(), pscCourtId: str(), name: str(), title: str(), kind: str() } },
        PacerAccount: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            username: str(),
            ...Object.fromEntries(Object.entries(pacerFields).filter(([k]) => k !== 'password')),
            failedAttempts: { type: 'integer' },
            locked: bool(),
            lockedUntil: time(),
            passwordChangedAt: time(),
            createdAt: time(),
            links: { type: 'array', items: { type: 'object', properties: { court: str(), login: str(), linkedAt: time() } } },
          },
        },
        EcfAccount: {
          type: 'object',
          properties: { id: { type: 'integer' }, court: str(), login: str(), firstName: str(), lastName: str(), barNumber: str(), email: str(), linkedTo: { type: ['string', 'null'] }, linkedAt: time() },
        },
        Link: { type: 'object', properties: { court: str(), login: str(), username: str(), linkedAt: time() } },
        Session: { type: 'object', properties: { token: str(), username: str(), clientCode: str(), createdAt: time(), expiresAt: time(), endedAt: time(), active: bool() } },
        JournalEntry: { type: 'object', properties: { id: { type: 'integer' }, at: time(), actor: str(), host: str(), action: str(), outcome: str(), detail: str() } },
        Faults: { type: 'object', properties: { faults: { type: 'array', items: str() }, known: { type: 'array', items: str() } } },
        Clock: { type: 'object', properties: { now: time(), virtual: bool() } },
        Email: { type: 'object', properties: { id: { type: 'integer' }, at: time(), to: str(), subject: str(), body: str() } },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
