import { describe, expect, it } from 'vitest';
import { createBillingService, type BillingDeps, type Charge } from '../../server/domain/billing.js';
import { freshRepositories } from '../support/repos.js';

const NOW = Date.UTC(2026, 2, 10, 15, 0);

function setUp(journal?: BillingDeps['journal']) {
  const repos = freshRepositories();
  const id = repos.pacerAccounts.byUsername('paauser')?.id ?? -1;
  const billing = createBillingService({ billing: repos.billing, journal: journal ?? repos.journal, transaction: repos.transaction, now: () => NOW });
  const charge: Charge = { pacerAccountId: id, username: 'paauser', court: 'flsd', clientCode: 'matter-7', host: 'ecf.flsd.uscourts.gov', description: 'Search', criteria: 'Name: Smith', pages: 3, costCents: 30 };
  return { repos, billing, charge, id };
}

describe('the billing service', () => {
  it('records the transaction under the client code and journals it, returning when it was billed', () => {
    const { repos, billing, charge, id } = setUp();
    expect(billing.charge(charge)).toBe(NOW);
    expect(repos.billing.between(id, 0, NOW + 1)).toEqual([
      expect.objectContaining({ court: 'flsd', at: NOW, description: 'Search', searchCriteria: 'Name: Smith', pages: 3, costCents: 30, clientCode: 'matter-7' }),
    ]);
    expect(repos.journal.list({ action: 'billing' })).toEqual([
      expect.objectContaining({ at: NOW, actor: 'paauser', host: 'ecf.flsd.uscourts.gov', outcome: 'charged', detail: 'court=flsd Search: 3 page(s), 0.30, client code matter-7' }),
    ]);
  });

  it('leaves no billing row when the journal entry cannot be written (one transaction)', () => {
    const { repos, billing, charge, id } = setUp({
      add: () => {
        throw new Error('disk full');
      },
    });
    expect(() => billing.charge(charge)).toThrow('disk full');
    expect(repos.billing.between(id, 0, NOW + 1)).toEqual([]);
  });
});
