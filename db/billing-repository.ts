import type { DB } from './database.js';

/** One billed transaction (a search, a report, a document), in whole cents. */
export interface BillingRow {
  id: number;
  pacerAccountId: number;
  court: string;
  at: number;
  description: string;
  searchCriteria: string;
  pages: number;
  costCents: number;
  clientCode: string;
}

interface Row {
  id: number;
  pacer_account_id: number;
  court: string;
  at: number;
  description: string;
  search_criteria: string;
  pages: number;
  cost_cents: number;
  client_code: string;
}

const toBilling = (r: Row): BillingRow => ({
  id: r.id,
  pacerAccountId: r.pacer_account_id,
  court: r.court,
  at: r.at,
  description: r.description,
  searchCriteria: r.search_criteria,
  pages: r.pages,
  costCents: r.cost_cents,
  clientCode: r.client_code,
});

export function createBillingRepository(db: DB) {
  const insert = db.prepare<[number, string, number, string, string, number, number, string]>(
    `INSERT INTO billing (pacer_account_id, court, at, description, search_criteria, pages, cost_cents, client_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // `at` in [from, to): callers pass whole days.
  const between = db.prepare<[number, number, number], Row>(
    'SELECT * FROM billing WHERE pacer_account_id = ? AND at >= ? AND at < ? ORDER BY at, id',
  );
  const clear = db.prepare('DELETE FROM billing');
  return {
    /** Every bill (the seeder's reset). */
    clear: () => clear.run().changes,
    add: (b: Omit<BillingRow, 'id'>): number =>
      Number(insert.run(b.pacerAccountId, b.court, b.at, b.description, b.searchCriteria, b.pages, b.costCents, b.clientCode).lastInsertRowid),
    /** Every court's transactions of one account, from `from` up to (not including) `to`, oldest first. */
    between: (pacerAccountId: number, from: number, to: number): BillingRow[] => between.all(pacerAccountId, from, to).map(toBilling),
  };
}
export type BillingRepository = ReturnType<typeof createBillingRepository>;
