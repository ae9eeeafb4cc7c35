import type { PdfSpec } from './pdf-writer.js';

/**
 * What a generated court document shows, from its identity alone (so the same document is the
 * same bytes on every machine and after every reset).
 *
 * Fidelity: CM/ECF stamps every page of a filed PDF with a header line: "Case 1:20-cv-08924-CM
 * Document 716 Filed 08/04/22 Page 1 of 3" at district courts, "Case 16-20959-EPK Doc 97 Filed
 * 10/27/17 Page 1 of 2" at bankruptcy courts; an attachment is "Document 716-1". (FLSD writes
 * "Entered on FLSD Docket" instead of "Filed"; the mock uses the common form everywhere.)
 */
export interface DocumentIdentity {
  court: string;
  bankruptcy: boolean;
  /** The case number as its docket header writes it. */
  caseNumber: string;
  caseTitle: string;
  docNumber: number;
  /** 0 for the main document. */
  attachment: number;
  description: string;
  /** YYYY-MM-DD */
  filedOn: string;
  pages: number;
  /** The recorded size to pad to; omit for the natural size. */
  bytes?: number;
}

const shortUsDate = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(2, 4)}`;

export function documentPdfSpec(d: DocumentIdentity): PdfSpec {
  const number = d.attachment === 0 ? String(d.docNumber) : `${d.docNumber}-${d.attachment}`;
  const stamp = `Case ${d.caseNumber} ${d.bankruptcy ? 'Doc' : 'Document'} ${number} Filed ${shortUsDate(d.filedOn)}`;
  const what = d.attachment === 0 ? `Document ${d.docNumber}` : `Document ${d.docNumber}, attachment ${d.attachment}`;
  return {
    pages: d.pages,
    title: `${d.caseNumber} ${what}: ${d.description}`,
    date: `D:${d.filedOn.replace(/-/g, '')}000000Z`,
    stamp,
    lines: [d.description || what, d.caseTitle, `Case ${d.caseNumber}, ${what}`, `Filed ${d.filedOn.slice(5, 7)}/${d.filedOn.slice(8, 10)}/${d.filedOn.slice(0, 4)} (${d.court.toUpperCase()})`],
    ...(d.bytes === undefined ? {} : { bytes: d.bytes }),
  };
}
