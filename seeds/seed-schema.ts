import * as Type from 'typebox';
import { nonBlank, SeedEcfAccountInput, SeedPacerAccountInput } from '../server/domain/account-fields.js';
import { SeedCaseInput } from '../server/domain/case-fields.js';
import { SeedFilingCatalog } from '../server/domain/filing-events.js';

/**
 * The seed file's JSON Schema (its rules per field), apart from seed.ts so that the build
 * (scripts/bundle.mjs) can compile it ahead of time without the paths of a checkout: this module
 * reads no files.
 */
export const COURT_KINDS = ['district', 'bankruptcy'] as const;
export const PDF_DELIVERIES = ['inline', 'iframe'] as const;
const SeedCourtInput = Type.Object({
  code: Type.String({ pattern: '^[a-z]{2,8}$', description: '2-8 lower-case letters (the CM/ECF host code)' }),
  name: nonBlank(200),
  kind: Type.Optional(Type.Unsafe<(typeof COURT_KINDS)[number]>({ type: 'string', enum: [...COURT_KINDS], default: 'district' })),
  pscCourtId: Type.Optional(Type.String({ pattern: '^[A-Z]{3,10}$', description: 'upper-case letters' })),
  title: Type.Optional(nonBlank(200)),
  docPrefix: Type.Optional(Type.String({ pattern: '^\\d{3}$', description: "three digits (default: the court's national prefix, e.g. flsd 051)" })),
  officeNames: Type.Optional(
    Type.Record(Type.String({ pattern: '^\\d$' }), Type.String({ maxLength: 60 }), {
      default: {},
      description: 'an object from office digits to division names, e.g. {"1": "Miami"}',
    }),
  ),
  pdfDelivery: Type.Optional(Type.Unsafe<(typeof PDF_DELIVERIES)[number]>({ type: 'string', enum: [...PDF_DELIVERIES], default: 'inline' })),
  bodyBgcolor: Type.Optional(Type.String({ pattern: '^[0-9A-Fa-f]{6}$', default: 'E0FFFF', description: 'six hex digits, e.g. E0FFFF' })),
});

export const SeedDocument = Type.Object({
  courts: Type.Array(SeedCourtInput, { minItems: 1, description: 'a list of at least one court' }),
  pacerAccounts: Type.Optional(Type.Array(SeedPacerAccountInput, { default: [] })),
  ecfAccounts: Type.Optional(Type.Array(SeedEcfAccountInput, { default: [] })),
  cases: Type.Optional(Type.Array(SeedCaseInput, { default: [] })),
  // Absent: each court gets the built-in catalogue of its kind (seed.ts).
  filingEvents: Type.Optional(Type.Array(SeedFilingCatalog, { maxItems: 100 })),
});
