import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FILE, PDF_REFUSALS, pdfProblem, stageUpload, tooLargeText } from '../../server/domain/uploads.js';
import { makePdf } from '../support/filing.js';

/** A valid PDF with `add` put into its catalog (the object with /Type /Catalog). */
function withCatalog(add: string): Buffer {
  return Buffer.from(makePdf().toString('latin1').replace('/Type /Catalog', `/Type /Catalog ${add}`), 'latin1');
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
