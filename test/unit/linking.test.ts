import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../db/index.js';
import { LINK_TEXT } from '../../server/domain/link-rules.js';
import { createLinkingService, type LinkingDeps } from '../../server/domain/linking.js';
import { freshRepositories } from '../support/repos.js';

const NOW = 1_700_000_000_000;

function setUp(overrides: (repos: Repositories) => Partial<LinkingDeps> = () => ({})) {
  const repos = freshRepositories();
  const deps: LinkingDeps = { ecfAccounts: repos.ecfAccounts, pacerAccounts: repos.pacerAccounts, outbox: repos.outbox, journal: repos.journal, transaction: repos.transaction, now: () => NOW, ...overrides(repos) };
  const court = repos.courts.byCode('flsd');
  const account = repos.pacerAccounts.byUsername('jattorney');
  if (!court || !account) throw new Error('seed personas missing');
  const ecfId = (login: string, at = 'flsd') => repos.ecfAccounts.byLogin(at, login)?.id ?? -1;
  return { repos, linking: createLinkingService(deps), court, account, ecfId };
}

/** What a confirmation leaves behind: links, notices and journal entries of the link journey. */
const traces = (repos: Repositories) => ({
  links: ['attytest4', 'mg102030'].filter((l) => (repos.ecfAccounts.byLogin('flsd', l)?.linkedPacerAccountId ?? null) !== null),
  emails: repos.outbox.list().length,
  journal: repos.journal.list({ action: 'link' }).length,
});

describe('the linking service', () => {
  it('links, sends the notice and journals it, all at the same time', () => {
    const { repos, linking, court, account, ecfId } = setUp();
    const result = linking.confirm({ court, account, ecfId: ecfId('attytest4'), host: 'ecf.flsd.uscourts.gov' });
    expect(result).toMatchObject({ ok: true, ecf: { login: 'attytest4' } });
    expect(repos.ecfAccounts.linkedTo('flsd', account.id)).toMatchObject({ login: 'attytest4', linkedAt: NOW });
    const [email] = repos.outbox.list();
    expect(email).toMatchObject({ at: NOW, to: 'jattorney@example.com', subject: 'CM/ECF account linked: ' + court.name });
    expect(email?.body).toContain('The CM/ECF account attytest4 (John Attorney)');
    expect(repos.journal.list({ action: 'link' })).toEqual([
      expect.objectContaining({ at: NOW, actor: 'jattorney', host: 'ecf.flsd.uscourts.gov', outcome: 'linked', detail: 'court=flsd login="attytest4"' }),
    ]);
  });

  it('refuses a second link at the same court and leaves neither link, nor e-mail, nor journal entry', () => {
    const { repos, linking, court, account, ecfId } = setUp();
    expect(linking.confirm({ court, account, ecfId: ecfId('attytest4'), host: 'h' }).ok).toBe(true);
    const before = traces(repos);

    expect(linking.confirm({ court, account, ecfId: ecfId('mg102030'), host: 'h' })).toEqual({ ok: false, text: LINK_TEXT.alreadyLinkedHere });
    expect(traces(repos)).toEqual(before);
    expect(before).toEqual({ links: ['attytest4'], emails: 1, journal: 1 });
  });

  it.each([
    ['a CM/ECF account linked to someone else', 'rl300400', 'flsd', LINK_TEXT.ecfAlreadyLinked],
    ["another court's CM/ECF account", 'ja512584', 'nysd', LINK_TEXT.invalid],
    ['an account that does not exist', 'nobody', 'flsd', LINK_TEXT.invalid],
  ])('refuses %s, writing nothing', (_what, login, at, text) => {
    const { repos, linking, court, account, ecfId } = setUp();
    expect(linking.confirm({ court, account, ecfId: ecfId(login, at), host: 'h' })).toEqual({ ok: false, text });
    expect(traces(repos)).toEqual({ links: [], emails: 0, journal: 0 });
  });

  it('is all or nothing: when the notice cannot be written, the link is not made', () => {
    const { repos, linking, court, account, ecfId } = setUp(() => ({
      outbox: {
        add: () => {
          throw new Error('disk full');
        },
      },
    }));
    expect(() => linking.confirm({ court, account, ecfId: ecfId('attytest4'), host: 'h' })).toThrow('disk full');
    expect(traces(repos)).toEqual({ links: [], emails: 0, journal: 0 });
  });

  it('answers "already linked here" when a racing confirmation linked this account first', () => {
    // The racing confirmation's link lands between this one's check and its write: the check
    // saw nothing, and the UNIQUE (court, linked account) index refuses the second link.
    const { repos, linking, court, account, ecfId } = setUp((r) => ({ ecfAccounts: { ...r.ecfAccounts, linkedTo: () => undefined } }));
    expect(linking.confirm({ court, account, ecfId: ecfId('attytest4'), host: 'h' }).ok).toBe(true);
    expect(linking.confirm({ court, account, ecfId: ecfId('mg102030'), host: 'h' })).toEqual({ ok: false, text: LINK_TEXT.alreadyLinkedHere });
    expect(traces(repos)).toEqual({ links: ['attytest4'], emails: 1, journal: 1 });
  });
});
