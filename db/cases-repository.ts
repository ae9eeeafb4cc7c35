import type { CaseType } from '../server/domain/case-numbers.js';
import { bumpDataGeneration, type DB } from './database.js';

/** A case as the court keeps it (migration 005, docs/court-records.md). Dates are YYYY-MM-DD. */
export interface CourtCase {
  id: number;
  court: string;
  /** Fidelity: the per-court number every page calls `caseid` (`DktRpt.pl?<id>`, `all_case_ids`). */
  pacerCaseId: number;
  /** `1:26-cv-20001` */
  numberShort: string;
  /** `1:26-cv-20001-KMW`; FLSB `26-10234-RAM` */
  numberFull: string;
  caseType: CaseType;
  office: number;
  title: string;
  judge: string;
  referral: string;
  filedOn: string;
  terminatedOn: string | null;
  natureOfSuit: string;
  cause: string;
  jurisdiction: string;
  juryDemand: string;
  demand: string;
  /** Fidelity: the docket's flags cell, in order: `['APPEAL', 'CLOSED']`. */
  flags: string[];
  chapter: string;
  asset: string;
  voluntary: string;
  /** An adversary proceeding's bankruptcy case (its row id). */
  leadCaseId: number | null;
  /** The whole case is under seal: no page shows it. */
  sealed: boolean;
  /** "This case is in the process of being opened". */
  inOpening: boolean;
  /** The latest date filed among its entries, or the day it was filed. */
  lastFilingOn: string;
}

/** A case to add; `lastFilingOn` follows from its entries. */
export type NewCase = Omit<CourtCase, 'id' | 'lastFilingOn'>;

interface CaseRow {
  id: number;
  court: string;
  pacer_case_id: number;
  number_short: string;
  number_full: string;
  case_type: CaseType;
  office: number;
  title: string;
  judge: string;
  referral: string;
  filed_on: string;
  terminated_on: string | null;
  nature_of_suit: string;
  cause: string;
  jurisdiction: string;
  jury_demand: string;
  demand: string;
  flags: string;
  chapter: string;
  asset: string;
  voluntary: string;
  lead_case_id: number | null;
  sealed: number;
  in_opening: number;
  last_filing_on: string | null;
}

const toCase = (r: CaseRow): CourtCase => ({
  id: r.id,
  court: r.court,
  pacerCaseId: r.pacer_case_id,
  numberShort: r.number_short,
  numberFull: r.number_full,
  caseType: r.case_type,
  office: r.office,
  title: r.title,
  judge: r.judge,
  referral: r.referral,
  filedOn: r.filed_on,
  terminatedOn: r.terminated_on,
  natureOfSuit: r.nature_of_suit,
  cause: r.cause,
  jurisdiction: r.jurisdiction,
  juryDemand: r.jury_demand,
  demand: r.demand,
  flags: r.flags === '' ? [] : r.flags.split(','),
  chapter: r.chapter,
  asset: r.asset,
  voluntary: r.voluntary,
  leadCaseId: r.lead_case_id,
  sealed: r.sealed === 1,
  inOpening: r.in_opening === 1,
  lastFilingOn: r.last_filing_on !== null && r.last_filing_on > r.filed_on ? r.last_filing_on : r.filed_on,
});

// The date of last filing rides along with every read: one seek in docket_entries_by_filed (migration 008).
const SELECT = `SELECT c.*, (SELECT MAX(e.filed_on) FROM docket_entries e WHERE e.case_id = c.id) AS last_filing_on FROM cases c`;

/**
 * The only owner of cases. Parties, counsel, entries and documents have their own repositories.
 * Every write moves the data generation (db/database.ts): the docket report cache keys on it.
 */
export function createCasesRepository(db: DB) {
  const insert = db.prepare<[NewCaseParams]>(`
    INSERT INTO cases (court, pacer_case_id, number_short, number_full, case_type, office, title, judge, referral, filed_on,
      terminated_on, nature_of_suit, cause, jurisdiction, jury_demand, demand, flags, chapter, asset, voluntary, lead_case_id, sealed, in_opening)
    VALUES (@court, @pacerCaseId, @numberShort, @numberFull, @caseType, @office, @title, @judge, @referral, @filedOn,
      @terminatedOn, @natureOfSuit, @cause, @jurisdiction, @juryDemand, @demand, @flags, @chapter, @asset, @voluntary, @leadCaseId, @sealed, @inOpening)`);
  const forCourt = db.prepare<[string], CaseRow>(`${SELECT} WHERE c.court = ? ORDER BY c.number_short, c.id`);
  const byId = db.prepare<[number], CaseRow>(`${SELECT} WHERE c.id = ?`);
  const byPacerId = db.prepare<[string, number], CaseRow>(`${SELECT} WHERE c.court = ? AND c.pacer_case_id = ?`);
  const byNumber = db.prepare<[string, string], CaseRow>(`${SELECT} WHERE c.court = ? AND c.number_short = ?`);
  const maxPacerId = db.prepare<[string], { n: number | null }>('SELECT MAX(pacer_case_id) AS n FROM cases WHERE court = ?');
  // Its parties, counsel links, entries, documents and free looks go with it (ON DELETE CASCADE).
  const remove = db.prepare<[number]>('DELETE FROM cases WHERE id = ?');

  return {
    /** Adds a case (inside the caller's transaction); returns its row id. */
    insert: (c: NewCase): number => {
      bumpDataGeneration(db);
      return Number(
        insert.run({
          ...c,
          flags: c.flags.join(','),
          sealed: c.sealed ? 1 : 0,
          inOpening: c.inOpening ? 1 : 0,
        }).lastInsertRowid,
      );
    },
    /** A court's cases, by number. */
    forCourt: (court: string): CourtCase[] => forCourt.all(court).map(toCase),
    byId: (id: number): CourtCase | null => {
      const r = Number.isSafeInteger(id) ? byId.get(id) : undefined;
      return r ? toCase(r) : null;
    },
    /** The case a page's `caseid` names at this court, or null. */
    byPacerId: (court: string, pacerCaseId: number): CourtCase | null => {
      const r = Number.isSafeInteger(pacerCaseId) ? byPacerId.get(court, pacerCaseId) : undefined;
      return r ? toCase(r) : null;
    },
    /** The case with this short number (`1:26-cv-20001`) at this court, or null. */
    byNumber: (court: string, numberShort: string): CourtCase | null => {
      const r = byNumber.get(court, numberShort);
      return r ? toCase(r) : null;
    },
    /** The highest PACER case id in use at the court (0 when none): the floor of the next one. */
    maxPacerCaseId: (court: string): number => maxPacerId.get(court)?.n ?? 0,
    remove: (id: number): boolean => {
      bumpDataGeneration(db);
      return remove.run(id).changes > 0;
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;

type NewCaseParams = Omit<NewCase, 'flags' | 'sealed' | 'inOpening'> & { flags: string; sealed: number; inOpening: number };
