import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import { billablePagesForText } from '../../server/domain/billing.js';
import { docketTextParts, documentsByEntry, plainText, referenceLinks } from '../../server/domain/docket.js';
import { formatDocId } from '../../server/domain/doc-ids.js';
import { textBytes } from '../../server/ecf/reports/report-support.js';
import { makeApp } from '../support/app.js';
import { parsed, receiptOf } from '../support/captured.js';
import { isoFromUs, postForm, sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { docketErrorHits, docketReportFields, DOCKET_REPORT_URL, postDocketReport, readDocket } from '../support/docket-report.js';

/**
 * The Docket Report as juriscraper's DocketReport drives it (multipart POST to DktRpt.pl?1-L_1_0-1,
 * its exact fields), read by its rules (support/docket-report.ts) and checked against the seed:
 * metadata, parties and counsel, entries (dates, numbers, doc1 ids, de_seq_num, descriptions), the
 * filters and orders, the large-docket page, the real error pages, the receipt and its billing.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOGGED_IN = '/cgi-bin/login.pl?logout';
const FLSB = 'ecf.flsb.uscourts.gov';
const NYSD = 'ecf.nysd.uscourts.gov';

const billed = (username = 'researcher') => app.repos.billing.between(app.repos.pacerAccounts.byUsername(username)?.id ?? 0, 0, Number.MAX_SAFE_INTEGER);

/** What juriscraper's description of an entry is, from the seed's rows. */
function expectedEntries(court: string, number: string) {
  const c = seededCase(app, court, number);
  const prefix = app.repos.courts.byCode(court)?.docPrefix ?? '';
  const entries = app.repos.docketEntries.forCase(c.id);
  const docs = documentsByEntry(app.repos.documents.forCase(c.id));
  const refLink = referenceLinks(entries, docs, prefix);
  return entries.map((e: DocketEntry) => {
    const main = docs.get(e.id)?.main;
    const linked = main && !main.sealed && !e.sealed;
    return {
      date_filed: e.filedOn,
      document_number: e.docNumber === null ? null : String(e.docNumber),
      // juriscraper stores the id with its fourth digit 0.
      pacer_doc_id: linked ? formatDocId(prefix, main.serial, true) : null,
      pacer_seq_no: linked ? String(e.seq) : null,
      description: plainText(docketTextParts(e, { docs: docs.get(e.id), prefix, refLink })).replace(/\s+/g, ' ').trim(),
      date_entered: e.enteredOn,
    };
  });
}

async function report(court: string, number: string, extra: Record<string, string> = {}, host = 'localhost') {
  const res = await postDocketReport(app, seededCase(app, court, number).pacerCaseId, sessionCookies(app), extra, host);
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain(LOGGED_IN);
  return res;
}

describe("juriscraper's DocketReport", () => {
  it('reads a civil docket: metadata, parties and counsel, every entry as the seed has it', async () => {
    app = await makeApp();
    const res = await report('flsd', '1:26-cv-20001');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(docketErrorHits(res.body)).toEqual([]);
    const d = readDocket(res.body, { bankruptcy: false });
    expect(d).toMatchObject({
      docket_number: '1:26-cv-20001',
      case_name: 'Alvarez v. Sunshine Marine Supply, LLC',
      date_filed: '2026-01-12',
      date_terminated: null,
      assigned_to_str: 'Marguerite A. Thornbury',
      referred_to_str: 'Desmond K. Okoye',
      cause: '29:201 Fair Labor Standards Act',
      nature_of_suit: '710 Labor: Fair Standards',
      jury_demand: 'Plaintiff',
      jurisdiction: 'Federal Question',
    });
    expect(d?.parties.map((p) => [p.type, p.name, p.extra_info])).toEqual([
      ['Plaintiff', 'Carmen Alvarez', 'individually and on behalf of all others similarly situated'],
      ['Defendant', 'Sunshine Marine Supply, LLC', 'a Florida limited liability company'],
    ]);
    const counsel = d?.parties[1]?.attorneys ?? [];
    expect(counsel.map((a) => [a.name, a.roles])).toEqual([
      ['Gregory T. Pell', ['LEAD ATTORNEY', 'ATTORNEY TO BE NOTICED']],
      ['Naomi F. Oduya', ['PRO HAC VICE', 'ATTORNEY TO BE NOTICED']],
    ]);
    expect(counsel[0]?.contact).toBe('Pell Oduya LLP\n200 South Biscayne Boulevard\nSuite 4100\nMiami, FL 33131\n305-555-0188\nFax: 305-555-0189\nEmail: gpell@pelloduya.example.com\n');
    expect(d?.docket_entries).toEqual(expectedEntries('flsd', '1:26-cv-20001'));
    // The sealed document's number has no link; the attachments' links go to each document (fourth digit 1).
    expect(d?.docket_entries.find((e) => e.document_number === '7')?.pacer_doc_id).toBeNull();
    const $ = parsed(res.body);
    expect($('a:contains("1")').filter((_i, a) => ($(a).attr('href') ?? '').endsWith('/doc1/051115100002')).length).toBe(1);
  });

  it('ends with the receipt, billed by the report\'s size to the client code; PacerPref receipt=N hides it but bills', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:24-cv-21555');
    const cookies = sessionCookies(app, 'researcher', 'matter-42');
    const res = await postDocketReport(app, c.pacerCaseId, cookies);
    const receipt = receiptOf(parsed(res.body));
    const $ = parsed(res.body);
    $('center').last().remove();
    const content = $('div#cmecfMainContent').html() ?? '';
    expect(receipt).toMatchObject({ 'PACER Login': 'researcher', 'Client Code': 'matter-42', Description: 'Docket Report', 'Search Criteria': '1:24-cv-21555-TWH' });
    // Billed from the report's text, 4,320 bytes a page, with no 30-page cap for reports.
    const pages = Number(receipt['Billable Pages']);
    expect(pages).toBeGreaterThan(10);
    // (The page's text as a parser extracts it, in bytes, gives the same count within a page.)
    expect(Math.abs(pages - billablePagesForText($('div#cmecfMainContent').text()))).toBeLessThanOrEqual(1);
    expect(Math.abs(pages - Math.ceil(textBytes(content) / 4320))).toBeLessThanOrEqual(1);
    expect(receipt['Cost']).toBe((pages / 10).toFixed(2));
    expect(billed().map((b) => [b.description, b.searchCriteria, b.pages, b.costCents, b.clientCode])).toEqual([['Docket Report', '1:24-cv-21555-TWH', pages, pages * 10, 'matter-42']]);

    const off = await postDocketReport(app, c.pacerCaseId, { ...cookies, PacerPref: 'receipt=N' });
    expect(off.body).not.toContain('Transaction Receipt');
    expect(readDocket(off.body, { bankruptcy: false })?.docket_entries.length).toBe(app.repos.docketEntries.forCase(c.id).length);
    expect(billed()).toHaveLength(2);
  });

  it('filters by date filed or entered and by document number, in the four orders', async () => {
    app = await makeApp();
    const numbers = async (extra: Record<string, string>) =>
      (readDocket((await report('flsd', '1:26-cv-20001', extra)).body, { bankruptcy: false })?.docket_entries ?? []).map((e) => e.document_number ?? '-');
    expect(await numbers({ date_from: '02/01/2026', date_to: '03/02/2026' })).toEqual(['4', '-', '5', '6']);
    expect(await numbers({ documents_numbered_from_: '3', documents_numbered_to_: '5' })).toEqual(['3', '4', '5']);
    expect(await numbers({ sort1: 'most recent date first' })).toEqual(['10', '9', '8', '7', '6', '5', '-', '4', '3', '2', '-', '1']);
    expect(await numbers({ sort1: 'document number' })).toEqual(['1', '-', '2', '3', '4', '-', '5', '6', '7', '8', '9', '10']);
    expect(await numbers({ sort1: 'document number descending' })).toEqual(['10', '9', '8', '7', '6', '5', '-', '4', '3', '2', '-', '1']);
    // The criminal arrest entry was filed 02/10 and entered 02/11.
    const crim = async (type: string) =>
      (readDocket((await report('flsd', '1:26-cr-20088', { date_range_type: type, date_from: '02/11/2026', date_to: '02/11/2026' })).body, { bankruptcy: false })?.docket_entries ?? []).map(
        (e) => e.description.slice(0, 20),
      );
    expect(await crim('Filed')).toEqual(['Minute Entry for pro', 'NOTICE OF ATTORNEY A']);
    expect(await crim('Entered')).toEqual(['Arrest of Victor Del', 'Minute Entry for pro', 'NOTICE OF ATTORNEY A']);
  });

  it('reads a criminal docket: the defendant\'s number, counts and offense levels', async () => {
    app = await makeApp();
    const d = readDocket((await report('flsd', '1:26-cr-20088')).body, { bankruptcy: false });
    expect(d).toMatchObject({ docket_number: '1:26-cr-20088', case_name: 'USA v. Delgado', assigned_to_str: 'Theodore W. Halvorsen', date_filed: '2026-02-10' });
    expect(d?.parties.map((p) => p.type)).toEqual(['Defendant', 'Plaintiff']);
    expect(d?.parties[0]?.criminal_data).toEqual({
      counts: [{ name: '18:1343 FRAUD BY WIRE, RADIO, OR TELEVISION (1-3)', disposition: '', status: 'pending' }],
      complaints: [],
      highest_offense_level_opening: 'Felony',
      highest_offense_level_terminated: 'None',
    });
    expect(d?.parties[0]?.attorneys[0]?.roles).toEqual(['LEAD ATTORNEY', 'ATTORNEY TO BE NOTICED']);
    // Two defendants: the report shows them all.
    const nysd = await report('nysd', '1:26-cr-00117', {}, NYSD);
    expect(parsed(nysd.body)('h3').text()).toContain('CRIMINAL DOCKET FOR CASE #: 1:26-cr-00117-CJW All Defendants');
    expect(readDocket(nysd.body, { bankruptcy: false })?.parties.filter((p) => p.type === 'Defendant').map((p) => p.name)).toEqual(['Dominic Castellano', 'Lorenzo Abate']);
  });

  it('reads a bankruptcy docket at FLSB: the petition number, the debtor as case name, entries with page counts', async () => {
    app = await makeApp();
    const res = await report('flsb', '1:26-bk-10234', { page_count: 'on' }, FLSB);
    const d = readDocket(res.body, { bankruptcy: true });
    expect(d).toMatchObject({ docket_number: '26-10234', case_name: 'Coral Gables Bakery Group, LLC', date_filed: '2026-01-08', assigned_to_str: 'Rosalind A. Mercado' });
    expect(d?.parties.map((p) => p.type)).toEqual(['Debtor', 'U.S. Trustee', 'Creditor Committee']);
    const want = expectedEntries('flsb', '1:26-bk-10234').map((e) => ({ ...e, pacer_seq_no: null }));
    expect(d?.docket_entries).toEqual(want);
    expect(parsed(res.body)('nobr').text()).toContain('(31\u00a0pgs; 3\u00a0docs)');
    expect(receiptOf(parsed(res.body))['Search Criteria']).toMatch(/^26-10234-RAM Fil or Ent: filed /);
    // An adversary proceeding: its lead case's title, as juriscraper names it.
    const adv = readDocket((await report('flsb', '1:26-ap-01045', {}, FLSB)).body, { bankruptcy: true });
    expect(adv?.case_name).toBe('In re: Coral Gables Bakery Group, LLC - Adversary Proceeding');
  });

  it('leaves out terminated parties unless asked, and parties altogether without list_of_parties_and_counsel', async () => {
    app = await makeApp();
    const closed = async (extra: Record<string, string>) => readDocket((await report('flsd', '1:25-cv-24780', extra)).body, { bankruptcy: false })?.parties ?? [];
    expect((await closed({})).map((p) => [p.name, p.date_terminated])).toEqual([
      ['Hannah Kessler', '2026-02-27'],
      ['Biscayne Freight Logistics, Inc.', '2026-02-27'],
    ]);
    expect(await closed({ terminated_parties: '' })).toEqual([]);
    const noParties = await report('flsd', '1:26-cv-20001', { list_of_parties_and_counsel: '' });
    expect(readDocket(noParties.body, { bankruptcy: false })?.parties).toEqual([]);
  });

  it('lists every document with a checkbox in View multiple documents mode', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const $ = parsed((await report('flsd', '1:26-cv-20001', { view_multi_docs: 'on' })).body);
    const main = app.repos.documents.forCase(c.id).filter((d) => d.attachment === 0);
    expect($('input[name="all_documents"]').length).toBe(main.filter((d) => !d.sealed).length);
    expect($(`input[name="document_${c.pacerCaseId}_1_2"]`).attr('value')).toMatch(/^15100003-\d+-2$/);
    expect($('input[value="View Selected"]').length).toBe(1);
  });
});

describe('the large docket', () => {
  it('asks first without a date range, then runs the choice; juriscraper\'s date_from keeps it clear', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:24-cv-21555');
    const cookies = sessionCookies(app);
    const warn = await postDocketReport(app, c.pacerCaseId, cookies, { date_from: '' });
    expect(docketErrorHits(warn.body).length).toBeGreaterThan(0);
    expect(warn.body).not.toContain('Cost: ');
    expect(billed()).toHaveLength(0);
    const $ = parsed(warn.body);
    const action = $('form').attr('action') ?? '';
    const hidden = Object.fromEntries($('input[type="hidden"]').toArray().map((i) => [$(i).attr('name') ?? '', $(i).attr('value') ?? '']));
    const choices = $('input[name="date_from"]').toArray().map((i) => $(i).attr('value') ?? '');
    expect(choices).toHaveLength(4);
    expect(choices[3]).toBe('');
    const url = action.replace(/^\.\.\//, '/');
    // "for the past year": only the year's entries (the clock is today's; the docket ends in 2026).
    const year = await postForm(app, url, { ...hidden, date_from: choices[2] ?? '' }, cookies);
    const since = isoFromUs(choices[2] ?? '');
    const entries = readDocket(year.body, { bankruptcy: false })?.docket_entries ?? [];
    expect(entries.every((e) => e.date_filed >= since)).toBe(true);
    // "as initially requested": the whole docket.
    const all = await postForm(app, url, { ...hidden, date_from: '' }, cookies);
    expect(readDocket(all.body, { bankruptcy: false })?.docket_entries).toHaveLength(app.repos.docketEntries.forCase(c.id).length);
    // juriscraper always sends date_from=1/1/1960: no warning.
    expect(readDocket((await postDocketReport(app, c.pacerCaseId, cookies)).body, { bankruptcy: false })?.docket_entries).toHaveLength(app.repos.docketEntries.forCase(c.id).length);
  });
});

describe('errors: the real pages, never a 5xx, nothing billed', () => {
  it('answers each bad request with the page juriscraper recognises', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const alvarez = seededCase(app, 'flsd', '1:26-cv-20001').pacerCaseId;
    const cases: [string, Record<string, string>, string][] = [
      [DOCKET_REPORT_URL, docketReportFields(alvarez, { date_from: '03/01/2026', date_to: '02/01/2026' }), 'The start date must be less than or equal to the end date'],
      [DOCKET_REPORT_URL, docketReportFields(alvarez, { documents_numbered_from_: '9', documents_numbered_to_: '2' }), 'The starting document number must be less than or equal to the ending document number'],
      [DOCKET_REPORT_URL, docketReportFields(999_999), 'Case not found.'],
      [DOCKET_REPORT_URL, docketReportFields('abc'), 'Case not found.'],
      [DOCKET_REPORT_URL, docketReportFields(seededCase(app, 'flsd', '1:26-mj-02014').pacerCaseId), 'Case Under Seal'],
      [DOCKET_REPORT_URL, docketReportFields(seededCase(app, 'flsd', '9:26-cv-80311').pacerCaseId), 'There are no documents in this case.'],
      [DOCKET_REPORT_URL, docketReportFields(seededCase(app, 'flsd', '1:26-cv-20950').pacerCaseId), 'This case is in the process of being opened, please check back later for additional information.'],
      [DOCKET_REPORT_URL, docketReportFields(alvarez, { date_from: '13/45/2026' }), 'Enter dates as mm/dd/yyyy.'],
      ['/cgi-bin/DktRpt.pl?123456789012345-L_1_0-1', docketReportFields(alvarez), 'Incomplete request.'],
      ['/cgi-bin/DktRpt.pl', docketReportFields(alvarez), 'Incomplete request.'],
      ['/cgi-bin/DktRpt.pl?%00%ff', docketReportFields(alvarez), 'Incomplete request.'],
    ];
    for (const [url, fields, text] of cases) {
      const res = await postForm(app, url, fields, cookies);
      expect(res.statusCode, `${url} ${text}`).toBe(200);
      expect(res.body).toContain(LOGGED_IN);
      expect(res.body).not.toContain('Cost: ');
      expect(parsed(res.body)('div#cmecfMainContent h3').text(), text).toContain(text);
      expect(readDocket(res.body, { bankruptcy: false }), text).toBeNull();
    }
    for (const q of ['999999', 'x', `${alvarez}x`]) {
      const res = await app.inject({ url: `/cgi-bin/DktRpt.pl?${q}`, cookies });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(LOGGED_IN);
    }
    expect(billed()).toHaveLength(0);
  });

  it('asks a visitor without a session to log in', async () => {
    app = await makeApp();
    const res = await postForm(app, DOCKET_REPORT_URL, docketReportFields(seededCase(app, 'flsd', '1:26-cv-20001').pacerCaseId), {});
    expect(res.body).not.toContain(LOGGED_IN);
    expect(res.body).not.toContain('Cost: ');
    expect(res.body).toContain('location.assign');
  });
});

describe('the form', () => {
  it('carries the case asked for and a per-session nonce that the POST accepts', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const $ = parsed((await app.inject({ url: `/cgi-bin/DktRpt.pl?${c.pacerCaseId}`, cookies })).body);
    expect($('#all_case_ids').attr('value')).toBe(String(c.pacerCaseId));
    expect($('#case_number_text_area_0').attr('value')).toBe('1:26-cv-20001');
    for (const id of ['list_of_parties_and_counsel', 'terminated_parties', 'list_of_member_cases', 'view_multi_docs']) expect($(`input#${id}[type="checkbox"]`).length, id).toBe(1);
    expect($('#output_format_radio_buttons input[name="output_format"]').length).toBe(2);
    const action = ($('form').attr('action') ?? '').replace(/^\.\.\//, '/');
    const ran = await postForm(app, action, { all_case_ids: String(c.pacerCaseId), case_num: '1:26-cv-20001', date_range_type: 'Filed', sort1: 'oldest date first', list_of_parties_and_counsel: 'on' }, cookies);
    expect(readDocket(ran.body, { bankruptcy: false })?.docket_number).toBe('1:26-cv-20001');
    // Another session's nonce is not this one's.
    const other = await postForm(app, action, { all_case_ids: String(c.pacerCaseId) }, sessionCookies(app, 'jattorney'));
    expect(parsed(other.body)('h3').text()).toContain('Incomplete request.');
    // A typed number without the widget's id names its case.
    const typed = await postForm(app, action, { all_case_ids: '', case_num: '26-20001' }, cookies);
    expect(readDocket(typed.body, { bankruptcy: false })?.docket_number).toBe('1:26-cv-20001');
  });
});
