import { describe, expect, it } from 'vitest';
import { createReportCache } from '../../server/ecf/reports/report-cache.js';

/** server/ecf/reports/report-cache.ts: the docket report cache's bounds and its data generation. */
describe('the report cache', () => {
  it('empties itself when the data generation moves: nothing rendered from older rows is served', () => {
    const cache = createReportCache<string>({ maxBytes: 1000 });
    expect(cache.set(1, 'a', 'report of generation 1', 10)).toBe(true);
    expect(cache.get(1, 'a')).toBe('report of generation 1');
    expect(cache.get(2, 'a')).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0, hits: 1, misses: 1 });
    // A late set for the old generation empties again rather than mixing the two.
    cache.set(2, 'b', 'new', 10);
    cache.set(1, 'a', 'old', 10);
    expect(cache.get(2, 'b')).toBeUndefined();
  });

  it('keeps the sum of sizes under maxBytes, the least recently used going first', () => {
    const cache = createReportCache<string>({ maxBytes: 100, maxEntryBytes: 100 });
    cache.set(1, 'a', 'A', 40);
    cache.set(1, 'b', 'B', 40);
    expect(cache.get(1, 'a')).toBe('A'); // now b is the least recently used
    cache.set(1, 'c', 'C', 40);
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBe('A');
    expect(cache.get(1, 'c')).toBe('C');
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80 });
  });

  it('keeps no entry larger than a quarter of maxBytes (by default), so one report cannot flush the rest', () => {
    const cache = createReportCache<string>({ maxBytes: 100 });
    cache.set(1, 'small', 's', 25);
    expect(cache.set(1, 'huge', 'h', 26)).toBe(false);
    expect(cache.get(1, 'small')).toBe('s');
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 25 });
  });

  it('keeps at most maxEntries entries, however small', () => {
    const cache = createReportCache<number>({ maxBytes: 1_000_000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) cache.set(1, `k${i}`, i, 1);
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 3 });
    expect([0, 6, 7, 8, 9].map((i) => cache.get(1, `k${i}`))).toEqual([undefined, undefined, 7, 8, 9]);
  });

  it('replaces an entry set again under the same key, counting its bytes once', () => {
    const cache = createReportCache<string>({ maxBytes: 100 });
    cache.set(1, 'a', 'first', 20);
    cache.set(1, 'a', 'second', 10);
    expect(cache.get(1, 'a')).toBe('second');
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10 });
  });

  it('with maxBytes 0 keeps nothing', () => {
    const cache = createReportCache<string>({ maxBytes: 0 });
    expect(cache.set(1, 'a', 'A', 0)).toBe(false);
    expect(cache.get(1, 'a')).toBeUndefined();
  });
});
