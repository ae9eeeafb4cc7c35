import { bumpDataGeneration, type DB } from './database.js';

/**
 * Fidelity (captured txsd_1 and juriscraper's criminal_data): what a criminal docket shows under a
 * defendant: pending and terminated counts with their dispositions, the highest offense levels,
 * and the complaints.
 */
export interface CriminalCounts {
  /** The defendant's number in the case: the `-1` of `2:20-cr-00606-1`, "Defendant (1)". */
  defendant: number;
  pendingCounts: { name: string; disposition: string }[];
  terminatedCounts: { name: string; disposition: string }[];
  highestOffenseLevelOpening: string;
  highestOffenseLevelTerminated: string;
  complaints: { name: string; disposition: string }[];
}

export interface Party {
  id: number;
  caseId: number;
  position: number;
  role: string;
  /** As the docket shows it: "Carmen Alvarez", "Sunshine Marine Supply, LLC". */
  name: string;
  /** As Query searches and lists it ("Alvarez, Carmen"); a business keeps its whole name here. */
  lastName: string;
  firstName: string;
  /** Lines under the name ("an individual", an address): one string per line. */
  extra: string[];
  terminatedOn: string | null;
  criminalCounts: CriminalCounts | null;
}

export type NewParty = Omit<Party, 'id'>;

interface PartyRow {
  id: number;
  case_id: number;
  position: number;
  role: string;
  name: string;
  last_name: string;
  first_name: string;
  extra: string;
  terminated_on: string | null;
  criminal_counts: string;
}

function counts(json: string): CriminalCounts | null {
  if (json === '') return null;
  try {
    return JSON.parse(json) as CriminalCounts;
  } catch {
    return null;
  }
}

const toParty = (r: PartyRow): Party => ({
  id: r.id,
  caseId: r.case_id,
  position: r.position,
  role: r.role,
  name: r.name,
  lastName: r.last_name,
  firstName: r.first_name,
  extra: r.extra === '' ? [] : r.extra.split('\n'),
  terminatedOn: r.terminated_on,
  criminalCounts: counts(r.criminal_counts),
});

/** The only owner of parties. Every write moves the data generation (db/database.ts): the docket report cache keys on it. */
export function createPartiesRepository(db: DB) {
  const insert = db.prepare<[number, number, string, string, string, string, string, string | null, string]>(
    `INSERT INTO parties (case_id, position, role, name, last_name, first_name, extra, terminated_on, criminal_counts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forCase = db.prepare<[number], PartyRow>('SELECT * FROM parties WHERE case_id = ? ORDER BY position, id');
  const forCourt = db.prepare<[string], PartyRow>(
    'SELECT p.* FROM parties p JOIN cases c ON c.id = p.case_id WHERE c.court = ? ORDER BY p.case_id, p.position, p.id',
  );
  return {
    /** Adds a party (inside the caller's transaction); returns its row id. */
    insert: (p: NewParty): number => {
      bumpDataGeneration(db);
      return Number(
        insert.run(p.caseId, p.position, p.role, p.name, p.lastName, p.firstName, p.extra.join('\n'), p.terminatedOn, p.criminalCounts ? JSON.stringify(p.criminalCounts) : '')
          .lastInsertRowid,
      );
    },
    /** A case's parties in docket order. */
    forCase: (caseId: number): Party[] => forCase.all(caseId).map(toParty),
    /** Every party of a court's cases, by case row id (Query searches them by name). */
    forCourt: (court: string): Map<number, Party[]> => {
      const byCase = new Map<number, Party[]>();
      for (const r of forCourt.all(court)) {
        const list = byCase.get(r.case_id) ?? [];
        list.push(toParty(r));
        byCase.set(r.case_id, list);
      }
      return byCase;
    },
  };
}
export type PartiesRepository = ReturnType<typeof createPartiesRepository>;
