import type { CourtCase } from '../../db/cases-repository.js';
import type { Party } from '../../db/parties-repository.js';
import { numberMatches, parseCaseNumber, parseTypedCaseNumber, type TypedCaseNumber } from './case-numbers.js';
import { isoDayToUs, parseUsDate } from './us-dates.js';

/**
 * Query (iquery.pl) over a court's cases. Pure: the posted form in, the answer out; the route
 * (server/ecf/query-routes.ts) renders it and bills it.
 *
 * Fidelity (juriscraper case_query.py, case_query_advanced.py; captured case_queries/flsd.html,
 * case_queries_advanced/cacb.html, canb_2.html, canb_3.html): a query that names one case answers
 * its case summary; a name search answers "Select a Case", one row per person and case; a search by
 * dates answers "Select a Case", one row per case; nothing found answers "No match found".
 *
 * Case numbers are accepted the ways CM/ECF users type them: `1:26-cv-20001`, `26-cv-20001`,
 * `26-20001`, `26cv20001`, with or without a judge suffix (`1:26-cv-20001-ABC`).
 */

/** A case as Query reads it: the court's record with its parties (query-routes.ts builds it). */
export interface QueryCase {
  /** The PACER case id: `all_case_ids`, the links' `-0-<id>`. */
  id: number;
  /** `1:26-cv-20001` */
  caseNumber: string;
  /** As the court's headers write it: `1:26-cv-20001-MAT`, FLSB `26-10234-RAM`. */
  numberFull: string;
  title: string;
  natureOfSuit: string;
  /** YYYY-MM-DD */
  filedOn: string;
  closedOn: string | null;
  /** The latest date filed on its docket, or the day it was filed. */
  lastFilingOn: string;
  parties: { lastName: string; firstName: string; role: string }[];
  /** "Judge Marguerite A. Thornbury", "Magistrate Judge Desmond K. Okoye"; '' for none. */
  judge: string;
  referral: string;
  /** Bankruptcy cases: "11", "Yes"/"No", "v"/"i"; '' otherwise. */
  chapter: string;
  asset: string;
  voluntary: string;
}

export function queryCase(c: CourtCase, parties: readonly Party[]): QueryCase {
  return {
    id: c.pacerCaseId,
    caseNumber: c.numberShort,
    numberFull: c.numberFull,
    title: c.title,
    natureOfSuit: c.natureOfSuit,
    filedOn: c.filedOn,
    closedOn: c.terminatedOn,
    lastFilingOn: c.lastFilingOn,
    parties: parties.map((p) => ({ lastName: p.lastName, firstName: p.firstName, role: p.role })),
    judge: c.judge,
    referral: c.referral,
    chapter: c.chapter,
    asset: c.asset,
    voluntary: c.voluntary,
  };
}

function caseNumberMatches(caseNumber: string, q: TypedCaseNumber): boolean {
  const n = parseCaseNumber(caseNumber);
  return n !== null && numberMatches(n, q);
}

/** The Query form as posted, by its real field names. */
export interface QueryForm {
  /** all_case_ids: the case id(s) the case-number widget picked; "0" or empty when none. */
  allCaseIds: string;
  /** case_num */
  caseNum: string;
  /** case_status: open, closed or all */
  caseStatus: string;
  /** Qry_filed_from, Qry_filed_to */
  filedFrom: string;
  filedTo: string;
  /** lastentry_from, lastentry_to */
  lastEntryFrom: string;
  lastEntryTo: string;
  /** nature_suit (a multiple select: "110" or "110 Insurance") */
  natureOfSuit: readonly string[];
  /** cause_action (a multiple select) */
  causeOfAction: readonly string[];
  /** last_name, ExactMatch, first_name, middle_name */
  lastName: string;
  exactMatch: boolean;
  firstName: string;
  middleName: string;
  /** person_type: Attorney, Party or empty (both) */
  personType: string;
}

export const EMPTY_QUERY_FORM: QueryForm = {
  allCaseIds: '',
  caseNum: '',
  caseStatus: 'all',
  filedFrom: '',
  filedTo: '',
  lastEntryFrom: '',
  lastEntryTo: '',
  natureOfSuit: [],
  causeOfAction: [],
  lastName: '',
  exactMatch: false,
  firstName: '',
  middleName: '',
  personType: '',
};

interface DayRange {
  /** YYYY-MM-DD, inclusive; null when open at that end */
  from: string | null;
  to: string | null;
}

export interface CaseSearch {
  /** A name search (person rows) when set; a case search (case rows) otherwise. */
  person: { lastName: string; exact: boolean; firstName: string; type: 'Attorney' | 'Party' | '' } | null;
  status: 'open' | 'closed' | 'all';
  filed: DayRange;
  lastEntry: DayRange;
  /** Nature of suit codes ("110"); empty: any. */
  natureOfSuit: string[];
  causeOfAction: string[];
}

/** What a posted form asks for, once checked. */
export type QueryPlan =
  | { kind: 'ids'; ids: number[] }
  | { kind: 'number'; text: string; number: TypedCaseNumber }
  | { kind: 'search'; search: CaseSearch; criteria: string };

const MAX_IDS = 50;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Fidelity: the real form's date check (CompareDateFT in the captured DktRpt form). */
export const DATE_ORDER_ERROR = 'The "from" date must be on or before the "to" date.';

function dayRange(from: string, to: string): DayRange | { error: string } {
  const fromMs = from ? parseUsDate(from) : null;
  const toMs = to ? parseUsDate(to) : null;
  // Invented: the real form checks dates in the browser; its wording is not public.
  if ((from && fromMs === null) || (to && toMs === null)) return { error: 'Enter dates as mm/dd/yyyy.' };
  if (fromMs !== null && toMs !== null && fromMs > toMs) return { error: DATE_ORDER_ERROR };
  return { from: fromMs === null ? null : isoDay(fromMs), to: toMs === null ? null : isoDay(toMs) };
}

/**
 * Fidelity: the receipt's "Search Criteria:" wording, as captured: "LName: lissner FName: michael"
 * (canb_2.html), "Last Entry From: 1/25/2019 Last Entry To: 1/30/2019" (canb_3.html). "MName:" and
 * "Filed From:"/"Filed To:" follow the same pattern (invented).
 */
function searchCriteria(f: QueryForm): string {
  const parts: [string, string][] = [
    ['LName', f.lastName],
    ['FName', f.firstName],
    ['MName', f.middleName],
    ['Filed From', f.filedFrom],
    ['Filed To', f.filedTo],
    ['Last Entry From', f.lastEntryFrom],
    ['Last Entry To', f.lastEntryTo],
  ];
  return parts
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' ');
}

/**
 * Checks the form. A case picked by the widget (all_case_ids) wins over everything else, as
 * juriscraper relies on (it posts `case_num=foo` beside the id); then a typed case number; then
 * the name and date fields. The error texts are invented (the real form checks in the browser).
 */
export function planQuery(input: QueryForm): { ok: true; plan: QueryPlan } | { ok: false; error: string } {
  const f: QueryForm = {
    ...input,
    allCaseIds: input.allCaseIds.trim(),
    caseNum: input.caseNum.trim(),
    filedFrom: input.filedFrom.trim(),
    filedTo: input.filedTo.trim(),
    lastEntryFrom: input.lastEntryFrom.trim(),
    lastEntryTo: input.lastEntryTo.trim(),
    lastName: input.lastName.trim(),
    firstName: input.firstName.trim(),
    middleName: input.middleName.trim(),
  };

  if (f.allCaseIds !== '' && f.allCaseIds !== '0') {
    const tokens = f.allCaseIds.split(/[\s,]+/).filter(Boolean);
    // Something that is not a list of ids names no case: "Case not found.", as for an unknown id.
    const ids = tokens.every((t) => /^\d{1,12}$/.test(t)) ? [...new Set(tokens.map(Number))].slice(0, MAX_IDS) : [];
    return { ok: true, plan: { kind: 'ids', ids } };
  }
  if (f.caseNum !== '') {
    const number = parseTypedCaseNumber(f.caseNum);
    if (!number) return { ok: false, error: `"${f.caseNum.slice(0, 40)}" is not a case number. Use a form like 1:26-cv-20001 or 26-20001.` };
    return { ok: true, plan: { kind: 'number', text: f.caseNum, number } };
  }

  const anyDate = f.filedFrom || f.filedTo || f.lastEntryFrom || f.lastEntryTo;
  if (!f.lastName && (f.firstName || f.middleName)) return { ok: false, error: 'Enter a last name to search by first or middle name.' };
  if (!f.lastName && !anyDate) return { ok: false, error: 'Enter a case number, a last or business name, or a range of filing or last entry dates.' };
  const filed = dayRange(f.filedFrom, f.filedTo);
  if ('error' in filed) return { ok: false, error: filed.error };
  const lastEntry = dayRange(f.lastEntryFrom, f.lastEntryTo);
  if ('error' in lastEntry) return { ok: false, error: lastEntry.error };

  const type = f.personType === 'Attorney' || f.personType === 'Party' ? f.personType : '';
  const status = f.caseStatus === 'open' || f.caseStatus === 'closed' ? f.caseStatus : 'all';
  const search: CaseSearch = {
    person: f.lastName ? { lastName: f.lastName.toLowerCase(), exact: f.exactMatch, firstName: f.firstName.toLowerCase(), type } : null,
    status,
    filed,
    lastEntry,
    natureOfSuit: f.natureOfSuit.map((v) => v.trim().match(/^\d{3}/)?.[0] ?? '').filter(Boolean),
    causeOfAction: f.causeOfAction.map((v) => v.trim()).filter(Boolean),
  };
  return { ok: true, plan: { kind: 'search', search, criteria: searchCriteria(f) } };
}

/** Query's "Date of last filing" and its last-entry date range read the case's docket. */
export function lastFilingDay(c: QueryCase): string {
  return c.lastFilingOn;
}

/** The case summary's centered block, line by line (captured case_queries/flsd.html, flsb_703069.html). */
export interface CaseSummary {
  id: number;
  caseNumber: string;
  /** The number in the summary's <font>: `1:15-cv-22692-UU` (captured flsd.html). */
  numberFull: string;
  title: string;
  /** The judge's name without a title: the line reads "Ursula Ungaro, presiding" (district courts). */
  presiding: string | null;
  /** "Alicia M. Otazo-Reyes, referral". */
  referral: string | null;
  /** Bankruptcy courts: "bk", "ap" (from the case number), with the chapter line's other labels. */
  caseType: string | null;
  chapter: string;
  asset: string;
  voluntary: string;
  /** Bankruptcy courts' "Judge:" label. */
  judge: string | null;
  filed: string;
  lastFiling: string;
  terminated: string | null;
  /** Fidelity: the CASE_NUM cookie the summary sets, "1:15-cv-22692(467116)". */
  cookie: string;
  /** Fidelity: what the page title adds to the court's title: "-Case Summary for 1-15-cv-22692" (flsd.html, dcd.html). */
  titleSuffix: string;
}

/** The case number as the summary's title writes it: colons as dashes, the serial without leading zeros (1:16-cv-00745 -> 1-16-cv-745). */
export function titleCaseNumber(caseNumber: string): string {
  return caseNumber.replace(':', '-').replace(/-(\d+)$/, (_m, serial: string) => `-${Number(serial)}`);
}

/**
 * Fidelity: the case summary names judges without their titles ("Ursula Ungaro, presiding";
 * flsb_703069's "Judge: Erik P. Kimball"); cases store them with ("Judge Ursula Ungaro").
 */
export function judgeName(judge: string): string {
  return judge.replace(/^((Chief|Senior|Magistrate|District|Bankruptcy|U\.S\.)\s+)*Judge\s+/i, '').trim();
}

export function caseSummary(c: QueryCase, bankruptcy: boolean): CaseSummary {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    numberFull: c.numberFull,
    title: c.title,
    presiding: !bankruptcy && c.judge ? judgeName(c.judge) : null,
    referral: !bankruptcy && c.referral ? judgeName(c.referral) : null,
    caseType: bankruptcy ? (parseTypedCaseNumber(c.caseNumber)?.type ?? null) : null,
    chapter: c.chapter,
    asset: c.asset,
    voluntary: c.voluntary,
    judge: bankruptcy && c.judge ? judgeName(c.judge) : null,
    filed: isoDayToUs(c.filedOn),
    lastFiling: isoDayToUs(lastFilingDay(c)),
    terminated: c.closedOn ? isoDayToUs(c.closedOn) : null,
    cookie: `${c.caseNumber}(${c.id})`,
    titleSuffix: `-Case Summary for ${titleCaseNumber(c.caseNumber)}`,
  };
}

/** One row of "Select a Case". */
export interface CaseRow {
  caseId: number;
  caseNumber: string;
  title: string;
  /** Bankruptcy courts' "Chapter / Lead BK case" column; empty until cases have chapters. */
  chapter: string;
  /** Fidelity: mm/dd/yy, as captured. */
  filed: string;
  /** mm/dd/yy, or "N / A" while open (captured). */
  closed: string;
}

export interface PersonRow extends CaseRow {
  /** "Smith, Jordan" or a business name */
  name: string;
  /** Fidelity: "(pty)" for a party, "(aty)" for an attorney (captured cacb.html shows "(pty)"). */
  kind: 'pty' | 'aty';
  /** How many of the matching cases this person is in: "(1 case)". */
  caseCount: number;
  role: string;
}

export type QueryAnswer =
  | { kind: 'summary'; case: QueryCase }
  | { kind: 'notFound' }
  | { kind: 'cases'; rows: CaseRow[]; criteria: string }
  | { kind: 'persons'; rows: PersonRow[]; persons: number; cases: number; criteria: string }
  | { kind: 'noMatch'; criteria: string };

const shortUsDate = (day: string) => {
  const us = isoDayToUs(day);
  return `${us.slice(0, 6)}${us.slice(8)}`;
};

function caseRow(c: QueryCase): CaseRow {
  return { caseId: c.id, caseNumber: c.caseNumber, title: c.title, chapter: '', filed: shortUsDate(c.filedOn), closed: c.closedOn ? shortUsDate(c.closedOn) : 'N / A' };
}

const inRange = (day: string, r: DayRange) => (r.from === null || day >= r.from) && (r.to === null || day <= r.to);

function caseFits(c: QueryCase, s: CaseSearch): boolean {
  if (s.status === 'open' && c.closedOn !== null) return false;
  if (s.status === 'closed' && c.closedOn === null) return false;
  if (!inRange(c.filedOn, s.filed) || !inRange(lastFilingDay(c), s.lastEntry)) return false;
  if (s.natureOfSuit.length > 0 && !s.natureOfSuit.some((code) => c.natureOfSuit.startsWith(`${code} `) || c.natureOfSuit === code)) return false;
  // Cases have no cause of action yet (a later issue): asking for one finds nothing.
  if (s.causeOfAction.length > 0) return false;
  return true;
}

const personName = (p: { lastName: string; firstName: string }) => (p.firstName ? `${p.lastName}, ${p.firstName}` : p.lastName);

function searchPersons(cases: readonly QueryCase[], s: CaseSearch, person: NonNullable<CaseSearch['person']>): Omit<PersonRow, 'caseCount'>[] {
  // Cases have parties only (attorneys come with a later issue): an attorney search finds nobody.
  if (person.type === 'Attorney') return [];
  const rows: Omit<PersonRow, 'caseCount'>[] = [];
  for (const c of cases) {
    if (!caseFits(c, s)) continue;
    for (const p of c.parties) {
      const last = p.lastName.toLowerCase();
      // Fidelity: names match from their start in any case; "Exact matches only" wants the whole name.
      if (person.exact ? last !== person.lastName : !last.startsWith(person.lastName)) continue;
      if (person.firstName && !p.firstName.toLowerCase().startsWith(person.firstName)) continue;
      // Parties have no middle names yet (a later issue): middle_name narrows nothing.
      rows.push({ ...caseRow(c), name: personName(p), kind: 'pty', role: p.role });
    }
  }
  return rows;
}

/** Runs a checked query over the court's cases. */
export function runQuery(cases: readonly QueryCase[], plan: QueryPlan): QueryAnswer {
  if (plan.kind !== 'search') {
    const found =
      plan.kind === 'ids' ? cases.filter((c) => plan.ids.includes(c.id)) : cases.filter((c) => caseNumberMatches(c.caseNumber, plan.number));
    const [first] = found;
    if (!first) return { kind: 'notFound' };
    if (found.length === 1) return { kind: 'summary', case: first };
    const criteria = plan.kind === 'number' ? plan.text : found.map((c) => c.caseNumber).join(' ');
    return { kind: 'cases', rows: found.map(caseRow), criteria };
  }

  const { search, criteria } = plan;
  if (!search.person) {
    const rows = cases.filter((c) => caseFits(c, search)).map(caseRow);
    return rows.length === 0 ? { kind: 'noMatch', criteria } : { kind: 'cases', rows, criteria };
  }
  const found = searchPersons(cases, search, search.person);
  if (found.length === 0) return { kind: 'noMatch', criteria };
  const casesOf = new Map<string, Set<number>>();
  for (const r of found) casesOf.set(r.name.toLowerCase(), (casesOf.get(r.name.toLowerCase()) ?? new Set()).add(r.caseId));
  const rows = found
    .map((r) => ({ ...r, caseCount: casesOf.get(r.name.toLowerCase())?.size ?? 1 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.caseNumber.localeCompare(b.caseNumber));
  return { kind: 'persons', rows, persons: casesOf.size, cases: new Set(found.map((r) => r.caseId)).size, criteria };
}

/** The extracted text of a "Select a Case" list, which sets its billable pages (4,320 bytes a page). */
export function resultsText(rows: readonly (CaseRow | PersonRow)[]): string {
  return rows.map((r) => ['name' in r ? `${r.name} ${r.role}` : '', r.caseNumber, r.title, r.chapter, r.filed, r.closed].join(' ')).join('\n');
}
