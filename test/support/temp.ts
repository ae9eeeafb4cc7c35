import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A fresh folder for one test's files (database, seed, CSV), removed when the test finishes. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mock-pacer-${prefix}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A seed file (SEED_FILE) holding `seed` as JSON, named `name` in a fresh tempDir. */
export function tempSeedFile(name: string, seed: unknown): { dir: string; file: string } {
  const dir = tempDir('seed');
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(seed));
  return { dir, file };
}
