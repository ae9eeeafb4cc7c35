import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../db/index.js';
import { buildNef, createNefService, documentStamp, nefSubject, type NefInput } from '../../server/domain/nef.js';
import { CAPTURED_DIR } from '../support/captured.js';
import { parseNefHtml, parseNefText } from '../support/nef-parse.js';
import { freshRepositories } from '../support/repos.js';

// 2026-07-14 14:06 EDT (18:06 UTC): the notice's clock is the court's, not the machine's.
const AT = Date.UTC(2026, 6, 14, 18, 6);
const SHA = 'a'.repeat(64);

function counter(start = 41000000) {
  let n = start;
  return () => String(n++);
}

/** A filing of an existing entry of Coastal Reef v. Meridian (FLSD: four documents, five counsel rows, two attorneys twice). */
function districtInput(repos: Repositories, over: Partial<NefInput> = {}): NefInput {
  const court = repos.courts.byCode('flsd')!;
  const courtCase = repos.cases.byNumber('flsd', '1:24-cv-21555')!;
  const entry = repos.docketEntries.byNumber(courtCase.id, 1)!;
  const documents = repos.documents.forEntry(entry.id).map((document) => ({ document, sha256: SHA }));
  return {
    court,
    courtCase,
    entry: { ...entry, text: 'MOTION to Dismiss re [[1]] Complaint, Lack of Jurisdiction by Meridian Surety Group, Inc..' },
    textParts: { prefix: '', event: 'MOTION to Dismiss', references: [1], freeText: 'Lack of Jurisdiction', rest: ' by Meridian Surety Group, Inc..' },
    documents,
    events: [{ short: 'Motion to Dismiss' }],
    filer: { lastName: 'Brandt', firstName: 'Oscar', email: 'obrandt@hallowaybrandt.example.com' },
    filers: [{ name: 'Meridian Surety Group, Inc.' }, { name: 'Meridian Holdings' }],
    counsel: repos.attorneys.counselOfCase(courtCase.id),
    filedAt: AT,
    enteredAt: AT,
    origin: 'https://ecf.flsd.uscourts.gov',
    mintMagic: counter(),
    ...over,
  };
}

function bankruptcyInput(repos: Repositories): NefInput {
  const court = repos.courts.byCode('flsb')!;
  const courtCase = repos.cases.byNumber('flsb', '1:25-bk-24411')!;
  const entry = repos.docketEntries.byNumber(courtCase.id, 1)!;
  return {
    court,
    courtCase,
    entry: { ...entry, text: 'Response to Motion for Relief from Stay Filed by Gregory Thompson.', filer: 'Heston, Benjamin' },
    textParts: { prefix: '', event: 'Response', references: [], freeText: '', rest: ' Filed by Gregory Thompson.' },
    documents: repos.documents.forEntry(entry.id).map((document) => ({ document, sha256: SHA })),
    events: [{ short: 'Response' }],
    filer: { lastName: 'Heston', firstName: 'Benjamin', email: 'bhes@hestonlaw.example.com' },
    filers: [],
    counsel: [
      { id: 1, name: 'Benjamin Heston', email: 'bhes@hestonlaw.example.com', terminatedOn: null },
      { id: 2, name: 'Trustee Office', email: '', terminatedOn: null },
    ],
    filedAt: AT,
    enteredAt: AT,
    origin: 'https://ecf.flsb.uscourts.gov',
    mintMagic: counter(52000000),
  };
}

describe('buildNef, district (FLSD), read by juriscraper rules', () => {
  it('parses as NotificationEmail reads it: case, number in <a>, document link fields, docket text, date, recipients', () => {
    const repos = freshRepositories();
    const input = districtInput(repos);
    const nef = buildNef(input);
    const p = parseNefHtml(nef.html);
    expect(p.dockets).toHaveLength(1);
    const d = p.dockets[0]!;
    expect(d.case_name).toBe('Coastal Reef Holdings, LLC v. Meridian Surety Group, Inc.');
    expect(d.docket_number).toBe('1:24-cv-21555');
    expect(d.date_filed).toBe('2026-07-14');
    const e = d.docket_entries[0]!;
    expect(e.document_number).toBe('1');
    // Four documents: the 4th digit of the doc1 id is 0 (the attachment menu); caseid, de_seq_num, magic_num in that order.
    expect(e.document_url).toBe(`https://ecf.flsd.uscourts.gov/doc1/05101${String(input.documents[0]!.document.serial).slice(-7)}?caseid=${input.courtCase.pacerCaseId}&de_seq_num=${input.entry.seq}&magic_num=${nef.filerMagicNum}`);
    expect(e.pacer_doc_id?.[3]).toBe('0');
    expect(e.pacer_case_id).toBe(String(input.courtCase.pacerCaseId));
    expect(e.pacer_seq_no).toBe(String(input.entry.seq));
    expect(e.description).toBe(
      'MOTION to Dismiss re [1] Complaint, Lack of Jurisdiction by Meridian Surety Group, Inc.. (Attachments: # (1) Exhibit A - Performance Bond, # (2) Exhibit B - Notice of Default, # (3) Civil Cover Sheet)(Vance, Lydia)',
    );
    expect(p.contains_attachments).toBe(true);
    // Each attorney once, whatever the number of parties they represent.
    expect(p.email_recipients).toEqual([
      { name: 'Lydia Vance', email_addresses: ['lvance@vanceorlov.example.com'] },
      { name: 'Oscar Brandt', email_addresses: ['obrandt@hallowaybrandt.example.com'] },
      { name: 'Peter Orlov', email_addresses: ['porlov@vanceorlov.example.com'] },
    ]);
  });

  it('writes the captured layout: banner, header lines, "entered by Last, First ... EDT", Filer rows, free text in <i>', () => {
    const repos = freshRepositories();
    const nef = buildNef(districtInput(repos));
    expect(nef.html).toContain('<font color="#FF0000">This is an automatic e-mail message generated by the CM/ECF system.');
    expect(nef.html).toContain('***NOTE TO PUBLIC ACCESS USERS*** Judicial Conference of the United States policy permits attorneys of record');
    expect(nef.html).toContain('the free copy and 30 page limit do not apply.');
    expect(nef.html).toContain('<p align=center><strong>U.S. District Court</strong></p>\n<p align=center><strong>Southern District of Florida</strong></p>');
    expect(nef.html).toContain('<font size="3" face="arial,helvetica"><b>Notice of Electronic Filing</b></font>');
    expect(nef.html).toContain('The following transaction was entered by Brandt, Oscar on 7/14/2026 at 2:06 PM EDT and filed on 7/14/2026');
    expect(nef.html).toContain('<A HREF=https://ecf.flsd.uscourts.gov/cgi-bin/DktRpt.pl?');
    expect(nef.html).toContain('<tr><td><strong>Filer:</strong></td><td>Meridian Surety Group, Inc.</td></tr>\n<tr><td></td><td>Meridian Holdings</td></tr>');
    expect(nef.html).toContain('<i>Lack of Jurisdiction</i>');
    expect(nef.html).toContain('<tr><td><strong></strong></td><td></td></tr>');
    expect(nef.html).toContain('1:24-cv-21555-TWH Notice has been delivered by other means to:');
  });

  it('court-entered notices omit "by X", and a notice without a document says "(No document attached)"', () => {
    const repos = freshRepositories();
    const nef = buildNef(districtInput(repos, { filer: null, documents: [] }));
    expect(nef.html).toContain('The following transaction was entered on 7/14/2026 at 2:06 PM EDT and filed on 7/14/2026');
    const p = parseNefHtml(nef.html);
    expect(p.dockets[0]!.docket_entries[0]!.document_number).toBeNull();
    expect(nef.freeLooks).toEqual([]);
  });

  it('a single document links with the 4th digit 1', () => {
    const repos = freshRepositories();
    const input = districtInput(repos);
    const nef = buildNef({ ...input, documents: input.documents.slice(0, 1) });
    const e = parseNefHtml(nef.html).dockets[0]!.docket_entries[0]!;
    expect(e.document_url).toMatch(/\/doc1\/0511\d{8}\?/);
    expect(parseNefHtml(nef.html).contains_attachments).toBe(false);
  });

  it('the plain-text twin parses as S3NotificationEmail reads text/plain', () => {
    const repos = freshRepositories();
    const nef = buildNef(districtInput(repos));
    const p = parseNefText(nef.text);
    expect(p.case_name).toBe('Coastal Reef Holdings, LLC v. Meridian Surety Group, Inc.');
    expect(p.docket_number).toBe('1:24-cv-21555');
    expect(p.document_number).toBe('1');
    expect(p.document_url).toContain(`magic_num=${nef.filerMagicNum}`);
    expect(p.date_filed).toBe('2026-07-14');
    expect(p.description).toContain('MOTION to Dismiss re [1] Complaint');
    expect(p.email_recipients.map((r) => r.email_addresses)).toEqual([['lvance@vanceorlov.example.com'], ['obrandt@hallowaybrandt.example.com'], ['porlov@vanceorlov.example.com']]);
  });
});

describe('buildNef, bankruptcy (FLSB)', () => {
  it('uses the bankruptcy wording and parses: "received from First Last entered on", link parameters in cacb order, will be / will not be', () => {
    const repos = freshRepositories();
    const input = bankruptcyInput(repos);
    const nef = buildNef(input);
    expect(nef.html).toContain('<p align=center><strong>U.S. Bankruptcy Court</strong></p>');
    expect(nef.html).toContain('The following transaction was received from Benjamin Heston entered on 7/14/2026 at 2:06 PM EDT and filed on 7/14/2026');
    expect(nef.html).toContain('30-page limit');
    expect(nef.html).not.toContain('#FF0000');
    expect(nef.html).toContain('1:25-bk-24411 Notice will be electronically mailed to:');
    expect(nef.html).toContain('1:25-bk-24411 Notice will not be electronically mailed to:');
    expect(nef.html).toContain('bkecfStamp_ID=1106318427');
    const p = parseNefHtml(nef.html);
    const d = p.dockets[0]!;
    expect(d.case_name).toBe('In re: Thompson');
    expect(d.docket_number).toBe('1:25-bk-24411');
    const e = d.docket_entries[0]!;
    expect(e.document_url).toMatch(/\/doc1\/0501\d+\?pdf_header=&magic_num=\d{8}&de_seq_num=\d+&caseid=\d+$/);
    expect(e.description).toBe('Response to Motion for Relief from Stay Filed by Gregory Thompson. (Heston, Benjamin)');
    // Captured cacb_1.json: juriscraper finds no recipients under "will be".
    expect(p.email_recipients).toEqual([]);
    expect(nef.recipients.map((r) => [r.name, r.electronic])).toEqual([
      ['Benjamin Heston', true],
      ['Trustee Office', false],
    ]);
  });

  it('its subject is "<number> <event> - CH<n> - <debtor>"', () => {
    const repos = freshRepositories();
    const nef = buildNef(bankruptcyInput(repos));
    expect(nef.subject).toBe('1:25-bk-24411 Response - CH7 - Thompson');
  });
});

describe('the subject, the stamp and the message id', () => {
  it('district subject: "Activity in Case <number> <case name> <event>"', () => {
    const repos = freshRepositories();
    const input = districtInput(repos, { events: [{ short: 'Motion to Dismiss' }, { short: 'Memorandum in Support' }] });
    expect(buildNef(input).subject).toBe('Activity in Case 1:24-cv-21555-TWH Coastal Reef Holdings, LLC v. Meridian Surety Group, Inc. Motion to Dismiss, Memorandum in Support');
    expect(nefSubject(input.court, input.courtCase, 'Notice of Appeal', '')).toBe('Activity in Case 1:24-cv-21555-TWH Coastal Reef Holdings, LLC v. Meridian Surety Group, Inc. Notice of Appeal');
  });

  it('stamps each document "[STAMP dcecfStamp_ID=<court> [Date=m/d/yyyy] [FileNumber=<n>-<k>] [<128 hex>]]", the same bytes the same stamp', () => {
    const repos = freshRepositories();
    const input = districtInput(repos);
    const nef = buildNef(input);
    const stamps = [...nef.html.matchAll(/\[STAMP dcecfStamp_ID=(\d+) \[Date=([\d/]+)\] \[FileNumber=(\d+)-(\d+)\] \[([0-9a-f]+)\]\]/g)];
    expect(stamps.map((s) => s[4])).toEqual(['0', '1', '2', '3']);
    for (const s of stamps) {
      expect(s[1]).toBe('1105629741');
      expect(s[2]).toBe('7/14/2026');
      expect(s[3]).toBe(String(input.documents[0]!.document.serial));
      expect(s[5]).toHaveLength(128);
    }
    expect(nef.messageId).toBe(`<${input.documents[0]!.document.serial + 2}@flsd.uscourts.gov>`);
    const again = documentStamp(input.court, { date: '7/14/2026', fileNumber: nef.fileNumber, attachment: 0, sha256: SHA });
    expect(nef.html).toContain(again);
    expect(documentStamp(input.court, { date: '7/14/2026', fileNumber: nef.fileNumber, attachment: 0, sha256: 'b'.repeat(64) })).not.toBe(again);
  });
});

describe('free looks', () => {
  it('mints one magic number per recipient with an address, the filer among them, each e-mail carrying its own', () => {
    const repos = freshRepositories();
    const nef = buildNef(districtInput(repos));
    expect(nef.freeLooks.map((f) => f.recipient).sort()).toEqual(['lvance@vanceorlov.example.com', 'obrandt@hallowaybrandt.example.com', 'porlov@vanceorlov.example.com']);
    expect(new Set(nef.freeLooks.map((f) => f.magicNum)).size).toBe(3);
    expect(nef.emails).toHaveLength(3);
    for (const e of nef.emails) {
      const mine = nef.freeLooks.find((f) => f.recipient === e.to)!;
      expect(parseNefHtml(e.body).dockets[0]!.docket_entries[0]!.pacer_magic_num).toBe(mine.magicNum);
      expect(e.from).toBe('FLSD_ECF_Pool@flsd.uscourts.gov');
      expect(e.contentType).toBe('text/html');
    }
    expect(nef.filerMagicNum).toBe(nef.freeLooks.find((f) => f.recipient === 'obrandt@hallowaybrandt.example.com')!.magicNum);
  });

  it('gives the filer none when the court gives none (KYEB v2.2), and a filer outside the counsel one of their own', () => {
    const repos = freshRepositories();
    const input = districtInput(repos);
    const none = buildNef({ ...input, court: { ...input.court, notice: { ...input.court.notice, filerFreeLook: false } } });
    expect(none.filerMagicNum).toBe('');
    expect(none.freeLooks).toHaveLength(2);
    expect(parseNefHtml(none.html).dockets[0]!.docket_entries[0]!.document_url).toMatch(/magic_num=$/);
    const outsider = buildNef({ ...input, filer: { lastName: 'Newman', firstName: 'Nora', email: 'nora@example.com' } });
    expect(outsider.freeLooks.map((f) => f.recipient)).toContain('nora@example.com');
    expect(outsider.freeLooks).toHaveLength(4);
  });
});

describe('createNefService().issue', () => {
  it('writes the free looks, one outbox e-mail per recipient with the whole HTML, and the nefs row', () => {
    const repos = freshRepositories();
    const input = districtInput(repos, { mintMagic: counter(43000000) });
    const issued = createNefService({ repos }).issue(input);
    const main = input.documents[0]!.document;
    expect(repos.freeLooks.forDocument(main.id).filter((f) => f.magicNum.startsWith('43')).map((f) => f.recipient).sort()).toEqual(issued.freeLooks.map((f) => f.recipient).sort());
    const mails = repos.outbox.forNef(issued.nefId);
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      expect(m.body).toBe(issued.emails.find((e) => e.to === m.to)!.body);
      expect(m.body).toContain('The following document(s) are associated with this transaction:');
      expect(m.messageId).toBe(issued.messageId);
      expect(m.subject).toBe(issued.subject);
      expect(m.at).toBe(AT);
    }
    const row = repos.nefs.byId(issued.nefId)!;
    expect(row.html).toBe(issued.html);
    expect(row.caseId).toBe(input.courtCase.id);
    expect(row.recipients.map((r) => r.name)).toEqual(['Lydia Vance', 'Oscar Brandt', 'Peter Orlov']);
  });

  it('writes nothing when the caller\'s transaction fails after it', () => {
    const repos = freshRepositories();
    const before = repos.outbox.list().length;
    expect(() =>
      repos.transaction(() => {
        createNefService({ repos }).issue(districtInput(repos));
        throw new Error('commit failed later');
      }),
    ).toThrow('commit failed later');
    expect(repos.outbox.list()).toHaveLength(before);
    expect(repos.nefs.list()).toEqual([]);
  });
});

describe('the parser helper agrees with juriscraper on the captured notices', () => {
  for (const name of ['txed', 'ared_3', 'cacd']) {
    it(`nef/${name}.html`, () => {
      const html = readFileSync(join(CAPTURED_DIR, 'nef', `${name}.html`), 'latin1');
      const want = JSON.parse(readFileSync(join(CAPTURED_DIR, 'nef', `${name}.json`), 'utf8')) as Record<string, unknown>;
      const p = parseNefHtml(html);
      const wantDockets = (want['dockets'] as { docket_number: string; case_name: string; docket_entries: { document_number: string; pacer_magic_num: string }[] }[] | undefined) ?? [
        want as unknown as { docket_number: string; case_name: string; docket_entries: { document_number: string; pacer_magic_num: string }[] },
      ];
      expect(p.dockets.map((d) => d.docket_number)).toEqual(wantDockets.map((d) => d.docket_number));
      expect(p.dockets.map((d) => d.docket_entries[0]!.pacer_magic_num)).toEqual(wantDockets.map((d) => d.docket_entries[0]!.pacer_magic_num));
      expect(p.email_recipients).toEqual(want['email_recipients']);
    });
  }
});
