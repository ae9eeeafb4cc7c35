import type { ValidateFunction } from 'ajv';

/**
 * The seed document's validator, compiled ahead of time. Here (tsx, tests, dist/ unbundled)
 * there is none, and seed.ts compiles the schema on first use; `npm run build`
 * (scripts/bundle.mjs) replaces this module in the bundle with the code ajv generates for the same
 * schema and options (compileStandalone in server/domain/json-validation.ts), because compiling it
 * was most of the time a fresh start took before its first answer.
 */
export const precompiledSeedValidator: ValidateFunction | undefined = undefined;
