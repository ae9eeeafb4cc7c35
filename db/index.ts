import { dataGeneration, type DB } from './database.js';
import { createAttorneysRepository } from './attorneys-repository.js';
import { createBillingRepository } from './billing-repository.js';
import { createCasesRepository } from './cases-repository.js';
import { createClassesRepository } from './classes-repository.js';
import { createCourtsRepository } from './courts-repository.js';
import { createDocketEntriesRepository } from './docket-entries-repository.js';
import { createDocumentsRepository } from './documents-repository.js';
import { createEcfAccountsRepository } from './ecf-accounts-repository.js';
import { createFilerAssociationsRepository } from './filer-associations-repository.js';
import { createFilingCatalogRepository } from './filing-catalog-repository.js';
import { createFilingsRepository } from './filings-repository.js';
import { createFeesRepository } from './fees-repository.js';
import { createFreeLooksRepository } from './free-looks-repository.js';
import { createJournalRepository } from './journal-repository.js';
import { createMetaRepository } from './meta-repository.js';
import { createNefsRepository } from './nefs-repository.js';
import { createOutboxRepository } from './outbox-repository.js';
import { createPacerAccountsRepository } from './pacer-accounts-repository.js';
import { createPartiesRepository } from './parties-repository.js';
import { createSessionsRepository } from './sessions-repository.js';

/**
 * Every repository over one database handle; statements are prepared once, here. The handle
 * itself is not handed out: SQL stays in db/, and multi-step writes go through `transaction`.
 */
export function createRepositories(db: DB) {
  return {
    /** Runs `fn` in one SQLite transaction (nested calls become savepoints); services own their writes through this. */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    /** The data generation (db/database.ts): moves on every write to courts and court records, so a cache of what they render keys on it. */
    generation: (): number => dataGeneration(db),
    courts: createCourtsRepository(db),
    pacerAccounts: createPacerAccountsRepository(db),
    ecfAccounts: createEcfAccountsRepository(db),
    sessions: createSessionsRepository(db),
    journal: createJournalRepository(db),
    outbox: createOutboxRepository(db),
    billing: createBillingRepository(db),
    // Court records (issue 12): a case, its parties and their counsel, its docket, the documents and free looks.
    cases: createCasesRepository(db),
    parties: createPartiesRepository(db),
    attorneys: createAttorneysRepository(db),
    docketEntries: createDocketEntriesRepository(db),
    documents: createDocumentsRepository(db),
    freeLooks: createFreeLooksRepository(db),
    // E-filing (issue 13): the courts' event catalogues, the filing transactions, filer-party associations.
    filingCatalog: createFilingCatalogRepository(db),
    filings: createFilingsRepository(db),
    filerAssociations: createFilerAssociationsRepository(db),
    // Issue 13: the Notices of Electronic Filing issued, and filing fees.
    nefs: createNefsRepository(db),
    fees: createFeesRepository(db),
    classes: createClassesRepository(db),
    meta: createMetaRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
