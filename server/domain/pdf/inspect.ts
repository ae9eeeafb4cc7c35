/**
 * A strict reader of PDF structure for files with a classic cross-reference table (what
 * pdf-writer.ts writes; issue 13 grows it to check uploads): the header, `startxref`, every xref
 * entry pointing at its `n 0 obj`, the trailer's /Size and /Root, and the page count, counted two
 * ways (the page tree's /Count and the page objects) that must agree. It reads a whole buffer:
 * meant for tests and uploads of a filing's size, not for streaming.
 */
export interface PdfReport {
  version: string;
  pages: number;
  objects: number;
  /** /Title from the document information, when there is one. */
  title: string | null;
}

export class PdfStructureError extends Error {
  override name = 'PdfStructureError';
}

export function inspectPdf(file: Buffer): PdfReport {
  const text = file.toString('latin1');
  const fail = (why: string): never => {
    throw new PdfStructureError(why);
  };
  const header = /^%PDF-(\d\.\d)\r?\n/.exec(text);
  if (!header) fail('no %PDF-n.n header at the start');
  const tail = text.slice(-64);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) fail('no startxref and %%EOF at the end');
  const xrefAt = Number(start?.[1]);
  if (text.slice(xrefAt, xrefAt + 4) !== 'xref') fail(`startxref ${xrefAt} does not point at "xref"`);
  const section = /^xref\r?\n(\d+) (\d+)\r?\n/.exec(text.slice(xrefAt));
  if (!section || section[1] !== '0') fail('the xref table does not start with a section from object 0');
  const count = Number(section?.[2]);
  let at = xrefAt + (section?.[0].length ?? 0);
  for (let n = 0; n < count; n++) {
    const entry = text.slice(at, at + 20);
    const m = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)$/.exec(entry);
    if (!m) fail(`xref entry ${n} is not 20 bytes of "nnnnnnnnnn ggggg n"`);
    if (m?.[3] === 'n') {
      const offset = Number(m[1]);
      if (!text.startsWith(`${n} 0 obj`, offset)) fail(`xref entry ${n} points at offset ${offset}, where object ${n} does not start`);
    } else if (n === 0 && m?.[2] !== '65535') fail('xref entry 0 must be free with generation 65535');
    at += 20;
  }
  // Comment lines may stand between the trailer and startxref (the writer's padding).
  const trailer = /^trailer\s*<<(.*?)>>\s*(?:%[^\n]*\n\s*)*startxref/s.exec(text.slice(at));
  if (!trailer) fail('no trailer after the xref table');
  const size = /\/Size (\d+)/.exec(trailer?.[1] ?? '');
  if (Number(size?.[1]) !== count) fail(`trailer /Size ${size?.[1]} is not the xref table's ${count} entries`);
  const root = /\/Root (\d+) 0 R/.exec(trailer?.[1] ?? '');
  if (!root) fail('the trailer has no /Root');
  const catalog = objectBody(text, Number(root?.[1]));
  if (!/\/Type\s*\/Catalog/.test(catalog)) fail('/Root is not a catalog');
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog);
  if (!pagesRef) fail('the catalog has no /Pages');
  const tree = objectBody(text, Number(pagesRef?.[1]));
  const declared = /\/Count (\d+)/.exec(tree);
  if (!declared) fail('the page tree has no /Count');
  const pageObjects = (text.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
  if (pageObjects !== Number(declared?.[1])) fail(`the page tree counts ${declared?.[1]} pages but there are ${pageObjects} page objects`);
  const info = /\/Info (\d+) 0 R/.exec(trailer?.[1] ?? '');
  const title = info ? (/\/Title \(((?:\\.|[^\\)])*)\)/.exec(objectBody(text, Number(info[1])))?.[1] ?? null) : null;
  return { version: header?.[1] ?? '', pages: pageObjects, objects: count, title: title === null ? null : title.replace(/\\(.)/g, '$1') };
}

function objectBody(text: string, n: number): string {
  const m = new RegExp(`(?:^|\\n)${n} 0 obj\\s*(.*?)endobj`, 's').exec(text);
  if (!m) throw new PdfStructureError(`object ${n} is missing`);
  return m[1] ?? '';
}
