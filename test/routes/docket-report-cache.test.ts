import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.js';
import { parsed, receiptOf } from '../support/captured.js';
import { sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { postDocketReport, readDocket } from '../support/docket-report.js';

/**
 * The docket report's cache (app.docketReports, REPORT_CACHE_MB): the same request is answered
 * from it byte for byte, but never with a report older than the rows (a write through the
 * repositories or the control plane, a reset that reuses the same ids), never with another host's
 * links, and never with another session's menu bar or receipt.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const FLSD = 'ecf.flsd.uscourts.gov';

/** The page without what changes between two requests of one session: the receipt's time. */
const timeless = (html: string) => html.replace(/(<TD COLSPAN=4 ALIGN=CENTER><FONT SIZE=-1 COLOR=DARKBLUE>)[^<]*/, '$1');

const docket = (html: string) => {
  const d = readDocket(html, { bankruptcy: false });
  if (!d) throw new Error('not a docket');
  return d;
};

async function admin(method: 'POST' | 'DELETE', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, headers: { host: 'localhost' }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: r.statusCode, body: r.body ? r.json<Record<string, any>>() : null };
}

/** A small case added through the control plane; `title` and `text` tell two versions apart. */
const smallCase = (title: string, text: string) => ({
  court: 'flsd',
  number: '1:26-cv-24680',
  title,
  judge: 'Judge Marguerite A. Thornbury',
  filed: '2026-05-04',
  parties: [{ role: 'Plaintiff', lastName: 'Quintero', firstName: 'Ana' }, { role: 'Defendant', lastName: 'Bayfront Tours, LLC' }],
  entries: [{ number: 1, filed: '2026-05-04', text, filer: 'Ruiz, Pedro', pages: 3 }],
});

describe('the docket report cache', () => {
  it('answers the same request again from the cache, byte for byte but for the receipt time, and bills it again', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:24-cv-21555');
    const cookies = sessionCookies(app, 'researcher', 'matter-1');
    const first = await postDocketReport(app, c.pacerCaseId, cookies, {}, FLSD);
    const before = app.docketReports.stats();
    const second = await postDocketReport(app, c.pacerCaseId, cookies, {}, FLSD);
    expect(app.docketReports.stats()).toMatchObject({ hits: before.hits + 1, misses: before.misses, entries: 1 });
    expect(timeless(second.body)).toBe(timeless(first.body));
    expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)));
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    const account = app.repos.pacerAccounts.byUsername('researcher');
    expect(app.repos.billing.between(account?.id ?? 0, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(2);
  });

  it('never serves a report older than the rows: an entry added through the repositories shows at once', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const cookies = sessionCookies(app);
    const before = docket((await postDocketReport(app, c.pacerCaseId, cookies)).body);
    // The same request again is a hit: the next one must not be, once the docket has changed.
    await postDocketReport(app, c.pacerCaseId, cookies);
    app.repos.transaction(() =>
      app.repos.docketEntries.insert({
        caseId: c.id,
        seq: app.repos.docketEntries.maxSeq(c.id) + 1,
        docNumber: null,
        filedOn: '2026-06-30',
        enteredOn: '2026-06-30',
        text: 'PAPERLESS ORDER resetting the Calendar Call.',
        filer: 'mtk',
        kind: '',
        shortDescription: '',
        restricted: false,
        sealed: false,
      }),
    );
    const after = docket((await postDocketReport(app, c.pacerCaseId, cookies)).body);
    expect(after.docket_entries).toHaveLength(before.docket_entries.length + 1);
    expect(after.docket_entries.at(-1)?.description).toBe('PAPERLESS ORDER resetting the Calendar Call. (mtk) (Entered: 06/30/2026)');
  });

  it('never serves a deleted case: the control plane deletes it and adds another under the same ids', async () => {
    app = await makeApp();
    const added = await admin('POST', '/__admin/cases', smallCase('Quintero v. Bayfront Tours, LLC', 'COMPLAINT against Bayfront Tours, LLC.'));
    expect(added.status).toBe(201);
    const id = added.body?.pacerCaseId as number;
    const row = app.repos.cases.byPacerId('flsd', id)?.id;
    const cookies = sessionCookies(app);
    expect(docket((await postDocketReport(app, id, cookies)).body).case_name).toBe('Quintero v. Bayfront Tours, LLC');

    expect((await admin('DELETE', `/__admin/cases/${id}?court=flsd`)).status).toBe(204);
    const again = await admin('POST', '/__admin/cases', { ...smallCase('Quintero v. Harbor Tours, Inc.', 'AMENDED COMPLAINT against Harbor Tours, Inc.'), pacerCaseId: id });
    expect(again.status).toBe(201);
    // The same court, PACER case id and row id: only the data generation tells the two apart.
    expect(app.repos.cases.byPacerId('flsd', id)?.id).toBe(row);
    const d = docket((await postDocketReport(app, id, cookies)).body);
    expect(d.case_name).toBe('Quintero v. Harbor Tours, Inc.');
    expect(d.docket_entries[0]?.description).toMatch(/^AMENDED COMPLAINT against Harbor Tours, Inc\./);
  });

  it('never serves a report from before a reset, when a case added after it reuses the same ids', async () => {
    app = await makeApp();
    const first = await admin('POST', '/__admin/cases', smallCase('Quintero v. Bayfront Tours, LLC', 'COMPLAINT against Bayfront Tours, LLC.'));
    const id = first.body?.pacerCaseId as number;
    const row = app.repos.cases.byPacerId('flsd', id)?.id;
    expect(docket((await postDocketReport(app, id, sessionCookies(app))).body).case_name).toBe('Quintero v. Bayfront Tours, LLC');

    expect((await admin('POST', '/__admin/reset')).status).toBe(200);
    const second = await admin('POST', '/__admin/cases', smallCase('Quintero v. Harbor Tours, Inc.', 'AMENDED COMPLAINT against Harbor Tours, Inc.'));
    expect(second.body?.pacerCaseId).toBe(id);
    expect(app.repos.cases.byPacerId('flsd', id)?.id).toBe(row);
    const d = docket((await postDocketReport(app, id, sessionCookies(app))).body);
    expect(d.case_name).toBe('Quintero v. Harbor Tours, Inc.');
    expect(d.docket_entries[0]?.description).toMatch(/^AMENDED COMPLAINT/);
  });

  it("gives each host origin its own links: a report asked at one host never carries another's", async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const cookies = sessionCookies(app);
    const links = (html: string) =>
      parsed(html)('a[href*="/doc1/"]')
        .map((_i, a) => parsed(html)(a).attr('href'))
        .get();
    for (const [host, origin] of [
      [FLSD, `http://${FLSD}`],
      ['localhost', 'http://localhost'],
      [`${FLSD}:8080`, `http://${FLSD}:8080`],
      [FLSD, `http://${FLSD}`],
    ] as const) {
      const res = await postDocketReport(app, c.pacerCaseId, cookies, {}, host);
      const hrefs = links(res.body);
      expect(hrefs.length).toBeGreaterThan(5);
      expect(hrefs.every((h) => h.startsWith(`${origin}/doc1/`))).toBe(true);
    }
    // Three origins, three reports kept; the fourth request was the first one's.
    expect(app.docketReports.stats()).toMatchObject({ entries: 3, hits: 1 });
  });

  it('gives every session its own menu bar and receipt: login, client code, and the billing row', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const research = await postDocketReport(app, c.pacerCaseId, sessionCookies(app, 'researcher', 'alpha-7'));
    const filer = await postDocketReport(app, c.pacerCaseId, sessionCookies(app, 'rlinked', 'beta-9'));
    expect(app.docketReports.stats()).toMatchObject({ entries: 1, hits: 1 });
    expect(receiptOf(parsed(research.body))).toMatchObject({ 'PACER Login': 'researcher', 'Client Code': 'alpha-7' });
    expect(receiptOf(parsed(filer.body))).toMatchObject({ 'PACER Login': 'rlinked', 'Client Code': 'beta-9' });
    // rlinked's PACER account is linked to a CM/ECF filer at FLSD: the filer's menu, not the researcher's.
    expect(filer.body).toContain('DisplayMenu.pl?CivilEvents');
    expect(research.body).not.toContain('DisplayMenu.pl?CivilEvents');
    expect(docket(filer.body)).toEqual(docket(research.body));
    for (const [username, clientCode] of [
      ['researcher', 'alpha-7'],
      ['rlinked', 'beta-9'],
    ] as const) {
      const rows = app.repos.billing.between(app.repos.pacerAccounts.byUsername(username)?.id ?? 0, 0, Number.MAX_SAFE_INTEGER);
      expect(rows.map((b) => [b.description, b.clientCode])).toEqual([['Docket Report', clientCode]]);
    }
  });

  it('keeps a report per set of options: sort, ranges, parties, View multiple documents', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const cookies = sessionCookies(app);
    const plain = await postDocketReport(app, c.pacerCaseId, cookies);
    const multi = await postDocketReport(app, c.pacerCaseId, cookies, { view_multi_docs: 'on' });
    const newest = await postDocketReport(app, c.pacerCaseId, cookies, { sort1: 'most recent date first' });
    const ranged = await postDocketReport(app, c.pacerCaseId, cookies, { documents_numbered_from_: '2', documents_numbered_to_: '3' });
    const bare = await postDocketReport(app, c.pacerCaseId, cookies, { list_of_parties_and_counsel: '', terminated_parties: '' });
    expect(app.docketReports.stats()).toMatchObject({ entries: 5, hits: 0 });
    expect(plain.body).not.toContain('View Selected');
    expect(multi.body).toContain('View Selected');
    const numbers = (html: string) => docket(html).docket_entries.map((e) => e.document_number);
    expect(numbers(newest.body)).toEqual([...numbers(plain.body)].reverse());
    expect(numbers(ranged.body)).toEqual(['2', '3']);
    expect(docket(bare.body).parties).toEqual([]);
  });

  it('with REPORT_CACHE_MB=0 keeps nothing and answers the same pages', async () => {
    app = await makeApp({ reportCacheMb: 0 });
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const cookies = sessionCookies(app);
    const first = await postDocketReport(app, c.pacerCaseId, cookies);
    const second = await postDocketReport(app, c.pacerCaseId, cookies);
    expect(app.docketReports.stats()).toMatchObject({ entries: 0, bytes: 0, hits: 0, misses: 2 });
    expect(timeless(second.body)).toBe(timeless(first.body));
  });
});
