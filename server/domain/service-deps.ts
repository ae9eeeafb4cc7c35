import type { JournalRepository } from '../../db/journal-repository.js';

/**
 * What every domain service that writes takes besides the tables it writes (the CredentialDeps
 * pattern: narrow dependencies, never the app): the journal, where every state change is
 * recorded; one SQLite transaction, so its writes are all or nothing; and the time, from the
 * app's clock.
 */
export interface ServiceDeps {
  journal: Pick<JournalRepository, 'add'>;
  transaction: <T>(fn: () => T) => T;
  now: () => number;
}
