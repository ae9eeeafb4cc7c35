import { describe, expect, it } from 'vitest';
import {
  defendantNumber,
  formatFull,
  formatShort,
  judgeInitials,
  numberMatches,
  parseCaseNumber,
  parseTypedCaseNumber,
  possibleCaseNumbersQuery,
} from '../../server/domain/case-numbers.js';

describe('case numbers as users type them', () => {
  it.each([
    // The OKND guide's list, then the national forms with and without suffixes.
    ['04-567', { office: null, year: 4, type: null, serial: 567, suffix: [] }],
    ['4:04-567', { office: 4, year: 4, type: null, serial: 567, suffix: [] }],
    ['4-04-cv-567', { office: 4, year: 4, type: 'cv', serial: 567, suffix: [] }],
    ['04cv567', { office: null, year: 4, type: 'cv', serial: 567, suffix: [] }],
    ['4:04cv567', { office: 4, year: 4, type: 'cv', serial: 567, suffix: [] }],
    ['1:26-cv-20001', { office: 1, year: 26, type: 'cv', serial: 20001, suffix: [] }],
    [' 1:26-CV-20001-KMW ', { office: 1, year: 26, type: 'cv', serial: 20001, suffix: ['kmw'] }],
    ['6:22-cv-02163-PGB-DAB', { office: 6, year: 22, type: 'cv', serial: 2163, suffix: ['pgb', 'dab'] }],
    ['2:20-cr-00606-1', { office: 2, year: 20, type: 'cr', serial: 606, suffix: ['1'] }],
    ['26-10234-RAM', { office: null, year: 26, type: null, serial: 10234, suffix: ['ram'] }],
    ['1-12-10572-tsu', { office: 1, year: 12, type: null, serial: 10572, suffix: ['tsu'] }],
  ])('%s', (typed, parsed) => {
    expect(parseTypedCaseNumber(typed)).toEqual(parsed);
  });

  it.each(['smith', '', '12:26-cv-1', '1:26-cv-123456', '26', "1:26-cv-1'; DROP", '1:26-cv-1-toolong'])('refuses %j', (typed) => {
    expect(parseTypedCaseNumber(typed)).toBeNull();
  });

  it('a national number needs its office and a known type', () => {
    expect(parseCaseNumber('1:26-cv-20001-KMW')).toEqual({ office: 1, year: 26, type: 'cv', serial: 20001 });
    expect(parseCaseNumber('26-20001')).toBeNull();
    expect(parseCaseNumber('1:26-xx-20001')).toBeNull();
  });

  it('matches on what was typed: year and serial always, office and type when given', () => {
    const n = { office: 1, year: 26, type: 'cv' as const, serial: 20001 };
    const m = (t: string) => numberMatches(n, parseTypedCaseNumber(t) ?? { office: 9, year: 0, type: null, serial: 0, suffix: [] });
    expect(['26-20001', '26cv20001', '1:26-cv-20001', '1:26-cv-20001-ABC', '1-26-cv-20001'].filter((t) => !m(t))).toEqual([]);
    expect(['0:26-cv-20001', '26-cr-20001', '25-20001', '26-20002'].filter(m)).toEqual([]);
  });
});

describe('case numbers as courts write them', () => {
  const n = { office: 1, year: 26, type: 'cv' as const, serial: 417 };
  it('short, full, bankruptcy and criminal forms', () => {
    expect(formatShort(n)).toBe('1:26-cv-00417');
    expect(formatFull(n, 'district', 'MAT')).toBe('1:26-cv-00417-MAT');
    expect(formatFull(n, 'district', 'MAT-DKO')).toBe('1:26-cv-00417-MAT-DKO');
    expect(formatFull(n, 'district', '')).toBe('1:26-cv-00417');
    expect(formatFull({ office: 1, year: 26, type: 'bk', serial: 10234 }, 'bankruptcy', 'RAM')).toBe('26-10234-RAM');
    expect(defendantNumber('1:26-cr-20088-TWH', 1)).toBe('1:26-cr-20088-TWH-1');
    expect(possibleCaseNumbersQuery(' 1:26-CV-20001 ')).toBe('1:26-cv-20001');
  });

  it("takes a judge's initials from the name, without titles", () => {
    expect(judgeInitials('Judge Ursula Ungaro')).toBe('UU');
    expect(judgeInitials('Magistrate Judge Desmond K. Okoye')).toBe('DKO');
    expect(judgeInitials('Chief Judge Marguerite A. Thornbury, Jr.')).toBe('MAT');
    expect(judgeInitials('Judge Cher')).toBe('CH');
    expect(judgeInitials('')).toBe('');
  });
});
