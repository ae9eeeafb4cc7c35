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
const EMAIL = '^[^@\\s]+@[^@\\s]+$';
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
  notice: Type.Optional(
    Type.Object(
      {
        header: Type.Optional(Type.Tuple([nonBlank(200), nonBlank(200)], { description: 'the two centred lines, e.g. ["U.S. District Court", "Southern District of New York"]' })),
        sender: Type.Optional(Type.String({ pattern: EMAIL, maxLength: 200, description: "the notices' From address" })),
        courtMail: Type.Optional(Type.String({ pattern: EMAIL, maxLength: 200, description: "the notices' To address (recipients are Bcc)" })),
        stampId: Type.Optional(Type.String({ pattern: '^\\d{6,12}$', description: 'the stamp id, digits (e.g. 1008691343)' })),
        timeZone: Type.Optional(Type.String({ pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$', maxLength: 60, description: 'an IANA time zone, e.g. America/New_York' })),
        filerFreeLook: Type.Optional(Type.Boolean({ description: "whether the filer's own notice carries a free look" })),
      },
      { default: {}, description: "what the court's Notices of Electronic Filing say (docs/nef.md)" },
    ),
  ),
});

export const SeedDocument = Type.Object({
  courts: Type.Array(SeedCourtInput, { minItems: 1, description: 'a list of at least one court' }),
  pacerAccounts: Type.Optional(Type.Array(SeedPacerAccountInput, { default: [] })),
  ecfAccounts: Type.Optional(Type.Array(SeedEcfAccountInput, { default: [] })),
  cases: Type.Optional(Type.Array(SeedCaseInput, { default: [] })),
  // Absent: each court gets the built-in catalogue of its kind (seed.ts).
  filingEvents: Type.Optional(Type.Array(SeedFilingCatalog, { maxItems: 100 })),
});
