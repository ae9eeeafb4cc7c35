import { onTestFinished } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { createRepositories, type Repositories } from '../../db/index.js';
import { BUILT_IN_SEED, createSeeder, loadSeedFile, type Seeder } from '../../seeds/seed.js';

let seeder: Seeder | undefined;

/**
 * Repositories over a fresh in-memory database holding the seed personas, closed when the test
 * finishes: for the unit tests of domain services, which take repositories and no app.
 */
export function freshRepositories(now = 1_000): Repositories {
  // Cheapest hash cost, and hashed once per test file.
  seeder ??= createSeeder(loadSeedFile(BUILT_IN_SEED), 4);
  const db = openDatabase(':memory:');
  onTestFinished(() => {
    db.close();
  });
  const repos = createRepositories(db);
  seeder.seedIfEmpty(repos, now);
  return repos;
}
