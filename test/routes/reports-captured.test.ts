import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.js';
import { captured, CAPTURED_DIR, parsed, pathTo, receiptOf, selectorCounts, texts } from '../support/captured.js';
import { postForm, sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import {
  docketErrorHits,
  nonceFromForm,
  pickPossibleCase,
  postDocketReport,
  readDocket,
  readHistory,
  readOpinions,
  readPossibleCaseNumbers,
  type DocketData,
} from '../support/docket-report.js';

/**
 * The report pages against the captured real ones (test/fixtures/third_party/juriscraper,
 * SOURCES.md) on the selectors clients use. The readers in support/docket-report.ts are first
 * checked against the captured pages and the .json juriscraper parses out of them.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const raw = (path: string) => readFileSync(join(CAPTURED_DIR, path), 'latin1');
const json = <T>(path: string): T => JSON.parse(readFileSync(join(CAPTURED_DIR, path), 'utf8')) as T;
/** harmonize/clean_string's trailing punctuation and "et al" aside, names compare as juriscraper's .json has them. */
const loose = (s: string | null | undefined) => (s ?? '').replace(/\bet al\b/g, '').replace(/[\s,.]+$/g, '').replace(/\s+/g, ' ').trim();

const id = (court: string, number: string) => seededCase(app, court, number).pacerCaseId;
const FLSB = 'ecf.flsb.uscourts.gov';

async function docketPage(court: string, number: string, extra: Record<string, string> = {}, host = 'localhost'): Promise<string> {
  const res = await postDocketReport(app, id(court, number), sessionCookies(app), extra, host);
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The same selectors nest the same way and are found as often (or, with `atLeast`, at least once) in both pages. */
function sameShape(mock: CheerioAPI, real: CheerioAPI, selectors: readonly string[], counted: readonly string[] = []) {
  for (const s of selectors) expect(pathTo(mock, s), s).toBe(pathTo(real, s));
  expect(selectorCounts(mock, counted)).toEqual(selectorCounts(real, counted));
}

describe('the readers, against the captured pages and their .json', () => {
  it('read a district docket as nyed.json has it', () => {
    const want = json<DocketData & { docket_entries: Record<string, string | null>[] }>('dockets/district/nyed.json');
    const got = readDocket(raw('dockets/district/nyed.html'), { bankruptcy: false });
    if (!got) throw new Error('no docket');
    expect(got.docket_number).toBe(want.docket_number);
    expect(loose(got.case_name)).toBe(loose(want.case_name));
    for (const key of ['date_filed', 'date_terminated', 'cause', 'nature_of_suit', 'jury_demand', 'jurisdiction'] as const) expect(got[key], key).toBe(want[key]);
    // normalize_judge_string's own quirks ("Viktor v. Pohorelsky") aside.
    for (const key of ['assigned_to_str', 'referred_to_str'] as const) expect(got[key].toLowerCase(), key).toBe(want[key].toLowerCase());
    expect(got.docket_entries.map((e) => [e.document_number, e.pacer_doc_id, e.pacer_seq_no, e.date_filed, e.date_entered])).toEqual(
      want.docket_entries.map((e) => [e['document_number'], e['pacer_doc_id'], e['pacer_seq_no'], e['date_filed'], e['date_entered']]),
    );
    expect(got.docket_entries.map((e) => e.description)).toEqual(want.docket_entries.map((e) => e['description']));
    expect(got.parties.map((p) => [p.type, loose(p.name), p.attorneys.map((a) => [a.name, a.roles])])).toEqual(
      want.parties.map((p) => [p.type, loose(p.name), p.attorneys.map((a) => [a.name, a.roles])]),
    );
  });

  it('read a criminal docket with its counts as txsd_1.json has it', () => {
    const want = json<DocketData>('dockets/district/txsd_1.json');
    const got = readDocket(raw('dockets/district/txsd_1.html'), { bankruptcy: false });
    expect(got?.docket_number).toBe(want.docket_number);
    expect(got?.parties.map((p) => [p.type, p.name, p.date_terminated])).toEqual(want.parties.map((p) => [p.type, p.name, p.date_terminated]));
    expect(got?.parties[0]?.criminal_data).toEqual(want.parties[0]?.criminal_data);
    expect(got?.parties[0]?.attorneys.map((a) => a.contact)).toEqual(want.parties[0]?.attorneys.map((a) => a.contact));
    expect(got?.docket_entries.length).toBe((want.docket_entries as unknown[]).length);
  });

  it('read a bankruptcy docket as wiwb_1.json has it', () => {
    const want = json<DocketData>('dockets/bankruptcy/wiwb_1.json');
    const got = readDocket(raw('dockets/bankruptcy/wiwb_1.html'), { bankruptcy: true });
    for (const key of ['docket_number', 'case_name', 'date_filed', 'date_terminated', 'assigned_to_str'] as const) expect(got?.[key], key).toBe(want[key]);
    expect(got?.parties).toEqual(want.parties.map((p) => ({ type: p.type, name: p.name, extra_info: p.extra_info, date_terminated: p.date_terminated, attorneys: p.attorneys })));
    expect(got?.docket_entries[0]).toEqual(want.docket_entries[0]);
  });

  it('read a history report as dcd_134505.json has it, and a bankruptcy one (flsb_703069)', () => {
    const want = json<Record<string, string | null>>('docket_history_reports/dcd_134505.json');
    const got = readHistory(raw('docket_history_reports/dcd_134505.html'), { bankruptcy: false });
    for (const key of ['docket_number', 'date_filed', 'date_terminated', 'assigned_to_str'] as const) expect(got?.[key], key).toBe(want[key]);
    expect(loose(got?.case_name)).toBe(loose(want['case_name']));
    expect(got?.docket_entries[0]).toMatchObject({ document_number: '1', pacer_doc_id: '04502360003', date_filed: '2008-12-19', short_description: 'Complaint' });
    const bk = readHistory(raw('docket_history_reports/flsb_703069.html'), { bankruptcy: true });
    expect(bk).toMatchObject({ docket_number: '16-20959', case_name: 'Maurice Symonette', assigned_to_str: 'Erik P. Kimball', date_filed: '2016-08-08' });
  });

  it('read the written opinions as cand_2.json has them', () => {
    const want = json<Record<string, string>[]>('free_opinion_report/cand_2.json');
    const got = readOpinions(raw('free_opinion_report/cand_2.html'));
    expect(got.total).toBe(52);
    expect(got.rows.map((r) => [loose(r.case_name), r.date_filed, r.document_number, r.pacer_doc_id, r.pacer_case_id, r.pacer_seq_no, r.nature_of_suit, r.cause])).toEqual(
      want.map((w) => [loose(w['case_name']), w['date_filed'], w['document_number'], w['pacer_doc_id'], w['pacer_case_id'], w['pacer_seq_no'], w['nature_of_suit'], w['cause']]),
    );
    got.rows.forEach((r, i) => expect(r.docket_number.startsWith(want[i]?.['docket_number'] ?? '?')).toBe(true));
  });

  it('read the case-number lookups as their .json (or nothing) says', () => {
    expect(pickPossibleCase(raw('possible_case_numbers/technology-properties.xml'))).toEqual(json('possible_case_numbers/technology-properties.json'));
    expect(pickPossibleCase(raw('possible_case_numbers/no_results.xml'))).toBeNull();
    expect(pickPossibleCase(raw('possible_case_numbers/sealed_case.xml'))).toBeNull();
    expect(readPossibleCaseNumbers(raw('possible_case_numbers/armes-v-hot-pizzas.xml')).cases.map((c) => c.id)).toEqual(['1000068', '977547', '969094', '985777']);
  });
});

describe('the mock pages, against the captured ones', () => {
  it('a civil docket nests as nyed.html: flags, header, metadata, parties, entries with goDLS, receipt', async () => {
    app = await makeApp();
    const mock = parsed(await docketPage('flsd', '1:26-cv-20001'));
    const real = captured('dockets/district/nyed.html');
    sameShape(
      mock,
      real,
      [
        'div#cmecfMainContent > table td[align="right"]',
        'div#cmecfMainContent > h3',
        'div#cmecfMainContent > table td[width="60%"]',
        'div#cmecfMainContent > table td[width="40%"]',
        'b > u',
        'td[align="right"][width="20%"]',
        'table[rules="all"] a[onclick^="goDLS"]',
        'table[rules="all"] th',
        'center > table[bgcolor="white"]',
      ],
      ['div#cmecfMainContent > h3', 'table[rules="all"]', 'table[rules="all"] th', 'center > table[bgcolor="white"]'],
    );
    expect(texts(mock, 'table[rules="all"] tr:first-child > *')).toEqual(texts(real, 'table[rules="all"] tr:first-child > *'));
    expect(texts(mock, 'div#cmecfMainContent > h3')[0]).toMatch(/^U\.S\. District Court Southern District of Florida \(Miami\) CIVIL DOCKET FOR CASE #: 1:26-cv-20001-MAT$/);
    expect(texts(real, 'div#cmecfMainContent > h3')[0]).toMatch(/^U\.S\. District Court Eastern District of New York \(Brooklyn\) CIVIL DOCKET FOR CASE #: /);
    expect(Object.keys(receiptOf(mock))).toEqual(Object.keys(receiptOf(real)));
    expect(receiptOf(mock)['Description']).toBe(receiptOf(real)['Description']);
  });

  it('a criminal docket nests as txsd_1.html: "Case title:", the defendant with its counts, then the plaintiff', async () => {
    app = await makeApp();
    const mock = parsed(await docketPage('flsd', '1:26-cr-20088'));
    const real = captured('dockets/district/txsd_1.html');
    sameShape(mock, real, ['div#cmecfMainContent > h3', 'div#cmecfMainContent > hr + table b > u'], ['div#cmecfMainContent > hr', 'div#cmecfMainContent > table']);
    expect(texts(mock, 'b > u')).toEqual(texts(real, 'b > u'));
    expect(texts(mock, 'td[width="60%"]')[0]).toMatch(/^Case title: /);
    expect(texts(mock, 'div#cmecfMainContent > h3')[0]).toMatch(/CRIMINAL DOCKET FOR CASE #: 1:26-cr-20088-TWH-1$/);
  });

  it('a bankruptcy docket nests as wiwb_1.html: the number in center > b > font, table.DktRpt, <i><b>role</b></i>', async () => {
    app = await makeApp();
    const mock = parsed(await docketPage('flsb', '1:26-bk-10234', { page_count: 'on' }, FLSB));
    const real = captured('dockets/bankruptcy/wiwb_1.html');
    sameShape(mock, real, ['div#cmecfMainContent > center > b > font', 'table.DktRpt i > b', 'table.DktRpt th', 'table.DktRpt td[width="30"] a', 'table.DktRpt td[width="30"] nobr'], ['table.DktRpt th']);
    expect(texts(mock, 'table.DktRpt th')).toEqual(texts(real, 'table.DktRpt th'));
    expect(mock('div#cmecfMainContent > center > b > font').first().html()).toBe('U.S. Bankruptcy Court<br>Southern District of Florida (Miami)<br>Bankruptcy Petition #: 26-10234-RAM');
    expect(real('div#cmecfMainContent > center > b > font').first().html()).toMatch(/^U\.S\. Bankruptcy Court<br>Western District of Wisconsin .*<br>Bankruptcy Petition #: 1-12-10572-tsu$/);
  });

  it('View multiple documents nests as dcd_3.html', async () => {
    app = await makeApp();
    const mock = parsed(await docketPage('flsd', '1:26-cv-20001', { view_multi_docs: 'on' }));
    const real = captured('dockets/district/dcd_3.html');
    sameShape(mock, real, [
      'form[name="view_multi_docs"] > input[name="caseid"]',
      'form[name="view_multi_docs"] input[name="all_documents"]',
      'form[name="view_multi_docs"] div.show_filesize',
      'form[name="view_multi_docs"] table table input[name^="document_"]',
      '#view_button',
      '#download_button',
      '#total_size_display',
      '#file_too_big',
    ]);
    expect(mock('form[name="view_multi_docs"]').attr('action')).toMatch(/^show_multidocs\.pl\?caseid=\d+&pdf_header=2&pdf_toggle_possible=0$/);
    expect(mock('input[name^="document_"]').first().attr('value')).toMatch(/^\d+-\d+-\d+$/);
  });

  it('the form nests as alsb_103785005735335.html: the widget, the date and number fields, sort1, Run Report', async () => {
    app = await makeApp();
    const res = await app.inject({ url: '/cgi-bin/DktRpt.pl', cookies: sessionCookies(app), headers: { host: FLSB } });
    const mock = parsed(res.body);
    const real = captured('dockets/not_dockets/alsb_103785005735335.html');
    const widget = ['#all_case_ids', '#case_number_area', '#case_number_text_area_0', '#case_number_show_button_0', '#case_number_hide_button_0', '#case_number_find_button_0', '#case_number_message_area_0', '#case_number_pick_area_0'];
    const fields = ['input[name="date_type"]', '#date_from', '#date_to', 'input[name="documents_numbered_from_"]', 'input[name="documents_numbered_to_"]', '#terminated_parties', '#page_count', '#view_multi_docs', 'input[name="output_format"]', 'select[name="sort1"] option', 'input[name="button1"][value="Run Report"]'];
    for (const s of [...widget, ...fields]) expect(mock(s).length, s).toBe(real(s).length);
    for (const s of widget) expect(mock(s).prop('tagName'), s).toBe(real(s).prop('tagName'));
    expect(mock('select[name="sort1"] option').toArray().map((o) => mock(o).attr('value'))).toEqual(real('select[name="sort1"] option').toArray().map((o) => real(o).attr('value')));
    for (const $ of [mock, real]) {
      expect($('form').attr('action')).toMatch(/^\.\.\/cgi-bin\/DktRpt\.pl\?\d{15}-L_1_0-1$/);
      expect($('form').attr('enctype')).toBe('multipart/form-data');
      expect($.html()).toContain('<!---ShowPage(DktRpt.htm)--->');
    }
  });

  it('the large-docket page and "Case not found." read as cod_147282.html and ned_43267.html', async () => {
    app = await makeApp();
    const big = parsed(await docketPage('flsd', '1:24-cv-21555', { date_from: '' }));
    const real = captured('dockets/not_dockets/cod_147282.html');
    expect(big('input[name="date_from"][type="radio"]').length).toBe(real('input[name="date_from"][type="radio"]').length);
    expect(big('form').attr('action')).toMatch(/^\.\.\/cgi-bin\/DktRpt\.pl\?\d{15}-L_1_1-1$/);
    expect(texts(big, 'p').join(' ')).toContain(texts(real, 'p')[0]);
    expect(docketErrorHits(big.html())).toContain('The\\s+report\\s+may\\s+take\\s+a\\s+long\\s+time\\s+to\\s+run\\s+because\\s+this\\s+case\\s+has\\s+many\\s+docket\\s+entries');

    const nf = await postDocketReport(app, 999_999, sessionCookies(app));
    const ned = captured('dockets/not_dockets/ned_43267.html');
    const mock = parsed(nf.body);
    sameShape(mock, ned, ['div#cmecfMainContent > h3', 'div#cmecfMainContent input[value="Back"]']);
    expect(texts(mock, 'h3')).toEqual(texts(ned, 'h3'));
    expect(mock('script').text()).toContain(ned('div#cmecfMainContent script').text());
  });

  it('the history report nests as dcd_134505.html, and as flsb_703069.html at a bankruptcy court', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const form = await app.inject({ url: `/cgi-bin/HistDocQry.pl?${id('flsd', '1:26-cv-20001')}`, cookies });
    const page = await postForm(app, `/cgi-bin/HistDocQry.pl?${nonceFromForm(form.body)}`, { QueryType: 'History', sort1: 'asc', DisplayDktText: 'DisplayDktText' }, cookies);
    const mock = parsed(page.body);
    const real = captured('docket_history_reports/dcd_134505.html');
    sameShape(mock, real, ['div#cmecfMainContent > center > b > font[size="+1"]', 'h2', 'center > table th', 'td[rowspan="2"] a[onclick^="goDLS"]', 'td[colspan="2"] > i'], ['h2']);
    expect(texts(mock, 'center > table tr:first-child th')).toEqual(texts(real, 'center > table tr:first-child th'));
    expect(Object.keys(receiptOf(mock))).toEqual(Object.keys(receiptOf(real)));
    expect(receiptOf(mock)['Description']).toBe('History/Documents');

    const bkForm = await app.inject({ url: `/cgi-bin/HistDocQry.pl?${id('flsb', '1:26-bk-10234')}`, cookies, headers: { host: FLSB } });
    const bk = parsed((await postForm(app, `/cgi-bin/HistDocQry.pl?${nonceFromForm(bkForm.body)}`, { QueryType: 'History', sort1: 'asc' }, cookies, FLSB)).body);
    const flsb = captured('docket_history_reports/flsb_703069.html');
    sameShape(bk, flsb, ['div#cmecfMainContent > center > b > font[size="+1"]', 'center > b > font[size="5"]', 'center > table th']);
    // The labels after the number and the empty <b></b>: Case type, Chapter, Asset, Vol, Judge, Date filed, ...
    expect(texts(bk, 'div#cmecfMainContent > center:first-of-type > b').slice(1, 8)).toEqual(texts(flsb, 'div#cmecfMainContent > center:first-of-type > b').slice(1, 8));
  });

  it('the written opinions report nests as cand_2.html: its first <table> is the results', async () => {
    app = await makeApp();
    const page = await postForm(app, '/cgi-bin/WrtOpRpt.pl?1-L_1_0-1', { filed_from: '01/01/2025', filed_to: '12/31/2026', ShowFull: '1', Key1: 'cs_sort_case_numb', all_case_ids: '0' }, sessionCookies(app));
    const mock = parsed(page.body);
    const real = captured('free_opinion_report/cand_2.html');
    sameShape(mock, real, ['center > h2', 'form[name="view_multi_docs"] > table', 'form[name="view_multi_docs"] td a[onclick^="goDLS"]', 'td > i'], ['center > h2', 'table']);
    expect(texts(mock, 'table:first-of-type tr:first-child th')).toEqual(texts(real, 'table:first-of-type tr:first-child th'));
    expect(texts(mock, 'center > table td b')).toEqual(texts(real, 'center > table td b'));
  });

  it('the case-number lookups read as the captured XML', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const one = (await app.inject({ url: '/cgi-bin/possible_case_numbers.pl?1:26-cv-20001', cookies })).body;
    const techProps = raw('possible_case_numbers/technology-properties.xml');
    for (const x of [one, techProps]) expect(x).toMatch(/^<request number="[^"]+">\s*<case number="[^"]+"\s+id="\d+"\s+title="[^"]+"\s+sortable="[^"]+"\/>\s*<\/request>\s*$/);
    const none = (await app.inject({ url: '/cgi-bin/possible_case_numbers.pl?99-99999', cookies })).body;
    expect(none.replace(/99-99999/g, 'N')).toBe(raw('possible_case_numbers/no_results.xml').replace(/8202055/g, 'N').replace(/\s*\n\s*/g, ''));
    const sealed = (await app.inject({ url: '/cgi-bin/possible_case_numbers.pl?1:26-mj-02014', cookies })).body;
    expect(sealed.replace(/1:26-mj-02014/, 'N')).toBe(raw('possible_case_numbers/sealed_case.xml').replace(/1202634/, 'N').replace(/\s*\n\s*/g, ''));
  });
});
