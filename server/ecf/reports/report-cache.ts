/**
 * A bounded cache of rendered report parts, least recently used first out, bounded by bytes.
 *
 * Every entry belongs to one data generation (`repos.generation()`, db/database.ts: it moves on
 * every write to courts and court records). A lookup under a newer generation than the cache's
 * empties it first, so nothing rendered from older rows is ever served, and their memory goes at
 * once rather than when the LRU reaches them. Keys are the caller's: everything else the cached
 * part depends on (court, case, request options, host origin).
 *
 * One cache per app (the routes make it): the generation is a count per database handle, so two
 * apps (tests) must never share one.
 */
export interface ReportCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export interface ReportCache<V> {
  get(generation: number, key: string): V | undefined;
  /** Keeps `value` (of `bytes` bytes) unless it alone is larger than an entry may be; returns whether it was kept. */
  set(generation: number, key: string, value: V, bytes: number): boolean;
  stats(): ReportCacheStats;
}

/**
 * `maxBytes` bounds the sum of the entries' sizes (0: nothing is kept); `maxEntryBytes` (default a
 * quarter of it) bounds one entry, so one huge report cannot flush everything else; `maxEntries`
 * (default 256) bounds their number, so many small reports cannot grow the keys and objects
 * around them without limit.
 */
export function createReportCache<V>(opts: { maxBytes: number; maxEntryBytes?: number; maxEntries?: number }): ReportCache<V> {
  const maxEntry = Math.min(opts.maxBytes, opts.maxEntryBytes ?? Math.floor(opts.maxBytes / 4));
  const maxEntries = opts.maxEntries ?? 256;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, { value: V; bytes: number }>();
  let generation = -1;
  let total = 0;
  let hits = 0;
  let misses = 0;

  function enter(g: number): void {
    if (g === generation) return;
    entries.clear();
    total = 0;
    generation = g;
  }

  return {
    get(g, key) {
      enter(g);
      const found = entries.get(key);
      if (!found) {
        misses++;
        return undefined;
      }
      hits++;
      entries.delete(key);
      entries.set(key, found);
      return found.value;
    },
    set(g, key, value, bytes) {
      enter(g);
      const old = entries.get(key);
      if (old) {
        entries.delete(key);
        total -= old.bytes;
      }
      if (opts.maxBytes <= 0 || bytes > maxEntry || maxEntries < 1) return false;
      entries.set(key, { value, bytes });
      total += bytes;
      for (const [k, e] of entries) {
        if (total <= opts.maxBytes && entries.size <= maxEntries) break;
        entries.delete(k);
        total -= e.bytes;
      }
      return true;
    },
    stats: () => ({ entries: entries.size, bytes: total, hits, misses }),
  };
}
