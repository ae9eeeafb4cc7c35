import type { DB } from './database.js';

export interface CaseParty {
  lastName: string;
  firstName: string;
  role: string;
}

export interface CourtCase {
  id: number;
  court: string;
  caseNumber: string;
  title: string;
  natureOfSuit: string;
  /** YYYY-MM-DD */
  filedOn: string;
  closedOn: string | null;
  parties: CaseParty[];
}

interface CaseRow {
  id: number;
  court: string;
  case_number: string;
  title: string;
  nature_of_suit: string;
  filed_on: string;
  closed_on: string | null;
}

interface PartyRow {
  case_id: number;
  last_name: string;
  first_name: string;
  role: string;
}

const toParty = (p: PartyRow): CaseParty => ({ lastName: p.last_name, firstName: p.first_name, role: p.role });

const toCase = (c: CaseRow, parties: CaseParty[]): CourtCase => ({
  id: c.id,
  court: c.court,
  caseNumber: c.case_number,
  title: c.title,
  natureOfSuit: c.nature_of_suit,
  filedOn: c.filed_on,
  closedOn: c.closed_on,
  parties,
});

/** A case to add with its parties (the seed's cases). */
export type NewCourtCase = Omit<CourtCase, 'id'>;

/** The only owner of cases and case_parties. */
export function createCasesRepository(db: DB) {
  const insertCase = db.prepare<[string, string, string, string, string, string | null]>(
    'INSERT INTO cases (court, case_number, title, nature_of_suit, filed_on, closed_on) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertParty = db.prepare<[number | bigint, string, string, string]>(
    'INSERT INTO case_parties (case_id, last_name, first_name, role) VALUES (?, ?, ?, ?)',
  );
  const cases = db.prepare<[string], CaseRow>('SELECT * FROM cases WHERE court = ? ORDER BY case_number');
  const oneCase = db.prepare<[string, number], CaseRow>('SELECT * FROM cases WHERE court = ? AND id = ?');
  const partiesOf = db.prepare<[number], PartyRow>('SELECT case_id, last_name, first_name, role FROM case_parties WHERE case_id = ? ORDER BY id');
  const parties = db.prepare<[string], PartyRow>(
    'SELECT p.case_id, p.last_name, p.first_name, p.role FROM case_parties p JOIN cases c ON c.id = p.case_id WHERE c.court = ? ORDER BY p.id',
  );
  return {
    /** Adds cases with their parties (no transaction of its own: the seeder's holds it). */
    insertMany(list: readonly NewCourtCase[]): void {
      for (const c of list) {
        const id = insertCase.run(c.court, c.caseNumber, c.title, c.natureOfSuit, c.filedOn, c.closedOn).lastInsertRowid;
        for (const p of c.parties) insertParty.run(id, p.lastName, p.firstName, p.role);
      }
    },
    /** A court's whole (small, seeded) case list with parties; Query filters it in memory. */
    forCourt: (court: string): CourtCase[] => {
      const byCase = new Map<number, CaseParty[]>();
      for (const p of parties.all(court)) {
        const list = byCase.get(p.case_id) ?? [];
        list.push(toParty(p));
        byCase.set(p.case_id, list);
      }
      return cases.all(court).map((c) => toCase(c, byCase.get(c.id) ?? []));
    },
    /** One case of this court by its id (the case id in Query's links), or null. */
    byId: (court: string, id: number): CourtCase | null => {
      const c = Number.isSafeInteger(id) ? oneCase.get(court, id) : undefined;
      return c ? toCase(c, partiesOf.all(c.id).map(toParty)) : null;
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;
