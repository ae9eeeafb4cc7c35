import { dataGeneration, type DB } from './database.js';

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
 * the seeder, so they are kept in memory and reloaded when the seeder bumps the data generation.
 * Callers get copies: a caller changing a Court cannot change the cache.
 */
export function createCourtsRepository(db: DB) {
  const all = db.prepare<[], CourtRow>('SELECT * FROM courts ORDER BY code');
  let cache: { generation: number; list: Court[]; byCode: Map<string, Court>; byPsc: Map<string, Court> } | null = null;

  function courts() {
    const generation = dataGeneration(db);
    if (cache?.generation !== generation) {
      const list = all.all().map(toCourt);
      cache = {
        generation,
        list,
        byCode: new Map(list.map((c) => [c.code, c])),
        byPsc: new Map(list.map((c) => [c.pscCourtId, c])),
      };
    }
    return cache;
  }
  const copy = (c: Court | undefined): Court | undefined => c && { ...c };

  return {
    list: (): Court[] => courts().list.map((c) => ({ ...c })),
    byCode: (code: string): Court | undefined => copy(courts().byCode.get(code.toLowerCase())),
    byPscCourtId: (id: string): Court | undefined => copy(courts().byPsc.get(id.toUpperCase())),
  };
}
export type CourtsRepository = ReturnType<typeof createCourtsRepository>;
