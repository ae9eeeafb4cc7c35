import type { DB } from './database.js';

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

export function createCourtsRepository(db: DB) {
  const all = db.prepare<[], CourtRow>('SELECT * FROM courts ORDER BY code');
  const byCode = db.prepare<[string], CourtRow>('SELECT * FROM courts WHERE code = ?');
  const byPsc = db.prepare<[string], CourtRow>('SELECT * FROM courts WHERE psc_court_id = ?');
  return {
    list: (): Court[] => all.all().map(toCourt),
    byCode: (code: string): Court | undefined => {
      const r = byCode.get(code.toLowerCase());
      return r && toCourt(r);
    },
    byPscCourtId: (id: string): Court | undefined => {
      const r = byPsc.get(id.toUpperCase());
      return r && toCourt(r);
    },
  };
}
export type CourtsRepository = ReturnType<typeof createCourtsRepository>;
