import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../server/domain/pdf/inspect.js';
import { makeApp } from '../support/app.js';

/** The control plane's cases: list, add (the seed's format), read with the docket, delete; reset restores the seed's. */
let app: FastifyInstance;
afterEach(async () => app?.close());

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: r.statusCode, body: r.body ? r.json<Record<string, any>>() : null, headers: r.headers };
}

const NEW_CASE = {
  court: 'nysd',
  number: '1:26-cv-03100',
  title: 'Okonkwo v. Riverside Data Systems, Inc.',
  judge: 'Judge Harriet S. Lindqvist',
  filed: '2026-05-04',
  natureOfSuit: '830 Patent',
  cause: '35:271 Patent Infringement',
  jurisdiction: 'Federal Question',
  juryDemand: 'Both',
  parties: [
    {
      role: 'Plaintiff',
      lastName: 'Okonkwo',
      firstName: 'Adaeze',
      attorneys: [{ name: 'Lionel Brisk', firm: 'Brisk Patent Group', address: ['10 Hudson Yards', 'New York, NY 10001'], email: 'lbrisk@brisk.example.com', lead: true, toBeNoticed: true }],
    },
    { role: 'Defendant', lastName: 'Riverside Data Systems, Inc.' },
  ],
  entries: [
    {
      number: 1,
      filed: '2026-05-04',
      text: 'COMPLAINT against Riverside Data Systems, Inc.. Document filed by Adaeze Okonkwo.',
      filer: 'Brisk, Lionel',
      pages: 7,
      attachments: [{ description: 'Exhibit A - Patent', pages: 12 }, { description: 'Civil Cover Sheet', pages: 2 }],
      freeLooks: [{ magicNum: '31415926', recipient: 'lbrisk@brisk.example.com' }],
    },
    { filed: '2026-05-05', text: 'CASE OPENING INITIAL ASSIGNMENT NOTICE.', filer: 'pc' },
    { number: 2, filed: '2026-05-20', text: 'ANSWER to [[1]] Complaint by Riverside Data Systems, Inc..', pages: 5 },
  ],
};

describe('GET /__admin/cases', () => {
  it("lists a court's cases with the numbers and ids pages use, or every court's", async () => {
    app = await makeApp();
    const flsd = await call('GET', '/__admin/cases?court=flsd');
    expect(flsd.status).toBe(200);
    expect(flsd.body?.cases).toContainEqual(
      expect.objectContaining({ court: 'flsd', caseNumber: '1:26-cv-20001', numberFull: '1:26-cv-20001-MAT', pacerCaseId: 642110, title: 'Alvarez v. Sunshine Marine Supply, LLC', entries: 12 }),
    );
    expect(flsd.body?.cases.every((c: { court: string }) => c.court === 'flsd')).toBe(true);
    const all = await call('GET', '/__admin/cases');
    expect(new Set(all.body?.cases.map((c: { court: string }) => c.court))).toEqual(new Set(['flsd', 'nysd', 'flsb']));
    expect((await call('GET', '/__admin/cases?court=cacd')).body).toEqual({ error: 'bad_request', message: 'Query parameter "court" names "cacd", which is not a court here.' });
  });
});

describe('POST /__admin/cases', () => {
  it('adds a case with parties, counsel, entries and documents; ids come from the court; the PDFs are made on request', async () => {
    app = await makeApp();
    const listed = (await call('GET', '/__admin/cases?court=nysd')).body?.cases as { pacerCaseId: number }[];
    const maxBefore = Math.max(...listed.map((c) => c.pacerCaseId));
    const created = await call('POST', '/__admin/cases', NEW_CASE);
    expect(created.status).toBe(201);
    const id = created.body?.pacerCaseId as number;
    expect(id).toBe(maxBefore + 1);
    expect(created.headers['location']).toBe(`/__admin/cases/${id}?court=nysd`);
    expect(created.body).toMatchObject({
      court: 'nysd',
      caseNumber: '1:26-cv-03100',
      numberFull: '1:26-cv-03100-HSL',
      juryDemand: 'Both',
      entries: 3,
      docketReport: `/cgi-bin/DktRpt.pl?${id}`,
      parties: [
        { role: 'Plaintiff', name: 'Adaeze Okonkwo', attorneys: [{ name: 'Lionel Brisk', firm: 'Brisk Patent Group', lead: true, toBeNoticed: true }] },
        { role: 'Defendant', name: 'Riverside Data Systems, Inc.', attorneys: [] },
      ],
    });
    expect((await call('GET', `/__admin/cases/${id}?court=nysd`)).body).toEqual(created.body);

    const entries = (await call('GET', `/__admin/cases/${id}/entries?court=nysd`)).body?.entries as Record<string, any>[];
    expect(entries.map((e) => [e.seq, e.number, e.text.slice(0, 12)])).toEqual([
      [1, 1, 'COMPLAINT ag'],
      [3, null, 'CASE OPENING'],
      [4, 2, 'ANSWER to [['],
    ]);
    const complaint = entries[0] ?? {};
    const serials = complaint.documents.map((d: { docId: string }) => Number(d.docId.slice(4)));
    // The menu form for the number (it has attachments), the document form for each file; new serials above every seeded one.
    expect(complaint.docId).toBe(`1270${serials[0]}`);
    expect(complaint.documents.map((d: { docId: string }) => d.docId.slice(0, 4))).toEqual(['1271', '1271', '1271']);
    expect(serials).toEqual([serials[0], serials[0] + 1, serials[0] + 2]);
    expect(serials[0]).toBeGreaterThan(app.repos.documents.forCase(app.repos.cases.byNumber('nysd', '1:26-cv-01234')?.id ?? 0).reduce((m, d) => Math.max(m, d.serial), 0));
    expect(complaint.documents[0].freeLooks).toEqual([{ magicNum: '31415926', recipient: 'lbrisk@brisk.example.com', used: false }]);
    expect(entries[2]?.docId).toBe(`1271${serials[0] + 3}`);

    // The PDF is the pages given, of the size the docket reports.
    const c = app.repos.cases.byPacerId('nysd', id);
    const entry = c && app.repos.docketEntries.byNumber(c.id, 1);
    const exhibit = entry && app.repos.documents.forEntry(entry.id)[1];
    const court = app.repos.courts.byCode('nysd');
    if (!c || !entry || !exhibit || !court) throw new Error('not added');
    const { size, stream } = await app.documents.open({ court, courtCase: c, entry, document: exhibit });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(size).toBe(complaint.documents[1].bytes);
    expect(inspectPdf(Buffer.concat(chunks)).pages).toBe(12);

    expect((await call('GET', '/__admin/journal?action=admin.case.*')).body?.entries.map((e: { action: string; detail: string }) => `${e.action} ${e.detail}`)).toEqual([
      `admin.case.create nysd 1:26-cv-03100 caseid=${id}`,
    ]);
  });

  it('generates a long docket from a few lines', async () => {
    app = await makeApp();
    const created = await call('POST', '/__admin/cases', {
      ...NEW_CASE,
      entries: [],
      generatedEntries: { count: 1500, firstFiled: '2020-01-02', everyDays: 1, texts: [{ text: 'NOTICE of Filing by Adaeze Okonkwo.' }, { text: 'RESPONSE re {ref} filed by Riverside Data Systems, Inc..' }], minuteEvery: 5, minuteTexts: [{ text: 'Minute Entry.' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body?.entries).toBe(1500);
    const entries = (await call('GET', `/__admin/cases/${created.body?.pacerCaseId}/entries?court=nysd`)).body?.entries as { number: number | null }[];
    expect(entries.filter((e) => e.number !== null)).toHaveLength(1200);
  });

  it('takes a docket written out entry by entry, past the 256 KB body limit of the other routes', async () => {
    app = await makeApp();
    const text = `NOTICE of Filing ${'x'.repeat(400)}.`;
    const entries = Array.from({ length: 1500 }, (_, i) => ({ number: i + 1, filed: '2026-05-04', text, pages: 1 }));
    expect(JSON.stringify(entries).length).toBeGreaterThan(512 * 1024);
    const created = await call('POST', '/__admin/cases', { ...NEW_CASE, entries });
    expect(created.status).toBe(201);
    expect(created.body?.entries).toBe(1500);
  });

  it('refuses what breaks a rule, naming it, and adds nothing', async () => {
    app = await makeApp();
    const refusals: [unknown, number, string][] = [
      [{ ...NEW_CASE, court: 'cacd' }, 400, 'Field "court" names "cacd", which is not a court here.'],
      [{ ...NEW_CASE, number: '1:26-cv-01234' }, 409, 'The case number "1:26-cv-01234" is taken at nysd (PACER case id 655120).'],
      [{ ...NEW_CASE, pacerCaseId: 655120 }, 409, 'The PACER case id 655120 is taken at nysd.'],
      [{ ...NEW_CASE, number: '1:26-bk-03100' }, 400, 'Field "number" is a bk case, which only a bankruptcy court has.'],
      [{ ...NEW_CASE, entries: [{ number: 1, filed: '2026-05-04', text: 'ORDER on [[3]].' }] }, 400, 'entries[0]: field "text" refers to [[3]], but no entry in the case has that number.'],
      [{ ...NEW_CASE, entries: [{ number: 1, filed: '2026-05-04', text: 'X', freeLooks: [{ magicNum: '73350192' }] }] }, 409, 'The magic number 73350192 is taken by another free look.'],
      [{ ...NEW_CASE, parties: [{ role: 'Plaintiff', lastName: 'A', nickname: 'x' }] }, 400, 'Unknown field "nickname"; accepted fields: role, lastName, firstName, name, extra, terminated, criminal, attorneys.'],
      [{ ...NEW_CASE, entries: [{ number: 1, filed: '2026-05-04', text: 'X', pages: 0 }] }, 400, 'Field "pages" must be a whole number of pages, 1-2000.'],
      [{ ...NEW_CASE, filed: '05/04/2026' }, 400, 'Field "filed" must be a date written YYYY-MM-DD.'],
    ];
    for (const [body, status, message] of refusals) {
      const r = await call('POST', '/__admin/cases', body);
      expect(r.status, message).toBe(status);
      expect(r.body?.message).toBe(message);
    }
    expect(app.repos.cases.byNumber('nysd', '1:26-cv-03100')).toBeNull();
    expect((await call('POST', '/__admin/cases', { ...NEW_CASE, court: 'flsb', number: '1:26-ap-01999', leadCase: '1:26-bk-77777', parties: [{ role: 'Plaintiff', lastName: 'A' }], entries: [] })).body?.message).toBe(
      'Field "leadCase" names "1:26-bk-77777", which is not a case at flsb.',
    );
  });
});

describe('GET and DELETE /__admin/cases/{pacerCaseId}', () => {
  it('reads a seeded case with its counsel and criminal counts; deletes one with its files; 404 and 400 as for accounts', async () => {
    app = await makeApp();
    const castellano = await call('GET', '/__admin/cases/655311?court=nysd');
    expect(castellano.body?.parties.map((p: { name: string; criminal: { defendant: number } | null }) => [p.name, p.criminal?.defendant ?? null])).toEqual([
      ['Dominic Castellano', 1],
      ['Lorenzo Abate', 2],
      ['USA', null],
    ]);
    expect((await call('GET', '/__admin/cases/703120?court=flsb')).body).toMatchObject({ caseType: 'ap', leadCase: '1:26-bk-10234', numberFull: '26-01045-RAM' });
    // Without ?court= the default court (FLSD).
    expect((await call('GET', '/__admin/cases/642110')).body?.title).toBe('Alvarez v. Sunshine Marine Supply, LLC');

    const created = await call('POST', '/__admin/cases', NEW_CASE);
    const id = created.body?.pacerCaseId as number;
    const c = app.repos.cases.byPacerId('nysd', id);
    const entry = c && app.repos.docketEntries.byNumber(c.id, 1);
    const document = entry && app.repos.documents.forEntry(entry.id)[0];
    const court = app.repos.courts.byCode('nysd');
    if (!c || !entry || !document || !court) throw new Error('not added');
    const { path } = await app.documents.file({ court, courtCase: c, entry, document });
    expect(existsSync(path)).toBe(true);

    expect((await call('DELETE', `/__admin/cases/${id}?court=nysd`)).status).toBe(204);
    expect(existsSync(path)).toBe(false);
    expect(app.repos.freeLooks.byMagic('31415926')).toBeNull();
    expect(await call('GET', `/__admin/cases/${id}?court=nysd`)).toMatchObject({ status: 404, body: { error: 'not_found', message: `There is no case with PACER case id ${id} at nysd.` } });
    expect((await call('DELETE', `/__admin/cases/${id}?court=nysd`)).status).toBe(404);
    expect((await call('GET', '/__admin/cases/abc')).status).toBe(400);
    // An id freed by a delete is not handed out again.
    expect((await call('POST', '/__admin/cases', NEW_CASE)).body?.pacerCaseId).toBe(id + 1);
  });

  it('a reset restores the seed cases and drops added ones', async () => {
    app = await makeApp();
    await call('POST', '/__admin/cases', NEW_CASE);
    expect((await call('DELETE', '/__admin/cases/642110?court=flsd')).status).toBe(204);
    await call('POST', '/__admin/reset');
    expect((await call('GET', '/__admin/cases/642110?court=flsd')).status).toBe(200);
    expect(app.repos.cases.byNumber('nysd', '1:26-cv-03100')).toBeNull();
  });
});
