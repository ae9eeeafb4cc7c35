import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout (or image) root: the nearest folder above this file holding package.json.
 * The same code runs from server/ under tsx and vitest and from dist/server/ when compiled,
 * so paths to views/, db/migrations/ and seeds/ are resolved from here, not from import.meta.url.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'views'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('mock-pacer: cannot find the project root (package.json beside views/)');
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const VIEWS_DIR = join(PROJECT_ROOT, 'views');
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'db', 'migrations');
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
