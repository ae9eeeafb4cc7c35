import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { PROJECT_ROOT } from '../../server/paths.js';

/**
 * Real court pages captured in freelawproject/juriscraper (test/fixtures/third_party/juriscraper,
 * sources in its SOURCES.md), and the tools to compare the mock's pages with them on the
 * selectors clients use. Pages are parsed as HTML5 parsers do (cheerio over parse5: <tbody>
 * inserted, tags lower-cased), which is how html5lib-based clients such as juriscraper see them.
 */
export const CAPTURED_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'third_party', 'juriscraper');

/** A captured page by its path under tests/examples/pacer/ (e.g. 'attachment_pages/flsd_0510267.html'). */
export function captured(path: string): CheerioAPI {
  return load(readFileSync(join(CAPTURED_DIR, path), 'latin1'));
}

/** Any HTML (a mock page's body), parsed the same way. */
export function parsed(html: string): CheerioAPI {
  return load(html);
}

/** How many elements each selector finds: compare a mock page's counts with a captured page's. */
export function selectorCounts($: CheerioAPI, selectors: readonly string[]): Record<string, number> {
  return Object.fromEntries(selectors.map((s) => [s, $(s).length]));
}

/** The tag path from <html> down to the first element a selector finds ("html > body > div#topmenu.yuimenubar > ..."). */
export function pathTo($: CheerioAPI, selector: string): string {
  const el = $(selector).first();
  if (el.length === 0) return '(none)';
  return [...el.parents().toArray().reverse(), ...el.toArray()]
    .map((n) => {
      const e = $(n);
      const id = e.attr('id');
      const cls = (e.attr('class') ?? '').trim().split(/\s+/).filter(Boolean);
      return `${e.prop('tagName')?.toLowerCase() ?? '?'}${id ? `#${id}` : ''}${cls.map((c) => `.${c}`).join('')}`;
    })
    .join(' > ');
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Visible text of everything a selector finds, with runs of white space folded, as clients compare it. */
export function text($: CheerioAPI, selector: string): string {
  return fold($(selector).text());
}

/** The folded text of each element a selector finds, in document order. */
export function texts($: CheerioAPI, selector: string): string[] {
  return $(selector)
    .toArray()
    .map((el) => fold($(el).text()));
}

/**
 * The transaction receipt of a page (the table under "PACER Service Center"), read as clients
 * read it: each "Label:" header cell and the cell after it, as label → value with spaces folded
 * ({ 'PACER Login': 'researcher', Cost: '0.10', ... }); `time` is the date line. Empty when the
 * page has no receipt.
 */
export function receiptOf($: CheerioAPI): Record<string, string> {
  const table = $('table')
    .filter((_i, t) => $(t).children('tbody').children('tr').first().text().includes('PACER Service Center'))
    .last();
  if (table.length === 0) return {};
  const out: Record<string, string> = {};
  table.find('tr').each((_i, tr) => {
    const cells = $(tr).children('th, td').toArray();
    if (cells.length === 1 && $(cells[0]).is('td')) out['time'] = fold($(cells[0]).text());
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const label = fold($(cells[i]).text());
      if ($(cells[i]).is('th') && label.endsWith(':')) out[label.slice(0, -1).trim()] = fold($(cells[i + 1]).text());
    }
  });
  return out;
}
