import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDocId } from '../../server/domain/doc-ids.js';
import { bumpDataGeneration } from '../../db/database.js';
import { PDF_REFUSALS, tooLargeText } from '../../server/domain/uploads.js';
import { makeApp, PACER_PASSWORD, serve, testDb } from '../support/app.js';
import { parsed } from '../support/captured.js';
import { FilingClient, makePdf, optionFor, stepOf, type Answer } from '../support/filing.js';

/**
 * Filing a motion at FLSD over a real socket, one page a step (filing-and-reports.md A.0): the
 * Civil menu, the Motions picker, the case, its confirmation, the filer, the first-time
 * association, the upload, the link prompt, the docket text, the final text, and the NEF page.
 * Nothing is on the docket until the last Next; then the whole entry is, with its files.
 */
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const CASE = '1:26-cv-20001';

async function startMotion(c: FilingClient, event = 'motdismiss'): Promise<Answer> {
  const menu = await c.get('/cgi-bin/DisplayMenu.pl?CivilEvents');
  expect(menu.status).toBe(200);
  expect(menu.body).toContain('Motions and Related Filings');
  expect(menu.body).toContain('href="/cgi-bin/Dispatch.pl?civmotion"');
  const picker = await c.get('/cgi-bin/Dispatch.pl?civmotion');
  expect(picker.body).toContain(`value="${event}"`);
  expect(picker.body).toContain('id="button1"');
  return c.next(picker, { event });
}

describe('filing a motion to dismiss at FLSD', () => {
  it('walks every step and commits one whole entry with its documents, then shows the NEF', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    const courtCase = app.repos.cases.byNumber('flsd', CASE);
    if (!courtCase) throw new Error('no case');
    const before = app.repos.docketEntries.forCase(courtCase.id);
    const maxBefore = Math.max(...before.map((e) => e.docNumber ?? 0));

    // A docket report before the filing (the report cache keeps it until the rows change).
    const docketForm = { all_case_ids: String(courtCase.pacerCaseId), date_range_type: 'Filed', sort1: 'oldest date first' };
    expect((await c.post('/cgi-bin/DktRpt.pl?1-L_1_0-1', docketForm)).body).not.toContain('MOTION to Dismiss for');

    let page = await startMotion(c);
    expect(stepOf(page)).toBe('case');
    expect(page.body).toContain('id="case_number_text_area_0"');
    expect(page.body).toContain('name="case_num"');
    // JavaScript off: the typed number is resolved on the server.
    page = await c.next(page, { case_num: CASE, all_case_ids: '' });
    expect(stepOf(page)).toBe('confirm');
    expect(page.body).toContain('Alvarez v. Sunshine Marine Supply, LLC');
    expect(page.body).toContain('Joint filing with other attorney(s)');
    expect(c.cookies.get('CASE_NUM')).toBe(`${CASE}(${courtCase.pacerCaseId})`);

    page = await c.next(page);
    expect(stepOf(page)).toBe('filer');
    expect(page.body).toContain('All Defendants');
    const defendant = optionFor(page.body, 'Sunshine Marine Supply');
    page = await c.next(page, { filer: defendant });
    expect(stepOf(page)).toBe('association');
    expect(page.body).toContain('There should only be ONE Lead Attorney per party.');
    page = await c.next(page, { [`assoc_${defendant}`]: 'y', [`notice_${defendant}`]: 'y' });
    expect(stepOf(page)).toBe('upload');

    const main = makePdf('Motion to Dismiss', 3);
    const exhibit = makePdf('Exhibit A', 1);
    page = await c.next(page, {
      file_1: { file: main, name: 'C:\\fakepath\\motion to dismiss.pdf' },
      file_2: { file: exhibit, name: 'exhibit-a.pdf' },
      category_2: 'Exhibit',
      description_2: 'A',
    });
    expect(stepOf(page)).toBe('link');
    expect(page.body).toContain('Should the document you are filing link to another document in this case?');
    page = await c.next(page, { link: 'no' });
    expect(stepOf(page)).toBe('text');
    expect(page.body).toContain('Docket Text: Modify as Appropriate.');
    page = await c.next(page, { prefix: 'Emergency', free_text: 'for <b>improper</b> venue' });
    expect(stepOf(page)).toBe('final');
    expect(page.body).toContain('Have you redacted?');
    expect(page.body).toContain('Emergency MOTION to Dismiss for &lt;b&gt;improper&lt;/b&gt; venue by Sunshine Marine Supply, LLC.');
    // Nothing on the docket yet.
    expect(app.repos.docketEntries.forCase(courtCase.id)).toHaveLength(before.length);

    const finalPage = page;
    page = await c.next(finalPage);
    expect(stepOf(page)).toBe('receipt');
    expect(page.body).toContain('Notice of Electronic Filing');
    expect(page.body).toContain('/cgi-bin/login.pl?logout');
    // The NEF slice's notice: kept with the filing (its nefs row) and e-mailed to the case's counsel.
    const filing = app.repos.filings.list({ court: 'flsd', state: 'committed' })[0];
    expect(filing?.nefId).toBeGreaterThan(0);
    expect(page.body).toContain('magic_num=');
    expect(app.repos.outbox.list().some((m) => m.subject.startsWith(`Activity in Case ${courtCase.numberFull} Alvarez v. Sunshine Marine Supply, LLC Motion to Dismiss`))).toBe(true);

    const after = app.repos.docketEntries.forCase(courtCase.id);
    expect(after).toHaveLength(before.length + 1);
    const entry = after[after.length - 1];
    if (!entry) throw new Error('no entry');
    expect(entry.docNumber).toBe(maxBefore + 1);
    expect(entry.text).toMatch(/^Emergency MOTION to Dismiss for <b>improper<\/b> venue by Sunshine Marine Supply, LLC\. Responses due by \d+\/\d+\/\d{4}\.$/);
    expect(entry.filer).toBe('Linked, Robert');
    expect(entry.kind).toBe('motion');
    const docs = app.repos.documents.forEntry(entry.id);
    expect(docs.map((d) => [d.attachment, d.description, d.originalName, d.origin, d.bytes])).toEqual([
      [0, 'Main Document', 'C:\\fakepath\\motion to dismiss.pdf', 'uploaded', main.length],
      [1, 'Exhibit A', 'exhibit-a.pdf', 'uploaded', exhibit.length],
    ]);
    expect(docs[1]?.serial).toBe((docs[0]?.serial ?? 0) + 1);
    // The files are the bytes sent, in their final place; staging is empty.
    const court = app.repos.courts.byCode('flsd');
    if (!court || !docs[0]) throw new Error('no court');
    const stored = await app.documents.file({ court, courtCase, entry, document: docs[0] });
    expect((await readFile(stored.path)).equals(main)).toBe(true);
    expect(await readdir(join(app.documents.dir, 'staging')).catch(() => [])).toEqual([]);
    // The filer now represents the defendant, and the association screen will not come back.
    expect(app.repos.attorneys.counselOfCase(courtCase.id).some((a) => a.name === 'Robert Linked' && a.toBeNoticed)).toBe(true);

    // Afterwards: the docket report lists it with its attachment, and the document downloads byte for byte.
    const docket = await c.post('/cgi-bin/DktRpt.pl?1-L_1_0-1', docketForm);
    expect(docket.body).toContain('Emergency MOTION to Dismiss');
    expect(docket.body).toContain('Exhibit A');
    expect(docket.body).toContain('for &lt;b&gt;improper&lt;/b&gt; venue');
    expect(docket.body).not.toContain('<b>improper</b>');
    const bought = await request(`${base}/doc1/${formatDocId(court.docPrefix, docs[0].serial, false)}`, {
      method: 'POST',
      headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ caseid: String(courtCase.pacerCaseId), got_receipt: '1', pdf_header: '1', pdf_toggle_possible: '1' }).toString(),
    });
    expect(bought.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(await bought.body.arrayBuffer()).equals(main)).toBe(true);

    // The control plane lists it, committed, with its NEF id (and in the OpenAPI document).
    const listed = (await app.inject({ url: '/__admin/filings?state=committed' })).json<{ filings: { state: string; nefId: number; docNumber: number; caseNumber: string; events: string[] }[] }>();
    expect(listed.filings[0]).toMatchObject({ state: 'committed', nefId: filing?.nefId, docNumber: maxBefore + 1, caseNumber: CASE, events: ['motdismiss'] });
    expect(Object.keys((await app.inject({ url: '/__admin/openapi.json' })).json<{ paths: object }>().paths)).toContain('/filings');

    // No replay: the final Next again answers the receipt and writes nothing.
    const replay = await c.next(finalPage);
    expect(stepOf(replay)).toBe('receipt');
    expect(app.repos.docketEntries.forCase(courtCase.id)).toHaveLength(before.length + 1);
    expect(app.repos.journal.list({ action: 'filing.commit' })).toEqual([expect.objectContaining({ actor: 'rlinked', outcome: 'ok' })]);

    // The second filing for the same party skips the association screen, and the case is prefilled.
    page = await startMotion(c, 'motsanctions');
    expect(page.body).toContain(`value="${CASE}"`);
    page = await c.next(page, { all_case_ids: String(courtCase.pacerCaseId), case_num: CASE });
    page = await c.next(page);
    page = await c.next(page, { filer: defendant });
    expect(stepOf(page)).toBe('upload');
  });
});

/** A filing of `event` by the defendant, walked to its upload screen. */
async function toUpload(c: FilingClient, event = 'motdismiss'): Promise<Answer> {
  let page = await startMotion(c, event);
  page = await c.next(page, { case_num: CASE });
  page = await c.next(page);
  page = await c.next(page, { filer: optionFor(page.body, 'Sunshine Marine Supply') });
  if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${optionForAssoc(page.body)}`]: 'y' });
  expect(stepOf(page)).toBe('upload');
  return page;
}

const optionForAssoc = (html: string) => /name="assoc_(-?\d+)"/.exec(html)?.[1] ?? '';

describe('uploads that are refused', () => {
  it('re-render the upload screen with the real text and keep nothing, on disk or on the docket', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const c = FilingClient.forPersona(app, base);
    const courtCase = app.repos.cases.byNumber('flsd', CASE);
    if (!courtCase) throw new Error('no case');
    const entries = app.repos.docketEntries.forCase(courtCase.id).length;
    const staging = async () => (await readdir(join(app?.documents.dir ?? '', 'staging'), { recursive: true }).catch(() => [])).filter((n) => n.endsWith('.pdf'));

    const upload = await toUpload(c);
    const js = Buffer.from(makePdf().toString('latin1').replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'latin1');
    const cases: [Record<string, { file: Buffer; name: string }>, string][] = [
      [{ file_1: { file: js, name: 'script.pdf' } }, PDF_REFUSALS.externalAction],
      [{ file_1: { file: Buffer.from('not a pdf at all'), name: 'letter.docx' } }, PDF_REFUSALS.notWellFormed],
      [{ file_1: { file: Buffer.from(makePdf().toString('latin1').replace(/trailer\s*<</, (m) => `${m} /Encrypt 9 0 R`), 'latin1'), name: 'locked.pdf' } }, PDF_REFUSALS.security],
      [{ file_1: { file: Buffer.alloc(0), name: 'empty.pdf' } }, 'The document is empty'],
      // A good main document with a bad attachment: both refused, nothing kept.
      [{ file_1: { file: makePdf(), name: 'good.pdf' }, file_2: { file: js, name: 'bad.pdf' } }, PDF_REFUSALS.externalAction],
    ];
    for (const [files, text] of cases) {
      const page = await c.next(upload, files);
      expect(page.status).toBe(200);
      expect(stepOf(page)).toBe('upload');
      expect(page.body).toContain(text);
      expect(await staging()).toEqual([]);
    }
    // More files than the screen has rows: the parser refuses the request (4xx); what streamed in before goes.
    const many = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`file_${i + 1}`, { file: makePdf(), name: `f${i}.pdf` }]));
    const tooMany = await c.next(upload, many);
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
    expect(tooMany.status).toBeLessThan(500);
    for (let i = 0; i < 50 && (await staging()).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await staging()).toEqual([]);
    const none = await c.next(upload, {});
    expect(none.body).toContain('You cannot proceed any further until you have attached a main document.');

    // The court's limit (FLSD 50 MB, data per court), checked while the file streams: lowered here to 100 kB.
    testDb(app).prepare("UPDATE filing_courts SET max_upload_bytes = 100000 WHERE court = 'flsd'").run();
    bumpDataGeneration(testDb(app));
    const big = await c.next(upload, { file_1: { file: makePdf('Big', 2, 150_000), name: 'big.pdf' } });
    expect(big.body).toContain(tooLargeText(100_000));
    expect(await staging()).toEqual([]);
    expect(app.repos.docketEntries.forCase(courtCase.id)).toHaveLength(entries);

    // Clicking the menu abandons the filing: its staged files go with it.
    const ok = await c.next(upload, { file_1: { file: makePdf(), name: 'ok.pdf' } });
    expect(stepOf(ok)).toBe('link');
    expect(await staging()).toHaveLength(1);
    await c.get('/cgi-bin/DisplayMenu.pl?CivilEvents');
    expect(await staging()).toEqual([]);
    const again = await c.next(ok, { link: 'no' });
    expect(again.body).toContain('This filing transaction was abandoned.');
  });
});

describe('filings racing into one case', () => {
  it('get distinct, gap-free document numbers', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const courtCase = app.repos.cases.byNumber('flsd', CASE);
    if (!courtCase) throw new Error('no case');
    const maxBefore = app.repos.docketEntries.maxDocNumber(courtCase.id);
    const RACERS = 6;
    const finals = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const c = FilingClient.forPersona(app as FastifyInstance, base);
        let page = await toUpload(c, i % 2 === 0 ? 'motcontinue' : 'motexcess');
        page = await c.next(page, { file_1: { file: makePdf(`Racer ${i}`), name: `racer-${i}.pdf` } });
        while (stepOf(page) !== 'final') page = await c.next(page, { link: 'no' });
        return { c, page };
      }),
    );
    const receipts = await Promise.all(finals.map(({ c, page }) => c.next(page)));
    expect(receipts.map(stepOf)).toEqual(Array(RACERS).fill('receipt'));
    const numbers = app.repos.docketEntries.forCase(courtCase.id).flatMap((e) => (e.docNumber !== null && e.docNumber > maxBefore ? [e.docNumber] : []));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: RACERS }, (_, i) => maxBefore + 1 + i));
    const serials = app.repos.documents.forCase(courtCase.id).filter((d) => d.origin === 'uploaded').map((d) => d.serial);
    expect(new Set(serials).size).toBe(RACERS);
  });
});

describe('a filing with a fee', () => {
  it('shows the charges panel; Continue Filing puts the receipt number in the text, Pay Now comes back paid', async () => {
    app = await makeApp();
    const { base } = await serve(app);
    const courtCase = app.repos.cases.byNumber('flsd', CASE);
    if (!courtCase) throw new Error('no case');

    async function toCharges(c: FilingClient): Promise<Answer> {
      let page = await c.next(await c.get('/cgi-bin/Dispatch.pl?civappeal'), { event: 'noa' });
      page = await c.next(page, { case_num: CASE });
      page = await c.next(page);
      page = await c.next(page, { filer: optionFor(page.body, 'Sunshine Marine Supply') });
      if (stepOf(page) === 'association') page = await c.next(page, { [`assoc_${optionForAssoc(page.body)}`]: 'y' });
      page = await c.next(page, { file_1: { file: makePdf('Notice of Appeal'), name: 'noa.pdf' } });
      page = await c.next(page, { link: 'yes' });
      expect(stepOf(page)).toBe('refer');
      page = await c.next(page, { refer: '1' });
      page = await c.next(page);
      expect(stepOf(page)).toBe('charges');
      expect(page.body).toContain('Summary of current charges');
      return page;
    }

    const later = FilingClient.forPersona(app, base);
    let page = await toCharges(later);
    page = await later.next(page, { choice: 'continue' });
    expect(stepOf(page)).toBe('final');
    page = await later.next(page);
    expect(stepOf(page)).toBe('receipt');
    const unpaid = app.repos.docketEntries.forCase(courtCase.id).at(-1);
    expect(unpaid?.text).toMatch(/^NOTICE OF APPEAL as to \[\[1\]\] .* by Sunshine Marine Supply, LLC\. Filing fee \$ 605, receipt number AFLSDC-\d{8}\.$/);
    expect(unpaid?.kind).toBe('notice-of-appeal');

    const now = FilingClient.forPersona(app, base);
    page = await toCharges(now);
    const pay = await now.post(new URL(page.url, base).pathname + new URL(page.url, base).search, { token: /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '', choice: 'paynow' }, false);
    expect(pay.status).toBe(303);
    expect(pay.location).toMatch(/^\/cgi-bin\/InternetPayment\.pl\?filing=[0-9a-f]{16}&return=/);
    const key = /filing=([0-9a-f]{16})/.exec(pay.location ?? '')?.[1] ?? '';
    // A forged authorization does not pass the charges step.
    const forged = await now.get(`/cgi-bin/Filing.pl?${key}-paid&authorization=forged`);
    expect(stepOf(forged)).toBe('charges');
    // The pay page itself: the panel's amount, the password re-entered, the charge authorized, back to the filing.
    const payPage = await now.get(pay.location ?? '');
    expect(payPage.body).toContain('$605.00');
    const $pay = parsed(payPage.body);
    const hidden: Record<string, string[]> = {};
    $pay('input[type="hidden"]').each((_, el) => void (hidden[$pay(el).attr('name') ?? ''] ??= []).push($pay(el).attr('value') ?? ''));
    page = await now.post('/cgi-bin/InternetPayment.pl', { ...hidden, password: PACER_PASSWORD, authorize: 'yes', action: 'submit' });
    expect(stepOf(page)).toBe('final');
    await now.next(page);
    const fees = app.repos.fees.unpaid(app.repos.pacerAccounts.byUsername('rlinked')?.id ?? 0, 'flsd');
    expect(fees).toHaveLength(1);
  });
});
