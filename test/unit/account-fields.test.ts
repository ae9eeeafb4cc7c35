import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  EcfAccountInput,
  EcfAccountPatch,
  PacerAccountInput,
  PacerAccountPatch,
  SeedEcfAccountInput,
  SeedPacerAccountInput,
} from '../../server/domain/account-fields.js';
import { schemaChecker } from '../../server/domain/json-validation.js';
import * as adminSchemas from '../../server/admin/admin-schemas.js';
import { problemSentence } from '../../server/admin/admin-validation.js';
import { SeedDocument } from '../../seeds/seed.js';

/** The account field rules, as the control plane words their problems (and the seed reuses them). */
function bodyProblem(schema: object, body: unknown): string {
  const checked = schemaChecker(schema)(body);
  return checked.ok ? 'ok' : problemSentence(checked.problem, 'body');
}

const NEW = { username: 'qa-1', password: 'p', firstName: 'A', lastName: 'B' };

describe('account field rules', () => {
  it.each([
    [{ ...NEW, username: 'x y' }, 'Field "username" must be 1-64 letters, digits or . _ @ -.'],
    [{ ...NEW, username: 'a'.repeat(65) }, 'Field "username" must be 1-64 letters, digits or . _ @ -.'],
    [{ ...NEW, username: 7 }, 'Field "username" must be 1-64 letters, digits or . _ @ -.'],
    [{ ...NEW, firstName: '   ' }, 'Field "firstName" must not be empty.'],
    [{ ...NEW, lastName: '' }, 'Field "lastName" must not be empty.'],
    [{ ...NEW, lastName: 'x'.repeat(101) }, 'Field "lastName" must be at most 100 characters.'],
    [{ ...NEW, password: 'x'.repeat(129) }, 'Field "password" must be at most 128 characters.'],
    [{ ...NEW, email: 5 }, 'Field "email" must be a string.'],
    [{ ...NEW, status: 'sleeping' }, 'Field "status" must be one of "active", "inactive", "disabled".'],
    [{ ...NEW, filer: 1 }, 'Field "filer" must be true or false.'],
    [{ ...NEW, mfaSecret: 'abc' }, 'Field "mfaSecret" must be a base32 secret (A-Z, 2-7), 16-64 characters, or null for no MFA.'],
    [{ ...NEW, mfaBackupCodes: ['12345678', 'x'] }, 'Field "mfaBackupCodes" must be an array of 6-10 digit strings.'],
    [{ ...NEW, mfaBackupCodes: '12345678' }, 'Field "mfaBackupCodes" must be an array of 6-10 digit strings.'],
    [{ username: 'qa-1', password: 'p', firstName: 'A' }, 'Field "lastName" is required.'],
    [null, 'The body must be a JSON object.'],
  ])('a new PACER account %j: %s', (body, sentence) => {
    expect(bodyProblem(PacerAccountInput, body)).toBe(sentence);
  });

  it('reports the first problem in the order the fields are listed, unknown fields before all', () => {
    expect(bodyProblem(PacerAccountInput, { status: 'x', username: 'x y' })).toMatch(/^Field "username"/);
    expect(bodyProblem(PacerAccountInput, { username: 'x y', nope: 1 })).toBe(
      'Unknown field "nope"; accepted fields: username, password, firstName, lastName, email, kind, upgraded, filer, mfaSecret, mfaBackupCodes, clientCodeRequired, status.',
    );
  });

  it('fills the defaults of a new account, and never those of a change', () => {
    const made = schemaChecker(PacerAccountInput)({ ...NEW });
    expect(made).toEqual({
      ok: true,
      value: { ...NEW, email: '', kind: 'individual', upgraded: true, filer: false, mfaSecret: null, mfaBackupCodes: [], clientCodeRequired: false, status: 'active' },
    });
    expect(schemaChecker(EcfAccountInput)({ court: 'flsd', login: 'l1', password: 'p', firstName: 'A', lastName: 'B' })).toMatchObject({
      value: { barNumber: '', email: '' },
    });
    // A PATCH that named no field must change none: no default may creep in.
    expect(schemaChecker(PacerAccountPatch)({})).toEqual({ ok: true, value: {} });
    expect(schemaChecker(EcfAccountPatch)({})).toEqual({ ok: true, value: {} });
  });

  it('takes null for "no MFA" and a CM/ECF login exactly as given, special characters included', () => {
    expect(bodyProblem(PacerAccountPatch, { mfaSecret: null })).toBe('ok');
    expect(bodyProblem(PacerAccountPatch, { mfaSecret: 'JBSWY3DPEHPK3PXP' })).toBe('ok');
    expect(bodyProblem(EcfAccountInput, { court: 'NYSD', login: 'sp1234!x', password: 'p', firstName: 'A', lastName: 'B' })).toBe('ok');
    expect(bodyProblem(EcfAccountInput, { court: 'flsd', login: 'a b', password: 'p', firstName: 'A', lastName: 'B' })).toBe(
      'Field "login" must be 1-64 characters without spaces.',
    );
  });

  it('words query parameters as parameters: repeated, out of range, or not in the expected form', () => {
    const query = (q: Record<string, unknown>) => {
      const checked = schemaChecker(adminSchemas.JournalQuery, { text: true })(q);
      return checked.ok ? checked.value : problemSentence(checked.problem, 'querystring');
    };
    expect(query({ limit: '25' })).toEqual({ limit: 25 });
    expect(query({})).toEqual({ limit: 100 });
    expect(query({ limit: ['1', '2'] })).toBe('Query parameter "limit" must appear once.');
    expect(query({ limit: '10001' })).toBe('Query parameter "limit" must be a whole number from 1 to 10000.');
    expect(query({ until: '2026-13-01' })).toBe(
      'Query parameter "until" must be an ISO-8601 date-time such as 2026-03-01T09:00:00Z; got "2026-13-01".',
    );
  });
});

describe('the schemas themselves', () => {
  // The server compiles without checking schemas against the meta-schema (it costs start-up
  // time); this does, in ajv's strict mode, so a schema mistake fails here and not at a request.
  const strict = new Ajv({ strict: true, allowUnionTypes: true, validateSchema: true });
  strict.addFormat('date', true);
  strict.addFormat('date-time', true);
  const schemas: Record<string, unknown> = {
    PacerAccountInput,
    PacerAccountPatch,
    EcfAccountInput,
    EcfAccountPatch,
    SeedPacerAccountInput,
    SeedEcfAccountInput,
    SeedDocument,
    ...adminSchemas,
  };
  it.each(Object.entries(schemas).filter(([, s]) => typeof s === 'object' && s !== null && !Array.isArray(s) && 'type' in s))(
    '%s is valid JSON Schema',
    (_name, schema) => {
      expect(() => strict.compile(schema as object)).not.toThrow();
    },
  );
});
