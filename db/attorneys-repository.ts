import { bumpDataGeneration, type DB } from './database.js';

/** An attorney admitted at a court; one row however many parties and cases they appear in. */
export interface Attorney {
  id: number;
  court: string;
  /** "Elena Ruiz Ramos" */
  name: string;
  /** "Ramos & Whitcombe, P.A." (the first line under the name), or '' */
  firm: string;
  /** Street lines, one string per line. */
  address: string[];
  phone: string;
  fax: string;
  email: string;
  /** "Bar Status: Not Admitted" and the like, or '' */
  barStatus: string;
}

export type NewAttorney = Omit<Attorney, 'id'>;

/** How an attorney represents one party: the docket's italic lines under the attorney. */
export interface Representation {
  partyId: number;
  attorneyId: number;
  position: number;
  /** LEAD ATTORNEY */
  lead: boolean;
  /** ATTORNEY TO BE NOTICED */
  toBeNoticed: boolean;
  /** PRO HAC VICE */
  proHacVice: boolean;
  /** "Designation: Retained", "CJA Appointment", or '' */
  designation: string;
  terminatedOn: string | null;
}

/** A party's attorney as the docket lists it. */
export type Counsel = Attorney & Omit<Representation, 'attorneyId'>;

interface AttorneyRow {
  id: number;
  court: string;
  name: string;
  firm: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  bar_status: string;
}

interface CounselRow extends AttorneyRow {
  party_id: number;
  position: number;
  lead: number;
  to_be_noticed: number;
  pro_hac_vice: number;
  designation: string;
  terminated_on: string | null;
}

const toAttorney = (r: AttorneyRow): Attorney => ({
  id: r.id,
  court: r.court,
  name: r.name,
  firm: r.firm,
  address: r.address === '' ? [] : r.address.split('\n'),
  phone: r.phone,
  fax: r.fax,
  email: r.email,
  barStatus: r.bar_status,
});

const toCounsel = (r: CounselRow): Counsel => ({
  ...toAttorney(r),
  partyId: r.party_id,
  position: r.position,
  lead: r.lead === 1,
  toBeNoticed: r.to_be_noticed === 1,
  proHacVice: r.pro_hac_vice === 1,
  designation: r.designation,
  terminatedOn: r.terminated_on,
});

/**
 * The only owner of attorneys and party_attorneys (who represents whom). Every write moves the
 * data generation (db/database.ts): the docket report cache keys on it.
 */
export function createAttorneysRepository(db: DB) {
  const insert = db.prepare<[string, string, string, string, string, string, string, string]>(
    'INSERT INTO attorneys (court, name, firm, address, phone, fax, email, bar_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The same person at the same court: same name, firm and e-mail address.
  const find = db.prepare<[string, string, string, string], { id: number }>(
    'SELECT id FROM attorneys WHERE court = ? AND name = ? AND firm = ? AND email = ? ORDER BY id LIMIT 1',
  );
  const represent = db.prepare<[number, number, number, number, number, number, string, string | null]>(
    `INSERT INTO party_attorneys (party_id, attorney_id, position, lead, to_be_noticed, pro_hac_vice, designation, terminated_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const counselOfCase = db.prepare<[number], CounselRow>(`
    SELECT a.*, pa.party_id, pa.position, pa.lead, pa.to_be_noticed, pa.pro_hac_vice, pa.designation, pa.terminated_on
    FROM party_attorneys pa JOIN parties p ON p.id = pa.party_id JOIN attorneys a ON a.id = pa.attorney_id
    WHERE p.case_id = ? ORDER BY p.position, pa.position`);
  const forCourt = db.prepare<[string], AttorneyRow & { case_id: number }>(`
    SELECT DISTINCT a.*, p.case_id FROM attorneys a JOIN party_attorneys pa ON pa.attorney_id = a.id JOIN parties p ON p.id = pa.party_id
    WHERE a.court = ? ORDER BY a.name, a.id, p.case_id`);
  const nextPosition = db.prepare<[number], { n: number | null }>('SELECT MAX(position) AS n FROM party_attorneys WHERE party_id = ?');
  const representation = db.prepare<[number, number], { n: number }>('SELECT 1 AS n FROM party_attorneys WHERE party_id = ? AND attorney_id = ?');
  // An attorney who represents nobody any more (their cases were deleted) goes.
  const removeUnused = db.prepare<[string]>(
    'DELETE FROM attorneys WHERE court = ? AND NOT EXISTS (SELECT 1 FROM party_attorneys pa WHERE pa.attorney_id = attorneys.id)',
  );
  return {
    /** The attorney with this name, firm and e-mail at the court, added if new; returns the row id. */
    findOrInsert(a: NewAttorney): number {
      const found = find.get(a.court, a.name, a.firm, a.email);
      if (found) return found.id;
      bumpDataGeneration(db);
      return Number(insert.run(a.court, a.name, a.firm, a.address.join('\n'), a.phone, a.fax, a.email, a.barStatus).lastInsertRowid);
    },
    represent: (r: Representation): void => {
      bumpDataGeneration(db);
      represent.run(r.partyId, r.attorneyId, r.position, r.lead ? 1 : 0, r.toBeNoticed ? 1 : 0, r.proHacVice ? 1 : 0, r.designation, r.terminatedOn);
    },
    /** The position after a party's last attorney (a filer's association adds them there). */
    nextPosition: (partyId: number): number => (nextPosition.get(partyId)?.n ?? 0) + 1,
    /** Whether this attorney already represents the party. */
    represents: (partyId: number, attorneyId: number): boolean => representation.get(partyId, attorneyId) !== undefined,
    /** Every party's attorneys in a case, in docket order (by party, then as listed). */
    counselOfCase: (caseId: number): Counsel[] => counselOfCase.all(caseId).map(toCounsel),
    /** The court's attorneys with the row ids of the cases each appears in (Query's attorney search). */
    forCourt: (court: string): { attorney: Attorney; caseIds: number[] }[] => {
      const byId = new Map<number, { attorney: Attorney; caseIds: number[] }>();
      for (const r of forCourt.all(court)) {
        const found = byId.get(r.id) ?? { attorney: toAttorney(r), caseIds: [] };
        found.caseIds.push(r.case_id);
        byId.set(r.id, found);
      }
      return [...byId.values()];
    },
    removeUnused: (court: string): number => {
      bumpDataGeneration(db);
      return removeUnused.run(court).changes;
    },
  };
}
export type AttorneysRepository = ReturnType<typeof createAttorneysRepository>;
