import { describe, expect, it } from 'vitest';
import type { FreeLook } from '../../db/free-looks-repository.js';
import { documentBillablePages, documentCharge } from '../../server/domain/billing.js';
import {
  ctime,
  freeLookState,
  imageDescription,
  parseShowCaseDoc,
  readTempFileName,
  sizeText,
  TEMP_FILE_TTL_MS,
  tempFileName,
} from '../../server/domain/documents.js';

const DAY = 86_400_000;

describe('sizes as the attachment menus print them', () => {
  it('match the captured cells (flsd_0510267, nysd_12708012898)', () => {
    expect(sizeText(71136)).toBe('69.5 KB');
    expect(sizeText(0)).toBe('0 B');
    expect(sizeText(29665)).toBe('29.0 KB');
    expect(sizeText(278679)).toBe('272.1 KB');
    expect(sizeText(2014670)).toBe('  2.0 MB');
    expect(sizeText(1023)).toBe('1023 B');
    expect(sizeText(20_300_000)).toBe(' 19.8 MB');
  });
});

describe('the confirmation date line', () => {
  it('is ctime, the day padded with a space (cand_1: "Thu Mar  2 13:53:33 2023")', () => {
    expect(ctime(Date.UTC(2023, 2, 2, 13, 53, 33))).toBe('Thu Mar  2 13:53:33 2023');
    expect(ctime(Date.UTC(2026, 10, 29, 5, 4, 3))).toBe('Sun Nov 29 05:04:03 2026');
  });
});

describe('document billing', () => {
  it('is Image<n>-<k>, the case number, pages capped at 30 and $3.00', () => {
    expect(imageDescription({ docNumber: 670 }, { attachment: 0 })).toBe('Image670-0');
    expect(documentCharge({ caseNumber: '1:26-cv-20001-MAT', docNumber: 4, attachment: 2, pages: 9 })).toEqual({ description: 'Image4-2', criteria: '1:26-cv-20001-MAT', pages: 9, costCents: 90 });
    expect(documentCharge({ caseNumber: 'x', docNumber: 10, attachment: 0, pages: 48 })).toMatchObject({ pages: 30, costCents: 300 });
    expect([1, 29, 30, 31, 2000].map(documentBillablePages)).toEqual([1, 29, 30, 30, 30]);
  });
});

describe('free looks', () => {
  const look = (o: Partial<FreeLook> = {}): FreeLook => ({ magicNum: '48213377', documentId: 7, recipient: '', createdAt: 0, usedAt: null, ...o });
  it('last until the first use or 15 days, for the entry whose main document they name', () => {
    expect(freeLookState(look(), 7, 15 * DAY)).toBe('valid');
    expect(freeLookState(look(), 7, 15 * DAY + 1)).toBe('expired');
    expect(freeLookState(look({ usedAt: 5 }), 7, 10)).toBe('used');
    expect(freeLookState(look(), 8, 10)).toBe('unknown');
    expect(freeLookState(null, 7, 10)).toBe('unknown');
    expect(freeLookState(look(), null, 10)).toBe('unknown');
  });
});

describe('show_temp.pl file names', () => {
  const secret = Buffer.alloc(32, 7);
  it('grant their holder the serial until they expire, and nothing to anyone else', () => {
    const name = tempFileName(secret, 'nysd', 22700004, 1_000_000, { session: 'abc' });
    expect(name).toMatch(/^22700004-[0-9a-z]+-[\w-]+\.pdf$/);
    expect(readTempFileName(secret, name, 'nysd', 1_000_000, { session: 'abc' })).toBe(22700004);
    expect(readTempFileName(secret, name, 'nysd', 1_000_001, { session: 'abc' })).toBeNull();
    expect(readTempFileName(secret, name, 'nysd', 0, { session: 'abd' })).toBeNull();
    expect(readTempFileName(secret, name, 'nysd', 0, { freeLook: true })).toBeNull();
    expect(readTempFileName(secret, name, 'flsd', 0, { session: 'abc' })).toBeNull();
    expect(readTempFileName(Buffer.alloc(32, 8), name, 'nysd', 0, { session: 'abc' })).toBeNull();
    expect(readTempFileName(secret, name.replace('22700004', '22700005'), 'nysd', 0, { session: 'abc' })).toBeNull();
    const open = tempFileName(secret, 'nysd', 1, TEMP_FILE_TTL_MS, { freeLook: true });
    expect(readTempFileName(secret, open, 'nysd', 0, { freeLook: true })).toBe(1);
    for (const junk of ['', 'x.pdf', '1-2-3.pdf', `${'9'.repeat(30)}-1-${'a'.repeat(43)}.pdf`]) expect(readTempFileName(secret, junk, 'nysd', 0, { freeLook: true })).toBeNull();
  });
});

describe('show_case_doc queries', () => {
  it("read juriscraper's ?<number>,<caseid>,<attachment>,,", () => {
    expect(parseShowCaseDoc('90,406590,,,')).toEqual({ docNumber: 90, caseId: 406590, attachment: null });
    expect(parseShowCaseDoc('4,642110,2,,')).toEqual({ docNumber: 4, caseId: 642110, attachment: 2 });
    expect(parseShowCaseDoc('4%2C642110%2C%2C%2C')).toEqual({ docNumber: 4, caseId: 642110, attachment: null });
    for (const bad of ['', 'x', '0,1,,,', '1,,,,', '1,2', 'a,b,c,,', '%E0%A4%A']) expect(parseShowCaseDoc(bad), bad).toBeNull();
  });
});
