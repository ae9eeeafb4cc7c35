import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.js';
import { seededCase } from '../support/court-records.js';
import { captured, CAPTURED_DIR, parsed, pathTo, receiptOf, selectorCounts, texts } from '../support/captured.js';
import {
  caseQueryFields,
  JURISCRAPER_QUERY_URL,
  postForm,
  readCaseQuery,
  readSelectACase,
  sessionCookies,
} from '../support/case-query.js';

/**
 * Query's pages against the captured real ones (test/fixtures/third_party/juriscraper, SOURCES.md),
 * on the selectors clients use: nesting (pathTo), counts and texts. The readers in
 * support/case-query.ts are first checked against the captured pages and juriscraper's own .json.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const capturedJson = <T>(path: string): T => JSON.parse(readFileSync(join(CAPTURED_DIR, path), 'utf8')) as T;

async function mockPage(fields: Record<string, string>, host = 'localhost'): Promise<CheerioAPI> {
  const page = await postForm(app, JURISCRAPER_QUERY_URL, fields, sessionCookies(app), host);
  expect(page.statusCode).toBe(200);
  return parsed(page.body);
}

/** A captured page, and the mock's answer to a Query posted on a fresh app (fields may name cases by court and number). */
async function pair(file: string, fields: (find: typeof caseId) => Record<string, string>, host = 'localhost'): Promise<{ real: CheerioAPI; mock: CheerioAPI }> {
  app = await makeApp();
  return { real: captured(file), mock: await mockPage(fields(caseId), host) };
}

/** A seeded case's PACER case id, the id pages use. */
const caseId = (court: string, number: string): number => seededCase(app, court, number).pacerCaseId;

/** The case menu's links by their text, as /cgi-bin/<script>.pl?<id>, with the id replaced by "ID". */
const menuLinks = ($: CheerioAPI) =>
  $('div#cmecfMainContent table td a')
    .toArray()
    .map((a) => `${$(a).text()} -> ${($(a).attr('href') ?? '').replace(/^https:\/\/ecf\.\w+\.uscourts\.gov/, '').replace(/\d+$/, 'ID')}`);

describe('the case summary, as case_queries/flsd.html', () => {
  it("is read by juriscraper's rules as its .json says (the reader's own check)", () => {
    for (const court of ['flsd', 'dcd']) {
      const json = capturedJson<Record<string, string | null>>(`case_queries/${court}.json`);
      const got = readCaseQuery(captured(`case_queries/${court}.html`));
      expect(got['docket_number']?.startsWith(json['docket_number'] ?? '?')).toBe(true);
      for (const key of ['case_name_raw', 'assigned_to_str', 'referred_to_str', 'date_filed', 'date_terminated', 'date_last_filing']) {
        expect(got[key], `${court} ${key}`).toBe(json[key] ?? undefined);
      }
    }
  });

  it('nests the centered block, the Mobile Query link and the case menu as captured', async () => {
    const { real, mock } = await pair('case_queries/flsd.html', (find) => caseQueryFields(find('flsd', '1:25-cv-24780')));

    const selectors = [
      'div#cmecfMainContent > center',
      'div#cmecfMainContent > center > b > font',
      'div#cmecfMainContent a[href*="mobile_query.pl?search=caseInfo&caseid="]',
      'div#cmecfMainContent a[href*="qryAlias.pl?"]',
      'div#cmecfMainContent a[href*="DktRpt.pl?"]',
      'div#cmecfMainContent strong',
    ];
    for (const selector of selectors) expect(pathTo(mock, selector), selector).toBe(pathTo(real, selector));
    expect(selectorCounts(mock, selectors)).toEqual(selectorCounts(real, selectors));
    // flsd.html's menu has two court-specific items the brief leaves out: Case File Location..., Status.
    expect(menuLinks(mock)).toEqual(menuLinks(real).filter((l) => !/^(Case File Location|Status)\.* /.test(l)));
    // The labels of the centered block, in the captured order (a closed case, no judges yet).
    expect(texts(mock, 'div#cmecfMainContent center > b').slice(1)).toEqual(texts(real, 'div#cmecfMainContent center > b').slice(1));
    expect(mock('script').text()).toMatch(/document\.cookie = "CASE_NUM=1:25-cv-24780\(\d+\)";/);
    expect(real('script').text()).toMatch(/document\.cookie = "CASE_NUM=1:15-cv-22692\(467116\)";/);
    // The title: the court's, then "-Case Summary for" and the number with dashes (flsd.html, dcd.html).
    expect(real('title').text()).toBe('CM/ECF - Live Database - flsd-Case Summary for 1-15-cv-22692');
    expect(mock('title').text()).toBe('CM/ECF - Live Database - flsd-Case Summary for 1-25-cv-24780');
  });

  it('answers "Case not found." as case_queries/nyed.html', async () => {
    const { real, mock } = await pair('case_queries/nyed.html', () => caseQueryFields(987654));
    for (const selector of ['h3', 'input[type="button"][value="Back"]']) expect(pathTo(mock, selector), selector).toBe(pathTo(real, selector));
    expect(texts(mock, 'div#cmecfMainContent h3')).toEqual(texts(real, 'div#cmecfMainContent h3'));
    expect(mock('input[value="Back"]').attr('onclick')).toBe(real('input[value="Back"]').attr('onclick'));
  });
});

describe('"Select a Case", as case_queries_advanced/cacb.html and canb_3.html', () => {
  it("is read by juriscraper's rules as its .json says (the reader's own check)", () => {
    type Row = { case_name: string; chapter: string; date_filed: string; date_closed: string | null; docket_number: string; pacer_case_id: string };
    for (const file of ['cacb', 'canb_3']) {
      const json = capturedJson<Row[]>(`case_queries_advanced/${file}.json`);
      const rows = readSelectACase(captured(`case_queries_advanced/${file}.html`), { chapterColumn: true });
      expect(rows).toHaveLength(json.length);
      rows.forEach((r, i) => {
        const want = json[i];
        expect(r.docket_number.startsWith(want?.docket_number ?? '?')).toBe(true);
        expect([r.pacer_case_id, r.date_filed, r.date_closed]).toEqual([want?.pacer_case_id, want?.date_filed, want?.date_closed]);
      });
    }
  });

  it('a name search at a bankruptcy court: the same columns, rows, classes, links and counts as cacb.html', async () => {
    const { real, mock } = await pair('case_queries_advanced/cacb.html', () => ({ last_name: 'hernandez' }), 'ecf.flsb.uscourts.gov');

    expect(texts(mock, 'h2')).toEqual(texts(real, 'h2'));
    expect(texts(mock, 'td font b')).toEqual(texts(real, 'td font b'));
    for (const selector of ['h2', 'tr.rowBackground1', 'tr.rowbackground2', 'tr.rowBackground1 td a', 'td font b']) {
      expect(pathTo(mock, selector), selector).toBe(pathTo(real, selector));
    }
    const cells = ($: CheerioAPI) => $('tr.rowBackground1, tr.rowbackground2').toArray().map((tr) => $(tr).children('td').length);
    expect(new Set(cells(mock))).toEqual(new Set(cells(real)));
    expect(mock('tr[class="rowBackground2"]').length).toBe(0);
    expect(mock('tr.rowBackground1 a').attr('href')).toMatch(/^iquery\.pl\?\d+-L_1_0-0-\d+$/);
    expect(real('tr.rowBackground1 a').attr('href')).toMatch(/^iquery\.pl\?\d+-L_1_0-0-\d+$/);
    const counts = (t: string[]) => t.filter((s) => /^There were \d+ matching (persons|cases)\.$/.test(s)).map((s) => s.replace(/\d+/, 'N'));
    expect(counts(texts(mock, 'b'))).toEqual(counts(texts(real, 'b')));
    // "Name (pty) (N case)" in the first cell.
    const nameCell = ($: CheerioAPI) => $('tr.rowBackground1 td').first().text().replace(/\s+/g, ' ').trim();
    expect(nameCell(mock)).toMatch(/^.+ \(pty\) \(1 case\)$/);
    expect(nameCell(real)).toMatch(/^.+ \(pty\) \(1 case\)$/);
    expect(receiptOf(mock)['Description']).toBe(receiptOf(real)['Description']);
  });

  it('a district court leaves out only the Chapter column', async () => {
    const { real, mock } = await pair('case_queries_advanced/cacb.html', () => ({ last_name: 'smith' }));
    expect(texts(mock, 'td font b')).toEqual(texts(real, 'td font b').filter((t) => t !== 'Chapter / Lead BK case'));
  });

  it('a date search lists cases with the columns of canb_3.html', async () => {
    const { real, mock } = await pair('case_queries_advanced/canb_3.html', () => ({ Qry_filed_from: '01/01/2026', Qry_filed_to: '12/31/2026' }), 'ecf.flsb.uscourts.gov');
    expect(texts(mock, 'tr[style] td')).toEqual(texts(real, 'tr[style] td'));
    expect(texts(mock, 'h2')).toEqual(texts(real, 'h2'));
    for (const selector of ['tr.rowBackground1', 'tr.rowbackground2 td a']) expect(pathTo(mock, selector), selector).toBe(pathTo(real, selector));
    expect(mock('tr.rowBackground1').first().children('td').length).toBe(real('tr.rowBackground1').first().children('td').length);
    expect(texts(mock, 'b').filter((t) => /matching/.test(t)).map((t) => t.replace(/\d+/, 'N'))).toEqual(['There were N matching cases.']);
  });
});

describe('"No match found", as case_queries_advanced/canb_2.html', () => {
  it('keeps its receipt, with the same criteria, pages and cost for the same search', async () => {
    const { real, mock } = await pair('case_queries_advanced/canb_2.html', () => ({ last_name: 'lissner', first_name: 'michael' }), 'ecf.flsb.uscourts.gov');
    expect(texts(mock, 'div#cmecfMainContent h2')).toEqual(texts(real, 'div#cmecfMainContent h2'));
    expect(pathTo(mock, 'h2')).toBe(pathTo(real, 'h2'));
    const { ['PACER Login']: _l, ['Client Code']: _c, time: _t, ...realReceipt } = receiptOf(real);
    const { ['PACER Login']: _ml, ['Client Code']: _mc, time: _mt, ...mockReceipt } = receiptOf(mock);
    expect(mockReceipt).toEqual(realReceipt);
    expect(mockReceipt).toEqual({ Description: 'Search', 'Search Criteria': 'LName: lissner FName: michael', 'Billable Pages': '1', Cost: '0.10' });
  });
});

describe('the Query form', () => {
  it("has the case-number widget's captured markup (dockets/not_dockets/alsb_103785005735335.html)", async () => {
    const real = captured('dockets/not_dockets/alsb_103785005735335.html');
    app = await makeApp();
    const page = await app.inject({ url: '/cgi-bin/iquery.pl', cookies: sessionCookies(app) });
    const mock = parsed(page.body);
    const widget = ($: CheerioAPI) =>
      $('span#case_number_area')
        .children()
        .toArray()
        .map((el) => [el.tagName, $(el).attr('id'), $(el).attr('name'), $(el).attr('type'), $(el).attr('value'), $(el).attr('style')].join(' '));
    expect(widget(mock)).toEqual(widget(real));
    expect(mock('input#all_case_ids[type="hidden"][name="all_case_ids"]').length).toBe(1);
    expect(mock('input#case_number_text_area_0').attr('autocomplete')).toBe('off');
    // Both post multipart to <script>.pl?<digits>-L_1_0-1, relative as captured.
    const form = ($: CheerioAPI) => $('form').first();
    expect(form(mock).attr('action')).toMatch(/^\.\.\/cgi-bin\/iquery\.pl\?\d{15}-L_1_0-1$/);
    expect(form(real).attr('action')).toMatch(/^\.\.\/cgi-bin\/DktRpt\.pl\?\d{15}-L_1_0-1$/);
    for (const attr of ['method', 'enctype']) expect(form(mock).attr(attr)).toBe(form(real).attr(attr));
  });

  it("has every field clients send, by its real name, and the input[type=button] Run Query", async () => {
    app = await makeApp();
    const $ = parsed((await app.inject({ url: '/cgi-bin/iquery.pl', cookies: sessionCookies(app) })).body);
    const form = $('form').first();
    for (const name of ['UserType', 'all_case_ids', 'case_num', 'Qry_filed_from', 'Qry_filed_to', 'lastentry_from', 'lastentry_to', 'last_name', 'first_name', 'middle_name', 'person_type']) {
      expect(form.find(`[name="${name}"]`).length, name).toBe(1);
    }
    // The selectors a browser client fills the form by.
    const selectors = [
      'input[type="radio"][name="case_status"]',
      'input[type="text"][name="Qry_filed_from"]',
      'input[type="text"][name="lastentry_to"]',
      'select#nature_suit option',
      'select#cause_action',
      'input[type="text"][name="last_name"]',
      'input[type="checkbox"][name="ExactMatch"]',
      'select#person_type',
      'input[type="button"][value="Run Query"]',
      'input#case_number_find_button_0',
    ];
    for (const s of selectors) expect(form.find(s).length, s).toBeGreaterThan(0);
    expect(form.find('input[type="radio"][name="case_status"]').toArray().map((r) => $(r).attr('value'))).toEqual(['open', 'closed', 'all']);
    expect(form.find('select#person_type option').toArray().map((o) => $(o).attr('value'))).toEqual(['', 'Attorney', 'Party']);
    expect(form.find('select#nature_suit').attr('multiple')).toBeDefined();
    expect(form.find('select#nature_suit option').first().text().split(/\s/)[0]).toMatch(/^\d{3}$/);
    // With scripting on (as in a browser), the only submitting control is the script's button.
    expect(form.find('input[type="submit"], button').length).toBe(0);
  });
});
