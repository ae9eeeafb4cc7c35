import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createFeeService, FEE_LOCK_TEXT } from '../../server/domain/fees.js';
import { STALE_FILING_MS } from '../../server/plugins/filings.js';
import { makeApp, serve } from '../support/app.js';
import { FilingClient, makePdf, optionFor, stepOf, type Answer } from '../support/filing.js';

/**
 * The filing transaction's rules (issue 13; filing-and-reports.md A.0-A.4): only a linked filer
 * of that court files; a filing belongs to the session that started it; no step is skipped; the
 * criminal defendant step; Select the Party This Filing is Against; the bankruptcy court's menus.
 */
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(c: FilingClient, menu: string, category: string, event: string): Promise<Answer> {
  const page = await c.get(`/cgi-bin/DisplayMenu.pl?${menu}`);
  expect(page.body).toContain(`Dispatch.pl?${category}"`);
  return c.next(await c.get(`/cgi-bin/Dispatch.pl?${category}`), { event });
}

describe('who may file', () => {
  it('refuses an account not linked at this court, and every session but the one that started the filing', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const notLinked = FilingClient.forPersona(app, base, 'jattorney');
    const picker = await notLinked.get('/cgi-bin/Dispatch.pl?civmotion');
    expect(picker.status).toBe(403);
    expect(picker.body).toContain('not linked to a CM/ECF filer account here');
    expect(picker.body).toContain('/cgi-bin/login.pl?logout');

    const owner = FilingClient.forPersona(app, base);
    const page = await start(owner, 'CivilEvents', 'civmotion', 'motdismiss');
    expect(stepOf(page)).toBe('case');
    const url = new URL(page.url, base);
    for (const other of [notLinked, FilingClient.forPersona(app, base)]) {
      const seen = await other.get(`${url.pathname}${url.search}`);
      expect(seen.status).toBe(404);
      expect(seen.body).toContain('This filing transaction is not available.');
      expect(seen.body).not.toContain('Alvarez');
    }
    // Nobody posts into it either, not even with its token.
    const posted = await FilingClient.forPersona(app, base).next(page, { case_num: '1:26-cv-20001' });
    expect(posted.status).toBe(404);
    // Files posted without a session, or to a step that takes none, are read and dropped: nothing staged.
    const uploadUrl = `${url.pathname}${url.search}`.replace(/-case$/, '-upload');
    const anonymous = await new FilingClient(base, {}).post(uploadUrl, { token: 'x', file_1: { file: makePdf('x', 2, 3_000_000), name: 'x.pdf' } });
    expect(anonymous.body).toContain('csologin');
    expect(anonymous.body).not.toContain('/cgi-bin/login.pl?logout');
    const wrongStep = await owner.post(`${url.pathname}${url.search}`, { token: 'x', file_1: { file: makePdf('x', 2, 3_000_000), name: 'x.pdf' } });
    expect(wrongStep.status).toBeLessThan(500);
    expect(existsSync(join(app.documents.dir, 'staging'))).toBe(false);
  });

  it('shows the current step for a step not reached yet, and a message page for bad input, never a 5xx', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    const page = await start(c, 'CivilEvents', 'civmotion', 'motdismiss');
    const key = /Filing\.pl\?([0-9a-f]{16})-case/.exec(page.url)?.[1];
    for (const step of ['final', 'upload', 'receipt', 'party']) {
      const skipped = await c.get(`/cgi-bin/Filing.pl?${key}-${step}`);
      expect(skipped.status).toBe(200);
      expect(skipped.body).toContain('id="case_number_text_area_0"');
    }
    const notFound = await c.next(page, { case_num: '1:99-cv-99999' });
    expect(notFound.body).toContain('Cannot find case 1:99-cv-99999');
    const wrongMenu = await c.next(page, { case_num: '1:26-cr-20088' });
    expect(wrongMenu.body).toContain('This event cannot be filed in that case.');
    const expired = await c.post(new URL(page.url, base).pathname + new URL(page.url, base).search, { token: 'forged', case_num: '1:26-cv-20001' });
    expect(expired.body).toContain('This form has expired');
    for (const q of ['zzzz', `${key}-nosuchstep`, `${key}-`, '%00']) expect((await c.get(`/cgi-bin/Filing.pl?${q}`)).status).toBeLessThan(500);
    expect((await c.get('/cgi-bin/Dispatch.pl?nosuchcategory')).status).toBe(404);
    const none = await c.next(await c.get('/cgi-bin/Dispatch.pl?civmotion'), {});
    expect(none.body).toContain('Select at least one event.');
  });
});

describe('the steps some filings have', () => {
  it('a criminal case asks for the defendant, and the docket names the filer', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    let page = await start(c, 'CriminalEvents', 'crnotice', 'crntcappear');
    page = await c.next(page, { case_num: '1:26-cr-20088' });
    expect(stepOf(page)).toBe('defendant');
    const none = await c.next(page, {});
    expect(none.body).toContain('Select at least one defendant.');
    const defendant = /name="defendant" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    page = await c.next(page, { defendant });
    expect(stepOf(page)).toBe('confirm');
    page = await c.next(page);
    page = await c.next(page, { filer: defendant });
    if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${defendant}`]: 'y' });
    page = await c.next(page, { file_1: { file: makePdf('Appearance'), name: 'appearance.pdf' } });
    while (stepOf(page) !== 'final') page = await c.next(page);
    page = await c.next(page);
    expect(stepOf(page)).toBe('receipt');
    const courtCase = app.repos.cases.byNumber('flsd', '1:26-cr-20088');
    const last = app.repos.docketEntries.forCase(courtCase?.id ?? 0).at(-1);
    expect(last?.text).toMatch(/^NOTICE OF ATTORNEY APPEARANCE by /);
  });

  it('an amended complaint asks for the party it is against, and New Filer adds a party at the commit', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    let page = await start(c, 'CivilEvents', 'civcomplaint', 'amdcmp');
    page = await c.next(page, { case_num: '1:26-cv-20001' });
    page = await c.next(page);
    expect(stepOf(page)).toBe('filer');
    // New Filer: a party the case does not have yet.
    let party = await c.get(new URL(page.url.replace(/-filer$/, '-party'), base).pathname + new URL(page.url.replace(/-filer$/, '-party'), base).search);
    expect(party.body).toContain('Add/Create New Party');
    party = await c.next(party, { action: 'search', last_name: 'Alv' });
    expect(party.body).toContain('Alvarez');
    page = await c.next(party, { action: 'create', last_name: 'Intervenor Holdings, LLC', first_name: '', role: 'Intervenor' });
    expect(stepOf(page)).toBe('filer');
    const newParty = optionFor(page.body, 'Intervenor Holdings, LLC');
    expect(Number(newParty)).toBeLessThan(0);
    page = await c.next(page, { filer: newParty });
    expect(stepOf(page)).toBe('association');
    page = await c.next(page, { [`assoc_${newParty}`]: 'y', [`lead_${newParty}`]: 'y', [`notice_${newParty}`]: 'y' });
    expect(stepOf(page)).toBe('against');
    expect(page.body).toContain('Select the Party This Filing is Against');
    const none = await c.next(page, {});
    expect(none.body).toContain('Select the party this filing is against.');
    page = await c.next(page, { against: optionAgainst(page.body, 'Sunshine Marine Supply') });
    page = await c.next(page, { file_1: { file: makePdf('Amended Complaint'), name: 'amended.pdf' } });
    while (stepOf(page) !== 'final') page = await c.next(page);
    expect(page.body).toContain('AMENDED COMPLAINT against Sunshine Marine Supply, LLC filed by Intervenor Holdings, LLC.');
    page = await c.next(page);
    expect(stepOf(page)).toBe('receipt');
    const courtCase = app.repos.cases.byNumber('flsd', '1:26-cv-20001');
    const parties = app.repos.parties.forCase(courtCase?.id ?? 0);
    expect(parties.find((p) => p.name === 'Intervenor Holdings, LLC')?.role).toBe('Intervenor');
    const counsel = app.repos.attorneys.counselOfCase(courtCase?.id ?? 0).find((a) => a.name === 'Robert Linked');
    expect(counsel).toMatchObject({ lead: true, toBeNoticed: true });
  });
});

describe('at the bankruptcy court', () => {
  it('files under Bankruptcy and Adversary, with the court\u2019s own categories', async () => {
    app = await makeApp();
    const { base, port } = await serve(app);
    const c = FilingClient.forPersona(app, base, 'rlinked', `ecf.flsb.uscourts.localhost:${port}`);
    expect((await c.get('/cgi-bin/DisplayMenu.pl?CivilEvents')).status).toBe(404);
    const adversary = await c.get('/cgi-bin/DisplayMenu.pl?AdversaryEvents');
    expect(adversary.body).toContain('Dispatch.pl?apmotion"');
    let page = await start(c, 'BankruptcyEvents', 'bknotice', 'bkntcappear');
    // An adversary proceeding is not filed under Bankruptcy.
    const wrong = await c.next(page, { case_num: '1:26-ap-01045' });
    expect(wrong.body).toContain('This event cannot be filed in that case.');
    page = await c.next(page, { case_num: '1:26-bk-10234' });
    page = await c.next(page);
    page = await c.next(page, { filer: optionFor(page.body, 'Coral Gables Bakery') });
    if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${/name="assoc_(-?\d+)"/.exec(page.body)?.[1]}`]: 'y' });
    page = await c.next(page, { file_1: { file: makePdf('Appearance'), name: 'NOA_001.pdf' } });
    while (stepOf(page) !== 'final') page = await c.next(page);
    expect(page.body).toContain('Notice of Appearance and Request for Service Filed by Debtor Coral Gables Bakery Group, LLC.');
    page = await c.next(page);
    expect(stepOf(page)).toBe('receipt');
    // The notice in the bankruptcy court's own wording and stamp.
    expect(page.body).toContain('U.S. Bankruptcy Court');
    expect(page.body).toMatch(/The following transaction was received from Robert Linked entered on \d{1,2}\/\d{1,2}\/\d{4} at/);
    expect(page.body).toMatch(/\[STAMP bkecfStamp_ID=\d+ \[Date=\d{1,2}\/\d{1,2}\/\d{4}\] \[FileNumber=\d+-0\] \[[0-9a-f]{128}\]\]/);
    expect(page.body).not.toContain('dcecfStamp_ID');

    // Bankruptcy courts ask "Refer to existing event(s)?" where district courts ask about linking.
    page = await start(c, 'BankruptcyEvents', 'bkmotion', 'bkexttime');
    page = await c.next(page, { case_num: '1:26-bk-10234' });
    page = await c.next(page);
    page = await c.next(page, { filer: optionFor(page.body, 'Coral Gables Bakery') });
    page = await c.next(page, { file_1: { file: makePdf('Motion'), name: 'motion.pdf' } });
    expect(stepOf(page)).toBe('link');
    expect(page.body).toContain('Refer to existing event(s)?');
    page = await c.next(page, { link: 'yes' });
    expect(stepOf(page)).toBe('refer');
  });
});

function optionAgainst(html: string, name: string): string {
  for (const m of html.matchAll(/name="against" value="(\d+)"[^>]*> ([^<[]*)/g)) if ((m[2] ?? '').includes(name)) return m[1] as string;
  throw new Error(`no party ${name}`);
}

describe('the state of a filing over time', () => {
  it('Back then Next walks the later steps again, prefilled; a stale filing is swept with its files', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    let page = await start(c, 'CivilEvents', 'civmotion', 'motdismiss');
    const casePage = page;
    page = await c.next(page, { case_num: '1:26-cv-20001' });
    page = await c.next(page);
    const filerPage = page;
    page = await c.next(page, { filer: optionFor(page.body, 'Carmen Alvarez') });
    if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${/name="assoc_(-?\d+)"/.exec(page.body)?.[1]}`]: 'y' });
    page = await c.next(page, { file_1: { file: makePdf(), name: 'm.pdf' } });
    expect(stepOf(page)).toBe('link');
    // Back to Select the Filer, another party: the later steps are walked again.
    page = await c.next(filerPage, { filer: optionFor(filerPage.body, 'Sunshine Marine Supply') });
    expect(stepOf(page)).toBe('association');
    // Back to the case: another case starts the later steps over.
    page = await c.next(casePage, { case_num: '1:26-cv-20417' });
    expect(stepOf(page)).toBe('confirm');
    expect(page.body).toContain('Brightwater Condominium Association');

    const staged = () => readdirSync(join(app?.documents.dir ?? '', 'staging'), { recursive: true }).filter((n) => String(n).endsWith('.pdf'));
    expect(staged()).toHaveLength(1);
    app.clock.advance(5 * 3600);
    expect(await app.filings.sweepStale(STALE_FILING_MS)).toBe(1);
    expect(staged()).toEqual([]);
    expect((await c.next(page)).body).toContain('This filing transaction was abandoned.');
  });

  it('refuses to start a filing while a fee from an earlier day is unpaid', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const account = app.repos.pacerAccounts.byUsername('rlinked');
    const courtCase = app.repos.cases.byNumber('flsd', '1:26-cv-20001');
    if (!account || !courtCase) throw new Error('no data');
    const court = app.repos.courts.byCode('flsd');
    if (!court) throw new Error('no court');
    createFeeService({ repos: app.repos, clock: app.clock }).charge({
      court, pacerAccountId: account.id, ecfAccountId: 0, caseId: courtCase.id, docNumber: 1, filingId: 0, fee: { cents: 60500, label: 'Notice of Appeal' }, paid: false, at: app.clock.now(),
    });
    app.clock.advance(2 * 86_400);
    // A session of the new day (the old one would have expired).
    const c = FilingClient.forPersona(app, base);
    const refused = await c.next(await c.get('/cgi-bin/Dispatch.pl?civmotion'), { event: 'motdismiss' });
    expect(refused.body).toContain(FEE_LOCK_TEXT);
    expect(app.repos.filings.list({ court: 'flsd' })).toEqual([]);
  });
});
