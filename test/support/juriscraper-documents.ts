import type { CheerioAPI } from 'cheerio';

/**
 * juriscraper's readers of the document pages, redone with cheerio from the rules in
 * /work/research/juriscraper-contract.md §12 (AttachmentPage) and §13 (DownloadConfirmationPage),
 * so a test reads the mock's pages as the client does. Each reader is first checked against the
 * captured pages and juriscraper's own .json beside them (test/routes/documents-captured.test.ts).
 */

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** An element or node of a parsed page, as cheerio hands them out. */
type Element = Parameters<CheerioAPI['contains']>[0];
const isText = (n: { type: unknown }) => String(n.type) === 'text';

/** get_pacer_doc_id_from_doc1_url: the last path segment before "?", its 4th digit forced to 0. */
export function docIdFromDoc1Url(url: string): string {
  if (url.includes('show_case_doc')) throw new Error('AssertionError: show_case_doc url');
  const last = (url.split('?')[0] ?? '').split('/').pop() ?? '';
  return `${last.slice(0, 3)}0${last.slice(4)}`;
}

/** reverse_goDLS_function: the single-quoted arguments, in order. */
export function goDLSArgs(onclick: string): string[] {
  return [...onclick.matchAll(/'(.*?)'/g)].map((m) => m[1] ?? '');
}

export interface AttachmentRow {
  attachment_number: number;
  description: string;
  page_count: number | null;
  file_size_str: string;
  file_size_bytes?: number;
  pacer_doc_id: string;
  pacer_seq_no: string | null;
}

export interface AttachmentPageData {
  document_number: number | null;
  pacer_doc_id: string;
  pacer_case_id: string | null;
  pacer_seq_no: string | null;
  page_count: number | null;
  file_size_str: string;
  file_size_bytes?: number;
  attachments: AttachmentRow[];
}

/** AttachmentPage.data for a district (`bankruptcy` false) or bankruptcy court; null when no row has a link. */
export function readAttachmentPage($: CheerioAPI, opts: { bankruptcy: boolean }): AttachmentPageData | null {
  const rows: Element[] = $('tr')
    .toArray()
    .filter((tr) => $(tr).find('a').length > 0);
  if (rows.length === 0) return null;
  const inputName = (row: Element) => $(row).find('input').first().attr('name') ?? '';
  const first = /^document_(\d*)_(\d+)$/.exec(inputName(rows[0] as Element));
  const main = first && Number(first[2]) !== 0 ? null : (rows.shift() as Element);

  const anchor = (row: Element) => $(row).find('a').first();
  const seqOf = (row: Element): string | null => {
    const onclick = anchor(row).attr('onclick') ?? '';
    return onclick.includes('goDLS') ? (goDLSArgs(onclick)[2] ?? null) : null;
  };
  const valueParts = (row: Element) => {
    const parts = ($(row).find('input').first().attr('value') ?? '').split('-');
    return parts.length === 3 ? { bytes: Number(parts[1]), pages: Number(parts[2]) } : null;
  };
  const pagesOf = (row: Element): number | null => {
    const v = valueParts(row);
    if (v && v.pages > 0) return v.pages;
    const td = $(row)
      .children('td')
      .toArray()
      .find((c) => /page/.test($(c).text()));
    const m = td ? /^\s*(\d+)/.exec($(td).text()) : null;
    return m ? Number(m[1]) : null;
  };
  const sizeStr = (row: Element) => {
    const last = fold($(row).children('td').last().text());
    return /kb|mb/i.test(last) ? last : '';
  };
  const bytes = (row: Element) => {
    const v = valueParts(row);
    return v && v.bytes > 0 ? { file_size_bytes: v.bytes } : {};
  };
  const firstText = (td: Element | undefined) => {
    const node = td ? $(td).contents().toArray().find(isText) : undefined;
    return node ? fold($(node).text()) : '';
  };

  const attachments = rows.map((row): AttachmentRow => {
    const name = /^document_(\d*)_(\d+)$/.exec(inputName(row));
    const tds = $(row).children('td').toArray();
    const descriptionTd = opts.bankruptcy || tds.length === 5 ? tds[2] : tds[1];
    return {
      attachment_number: name ? Number(name[2]) : Number(fold(anchor(row).text())) - (opts.bankruptcy ? 1 : 0),
      description: firstText(descriptionTd),
      page_count: pagesOf(row),
      file_size_str: sizeStr(row),
      ...bytes(row),
      pacer_doc_id: docIdFromDoc1Url(anchor(row).attr('href') ?? ''),
      pacer_seq_no: seqOf(row),
    };
  });

  let documentNumber: number | null = null;
  if (!opts.bankruptcy) {
    const named = $('input')
      .toArray()
      .map((i) => /^document_(\d+)_\d+$/.exec($(i).attr('name') ?? ''))
      .find((m) => m && Number(m[1]) !== 0);
    if (named) documentNumber = Number(named[1]);
    else {
      const row = $('tr')
        .toArray()
        .find((tr) => $(tr).text().includes('Document Number'));
      const n = row ? parseInt($(row).find('a').first().text(), 10) : NaN;
      documentNumber = Number.isNaN(n) ? null : n;
    }
  }

  const goDLSLink = $('a')
    .toArray()
    .find((a) => ($(a).attr('onclick') ?? '').includes('goDLS'));
  const inputCase = $('input')
    .toArray()
    .map((i) => /[?&]caseid=(\d+)/i.exec($(i).attr('onclick') ?? ''))
    .find((m) => m);
  const pacerCaseId = goDLSLink ? (goDLSArgs($(goDLSLink).attr('onclick') ?? '')[1] ?? null) : (inputCase?.[1] ?? null);

  return {
    document_number: documentNumber,
    pacer_doc_id: main ? docIdFromDoc1Url(anchor(main).attr('href') ?? '') : '',
    pacer_case_id: pacerCaseId,
    pacer_seq_no: main ? seqOf(main) : null,
    page_count: main ? pagesOf(main) : null,
    file_size_str: main ? sizeStr(main) : '',
    ...(main ? bytes(main) : {}),
    attachments,
  };
}

export interface ConfirmationData {
  billable_pages: string;
  cost: string;
  docket_number: string;
  document_description: string;
  document_number: string | null;
  /** The date line as juriscraper takes it (after the last "-", if any), before it parses it. */
  transaction_date: string;
}

/** DownloadConfirmationPage.data; null without a "Transaction Receipt" text node (juriscraper's `{}`). */
export function readConfirmation($: CheerioAPI): ConfirmationData | null {
  const receipt = $('*')
    .toArray()
    .find((el) => $(el).contents().toArray().some((n) => isText(n) && /Transaction Receipt/.test($(n).text())));
  if (!receipt) return null;
  const cell = (label: string) => {
    const th = $('th')
      .toArray()
      .find((t) => $(t).contents().toArray().some((n) => $(n).text().includes(label)));
    return th ? fold($(th).nextAll('td').first().children('font').first().text()) : '';
  };
  const strong = $('strong')
    .toArray()
    .find((s) => $(s).text().includes('Document: PDF Document'));
  const dateRow = $(receipt).closest('tr').nextAll('tr').eq(2);
  const date = fold(dateRow.text());
  return {
    billable_pages: cell('Billable Pages:'),
    cost: cell('Cost:'),
    docket_number: cell('Case Number:'),
    document_description: cell('Description:'),
    document_number: strong ? (/, Document:([^)]*)/.exec($(strong).text())?.[1]?.trim() ?? null) : null,
    transaction_date: date.includes('-') ? fold(date.split('-').pop() ?? '') : date,
  };
}
