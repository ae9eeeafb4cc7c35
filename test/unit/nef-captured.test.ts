import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildNef } from '../../server/domain/nef.js';
import { CAPTURED_DIR, captured, parsed, pathTo, selectorCounts, texts } from '../support/captured.js';
import { magicCounter, sampleNefInput } from '../support/nef-input.js';
import { freshRepositories } from '../support/repos.js';

/**
 * The district notice against captured real ones (nef/txed.html, nef/ared_3.html), on the
 * selectors and nesting juriscraper's NotificationEmail and mail readers rely on. The captured
 * pages are e-mail bodies saved inside an extra <div>; paths are compared from the body down,
 * that <div> left out.
 */

/** A filing like the captured ones: one filer, a main document and attachments. */
function mockNotice(): CheerioAPI {
  const repos = freshRepositories();
  const input = sampleNefInput(repos, { filers: [{ name: 'Meridian Surety Group, Inc.' }], mintMagic: magicCounter(45000000) });
  return parsed(buildNef(input).html);
}

const SELECTORS = [
  'p > strong > font[color="#FF0000"]',
  'p[align="center"] > strong',
  'font[face="arial,helvetica"] > b',
  'table[border="0"][cellspacing="0"]',
  'table tr',
  'td > strong',
  'a[href*="/cgi-bin/DktRpt.pl?"]',
  'a[href*="/doc1/"]',
  'p > font > b > i',
] as const;

const NESTED = ['a[href*="DktRpt.pl"]', 'a[href*="/doc1/"]', 'font[color="#0000cc"] > b', 'td > strong', 'b', 'div > p + strong'] as const;

/** A path below the body; the captured bodies were saved inside one more <div>, left out. */
const fromBody = (path: string, saved: boolean) => path.replace(saved ? /^html > body > div > / : /^html > body > /, '');

/** The texts of <strong> outside the table, in order: Docket Text:, then each document's three labels. */
const labels = ($: CheerioAPI) => texts($, 'strong').filter((t) => t.endsWith(':') && !['Case Name:', 'Case Number:', 'Filer:', 'Document Number:'].includes(t));

describe('the district notice against captured NEFs', () => {
  for (const name of ['txed', 'ared_3']) {
    it(`has nef/${name}.html's structure on the selectors clients read`, () => {
      const real = captured(`nef/${name}.html`);
      const mock = mockNotice();
      expect(selectorCounts(mock, SELECTORS)).toEqual(selectorCounts(real, SELECTORS));
      for (const s of NESTED) expect(fromBody(pathTo(mock, s), false), s).toBe(fromBody(pathTo(real, s), true));
      expect(texts(mock, 'td > strong')).toEqual(texts(real, 'td > strong'));
      expect(texts(mock, 'p[align="center"] > strong')[0]).toBe(texts(real, 'p[align="center"] > strong')[0]);
      expect(texts(mock, 'p > strong').slice(0, 2)).toEqual(texts(real, 'p > strong').slice(0, 2));
      // The banner word for word, and "Notice of Electronic Filing" in its font.
      expect(texts(mock, 'font[size="3"] > b')[0]).toBe('Notice of Electronic Filing');
      // Docket Text:, then Document description / Original filename / Electronic document Stamp per document.
      const mockLabels = labels(mock);
      const realLabels = labels(real);
      expect(mockLabels.slice(0, 4)).toEqual(realLabels.slice(0, 4));
      expect(new Set(mockLabels)).toEqual(new Set(realLabels));
      // The recipients' heading: "<number> Notice has been electronically mailed to:" in <b>.
      expect(texts(mock, 'b').some((t) => /^\S+ Notice has been electronically mailed to:$/.test(t))).toBe(true);
      expect(texts(real, 'b').some((t) => /^\S+ Notice has been electronically mailed to:$/.test(t))).toBe(true);
    });
  }
});

/** The HTML body of a captured raw message (nef/s3/*.txt): everything after the headers. */
function capturedBody(path: string): CheerioAPI {
  const raw = readFileSync(join(CAPTURED_DIR, path), 'latin1');
  const at = /\r?\n\r?\n/.exec(raw.slice(raw.indexOf('Content-Type: text/html')));
  return parsed(raw.slice(raw.indexOf('Content-Type: text/html') + (at ? at.index + at[0].length : 0)));
}

const BANKRUPTCY_SELECTORS = [
  'p > strong',
  'p[align="center"] > strong',
  'font',
  'table[border="0"][cellspacing="0"]',
  'table[border="0"] tr',
  'td > strong',
  'a[href*="/cgi-bin/DktRpt.pl?"]',
  'a[href*="/doc1/"]',
] as const;

describe('the bankruptcy notice against captured nef/s3/cacb_1.txt', () => {
  it('has its structure on the selectors clients read', () => {
    const repos = freshRepositories();
    const base = sampleNefInput(repos);
    const court = repos.courts.byCode('flsb')!;
    const courtCase = repos.cases.byNumber('flsb', '1:25-bk-24411')!;
    const entry = repos.docketEntries.byNumber(courtCase.id, 1)!;
    const mock = parsed(
      buildNef({
        ...base,
        court,
        courtCase,
        entry,
        documents: repos.documents.forEntry(entry.id).map((document) => ({ document, sha256: 'e'.repeat(64) })),
        filers: [],
        counsel: [],
        origin: 'https://ecf.flsb.uscourts.gov',
      }).html,
    );
    const real = capturedBody('nef/s3/cacb_1.txt');
    expect(selectorCounts(mock, BANKRUPTCY_SELECTORS)).toEqual(selectorCounts(real, BANKRUPTCY_SELECTORS));
    expect(texts(mock, 'td > strong')).toEqual(texts(real, 'td > strong'));
    expect(texts(mock, 'p > strong').slice(0, 1)).toEqual(texts(real, 'p > strong').slice(0, 1));
    expect(texts(mock, 'p[align="center"] > strong')[0]).toBe('U.S. Bankruptcy Court');
    for (const s of ['a[href*="DktRpt.pl"]', 'a[href*="/doc1/"]', 'td > strong']) expect(pathTo(mock, s), s).toBe(pathTo(real, s));
    const headings = (c: CheerioAPI) => texts(c, 'b').filter((t) => t.includes('electronically mailed to:')).map((t) => t.replace(/^\S+ /, ''));
    expect(headings(mock)).toEqual(headings(real));
    // The link's parameters in cacb's order.
    const params = (c: CheerioAPI) => [...new URL(c('a[href*="/doc1/"]').attr('href') ?? '').searchParams.keys()];
    expect(params(mock)).toEqual(params(real));
  });
});
