import * as Type from 'typebox';
import type { NewEcfAccount } from '../../db/ecf-accounts-repository.js';
import type { NewPacerAccount } from '../../db/pacer-accounts-repository.js';
import { NOT_BLANK } from './json-validation.js';

/**
 * Every account field's rule, once: its pattern, length or allowed values, and its description.
 * The control plane validates its bodies with these schemas, its OpenAPI document shows them, and
 * the seed file is checked against them (seeds/seed-schema.ts). A description says what a valid
 * value is ("1-64 letters, digits or . _ @ -"): problems read "must be <description>" (see
 * json-validation.ts), and the API docs show it as the field's meaning.
 */
export const PACER_KINDS = ['individual', 'shared'] as const;
export const PACER_STATUSES = ['active', 'inactive', 'disabled'] as const;

/** A string that must not be blank, of at most `max` characters. */
export const nonBlank = (max: number) => Type.String({ minLength: 1, pattern: NOT_BLANK, maxLength: max });
const oneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const accountField = {
  username: Type.String({ pattern: '^[A-Za-z0-9._@-]{1,64}$', description: '1-64 letters, digits or . _ @ -' }),
  /** Plain text on the way in; stored as a salted scrypt hash, never shown again. */
  password: nonBlank(128),
  name: nonBlank(100),
  email: Type.String({ maxLength: 200 }),
  kind: oneOf(PACER_KINDS),
  upgraded: Type.Boolean({ description: 'Upgraded (post-2014) account; legacy accounts cannot link.' }),
  filer: Type.Boolean({ description: 'Has filer status: the redaction step appears at login.' }),
  clientCodeRequired: Type.Boolean({ description: 'A client code must be given at login.' }),
  mfaSecret: Type.Unsafe<string | null>({
    type: ['string', 'null'],
    pattern: '^[A-Z2-7]{16,64}$',
    description: 'a base32 secret (A-Z, 2-7), 16-64 characters, or null for no MFA',
  }),
  mfaBackupCodes: Type.Array(Type.String({ pattern: '^\\d{6,10}$' }), { description: 'an array of 6-10 digit strings' }),
  status: oneOf(PACER_STATUSES),
  /** A court's host code as given; looked up without regard to case. */
  court: nonBlank(8),
  // Fidelity: CM/ECF logins are case sensitive, and kept exactly as given.
  login: Type.String({ pattern: '^\\S{1,64}$', description: '1-64 characters without spaces' }),
  barNumber: Type.String({ maxLength: 40 }),
};

/** Some of `fields`, each optional with its default (which validation fills in). */
function defaulted<F extends Type.TProperties, K extends keyof F & string>(
  fields: F,
  defaults: { [P in K]: Type.Static<F[P]> },
): { [P in K]: Type.TOptional<F[P]> } {
  const out: Record<string, Type.TSchema> = {};
  for (const k of Object.keys(defaults) as K[]) out[k] = Type.Optional({ ...fields[k], default: defaults[k] });
  return out as { [P in K]: Type.TOptional<F[P]> };
}

/** Every one of `fields`, optional. */
export function optional<P extends Type.TProperties>(fields: P): { [K in keyof P]: Type.TOptional<P[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, Type.Optional(s)])) as { [K in keyof P]: Type.TOptional<P[K]> };
}

/** A change: any of the fields, only those given change; unknown fields refused. */
const patchOf = <P extends Type.TProperties>(fields: P) => Type.Object(optional(fields), { additionalProperties: false });

/** The fields of a PACER account a person gives. */
const pacerFields = {
  password: accountField.password,
  firstName: accountField.name,
  lastName: accountField.name,
  email: accountField.email,
  kind: accountField.kind,
  upgraded: accountField.upgraded,
  filer: accountField.filer,
  mfaSecret: accountField.mfaSecret,
  mfaBackupCodes: accountField.mfaBackupCodes,
  clientCodeRequired: accountField.clientCodeRequired,
  status: accountField.status,
};

/** A new PACER account, as the control plane's POST and the seed file give it. */
const pacerInputProperties = {
  username: accountField.username,
  password: pacerFields.password,
  firstName: pacerFields.firstName,
  lastName: pacerFields.lastName,
  ...defaulted(pacerFields, {
    email: '',
    kind: 'individual',
    upgraded: true,
    filer: false,
    mfaSecret: null,
    mfaBackupCodes: [],
    clientCodeRequired: false,
    status: 'active',
  }),
};
/** Unknown fields refused (the control plane); the seed file builds its entries from the same properties. */
export const PacerAccountInput = Type.Object(pacerInputProperties, { additionalProperties: false });
export const SeedPacerAccountInput = Type.Object(pacerInputProperties);
/** After validation every default is there. */
export type PacerAccountInput = Required<Type.Static<typeof PacerAccountInput>>;

/** A change to a PACER account; `locked` sets or clears a lockout. */
export const PacerAccountPatch = patchOf({
  ...pacerFields,
  locked: Type.Boolean({ description: 'true locks the account as LOCKOUT_THRESHOLD failures would; false clears the lock.' }),
});

/** The fields of a CM/ECF account a person may change. */
const ecfFields = {
  password: accountField.password,
  firstName: accountField.name,
  lastName: accountField.name,
  barNumber: accountField.barNumber,
  email: accountField.email,
};
const ecfInputProperties = {
  court: accountField.court,
  login: accountField.login,
  password: ecfFields.password,
  firstName: ecfFields.firstName,
  lastName: ecfFields.lastName,
  ...defaulted(ecfFields, { barNumber: '', email: '' }),
};
export const EcfAccountInput = Type.Object(ecfInputProperties, { additionalProperties: false });
export type EcfAccountInput = Required<Type.Static<typeof EcfAccountInput>>;
/** The seed's CM/ECF accounts may start linked: linkedTo names a PACER username of the seed. */
export const SeedEcfAccountInput = Type.Object({
  ...ecfInputProperties,
  linkedTo: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 64, default: null })),
});

export const EcfAccountPatch = patchOf(ecfFields);

/** The stored form of a validated new PACER account: its password already hashed. */
export function newPacerAccount(input: PacerAccountInput, passwordHash: string, now: number): NewPacerAccount {
  return {
    username: input.username,
    passwordHash,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    kind: input.kind,
    upgraded: input.upgraded,
    filer: input.filer,
    mfaSecret: input.mfaSecret,
    mfaBackupCodes: input.mfaBackupCodes,
    clientCodeRequired: input.clientCodeRequired,
    status: input.status,
    passwordChangedAt: now,
    createdAt: now,
  };
}

/** The stored form of a validated new CM/ECF account, at `court` (the code as the court table has it), not linked. */
export function newEcfAccount(input: EcfAccountInput, court: string, passwordHash: string): NewEcfAccount {
  return {
    court,
    login: input.login,
    passwordHash,
    firstName: input.firstName,
    lastName: input.lastName,
    barNumber: input.barNumber,
    email: input.email,
    linkedPacerAccountId: null,
    linkedAt: null,
  };
}
