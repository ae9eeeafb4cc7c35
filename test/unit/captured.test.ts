import { describe, expect, it } from 'vitest';
import { captured, pathTo, selectorCounts, texts } from '../support/captured.js';

/** The structural helpers read real captured pages as clients parse them. */
describe('captured court pages', () => {
  it('reads the FLSD skeleton: the menu bar and the main content, nested as captured', () => {
    const $ = captured('attachment_pages/flsd_0510267.html');
    expect($('title').text()).toBe('CM/ECF - Live Database - flsd');
    expect(pathTo($, 'a.yuimenubaritemlabel')).toBe('html > body > div#topmenu.yuimenubar > div.bd > ul.first-of-type > li.yuimenubaritem > a.yuimenubaritemlabel');
    expect(selectorCounts($, ['div#cmecfMainContent', 'img#cmecfLogo', 'a[href="/cgi-bin/login.pl?logout"]'])).toEqual({
      'div#cmecfMainContent': 1,
      'img#cmecfLogo': 1,
      'a[href="/cgi-bin/login.pl?logout"]': 1,
    });
    expect(texts($, '#topmenu a.yuimenubaritemlabel')).toEqual(['Query', 'Reports', 'Utilities', 'Help', 'Log Out']);
  });
});

describe("the case summary's title", () => {
  it('writes the number as the captured titles do: dashes for the colon, no leading zeros in the serial', async () => {
    const { titleCaseNumber } = await import('../../server/domain/cases.js');
    // dcd.html: "-Case Summary for 1-16-cv-745" for 1:16-cv-00745; flsd.html: 1-15-cv-22692.
    expect(titleCaseNumber('1:16-cv-00745')).toBe('1-16-cv-745');
    expect(titleCaseNumber('1:15-cv-22692')).toBe('1-15-cv-22692');
  });
});
