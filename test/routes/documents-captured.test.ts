import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.js';
import { captured, CAPTURED_DIR, parsed, pathTo, receiptOf, selectorCounts, texts } from '../support/captured.js';
import { sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { readAttachmentPage, readConfirmation } from '../support/juriscraper-documents.js';

/**
 * The document pages against the captured real ones (attachment_pages/*, confirmation_pages/*):
 * nesting (pathTo), selector counts and texts on what clients select, then juriscraper's own
 * readers (support/juriscraper-documents.ts, first checked against the captured pages' .json)
 * applied to the mock's pages and compared with the seed.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const capturedJson = <T>(path: string): T => JSON.parse(readFileSync(join(CAPTURED_DIR, path), 'utf8')) as T;
const HOSTS = { flsd: 'ecf.flsd.uscourts.gov', nysd: 'ecf.nysd.uscourts.gov', flsb: 'ecf.flsb.uscourts.gov' } as const;

async function mockPage(court: keyof typeof HOSTS, path: string): Promise<CheerioAPI> {
  const page = await app.inject({ method: 'GET', url: path, cookies: sessionCookies(app), headers: { host: HOSTS[court] } });
  expect(page.statusCode, path).toBe(200);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  return parsed(page.body);
}

/** A seeded document's doc1 id: its entry's document number, attachment, and the menu digit. */
function docId(court: keyof typeof HOSTS, caseNumber: string, docNumber: number, attachment = 0, menu = false): string {
  const c = seededCase(app, court, caseNumber);
  const entry = app.repos.docketEntries.byNumber(c.id, docNumber);
  const doc = entry && app.repos.documents.forEntry(entry.id).find((d) => d.attachment === attachment);
  if (!doc) throw new Error(`no document ${docNumber}-${attachment} in ${caseNumber}`);
  return `${app.repos.courts.byCode(court)?.docPrefix ?? ''}${menu ? 0 : 1}${doc.serial}`;
}

describe("juriscraper's readers, on the captured pages", () => {
  it('read the attachment pages as their .json says', () => {
    for (const [file, bankruptcy] of [
      ['flsd_0510267', false],
      ['nysd_12708012898', false],
      ['deb_04218015230', true],
      ['mab_094126221797', true],
    ] as const) {
      const json = capturedJson<Record<string, unknown> & { attachments: Record<string, unknown>[] }>(`attachment_pages/${file}.json`);
      const got = readAttachmentPage(captured(`attachment_pages/${file}.html`), { bankruptcy });
      expect(got, file).not.toBeNull();
      // (nysd's .json predates file_size_bytes: compared where the .json has it.)
      for (const key of ['document_number', 'pacer_doc_id', 'pacer_case_id', 'page_count', 'file_size_str', 'file_size_bytes'].filter((k) => k in json)) {
        expect(got?.[key as keyof typeof got], `${file} ${key}`).toEqual(json[key]);
      }
      // deb's .json was made by a newer parser that also reads the seq number off View All (not in the digest).
      const rowKeys = ['attachment_number', 'description', 'page_count', 'file_size_str', 'pacer_doc_id', ...(bankruptcy ? [] : ['pacer_seq_no'])];
      const pick = (row: object) => Object.fromEntries(rowKeys.map((k) => [k, (row as Record<string, unknown>)[k]]));
      expect(got?.attachments.map(pick), file).toEqual(json.attachments.map(pick));
    }
  });

  it('read the download confirmations as their .json says', () => {
    for (const file of ['cand_1', 'ctd_1']) {
      const json = capturedJson<Record<string, string | null>>(`confirmation_pages/${file}.json`);
      const got = readConfirmation(captured(`confirmation_pages/${file}.html`));
      expect(got).not.toBeNull();
      for (const key of ['billable_pages', 'cost', 'docket_number', 'document_description', 'document_number'] as const) expect(got?.[key], `${file} ${key}`).toBe(json[key]);
      expect(new Date(`${got?.transaction_date ?? ''} UTC`).toISOString().replace('.000', '')).toBe(json['transaction_date']);
    }
  });
});

describe('the district attachment menu, as attachment_pages/flsd_0510267.html', () => {
  const SELECTORS = [
    'div#cmecfMainContent > p > b',
    'div#cmecfMainContent > p > span',
    'div#cmecfMainContent > form > table',
    'td > b',
    'input#view_button[type="button"]',
    'input#download_button[type="button"]',
    'input#total_page_counter[type="hidden"]',
    'input#total_size_counter[type="hidden"]',
    'td#total_page_display',
    'td#total_size_display',
    'div#file_too_big',
    'div#file_too_big > b',
  ];

  it('nests the headings, the table, buttons, totals and note as captured, with the captured counts and texts', async () => {
    app = await makeApp();
    // Alvarez doc 4: two attachments, the second restricted (the captured one has one, restricted).
    const mock = await mockPage('flsd', `/doc1/${docId('flsd', '1:26-cv-20001', 4, 0, true)}`);
    const real = captured('attachment_pages/flsd_0510267.html');
    for (const s of [...SELECTORS, 'input[name^="document_"]', 'a[onclick*="goDLS"]']) expect(pathTo(mock, s), s).toBe(pathTo(real, s));
    expect(selectorCounts(mock, SELECTORS)).toEqual(selectorCounts(real, SELECTORS));
    expect(texts(mock, 'div#cmecfMainContent > p')).toEqual(texts(real, 'div#cmecfMainContent > p'));
    expect(texts(mock, 'td > b')).toEqual(texts(real, 'td > b'));
    expect(texts(mock, 'div#file_too_big')).toEqual(texts(real, 'div#file_too_big'));
    // Every row: the captured cells (the main document's row has 6, an attachment's 5) and attributes.
    const rowShape = ($: CheerioAPI, row: string) => $(row).children('td').toArray().map((td) => `${$(td).attr('colspan') ?? ''}/${$(td).attr('width') ?? ''}`);
    expect(rowShape(mock, 'tr:has(input[name$="_0"])')).toEqual(rowShape(real, 'tr:has(input[name$="_0"])'));
    expect(rowShape(mock, 'tr:has(input[name$="_2"])')).toEqual(rowShape(real, 'tr:has(input[name$="_1"])'));
    // The restricted attachment reads as the captured one: "*Restricted*", 0 bytes, no pages, "0 B".
    const restricted = mock('tr:has(input[name$="_2"])');
    expect(restricted.find('input').attr('value')).toMatch(/^\d+-0-0$/);
    expect(texts(mock, 'tr:has(input[name$="_2"]) > td').slice(2)).toEqual(texts(real, 'tr:has(input[name$="_1"]) > td').slice(2));
    // The buttons' targets: show_multidocs.pl with the captured query.
    const target = (s: CheerioAPI) => (s('#view_button').attr('onclick') ?? '').replace(/caseid=\d+&arr_de_seq_nums=\d+/, 'caseid=C&arr_de_seq_nums=S');
    expect(target(mock)).toBe(target(real));
  });

  it("is read by juriscraper's AttachmentPage as the seed has it", async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsd', '1:26-cv-20001');
    const entry = app.repos.docketEntries.byNumber(c.id, 4);
    const [main, exhibitA, exhibitB] = app.repos.documents.forEntry(entry?.id ?? 0);
    const got = readAttachmentPage(await mockPage('flsd', `/doc1/${docId('flsd', '1:26-cv-20001', 4, 0, true)}`), { bankruptcy: false });
    expect(got).toEqual({
      document_number: 4,
      pacer_doc_id: `0510${main?.serial}`,
      pacer_case_id: '642110',
      pacer_seq_no: String(entry?.seq),
      page_count: 18,
      file_size_str: '13.1 KB',
      file_size_bytes: main?.bytes,
      attachments: [
        {
          attachment_number: 1,
          description: 'Exhibit A - Employment Agreement',
          page_count: 6,
          file_size_str: '4.9 KB',
          file_size_bytes: exhibitA?.bytes,
          pacer_doc_id: `0510${exhibitA?.serial}`,
          pacer_seq_no: String(entry?.seq),
        },
        { attachment_number: 2, description: '*Restricted*', page_count: null, file_size_str: '', pacer_doc_id: `0510${exhibitB?.serial}`, pacer_seq_no: String(entry?.seq) },
      ],
    });
  });

  it('at NYSD, says "10.1 MB" and checks 10,590,617.6 bytes, as nysd_12708012898 does; sizes over 1 MB read in MB', async () => {
    app = await makeApp();
    const page = await app.inject({ url: `/doc1/${docId('nysd', '1:26-cv-01234', 5, 0, true)}`, cookies: sessionCookies(app), headers: { host: HOSTS.nysd } });
    const mock = parsed(page.body);
    const real = captured('attachment_pages/nysd_12708012898.html');
    expect(texts(mock, 'div#file_too_big')).toEqual(texts(real, 'div#file_too_big'));
    expect(page.body).toContain('var LIMIT = 10590617.6;');
    const got = readAttachmentPage(mock, { bankruptcy: false });
    expect(got?.attachments).toHaveLength(12);
    expect(got?.attachments.map((a) => a.attachment_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Exhibit 11 (5,800,000 bytes): "  5.7 MB" in the cell, as the captured "  2.0 MB".
    expect(got?.attachments[10]).toMatchObject({ description: 'Exhibit 11 - Video Stills', page_count: 40, file_size_str: '5.7 MB', file_size_bytes: 5_800_000 });
    expect(mock('tr:has(input[name="document_5_11"]) > td').last().text()).toBe('  5.7 MB');
    // The total is over the limit: the note's text is there for the script to show.
    expect(mock('td#total_size_display').text()).toMatch(/^ *1\d\.\d MB$/);
    expect(got?.attachments.every((a) => a.pacer_doc_id.startsWith('1270'))).toBe(true);
  });
});

describe('the bankruptcy attachment menu, as attachment_pages/deb_04218015230.html', () => {
  it('has no document-number row, numbers the main document Part 1, and nests as captured', async () => {
    app = await makeApp();
    const c = seededCase(app, 'flsb', '1:26-bk-10234');
    const entry = app.repos.docketEntries.byNumber(c.id, 3);
    const [main, a, b] = app.repos.documents.forEntry(entry?.id ?? 0);
    const mock = await mockPage('flsb', `/doc1/${docId('flsb', '1:26-bk-10234', 3, 0, true)}`);
    const real = captured('attachment_pages/deb_04218015230.html');
    const selectors = ['div#cmecfMainContent > table[cellpadding="4"]', 'table[cellpadding="4"] th', 'a[oncontextmenu]', 'input[type="button"][value="View All"]', 'input[type="button"][value="Download All"]'];
    for (const s of selectors) expect(pathTo(mock, s), s).toBe(pathTo(real, s));
    expect(texts(mock, 'div#cmecfMainContent > p')).toEqual(texts(real, 'div#cmecfMainContent > p'));
    expect(texts(mock, 'table[cellpadding="4"] th')).toEqual(texts(real, 'table[cellpadding="4"] th'));
    expect(mock('input[name^="document_"]')).toHaveLength(0);
    expect(readAttachmentPage(mock, { bankruptcy: true })).toEqual({
      document_number: null,
      pacer_doc_id: `0500${main?.serial}`,
      pacer_case_id: String(c.pacerCaseId),
      pacer_seq_no: null,
      page_count: 19,
      file_size_str: '',
      attachments: [
        { attachment_number: 1, description: 'Exhibit A - Proposed Interim Order', page_count: 9, file_size_str: '', pacer_doc_id: `0500${a?.serial}`, pacer_seq_no: null },
        { attachment_number: 2, description: 'Exhibit B - Budget', page_count: 3, file_size_str: '', pacer_doc_id: `0500${b?.serial}`, pacer_seq_no: null },
      ],
    });
    // The last row totals the pages (deb: "10 pages").
    expect(mock('table[cellpadding="4"] tr').last().children('td').last().text()).toBe('31 pages');
  });
});

describe('the download confirmation, as confirmation_pages/cand_1.html', () => {
  it('nests the sentence, the form, the receipt and the submit button as captured', async () => {
    app = await makeApp();
    const id = docId('flsd', '1:26-cv-20001', 1);
    const mock = await mockPage('flsd', `/doc1/${id}`);
    const real = captured('confirmation_pages/cand_1.html');
    const selectors = [
      'div#cmecfMainContent > p',
      'form[method="post"]',
      'form > hr',
      'form > center > table[border="1"][bgcolor="white"][width="400"]',
      'form > input[type="submit"][value="View Document"]',
      'font[color="DARKRED"]',
    ];
    for (const s of selectors) expect(pathTo(mock, s), s).toBe(pathTo(real, s));
    expect(selectorCounts(mock, [...selectors, 'form input', 'form'])).toEqual(selectorCounts(real, [...selectors, 'form input', 'form']));
    expect(texts(mock, 'div#cmecfMainContent > p')).toEqual(texts(real, 'div#cmecfMainContent > p'));
    expect(Object.keys(receiptOf(mock))).toEqual(Object.keys(receiptOf(real)));
    // The form posts to the page's own absolute address; its onsubmit is goDLS with got_receipt 1.
    expect(mock('form').attr('action')).toBe(`http://${HOSTS.flsd}/doc1/${id}`);
    expect(mock('form').attr('onsubmit')).toBe(`goDLS('/doc1/${id}','642110','1','1','','1','','','');return(false);`);
    expect(real('form').attr('onsubmit')).toBe("goDLS('/doc1/035122812318','330489','2369','1','','1','','','');return(false);");
  });

  it("is read by juriscraper's DownloadConfirmationPage as the seed has it, and not billed", async () => {
    app = await makeApp();
    const mock = await mockPage('flsd', `/doc1/${docId('flsd', '1:26-cv-20001', 1)}`);
    const got = readConfirmation(mock);
    // Fidelity: the district pages have no "Document: PDF Document" line, so document_number is null (cand_1.json).
    expect(got).toMatchObject({ billable_pages: '14', cost: '1.40', docket_number: '1:26-cv-20001-MAT', document_description: 'Image1-0', document_number: null });
    expect(Math.abs(new Date(`${got?.transaction_date ?? ''} UTC`).getTime() - app.clock.now())).toBeLessThan(5000);
    expect(receiptOf(mock)).toMatchObject({ 'Pacer Login': 'researcher', 'Client Code': '' });
    expect(app.repos.billing.between(app.repos.pacerAccounts.byUsername('researcher')?.id ?? 0, 0, Number.MAX_SAFE_INTEGER)).toHaveLength(0);
  });
});
