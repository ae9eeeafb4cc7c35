import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_SEED, loadSeedFile } from '../../seeds/seed.js';
import { DOCUMENT_TEXT, FREE_LOOK_DAYS, TEMP_FILE_TTL_MS } from '../../server/domain/documents.js';
import { SHOW_CASE_DOC_DISTRICT_ONLY, TEMP_FILE_GONE } from '../../server/ecf/documents/document-routes.js';
import { makeApp } from '../support/app.js';
import { parsed } from '../support/captured.js';
import { postForm, sessionCookies } from '../support/case-query.js';
import { seededCase } from '../support/court-records.js';
import { docIdFromDoc1Url, goDLSArgs, readConfirmation } from '../support/juriscraper-documents.js';

/**
 * /doc1/ and its scripts as clients drive them: juriscraper's purchase (a multipart POST with
 * caseid, got_receipt=1, pdf_header=1, pdf_toggle_possible=1), its free looks (a plain GET, no
 * cookies), ShowCaseDocApi (HEAD following the redirect), the iframe delivery through
 * show_temp.pl, PacerPref receipt=N, the billing rows, and the refusals.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const LOGOUT = '/cgi-bin/login.pl?logout';
const HOST = { flsd: 'ecf.flsd.uscourts.gov', nysd: 'ecf.nysd.uscourts.gov', flsb: 'ecf.flsb.uscourts.gov' } as const;
type CourtCode = keyof typeof HOST;

/** The seeded Alvarez case (FLSD 642110) and friends, by document number. */
function doc(court: CourtCode, caseNumber: string, docNumber: number, attachment = 0) {
  const courtCase = seededCase(app, court, caseNumber);
  const entry = app.repos.docketEntries.byNumber(courtCase.id, docNumber);
  const document = entry && app.repos.documents.forEntry(entry.id).find((d) => d.attachment === attachment);
  const courtRow = app.repos.courts.byCode(court);
  if (!entry || !document || !courtRow) throw new Error(`no document ${docNumber}-${attachment} in ${caseNumber}`);
  const prefix = courtRow.docPrefix;
  return {
    courtCase,
    entry,
    document,
    /** The id with the 4th digit 1 (the document) and 0 (the menu, when the entry has attachments). */
    id: `${prefix}1${document.serial}`,
    menuId: `${prefix}0${document.serial}`,
    /** The stored PDF's bytes. */
    bytes: async () => readFileSync((await app.documents.file({ court: courtRow, courtCase, entry, document })).path),
  };
}
const alvarez = (n: number, k = 0) => doc('flsd', '1:26-cv-20001', n, k);

/** juriscraper's _query_pdf_download: multipart fields, the session's cookies. */
function purchase(id: string, caseId: number | string, cookies: Record<string, string>, extra: Record<string, string> = {}, court: CourtCode = 'flsd') {
  return postForm(app, `/doc1/${id}`, { caseid: String(caseId), got_receipt: '1', pdf_header: '1', pdf_toggle_possible: '1', ...extra }, cookies, HOST[court]);
}
const get = (url: string, cookies: Record<string, string> = {}, court: CourtCode = 'flsd', headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, cookies, headers: { host: HOST[court], ...headers } });

const researcherId = () => app.repos.pacerAccounts.byUsername('researcher')?.id ?? 0;
const bills = () => app.repos.billing.between(researcherId(), 0, Number.MAX_SAFE_INTEGER);

/** A page a visitor without a session sees: never read as logged in. */
function expectLoggedOut(r: LightMyRequestResponse) {
  expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(r.body).not.toContain(LOGOUT);
  expect(r.body).not.toContain('Cost: ');
}
/** The not-logged-in page: the script to the CSO login. */
function expectLoginPage(r: LightMyRequestResponse) {
  expectLoggedOut(r);
  expect(r.body).toContain('location.assign(');
  expect(r.body).toContain('/csologin/login.jsf');
}
/** A logged-in page answering with this text in place of the document. */
function expectRefusal(r: LightMyRequestResponse, text: string) {
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(r.body).toContain(LOGOUT);
  expect(parsed(r.body)('div#cmecfMainContent').text()).toContain(text);
}

describe('buying a document (juriscraper download_pdf)', () => {
  it('answers exactly application/pdf with the stored bytes, and bills Image<n>-<k> to the session\'s client code', async () => {
    app = await makeApp();
    const d = alvarez(1);
    const r = await purchase(d.id, 642110, sessionCookies(app, 'researcher', 'acme-7'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-length']).toBe(String(d.document.bytes));
    expect(r.rawPayload.equals(await d.bytes())).toBe(true);
    expect(r.rawPayload.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(bills()).toMatchObject([{ court: 'flsd', description: 'Image1-0', searchCriteria: '1:26-cv-20001-MAT', pages: 14, costCents: 140, clientCode: 'acme-7' }]);
    const journal = app.repos.journal.list({ actor: 'researcher', action: 'billing' });
    expect(journal.map((j) => j.detail)).toEqual(['court=flsd Image1-0: 14 page(s), 1.40, client code acme-7']);
  });

  it('caps a document at 30 pages and $3.00, on the receipt and the bill (FLSB doc 1: 42 pages)', async () => {
    app = await makeApp();
    const d = doc('flsb', '1:26-bk-10234', 1);
    expect(d.document.pages).toBe(42);
    const cookies = sessionCookies(app);
    const receipt = readConfirmation(parsed((await get(`/doc1/${d.id}`, cookies, 'flsb')).body));
    expect(receipt).toMatchObject({ billable_pages: '30', cost: '3.00', docket_number: '26-10234-RAM', document_description: 'Image1-0' });
    const r = await purchase(d.id, d.courtCase.pacerCaseId, cookies, {}, 'flsb');
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(bills()).toMatchObject([{ court: 'flsb', description: 'Image1-0', pages: 30, costCents: 300 }]);
  });

  it('bills an attachment as Image<n>-<k>, and each purchase again', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const exhibit = alvarez(4, 1);
    await purchase(exhibit.id, 642110, cookies);
    await purchase(exhibit.id, 642110, cookies);
    expect(bills().map((b) => [b.description, b.pages, b.costCents])).toEqual([
      ['Image4-1', 6, 60],
      ['Image4-1', 6, 60],
    ]);
  });

  it('answers got_receipt=0 (and a POST without it) with the confirmation, unbilled', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const d = alvarez(2);
    for (const r of [await purchase(d.id, 642110, cookies, { got_receipt: '0' }), await postForm(app, `/doc1/${d.id}`, { caseid: '642110' }, cookies, HOST.flsd)]) {
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(readConfirmation(parsed(r.body))).toMatchObject({ document_description: 'Image2-0', billable_pages: '2', cost: '0.20' });
      expect(r.body).toContain(LOGOUT);
    }
    expect(bills()).toHaveLength(0);
  });

  it('with PacerPref receipt=N, a GET goes straight to the document, billed; the menu still comes first', async () => {
    app = await makeApp();
    const cookies = { ...sessionCookies(app), PacerPref: 'receipt=N' };
    const d = alvarez(1);
    const r = await get(`/doc1/${d.id}`, cookies);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.equals(await d.bytes())).toBe(true);
    expect(bills()).toHaveLength(1);
    const menu = await get(`/doc1/${d.menuId}`, cookies);
    expect(menu.body).toContain('Document Selection Menu');
    // receipt=Y (what the CSO sets at login) keeps the confirmation.
    const withReceipt = await get(`/doc1/${d.id}`, { ...sessionCookies(app), PacerPref: 'receipt=Y' });
    expect(readConfirmation(parsed(withReceipt.body))).not.toBeNull();
    expect(bills()).toHaveLength(1);
  });

  it('answers HEAD without a body, a bill or a used free look', async () => {
    app = await makeApp();
    const d = alvarez(1);
    for (const cookies of [sessionCookies(app), { ...sessionCookies(app), PacerPref: 'receipt=N' }]) {
      const r = await app.inject({ method: 'HEAD', url: `/doc1/${d.id}`, cookies, headers: { host: HOST.flsd } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe('');
    }
    const look = await app.inject({ method: 'HEAD', url: `/doc1/${d.id}?caseid=642110&magic_num=48213377`, headers: { host: HOST.flsd } });
    expect(look.statusCode).toBe(200);
    expect(look.headers['content-type']).toBe('application/pdf');
    expect(look.headers['content-length']).toBe(String(d.document.bytes));
    expect(bills()).toHaveLength(0);
    expect(app.repos.freeLooks.byMagic('48213377')?.usedAt).toBeNull();
  });
});

describe('a court that delivers documents in an iframe (pdf_delivery "iframe")', () => {
  /** The built-in seed with NYSD set to iframe delivery. */
  async function iframeApp() {
    const seed = loadSeedFile(BUILT_IN_SEED);
    seed.courts = seed.courts.map((c) => (c.code === 'nysd' ? { ...c, pdfDelivery: 'iframe' as const } : c));
    return makeApp({}, { seed });
  }
  const iframeSrc = (html: string) => parsed(html)('iframe').first().attr('src') ?? '';

  it('is how NYSD delivers in the sandbox seed, while FLSD answers the PDF itself', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const nysd = doc('nysd', '1:26-cv-01234', 2);
    expect(iframeSrc((await purchase(nysd.id, nysd.courtCase.pacerCaseId, cookies, {}, 'nysd')).body)).toMatch(/^\/cgi-bin\/show_temp\.pl\?file=/);
    const flsd = alvarez(1);
    expect((await purchase(flsd.id, flsd.courtCase.pacerCaseId, cookies)).headers['content-type']).toBe('application/pdf');
  });

  it('answers the purchase with a logged-in page whose iframe loads the PDF from show_temp.pl for that session only', async () => {
    app = await iframeApp();
    const cookies = sessionCookies(app);
    const d = doc('nysd', '1:26-cv-01234', 2);
    const r = await purchase(d.id, d.courtCase.pacerCaseId, cookies, {}, 'nysd');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain(LOGOUT);
    const src = iframeSrc(r.body);
    expect(src).toMatch(/^\/cgi-bin\/show_temp\.pl\?file=[\w-]+\.pdf&type=application\/pdf$/);
    expect(bills()).toMatchObject([{ court: 'nysd', description: 'Image2-0' }]);

    // juriscraper fetches //iframe/@src with the same session: the PDF, exactly application/pdf.
    for (let i = 0; i < 2; i++) {
      const pdf = await get(src, cookies, 'nysd');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.equals(await d.bytes())).toBe(true);
    }
    expect(bills()).toHaveLength(1);

    // Another session, no session, another court, or after the file's lifetime: not the PDF.
    const other = await get(src, sessionCookies(app), 'nysd');
    expect(other.statusCode).toBe(404);
    expect(parsed(other.body)('div#cmecfMainContent').text()).toContain(TEMP_FILE_GONE);
    expect(other.body).toContain(LOGOUT);
    expectLoginPage(await get(src, {}, 'nysd'));
    expect((await get(src, cookies, 'flsd')).headers['content-type']).not.toBe('application/pdf');
    app.clock.advance(TEMP_FILE_TTL_MS / 1000 + 1);
    expect((await get(src, cookies, 'nysd')).statusCode).toBe(404);
  });

  it("answers a free look without a session with an iframe page (no logout link) whose file needs no cookies (juriscraper's plain requests.get)", async () => {
    app = await iframeApp();
    const d = doc('nysd', '1:26-cv-01234', 1);
    const r = await get(`/doc1/${d.id}?caseid=${d.courtCase.pacerCaseId}&magic_num=73350192`, {}, 'nysd');
    expectLoggedOut(r);
    expect(r.body).toContain('iframe');
    const pdf = await get(iframeSrc(r.body), {}, 'nysd');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.equals(await d.bytes())).toBe(true);
    expect(app.repos.freeLooks.byMagic('73350192')?.usedAt).not.toBeNull();
    expect(bills()).toHaveLength(0);
  });
});

describe('free looks (magic_num links, no session)', () => {
  const look = (id: string, magic: string, extra = '') => get(`/doc1/${id}?caseid=642110&magic_num=${magic}${extra}`);

  it('answer the PDF once per magic number, unbilled; then, as after 15 days or with a wrong number, the PACER login', async () => {
    app = await makeApp();
    const d = alvarez(1);
    const before = app.clock.now();
    const first = await look(d.id, '48213377');
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.rawPayload.equals(await d.bytes())).toBe(true);
    expect(app.repos.freeLooks.byMagic('48213377')?.usedAt).toBeGreaterThanOrEqual(before);
    // juriscraper: an HTML answer without "iframe" means "not available via magic link".
    for (const r of [await look(d.id, '48213377'), await look(d.id, '60318845'), await look(d.id, '73350192'), await look(d.id, '99999999')]) {
      expectLoginPage(r);
      expect(r.body).not.toContain('iframe');
    }
    // The other recipient's number still works, with use_magic=1 (juriscraper's "bypass the free look confirmation").
    expect((await look(d.id, '51904426', '&use_magic=1')).headers['content-type']).toBe('application/pdf');
    expect(app.repos.billing.between(researcherId(), 0, Number.MAX_SAFE_INTEGER)).toHaveLength(0);
  });

  it(`expire ${FREE_LOOK_DAYS} days after the notice, on the virtual clock`, async () => {
    app = await makeApp();
    const d = alvarez(1);
    app.clock.advance(FREE_LOOK_DAYS * 86_400 + 60);
    expectLoginPage(await look(d.id, '48213377'));
    expect(app.repos.freeLooks.byMagic('48213377')?.usedAt).toBeNull();
  });

  it("cover the entry's attachments; the menu carries the number into its links without using it", async () => {
    app = await makeApp();
    const d = alvarez(1);
    const menu = await look(d.menuId, '51904426');
    expectLoggedOut(menu);
    const $ = parsed(menu.body);
    expect($('div#topmenu')).toHaveLength(0);
    const link = $('a[onclick*="goDLS"]').eq(1);
    expect(goDLSArgs(link.attr('onclick') ?? '')[6]).toBe('51904426');
    expect(link.attr('href')).toContain('magic_num=51904426');
    expect(app.repos.freeLooks.byMagic('51904426')?.usedAt).toBeNull();
    const cover = alvarez(1, 1);
    const r = await get(link.attr('href')?.replace(/^https?:\/\/[^/]+/, '') ?? '');
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.equals(await cover.bytes())).toBe(true);
  });

  it('once used, a logged-in session gets the paid confirmation instead, the number passed on as the captured ctd_1 has it', async () => {
    app = await makeApp();
    const d = alvarez(1);
    await look(d.id, '48213377');
    const r = await get(`/doc1/${d.id}?caseid=642110&de_seq_num=1&magic_num=48213377`, sessionCookies(app));
    const $ = parsed(r.body);
    expect(readConfirmation($)).toMatchObject({ document_description: 'Image1-0', cost: '1.40' });
    expect(goDLSArgs($('form').attr('onsubmit') ?? '')[6]).toBe('48213377');
  });

  it('never open a restricted or sealed document: the login page instead', async () => {
    app = await makeApp();
    // The magic number of doc 1 does not reach doc 10 (restricted) or doc 7 (sealed) either way.
    expectLoginPage(await look(alvarez(10).id, '48213377'));
    expectLoginPage(await look(alvarez(7).id, '48213377'));
    expect(app.repos.freeLooks.byMagic('48213377')?.usedAt).toBeNull();
  });
});

describe('refusals and bad input', () => {
  it('never serves a sealed document, a restricted one, or one of a case under seal, and bills nothing', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const sealedCase = seededCase(app, 'flsd', '1:26-mj-02014');
    const sealedDoc = app.repos.documents.forCase(sealedCase.id)[0];
    const cases: [string, string][] = [
      [alvarez(7).id, DOCUMENT_TEXT.sealed],
      [alvarez(10).id, DOCUMENT_TEXT.restricted],
      [alvarez(4, 2).id, DOCUMENT_TEXT.restricted],
      [`0511${sealedDoc?.serial}`, DOCUMENT_TEXT.caseUnderSeal],
    ];
    for (const [id, text] of cases) {
      expectRefusal(await get(`/doc1/${id}`, cookies), text);
      expectRefusal(await purchase(id, '', cookies), text);
      expectRefusal(await get(`/doc1/${id}`, { ...cookies, PacerPref: 'receipt=N' }), text);
    }
    expect(bills()).toHaveLength(0);
  });

  it('answers unknown documents and cases with the real texts, malformed ids with the 404 page, never a 5xx', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    expectRefusal(await get('/doc1/0511999999', cookies), DOCUMENT_TEXT.unknownDocument(999999));
    // Another court's prefix names no document here.
    expectRefusal(await get('/doc1/127122700001', cookies), DOCUMENT_TEXT.unknownDocument(22700001));
    expectRefusal(await purchase(alvarez(1).id, 999999, cookies), DOCUMENT_TEXT.unknownCase('999999'));
    expectRefusal(await purchase(alvarez(1).id, 'abc', cookies), DOCUMENT_TEXT.unknownCase('abc'));
    for (const path of ['/doc1/abc', '/doc1/0512100001', '/doc1/051', `/doc1/${'9'.repeat(40)}`, '/doc1/0511-1', '/doc1/05110']) {
      const r = await get(path, cookies);
      expect(r.statusCode, path).toBe(404);
      expect(r.body, path).toContain(LOGOUT);
    }
    for (const path of ['/doc1/051115100001?magic_num=%00%ff', '/doc1/051115100001?caseid=%E0%A4%A', `/doc1/051115100001?magic_num=${'1'.repeat(5000)}`, '/doc1/051015100001?got_receipt=1&caseid=642110']) {
      expect((await get(path, cookies)).statusCode, path).toBeLessThan(500);
    }
    const junk = await app.inject({ method: 'POST', url: '/doc1/051115100001', cookies, headers: { host: HOST.flsd, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nbroken' });
    expect(junk.statusCode).toBeLessThan(500);
    expect(bills()).toHaveLength(0);
  });

  it('asks a visitor without a session to log in, whatever the id', async () => {
    app = await makeApp();
    for (const path of ['/doc1/051115100001', '/doc1/051015100001', '/doc1/abc', '/doc1/0511999999', '/cgi-bin/show_case_doc?1,642110,,,', '/cgi-bin/show_multidocs.pl?caseid=642110&arr_de_seq_nums=1', '/cgi-bin/show_temp.pl?file=x.pdf']) {
      expectLoginPage(await get(path));
    }
    expectLoginPage(await postForm(app, '/doc1/051115100001', { caseid: '642110', got_receipt: '1' }, {}, HOST.flsd));
  });

  it('keeps the logout link on every page a session sees', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    for (const path of [`/doc1/${alvarez(1).id}`, `/doc1/${alvarez(1).menuId}`, `/doc1/${alvarez(7).id}`, '/doc1/0511999999', '/cgi-bin/show_case_doc?nonsense', '/cgi-bin/show_multidocs.pl?caseid=642110&arr_de_seq_nums=1', '/cgi-bin/show_temp.pl?file=x.pdf']) {
      const r = await get(path, cookies);
      expect(r.body, path).toContain(LOGOUT);
      expect(parsed(r.body)('div#topmenu.yuimenubar').length, path).toBe(1);
    }
  });
});

describe('show_case_doc (juriscraper ShowCaseDocApi)', () => {
  /** HEAD with allow_redirects, as juriscraper sends it: the final URL. */
  async function follow(query: string, cookies: Record<string, string>) {
    const first = await app.inject({ method: 'HEAD', url: `/cgi-bin/show_case_doc?${query}`, cookies, headers: { host: HOST.flsd } });
    expect(first.statusCode).toBe(302);
    const location = String(first.headers['location']);
    const second = await app.inject({ method: 'HEAD', url: new URL(location).pathname, cookies, headers: { host: HOST.flsd } });
    expect(second.statusCode).toBe(200);
    return location;
  }

  it('redirects to the absolute doc1 URL: the menu for an entry with attachments, else the document', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const withAttachments = await follow('1,642110,,,', cookies);
    expect(withAttachments).toBe(`http://${HOST.flsd}/doc1/${alvarez(1).menuId}`);
    expect(docIdFromDoc1Url(withAttachments)).toBe(alvarez(1).menuId);
    expect(await follow('4,642110,2,,', cookies)).toBe(`http://${HOST.flsd}/doc1/${alvarez(4, 2).id}`);
    expect(await follow('2,642110,,,', cookies)).toBe(`http://${HOST.flsd}/doc1/${alvarez(2).id}`);
    // GET answers the same redirect (nysd bans HEAD; juriscraper may GET).
    const byGet = await get('/cgi-bin/show_case_doc?9,642110,,,', cookies);
    expect(byGet.headers['location']).toBe(`http://${HOST.flsd}/doc1/${alvarez(9).id}`);
  });

  it('answers an unknown case, number or attachment, a bad query and a bankruptcy court with a page, not a redirect', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    expectRefusal(await get('/cgi-bin/show_case_doc?1,999999,,,', cookies), DOCUMENT_TEXT.unknownCase('999999'));
    expectRefusal(await get('/cgi-bin/show_case_doc?99,642110,,,', cookies), 'There is no document 99 in case 1:26-cv-20001-MAT.');
    expectRefusal(await get('/cgi-bin/show_case_doc?1,642110,7,,', cookies), 'There is no document 1, attachment 7, in case');
    expectRefusal(await get('/cgi-bin/show_case_doc?1,643388,,,', cookies), DOCUMENT_TEXT.caseUnderSeal);
    expect((await get('/cgi-bin/show_case_doc?x', cookies)).headers['location']).toBeUndefined();
    expectRefusal(await get('/cgi-bin/show_case_doc?1,701455,,,', cookies, 'flsb'), SHOW_CASE_DOC_DISTRICT_ONLY);
  });
});

describe('show_multidocs.pl', () => {
  it('lists the documents the menu or the docket chose, each linked to its doc1 page; combined PDFs are not simulated', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const d = alvarez(4);
    // The menu's "View Selected" with Exhibit A left unticked.
    const fromMenu = await get(`/cgi-bin/show_multidocs.pl?caseid=642110&arr_de_seq_nums=${d.entry.seq}&magic_num=&pdf_header=&hdr=&psf_report=&pdf_toggle_possible=&exclude_attachments=${alvarez(4, 1).document.serial}&zipit=0`, cookies);
    const $ = parsed(fromMenu.body);
    expect($('div#cmecfMainContent').text()).toContain('not simulated');
    expect($('td a').toArray().map((a) => $(a).attr('href'))).toEqual([`/doc1/${d.id}`]);
    expect($('td').text()).toContain('*Restricted*');
    // The docket's view_multi_docs form: download_documents names the serials.
    const fromDocket = await postForm(app, '/cgi-bin/show_multidocs.pl?caseid=642110&pdf_header=2&pdf_toggle_possible=0', { caseid: '642110', download_documents: `${alvarez(1).document.serial},${alvarez(2).document.serial}`, zipit: '0' }, cookies, HOST.flsd);
    expect(parsed(fromDocket.body)('td a').length).toBe(2);
    expectRefusal(await get('/cgi-bin/show_multidocs.pl?caseid=1', cookies), DOCUMENT_TEXT.unknownCase('1'));
    expect(bills()).toHaveLength(0);
  });
});

describe('faults on documents', () => {
  it('reach /doc1/ as any court page: MAINTENANCE answers 503, SPURIOUS_LOGIN_PAGE the login page instead of the PDF, unbilled', async () => {
    app = await makeApp();
    const cookies = sessionCookies(app);
    const down = await get(`/doc1/${alvarez(1).id}`, cookies, 'flsd', { 'x-mock-fault': 'MAINTENANCE' });
    expect(down.statusCode).toBe(503);
    const form = new FormData();
    for (const [k, v] of Object.entries({ caseid: '642110', got_receipt: '1', pdf_header: '1', pdf_toggle_possible: '1' })) form.append(k, v);
    const spurious = await app.inject({ method: 'POST', url: `/doc1/${alvarez(1).id}`, cookies, headers: { host: HOST.flsd, 'x-mock-fault': 'SPURIOUS_LOGIN_PAGE' }, payload: form });
    expectLoginPage(spurious);
    expect(bills()).toHaveLength(0);
    // juriscraper logs in again and retries: the retry buys the document.
    expect((await purchase(alvarez(1).id, 642110, cookies)).headers['content-type']).toBe('application/pdf');
  });
});
