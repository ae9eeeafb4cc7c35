import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SEED, SeedDocument } from '../../seeds/seed.js';
import { compileStandalone, firstProblem, schemaChecker, type SchemaLike } from '../../server/domain/json-validation.js';

/**
 * The bundle validates the seed with code ajv generated at build time (scripts/bundle.mjs); the
 * tests and `npm run dev` compile the same schema at run time. Both must accept, fill in and refuse
 * alike, or the image would start on seeds the tests refuse (and the reverse).
 */
let dir: string;
let precompiled: ValidateFunction;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mock-pacer-seed-validator-'));
  const file = join(dir, 'seed-validator.mjs');
  // The bundle gives its modules a require() (its banner); the generated code calls ajv's runtime helpers through it.
  const banner = "import { createRequire } from 'node:module'; const require = createRequire(" + JSON.stringify(pathToFileURL(join(process.cwd(), 'package.json')).href) + ');\n';
  writeFileSync(file, banner + compileStandalone(SeedDocument, 'precompiledSeedValidator'));
  precompiled = ((await import(pathToFileURL(file).href)) as { precompiledSeedValidator: ValidateFunction }).precompiledSeedValidator;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COURTS = [{ code: 'flsd', name: 'Southern District of Florida' }];
const documents: [string, unknown][] = [
  ['the built-in seed', JSON.parse(readFileSync(BUILT_IN_SEED, 'utf8'))],
  ['a bad status', { courts: COURTS, pacerAccounts: [{ username: 'a1', password: 'p', firstName: 'A', lastName: 'B', status: 'sleeping' }] }],
  ['a long name', { courts: COURTS, pacerAccounts: [{ username: 'a1', password: 'p', firstName: 'A'.repeat(101), lastName: 'B' }] }],
  ['an unknown field', { courts: COURTS, ecfAccounts: [{ court: 'flsd', login: 'x', password: 'p', firstName: 'A', lastName: 'B', badge: 1 }] }],
  ['a day that is not one', { courts: COURTS, cases: [{ court: 'flsd', number: '1:26-cv-20001', title: 'A v. B', filed: '2026-02-30', parties: [{ lastName: 'A', role: 'Plaintiff' }] }] }],
  ['no courts', { courts: [] }],
];

describe('the seed validator compiled ahead of time', () => {
  it.each(documents)('agrees with the run-time one on %s', (_name, doc) => {
    const atRunTime = structuredClone(doc);
    const ahead = structuredClone(doc);
    const runtime = schemaChecker(SeedDocument)(atRunTime);
    const ok = precompiled(ahead);
    expect(ok).toBe(runtime.ok);
    if (runtime.ok) {
      // The same defaults filled in.
      expect(ahead).toEqual(atRunTime);
    } else {
      expect(firstProblem(SeedDocument as unknown as SchemaLike, ahead, precompiled.errors ?? [])).toEqual(runtime.problem);
    }
  });
});
