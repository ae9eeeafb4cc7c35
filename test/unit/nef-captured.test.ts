import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildNef } from '../../server/domain/nef.js';
import { captured, parsed, pathTo, selectorCounts, texts } from '../support/captured.js';
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
