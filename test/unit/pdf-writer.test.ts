import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { documentPdfSpec } from '../../server/domain/pdf/document-pdf.js';
import { inspectPdf, PdfStructureError } from '../../server/domain/pdf/inspect.js';
import { naturalPdfSize, pdfChunks, pdfSize, pdfString, writePdf, type PdfSpec } from '../../server/domain/pdf/pdf-writer.js';

/** The PDF writer: real pages, a valid xref, the same bytes every time, the size known before writing, streamed. */
const spec = (more: Partial<PdfSpec> = {}): PdfSpec => ({
  pages: 3,
  title: '1:26-cv-20001-MAT Document 4: Motion to Dismiss',
  date: 'D:20260202000000Z',
  stamp: 'Case 1:26-cv-20001-MAT Document 4 Filed 02/02/26',
  lines: ['Motion to Dismiss', 'Alvarez v. Sunshine Marine Supply, LLC', 'Case 1:26-cv-20001-MAT, Document 4'],
  ...more,
});
const bytesOf = (s: PdfSpec) => Buffer.concat([...pdfChunks(s)]);

describe('the PDF writer', () => {
  it('writes N real pages with a valid cross-reference table, each page stamped "Page k of N"', () => {
    const file = bytesOf(spec({ pages: 12 }));
    expect(file.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect(inspectPdf(file)).toEqual({ version: '1.7', pages: 12, objects: 5 + 2 * 12, title: '1:26-cv-20001-MAT Document 4: Motion to Dismiss' });
    const text = file.toString('latin1');
    for (const k of [1, 7, 12]) expect(text).toContain(`(Case 1:26-cv-20001-MAT Document 4 Filed 02/02/26 Page ${k} of 12) Tj`);
    expect(text).toContain('(Motion to Dismiss) Tj');
    expect(text).toContain('/BaseFont /Helvetica');
  });

  it('knows its exact size without writing it, across page counts whose digits change', () => {
    for (const pages of [1, 2, 9, 10, 11, 99, 100, 101, 333]) {
      const s = spec({ pages, lines: ['Exhibit "A" (Résumé) \\ – ½', 'x'] });
      expect(bytesOf(s).length, `${pages} pages`).toBe(naturalPdfSize(s));
    }
  });

  it('is deterministic: the same spec gives the same bytes', () => {
    expect(bytesOf(spec()).equals(bytesOf(spec()))).toBe(true);
    expect(bytesOf(spec()).equals(bytesOf(spec({ stamp: 'Case 1:26-cv-20001-MAT Document 5 Filed 02/02/26' })))).toBe(false);
  });

  it('pads to a recorded size exactly, and stays a valid PDF', () => {
    const natural = naturalPdfSize(spec());
    for (const bytes of [natural + 1, natural + 2, natural + 81, 70_000, 300_123]) {
      const file = bytesOf(spec({ bytes }));
      expect(file.length).toBe(bytes);
      expect(pdfSize(spec({ bytes }))).toBe(bytes);
      expect(inspectPdf(file).pages).toBe(3);
    }
    // A recorded size below what the pages need is ignored.
    expect(bytesOf(spec({ bytes: 10 })).length).toBe(natural);
  });

  it('escapes what PDF strings need and writes only ASCII text', () => {
    expect(pdfString('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    expect(pdfString('Résumé “quoted” – ok ✓')).toBe('(Resume "quoted" - ok ?)');
  });

  it('streams: a 20 MB document is written in chunks of about 64 KB, never as one buffer', async () => {
    let largest = 0;
    let total = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        largest = Math.max(largest, chunk.length);
        total += chunk.length;
        done();
      },
    });
    await writePdf(spec({ pages: 40, bytes: 20_000_000 }), sink);
    expect(total).toBe(20_000_000);
    expect(largest).toBeLessThanOrEqual(128 * 1024);
  });

  it('the document stamp reads as CM/ECF stamps filed PDFs', () => {
    const district = documentPdfSpec({ court: 'flsd', bankruptcy: false, caseNumber: '1:26-cv-20001-MAT', caseTitle: 'A v. B', docNumber: 4, attachment: 2, description: 'Exhibit B', filedOn: '2026-02-02', pages: 9 });
    expect(district.stamp).toBe('Case 1:26-cv-20001-MAT Document 4-2 Filed 02/02/26');
    const bankruptcy = documentPdfSpec({ court: 'flsb', bankruptcy: true, caseNumber: '26-10234-RAM', caseTitle: 'In re: X', docNumber: 1, attachment: 0, description: 'Main Document', filedOn: '2026-01-08', pages: 1 });
    expect(bankruptcy.stamp).toBe('Case 26-10234-RAM Doc 1 Filed 01/08/26');
  });
});

describe('the PDF inspector', () => {
  it('refuses files whose structure is broken', () => {
    const good = bytesOf(spec()).toString('latin1');
    const broken: [string, string][] = [
      ['no header', good.replace('%PDF-1.7', '%PDX-1.7')],
      ['a moved object', good.replace('2 0 obj\n<< /Type /Pages', '2 0 obj \n<< /Type /Pages')],
      ['a wrong startxref', good.replace(/startxref\n(\d+)/, (_m, n: string) => `startxref\n${Number(n) + 1}`)],
      ['a page count that lies', good.replace('/Count 3', '/Count 4')],
      ['cut short', good.slice(0, -20)],
    ];
    for (const [what, text] of broken) expect(() => inspectPdf(Buffer.from(text, 'latin1')), what).toThrow(PdfStructureError);
  });
});

// Debian's qpdf, when the machine has it (.ci/run installs it): a second, independent opinion.
const qpdf = ['/usr/bin/qpdf'].find((p) => existsSync(p));
describe.skipIf(!qpdf)('qpdf', () => {
  it('finds no problem in what the writer makes, padded or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-qpdf-'));
    try {
      for (const [name, s] of [['plain', spec({ pages: 5 })], ['padded', spec({ bytes: 250_000 })]] as const) {
        const file = join(dir, `${name}.pdf`);
        writeFileSync(file, bytesOf(s));
        expect(execFileSync(qpdf ?? '', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
        expect(execFileSync(qpdf ?? '', ['--show-npages', file], { encoding: 'utf8' }).trim()).toBe(String(s.pages));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
