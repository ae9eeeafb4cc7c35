import { bumpDataGeneration, dataGeneration, type DB } from './database.js';

export interface Court {
  code: string;
  pscCourtId: string;
  name: string;
  title: string;
  kind: 'district' | 'bankruptcy' | 'appellate';
}

interface CourtRow {
  code: string;
  psc_court_id: string;
  name: string;
  title: string;
  kind: Court['kind'];
}

const toCourt = (r: CourtRow): Court => ({ code: r.code, pscCourtId: r.psc_court_id, name: r.name, title: r.title, kind: r.kind });

/**
 * Courts are read on nearly every request (the host router, the login page) and written only by
 * the seeder, so they are kept in memory and reloaded when the data generation moves. This
 * repository moves it itself whenever it writes, so every repository bundle over the same database
 * reloads. A list read inside a transaction is not kept: the transaction may still roll back.
 * Callers get copies: a caller changing a Court cannot change the cache.
 */
export function createCourtsRepository(db: DB) {
  const all = db.prepare<[], CourtRow>('SELECT * FROM courts ORDER BY code');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM courts');
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO courts (code, psc_court_id, name, title, kind) VALUES (?, ?, ?, ?, ?)',
  );
  // Cases, training classes and CM/ECF accounts of a court go with it (ON DELETE CASCADE).
  const clear = db.prepare('DELETE FROM courts');
  type Cache = { generation: number; list: Court[]; byCode: Map<string, Court>; byPsc: Map<string, Court> };
  let cache: Cache | null = null;

  function load(generation: number): Cache {
    const list = all.all().map(toCourt);
    return { generation, list, byCode: new Map(list.map((c) => [c.code, c])), byPsc: new Map(list.map((c) => [c.pscCourtId, c])) };
  }
  function courts(): Cache {
    const generation = dataGeneration(db);
    if (cache?.generation === generation) return cache;
    if (db.inTransaction) return load(generation);
    cache = load(generation);
    return cache;
  }
  const copy = (c: Court | undefined): Court | undefined => c && { ...c };

  return {
    list: (): Court[] => courts().list.map((c) => ({ ...c })),
    byCode: (code: string): Court | undefined => copy(courts().byCode.get(code.toLowerCase())),
    byPscCourtId: (id: string): Court | undefined => copy(courts().byPsc.get(id.toUpperCase())),
    count: (): number => count.get()?.n ?? 0,
    insertMany(list: readonly Court[]): void {
      bumpDataGeneration(db);
      for (const c of list) insert.run(c.code, c.pscCourtId, c.name, c.title, c.kind);
    },
    clear(): void {
      bumpDataGeneration(db);
      clear.run();
    },
  };
}
export type CourtsRepository = ReturnType<typeof createCourtsRepository>;
