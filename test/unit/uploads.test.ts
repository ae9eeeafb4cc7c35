import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FILE, PDF_REFUSALS, pdfProblem, stageUpload, tooLargeText } from '../../server/domain/uploads.js';
import { makePdf } from '../support/filing.js';

/** A valid PDF with `add` put into its catalog (the object with /Type /Catalog). */
function withCatalog(add: string): Buffer {
  return Buffer.from(makePdf().toString('latin1').replace('/Type /Catalog', `/Type /Catalog ${add}`), 'latin1');
}

/**
 * A PDF 1.5 as Word, Acrobat and pdf-lib write them: the catalog, the page tree and the pages
 * inside a compressed object stream (/Type /ObjStm, /FlateDecode), none of them in the raw bytes.
 * `catalogExtra` goes into the catalog (in the compressed part).
 */
function objectStreamPdf(pages: number, catalogExtra = ''): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'),
  ];
  let offsets = '';
  let body = '';
  objects.forEach((o, i) => {
    offsets += `${1 + i} ${body.length} `;
    body += `${o}\n`;
  });
  const packed = deflateSync(Buffer.from(offsets + body, 'latin1'));
  const n = objects.length;
  const head = `%PDF-1.5\n%\xe2\xe3\xcf\xd3\n${n + 1} 0 obj\n<< /Type /ObjStm /N ${n} /First ${offsets.length} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`;
  const tail = `\nendstream\nendobj\n${n + 2} 0 obj\n<< /Type /XRef /Size ${n + 3} /Root 1 0 R /W [1 4 2] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), packed, Buffer.from(tail, 'latin1')]);
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the PDF checks (the real refusal texts, filing-and-reports.md A.5)', () => {
  it('accept a well-formed PDF', () => {
    expect(makePdf().toString('latin1')).toContain('/Type /Catalog');
    expect(pdfProblem(makePdf())).toBeNull();
  });

  it('refuse what is not a well-formed PDF: text, a cut-off file, no pages', () => {
    expect(pdfProblem(Buffer.from('hello, this is a letter'))).toBe(PDF_REFUSALS.notWellFormed);
    const pdf = makePdf();
    expect(pdfProblem(pdf.subarray(0, pdf.length - 40))).toBe(PDF_REFUSALS.notWellFormed);
    expect(pdfProblem(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\nstartxref\n9\n%%EOF\n'))).toBe(PDF_REFUSALS.notWellFormed);
    expect(PDF_REFUSALS.notWellFormed.startsWith('The document is not a well-formed PDF document (no further information is available).')).toBe(true);
  });

  it('refuse an empty file', () => {
    expect(pdfProblem(Buffer.alloc(0))).toBe(EMPTY_FILE);
  });

  it('refuse an encrypted PDF with the security text', () => {
    const pdf = Buffer.from(makePdf().toString('latin1').replace(/trailer\s*<</, (m) => `${m} /Encrypt 9 0 R`), 'latin1');
    expect(pdfProblem(pdf)).toBe(
      'The document has security measures in effect, such as password protection or access restrictions. This PDF document cannot be accepted.',
    );
  });

  it('read the pages and scripts kept in compressed object streams (PDF 1.5), whatever the chunks', async () => {
    const pdf = objectStreamPdf(4);
    expect(pdf.toString('latin1')).not.toMatch(/\/Type\s*\/Page/);
    expect(pdfProblem(pdf)).toBeNull();
    dir = await mkdtemp(join(tmpdir(), 'filing-objstm-'));
    for (const size of [1, 7, 100, 64 * 1024]) {
      const staged = await stageUpload(Readable.from(chunks(pdf, size)), { dir, maxBytes: 10_000_000 });
      expect(staged).toMatchObject({ ok: true, file: { pages: 4 } });
    }
    const script = objectStreamPdf(1, '/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ');
    expect(script.toString('latin1')).not.toContain('/JavaScript');
    expect(pdfProblem(script)).toBe(PDF_REFUSALS.externalAction);
    expect(await stageUpload(Readable.from(chunks(script, 5)), { dir, maxBytes: 10_000_000 })).toEqual({ ok: false, problem: PDF_REFUSALS.externalAction });
    expect(pdfProblem(objectStreamPdf(1, '/Names << /EmbeddedFiles 9 0 R >> '))).toBe(PDF_REFUSALS.externalAction);
    // A decompression bomb in an object stream is refused, not unpacked without end.
    const bomb = deflateSync(Buffer.alloc(100 * 1024 * 1024));
    const head = '%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 0 /Filter /FlateDecode >>\nstream\n';
    const rest = '\nendstream\nendobj\n2 0 obj << /Type /Page >> endobj\nstartxref\n9\n%%EOF\n';
    expect(pdfProblem(Buffer.concat([Buffer.from(head), bomb, Buffer.from(rest)]))).toBe(PDF_REFUSALS.notWellFormed);
  });

  it('refuse JavaScript, launch actions and embedded files with the external-action text', () => {
    const text = 'The document contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted.';
    expect(pdfProblem(withCatalog('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'))).toBe(text);
    expect(pdfProblem(withCatalog('/OpenAction << /S /Launch /F (calc.exe) >>'))).toBe(text);
    expect(pdfProblem(withCatalog('/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>'))).toBe(text);
    // A name that merely starts like one is not one.
    expect(pdfProblem(withCatalog('/JSONish true'))).toBeNull();
  });
});

describe('stageUpload', () => {
  it('streams a file into the folder with its size, hash and pages, and finds a token split across chunks', async () => {
    dir = await mkdtemp(join(tmpdir(), 'filing-stage-'));
    const pdf = makePdf('Motion', 3);
    const ok = await stageUpload(Readable.from(chunks(pdf, 7)), { dir, maxBytes: 10_000_000 });
    expect(ok).toMatchObject({ ok: true, file: { bytes: pdf.length, pages: 3 } });
    expect(await readdir(dir)).toHaveLength(1);

    const js = withCatalog('/OpenAction << /S /JavaScript /JS (x) >>');
    const refused = await stageUpload(Readable.from(chunks(js, 3)), { dir, maxBytes: 10_000_000 });
    expect(refused).toEqual({ ok: false, problem: PDF_REFUSALS.externalAction });
    // Nothing of a refusal is kept.
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('stops writing at the first byte over the limit, reads the rest, and keeps nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'filing-stage-'));
    const pdf = makePdf('Big', 2, 200_000);
    const source = Readable.from(chunks(pdf, 16_384));
    const result = await stageUpload(source, { dir, maxBytes: 100_000 });
    expect(result).toEqual({ ok: false, problem: tooLargeText(100_000) });
    expect(source.readableEnded).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });
});

function* chunks(b: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < b.length; at += size) yield b.subarray(at, at + size);
}
