import { describe, expect, it } from 'vitest';
import { courtOfPrefix, docPrefixFor, formatDocId, MIN_DOC_SERIAL, parseDoc1Path, parseDocId } from '../../server/domain/doc-ids.js';

describe('doc1 ids', () => {
  it("start with the court's national prefix", () => {
    expect([docPrefixFor('flsd'), docPrefixFor('NYSD'), docPrefixFor('flsb'), docPrefixFor('cacb'), docPrefixFor('jpml')]).toEqual(['051', '127', '050', '973', '850']);
    expect(docPrefixFor('zzzz')).toBeUndefined();
    expect(courtOfPrefix('123')).toBe('nyed');
    expect(courtOfPrefix('013')).toBeUndefined();
  });

  it('carry the attachment-menu digit and the serial, both ways', () => {
    expect(formatDocId('051', 15100007, true)).toBe('051015100007');
    expect(formatDocId('051', 15100007, false)).toBe('051115100007');
    expect(parseDocId('051015100007')).toEqual({ prefix: '051', menu: true, serial: 15100007 });
    expect(parseDocId('051115100007')).toEqual({ prefix: '051', menu: false, serial: 15100007 });
    // The captured FLSD menu's own id: serial 267.
    expect(parseDocId('0510267')).toEqual({ prefix: '051', menu: true, serial: 267 });
  });

  it('are refused when they are not one', () => {
    for (const bad of ['', '051', '0512', '051215100007', '05101510000x', '-51015100007', '0510000', '0'.repeat(16), '05101e10']) {
      expect(parseDocId(bad), bad).toBeNull();
    }
  });

  it('are read from /doc1/ paths, a query string aside', () => {
    expect(parseDoc1Path('/doc1/127115500001?caseid=655120&magic_num=73350192')).toEqual({ prefix: '127', menu: false, serial: 15500001 });
    expect(parseDoc1Path('/doc1/127115500001')?.serial).toBe(15500001);
    expect(parseDoc1Path('/doc1/')).toBeNull();
    expect(parseDoc1Path('/docs1/127115500001')).toBeNull();
    expect(parseDoc1Path('/doc1/127115500001/x')).toBeNull();
  });

  it('minted serials stay above the legacy thresholds juriscraper decrements below', () => {
    // NYSD's threshold (8,012,889) is one of the highest listed.
    expect(MIN_DOC_SERIAL).toBeGreaterThan(8_012_889);
  });
});
