import { Ajv } from 'ajv';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeeService } from '../../server/domain/fees.js';
import { menuFor } from '../../server/domain/menus.js';
import { createNefService } from '../../server/domain/nef.js';
import { makeApp } from '../support/app.js';
import { magicCounter, NEF_AT, sampleNefInput } from '../support/nef-input.js';
import { parseNefHtml } from '../support/nef-parse.js';

/** The control plane's view of notices and fees: /__admin/nefs, /__admin/fees, one outbox e-mail whole and raw, the dashboard's view. */
let app: FastifyInstance;
afterEach(async () => app?.close());

const AT = NEF_AT;

async function withNotice() {
  app = await makeApp();
  const input = sampleNefInput(app.repos, { mintMagic: magicCounter(44000000) });
  const issued = createNefService({ repos: app.repos }).issue(input);
  return { issued, input };
}

async function get(url: string) {
  return app.inject({ method: 'GET', url });
}

describe('/__admin/nefs', () => {
  it('lists the notice with its case, document, recipients and subject, and gives one with its whole HTML', async () => {
    const { issued, input } = await withNotice();
    const list = (await get('/__admin/nefs')).json<{ nefs: Record<string, unknown>[] }>().nefs;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: issued.nefId,
      court: 'flsd',
      caseId: input.courtCase.pacerCaseId,
      caseNumber: '1:24-cv-21555-TWH',
      docNumber: 1,
      subject: issued.subject,
      messageId: issued.messageId,
    });
    expect((list[0]!['recipients'] as { name: string }[]).map((r) => r.name)).toEqual(['Lydia Vance', 'Oscar Brandt', 'Peter Orlov']);
    expect((await get('/__admin/nefs?case=1:24-cv-21555')).json<{ nefs: unknown[] }>().nefs).toHaveLength(1);
    expect((await get(`/__admin/nefs?court=flsd&case=${input.courtCase.pacerCaseId}`)).json<{ nefs: unknown[] }>().nefs).toHaveLength(1);
    expect((await get('/__admin/nefs?court=nysd')).json<{ nefs: unknown[] }>().nefs).toEqual([]);
    expect((await get('/__admin/nefs?court=zzzz')).statusCode).toBe(400);

    const one = (await get(`/__admin/nefs/${issued.nefId}`)).json<{ html: string; emails: number[] }>();
    expect(one.html).toBe(issued.html);
    expect(parseNefHtml(one.html).dockets[0]!.docket_number).toBe('1:24-cv-21555');
    expect(one.emails).toHaveLength(3);
    expect((await get('/__admin/nefs/999')).statusCode).toBe(404);
  });
});

describe('the outbox keeps a notice whole', () => {
  it('gives one e-mail with its whole HTML body, and as the RFC 822 message juriscraper reads', async () => {
    const { issued } = await withNotice();
    const nef = (await get(`/__admin/nefs/${issued.nefId}`)).json<{ emails: number[] }>();
    const id = nef.emails[0]!;
    const mail = (await get(`/__admin/outbox/${id}`)).json<{ body: string; to: string; contentType: string; from: string; nefId: number; textBody: string }>();
    expect(mail.contentType).toBe('text/html');
    expect(mail.body).toBe(issued.emails.find((e) => e.to === mail.to)!.body);
    expect(mail.body.endsWith('</div>\n')).toBe(true);
    expect(mail.from).toBe('FLSD_ECF_Pool@flsd.uscourts.gov');
    expect(mail.nefId).toBe(issued.nefId);
    // Several addresses of one recipient: the filter matches any of them.
    expect((await get(`/__admin/outbox?to=${encodeURIComponent(mail.to.split(', ')[0]!)}`)).json<{ messages: unknown[] }>().messages).toHaveLength(1);

    const raw = await get(`/__admin/outbox/${id}/raw`);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    const [head, ...rest] = raw.body.split('\r\n\r\n');
    expect(head).toContain('Date: Tue, 14 Jul 2026 14:06:00 -0400');
    expect(head).toContain('From:FLSD_ECF_Pool@flsd.uscourts.gov');
    expect(head).toContain('To:CourtMail@flsd.uscourts.gov');
    expect(head).toContain(`Message-Id:${issued.messageId}`);
    expect(head).toContain(`Subject:${issued.subject}`);
    expect(head).toContain('Content-Type: text/html');
    expect(rest.join('\r\n\r\n').replace(/\r\n/g, '\n')).toBe(`${mail.body}\n`);

    const plain = await get(`/__admin/outbox/${id}/raw?plain=true`);
    expect(plain.body).toContain('Content-Type: text/plain');
    expect(plain.body).toContain('Notice has been electronically mailed to:');
    expect((await get('/__admin/outbox/99999')).statusCode).toBe(404);
  });

  it('the dashboard shows the message as sent, sandboxed, and links to it', async () => {
    const { issued } = await withNotice();
    const id = (await get(`/__admin/nefs/${issued.nefId}`)).json<{ emails: number[] }>().emails[0]!;
    const view = await get(`/__admin/outbox/${id}/view`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-security-policy']).toContain('sandbox');
    expect(view.body).toContain('<font size="3" face="arial,helvetica"><b>Notice of Electronic Filing</b></font>');
    expect(parseNefHtml(view.body).dockets).toHaveLength(1);
    const dashboard = await get('/__admin/');
    expect(dashboard.body).toContain(`/__admin/outbox/${id}/view`);
  });
});

describe("the filer's page", () => {
  it('prints the notice whole inside the court skeleton, logged in', async () => {
    const { issued, input } = await withNotice();
    const page = app.renderView('ecf/nef/page', { nefHtml: issued.html, menu: menuFor('filer', 'district'), site: { court: input.court } });
    expect(page).toContain(issued.html);
    expect(page).toContain('/cgi-bin/login.pl?logout');
    const $ = parseNefHtml(page);
    expect($.dockets[0]!.docket_entries[0]!.pacer_magic_num).toBe(issued.filerMagicNum);
  });
});

describe("the notice's free looks on /doc1/", () => {
  it("each recipient's link answers the document once, without a session or a charge", async () => {
    app = await makeApp();
    const now = app.clock.now();
    const input = sampleNefInput(app.repos, { mintMagic: magicCounter(46000000), filedAt: now, enteredAt: now });
    const issued = createNefService({ repos: app.repos }).issue({ ...input, documents: input.documents.slice(0, 1) });
    const links = [issued.html, ...issued.emails.map((e) => e.body)].map((html) => parseNefHtml(html).dockets[0]!.docket_entries[0]!.document_url!);
    // The filer's page and the filer's e-mail carry the same look: three recipients, three numbers.
    expect(new Set(links).size).toBe(3);
    for (const link of new Set(links)) {
      const url = new URL(link);
      const first = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { host: 'localhost' } });
      expect(first.headers['content-type'], link).toBe('application/pdf');
      const again = await app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { host: 'localhost' } });
      expect(again.headers['content-type']).not.toBe('application/pdf');
    }
  });
});

describe('/__admin/fees', () => {
  it('lists fees with their account, receipt number and when an unpaid one locks; filters; answers as documented', async () => {
    app = await makeApp();
    const { repos } = app;
    const fees = createFeeService({ repos, clock: app.clock });
    const court = repos.courts.byCode('flsd')!;
    const account = repos.pacerAccounts.byUsername('rlinked')!;
    const base = { court, pacerAccountId: account.id, ecfAccountId: 0, caseId: repos.cases.byNumber('flsd', '1:24-cv-21555')!.id, docNumber: 9, filingId: 1, fee: { cents: 60500, label: 'Notice of Appeal' }, at: AT };
    const unpaid = fees.charge({ ...base, paid: false });
    fees.charge({ ...base, paid: true });
    const all = (await get('/__admin/fees')).json<{ fees: Record<string, unknown>[] }>().fees;
    expect(all).toHaveLength(2);
    const open = (await get('/__admin/fees?unpaid=true&username=rlinked&court=flsd')).json<{ fees: Record<string, unknown>[] }>().fees;
    expect(open).toEqual([
      expect.objectContaining({ id: unpaid.feeId, username: 'rlinked', receiptNumber: unpaid.receiptNumber, amountCents: 60500, paidAt: null, caseNumber: '1:24-cv-21555-TWH', locksAt: '2026-07-15T04:00:00.000Z' }),
    ]);
    expect((await get('/__admin/fees?username=nobody')).json<{ fees: unknown[] }>().fees).toEqual([]);

    const doc = (await get('/__admin/openapi.json')).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }>();
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    ajv.addFormat('date-time', true);
    for (const [path, url] of [['/fees', '/__admin/fees'], ['/nefs', '/__admin/nefs']] as const) {
      const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
      expect(ajv.validate({ ...(schema as object), additionalProperties: false }, (await get(url)).json()), `${path}: ${ajv.errorsText()}`).toBe(true);
    }
    // A reset forgets fees and notices with the rest of the state.
    expect((await app.inject({ method: 'POST', url: '/__admin/reset' })).statusCode).toBe(200);
    expect(repos.fees.list()).toEqual([]);
    expect(repos.nefs.list()).toEqual([]);
  });
});
