import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDocId } from '../../server/domain/doc-ids.js';
import { makeApp } from '../support/app.js';
import { parsed, receiptOf } from '../support/captured.js';
import { postForm, sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { nonceFromForm, pickPossibleCase, readHistory, readOpinions, readPossibleCaseNumbers } from '../support/docket-report.js';

/**
 * History/Documents (HistDocQry.pl: the nonce from the form, then the report), Written Opinions
 * (WrtOpRpt.pl) and the case-number lookup (possible_case_numbers.pl), driven as juriscraper's
 * DocketHistoryReport, FreeOpinionReport and PossibleCaseNumberApi drive them and read by their
 * rules, against the seed.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOGGED_IN = '/cgi-bin/login.pl?logout';
const FLSB = 'ecf.flsb.uscourts.gov';
const billed = () => app.repos.billing.between(app.repos.pacerAccounts.byUsername('researcher')?.id ?? 0, 0, Number.MAX_SAFE_INTEGER);

/** DocketHistoryReport.query(): GET ?<caseid>, the nonce from the form, then the POST. */
async function history(caseId: number, fields: Record<string, string>, cookies: Record<string, string>, host = 'localhost') {
  const form = await app.inject({ url: `/cgi-bin/HistDocQry.pl?${caseId}`, cookies, headers: { host } });
  const nonce = nonceFromForm(form.body);
  expect(nonce).toMatch(/^\d{10,20}-L_1_0-1$/);
  return postForm(app, `/cgi-bin/HistDocQry.pl?${nonce}`, fields, cookies, host);
}

describe("juriscraper's DocketHistoryReport", () => {
  it('reads the case header and every entry with its short and long descriptions', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const res = await history(c.pacerCaseId, { QueryType: 'History', sort1: 'asc', DisplayDktText: 'DisplayDktText' }, sessionCookies(app));
    expect(res.body).toContain(LOGGED_IN);
    const h = readHistory(res.body, { bankruptcy: false });
    expect(h).toMatchObject({
      docket_number: '1:26-cv-20001',
      case_name: 'Alvarez v. Sunshine Marine Supply, LLC',
      date_filed: '2026-01-12',
      date_last_filing: '2026-05-06',
      date_terminated: null,
      assigned_to_str: 'Marguerite A. Thornbury',
      referred_to_str: 'Desmond K. Okoye',
    });
    const entries = app.repos.docketEntries.forCase(c.id).filter((e) => e.docNumber !== null);
    const docs = app.repos.documents.forCase(c.id);
    expect(h?.docket_entries.map((e) => [e.document_number, e.date_filed, e.short_description])).toEqual(entries.map((e) => [String(e.docNumber), e.filedOn, e.shortDescription]));
    const four = h?.docket_entries.find((e) => e.document_number === '4');
    const main4 = docs.find((d) => d.entryId === entries.find((e) => e.docNumber === 4)?.id && d.attachment === 0);
    expect(four?.pacer_doc_id).toBe(formatDocId('051', main4?.serial ?? 0, true));
    // The long description: the docket text, its references written "[1]".
    expect(four?.description).toMatch(/^MOTION to Dismiss \[1\] Complaint for Failure to State a Claim by Sunshine Marine Supply, LLC\. \(Attachments: # 1 Exhibit A/);
    expect(h?.docket_entries.find((e) => e.document_number === '7')?.pacer_doc_id).toBe('');
    const receipt = receiptOf(parsed(res.body));
    expect(receipt).toMatchObject({ Description: 'History/Documents', 'Search Criteria': '1:26-cv-20001-MAT', 'Billable Pages': '1', Cost: '0.10' });
    expect(billed().map((b) => b.description)).toEqual(['History/Documents']);
  });

  it('answers Documents (entries with a document) and desc order; without DisplayDktText no long descriptions', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const c = seededCase(app, 'flsd', '1:26-cr-20088');
    const all = readHistory((await history(c.pacerCaseId, { QueryType: 'History', sort1: 'asc' }, cookies)).body, { bankruptcy: false });
    const docs = readHistory((await history(c.pacerCaseId, { QueryType: 'Documents', sort1: 'desc' }, cookies)).body, { bankruptcy: false });
    expect(docs?.docket_entries.map((e) => e.document_number)).toEqual(['5', '4', '3', '2', '1']);
    expect(all?.docket_entries.every((e) => e.description === '')).toBe(true);
    const $ = parsed((await history(c.pacerCaseId, { QueryType: 'History', sort1: 'asc' }, cookies)).body);
    expect($('h2').text()).toBe('History');
  });

  it('reads a bankruptcy case at FLSB: the judge after "Judge:", the debtor line after the number', async () => {
    app = await makeApp();
    const res = await history(seededCase(app, 'flsb', '1:26-bk-10234').pacerCaseId, { QueryType: 'History', sort1: 'asc' }, sessionCookies(app), FLSB);
    const h = readHistory(res.body, { bankruptcy: true });
    expect(h).toMatchObject({ docket_number: '26-10234', case_name: 'In re: Coral Gables Bakery Group, LLC', assigned_to_str: 'Rosalind A. Mercado', date_filed: '2026-01-08' });
    expect(receiptOf(parsed(res.body))['Search Criteria']).toBe('26-10234-RAM Type: History');
  });

  it('honours its nonce only in the session that was shown the form, and answers bad input with a page', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const nonce = nonceFromForm((await app.inject({ url: `/cgi-bin/HistDocQry.pl?${c.pacerCaseId}`, cookies })).body);
    for (const [url, who] of [
      [`/cgi-bin/HistDocQry.pl?${nonce}`, sessionCookies(app)],
      [`/cgi-bin/HistDocQry.pl?${nonce}`, sessionCookies(app, 'jattorney')],
      ['/cgi-bin/HistDocQry.pl?1-L_1_0-1', cookies],
      ['/cgi-bin/HistDocQry.pl', cookies],
      ['/cgi-bin/HistDocQry.pl?999999999-L_1_0-1', cookies],
    ] as const) {
      const res = await postForm(app, url, { QueryType: 'History', sort1: 'asc' }, who);
      expect(res.statusCode).toBe(200);
      expect(parsed(res.body)('h3').text(), url).toBe('Incomplete request. Please try your query again by choosing the Query or Reports option from the main menu.');
      expect(res.body).not.toContain('Cost: ');
    }
    for (const [q, text] of [
      ['999999', 'Case not found.'],
      [String(seededCase(app, 'flsd', '1:26-mj-02014').pacerCaseId), 'Case Under Seal'],
      ['abc', 'Incomplete request.'],
    ] as const) {
      const res = await app.inject({ url: `/cgi-bin/HistDocQry.pl?${q}`, cookies });
      expect(res.statusCode).toBe(200);
      expect(parsed(res.body)('h3').text()).toContain(text);
    }
    // The form without a case takes the widget's case.
    const bare = nonceFromForm((await app.inject({ url: '/cgi-bin/HistDocQry.pl', cookies })).body);
    const byWidget = await postForm(app, `/cgi-bin/HistDocQry.pl?${bare}`, { all_case_ids: String(c.pacerCaseId), QueryType: 'History', sort1: 'asc' }, cookies);
    expect(readHistory(byWidget.body, { bankruptcy: false })?.docket_number).toBe('1:26-cv-20001');
    expect(billed()).toHaveLength(1);
  });
});

describe("juriscraper's FreeOpinionReport", () => {
  it("lists the court's opinions in the range, free, with their doc1 ids, case ids and seq numbers", async () => {
    app = await makeApp();
    const fields = { filed_from: '01/01/2025', filed_to: '12/31/2026', ShowFull: '1', Key1: 'de_date_filed', all_case_ids: '0' };
    const res = await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', fields, sessionCookies(app));
    expect(res.body).toContain(LOGGED_IN);
    expect(res.body).not.toContain('Cost: ');
    const got = readOpinions(res.body);
    const want = app.repos.docketEntries.ofKind('flsd', 'opinion', '2025-01-01', '2026-12-31').filter((e) => !app.repos.cases.byId(e.caseId)?.sealed);
    expect(got.total).toBe(want.length);
    expect(got.rows.map((r) => [r.date_filed, r.document_number, r.pacer_seq_no])).toEqual(want.map((e) => [e.filedOn, String(e.docNumber), String(e.seq)]));
    for (const r of got.rows) {
      const c = seededCase(app, 'flsd', r.docket_number.replace(/-[A-Z]+$/, ''));
      expect(r.pacer_case_id).toBe(String(c.pacerCaseId));
      expect(r.case_name).toBe(c.title);
      expect(r.pacer_doc_id).toMatch(/^0510\d+$/);
    }
    expect(billed()).toHaveLength(0);
    // By case number; one case; a range with nothing; a backwards range.
    const byCase = readOpinions((await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', { ...fields, Key1: 'cs_sort_case_numb' }, sessionCookies(app))).body);
    expect(byCase.rows.map((r) => r.docket_number)).toEqual([...byCase.rows.map((r) => r.docket_number)].sort());
    const okafor = seededCase(app, 'flsd', '1:26-cv-21234').pacerCaseId;
    expect(readOpinions((await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', { ...fields, all_case_ids: String(okafor) }, sessionCookies(app))).body).rows.map((r) => r.pacer_case_id)).toEqual([String(okafor)]);
    expect(readOpinions((await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', { ...fields, filed_from: '01/01/2020', filed_to: '01/02/2020' }, sessionCookies(app))).body).total).toBe(0);
    const backwards = await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', { ...fields, filed_from: '02/01/2026', filed_to: '01/01/2026' }, sessionCookies(app));
    expect(parsed(backwards.body)('h3').text()).toBe('The start date must be less than or equal to the end date');
  });
});

describe("juriscraper's PossibleCaseNumberApi", () => {
  const lookup = (q: string, cookies: Record<string, string>, host = 'localhost') => app.inject({ url: `/cgi-bin/possible_case_numbers.pl?${q}`, cookies, headers: { host } });

  it('answers the cases a number names, in XML juriscraper reads; the browser form with ;number=<random>', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const res = await lookup('1:26-cv-20001', cookies);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body.startsWith('<request number=')).toBe(true);
    expect(res.body).toContain('<case number=');
    expect(pickPossibleCase(res.body)).toEqual({ docket_number: '1:26-cv-20001', pacer_case_id: String(c.pacerCaseId), title: '1:26-cv-20001-MAT Alvarez v. Sunshine Marine Supply, LLC' });
    for (const typed of ['26-20001', '1%3A26-cv-20001', '26cv20001', '1:26-cv-20001-mat;number=0.8324']) {
      expect(readPossibleCaseNumbers((await lookup(typed, cookies)).body).cases.map((x) => x.id), typed).toEqual([String(c.pacerCaseId)]);
    }
    // A closed case says so in its title.
    expect(readPossibleCaseNumbers((await lookup('1:25-cv-24780', cookies)).body).cases[0]?.title).toBe('1:25-cv-24780-CNA Kessler v. Biscayne Freight Logistics, Inc. (closed 02/27/2026)');
    // A criminal case and its defendant: juriscraper picks the case (the lowest defendant number).
    const crim = readPossibleCaseNumbers((await lookup('1:26-cr-20088', cookies)).body);
    expect(crim.cases.map((x) => [x.number, x.defendant])).toEqual([
      ['1:26-cr-20088', '0'],
      ['1:26-cr-20088-1', '1'],
    ]);
    expect(pickPossibleCase((await lookup('1:26-cr-20088', cookies)).body)?.docket_number).toBe('1:26-cr-20088');
    // Bankruptcy numbers as FLSB writes them.
    expect(readPossibleCaseNumbers((await lookup('26-10234', cookies, FLSB)).body).cases[0]?.title).toBe('26-10234-RAM In re: Coral Gables Bakery Group, LLC');
  });

  it('says "Cannot find case", "Case Under Seal", and "Not logged in." (two spaces) without a session', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    expect((await lookup('99-99999', cookies)).body).toBe('<request number="99-99999"><message text="Cannot find case 99-99999"/></request>');
    expect((await lookup('not-a-number', cookies)).body).toBe('<request number="not-a-number"><message text="Cannot find case not-a-number"/></request>');
    expect((await lookup('1:26-mj-02014', cookies)).body).toBe("<request number='1:26-mj-02014'><message text='Case Under Seal'/></request>");
    const out = await app.inject({ url: '/cgi-bin/possible_case_numbers.pl?1:26-cv-20001' });
    expect(out.statusCode).toBe(200);
    expect(out.body).toBe("<request number='1:26-cv-20001'><message text='Not logged in.  Please refresh this page.'/></request>");
    // juriscraper's login check: a marker and "text.*Not logged in" mean logged out.
    expect(/<request number=/.test(out.body) && /text.*Not logged in/.test(out.body)).toBe(true);
    const odd = await lookup('%3Cx%3E%22%26', cookies);
    expect(odd.body).toBe('<request number="&lt;x&gt;&quot;&amp;"><message text="Cannot find case &lt;x&gt;&quot;&amp;"/></request>');
  });
});
