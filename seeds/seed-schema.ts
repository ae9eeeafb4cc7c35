import * as Type from 'typebox';
import { nonBlank, SeedEcfAccountInput, SeedPacerAccountInput } from '../server/domain/account-fields.js';
import { SeedCaseInput } from './seed-cases.js';

/**
 * The seed file's JSON Schema (its rules per field), apart from seed.ts so that the build
 * (scripts/bundle.mjs) can compile it ahead of time without the paths of a checkout: this module
 * reads no files.
 */
export const COURT_KINDS = ['district', 'bankruptcy'] as const;
const SeedCourtInput = Type.Object({
  code: Type.String({ pattern: '^[a-z]{2,8}$', description: '2-8 lower-case letters (the CM/ECF host code)' }),
  name: nonBlank(200),
  kind: Type.Optional(Type.Unsafe<(typeof COURT_KINDS)[number]>({ type: 'string', enum: [...COURT_KINDS], default: 'district' })),
  pscCourtId: Type.Optional(Type.String({ pattern: '^[A-Z]{3,10}$', description: 'upper-case letters' })),
  title: Type.Optional(nonBlank(200)),
});

export const SeedDocument = Type.Object({
  courts: Type.Array(SeedCourtInput, { minItems: 1, description: 'a list of at least one court' }),
  pacerAccounts: Type.Optional(Type.Array(SeedPacerAccountInput, { default: [] })),
  ecfAccounts: Type.Optional(Type.Array(SeedEcfAccountInput, { default: [] })),
  cases: Type.Optional(Type.Array(SeedCaseInput, { default: [] })),
});
