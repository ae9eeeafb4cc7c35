import type { CourtCase } from '../../db/cases-repository.js';
import { isoDayToUs, parseUsDate } from './us-dates.js';

/**
 * Query (iquery.pl) over a court's seeded cases. Pure: the criteria in, the matches out.
 *
 * Case numbers are accepted the ways CM/ECF users type them: `1:26-cv-20001`, `26-cv-20001`,
 * `26-20001`, `26cv20001`, with or without a judge suffix (`1:26-cv-20001-ABC`).
 */
export interface CaseNumberQuery {
  office: number | null;
  year: number;
  type: string | null;
  number: number;
}

export function parseCaseNumber(text: string): CaseNumberQuery | null {
  const m = text.trim().toLowerCase().match(/^(?:(\d):)?(\d{2})-?(?:([a-z]{2})-?)?(\d{1,5})(?:-[a-z]{2,4})*$/);
  if (!m) return null;
  return { office: m[1] ? Number(m[1]) : null, year: Number(m[2]), type: m[3] ?? null, number: Number(m[4]) };
}

function caseNumberMatches(caseNumber: string, q: CaseNumberQuery): boolean {
  const c = parseCaseNumber(caseNumber);
  if (!c) return false;
  return c.year === q.year && c.number === q.number && (q.type === null || c.type === q.type) && (q.office === null || c.office === q.office);
}

export interface QueryInput {
  caseNum: string;
  lastName: string;
  firstName: string;
  filedFrom: string;
  filedTo: string;
}

export type QueryCriteria = {
  caseNumber: CaseNumberQuery | null;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD, inclusive */
  filedFrom: string | null;
  filedTo: string | null;
  /** Fidelity: the receipt's "Search Criteria:" value, e.g. "Last Name: smith First Name: j". */
  summary: string;
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Checks the form; the error texts are invented (the real ones are not public). */
export function queryCriteria(input: QueryInput): { ok: true; criteria: QueryCriteria } | { ok: false; error: string } {
  const caseNum = input.caseNum.trim();
  const lastName = input.lastName.trim();
  const firstName = input.firstName.trim();
  const from = input.filedFrom.trim();
  const to = input.filedTo.trim();
  if (!caseNum && !lastName && !firstName && !from && !to) {
    return { ok: false, error: 'Enter a case number, a last or business name, or a range of filing dates.' };
  }
  let caseNumber: CaseNumberQuery | null = null;
  if (caseNum) {
    caseNumber = parseCaseNumber(caseNum);
    if (!caseNumber) return { ok: false, error: `"${caseNum.slice(0, 40)}" is not a case number. Use a form like 1:26-cv-20001 or 26-20001.` };
  }
  if (firstName && !lastName) return { ok: false, error: 'Enter a last name to search by first name.' };
  const fromMs = from ? parseUsDate(from) : null;
  const toMs = to ? parseUsDate(to) : null;
  if ((from && fromMs === null) || (to && toMs === null)) return { ok: false, error: 'Enter filing dates as mm/dd/yyyy.' };
  if (fromMs !== null && toMs !== null && fromMs > toMs) return { ok: false, error: 'The "from" filing date must not be after the "to" date.' };

  const parts: string[] = [];
  if (caseNum) parts.push(`Case Number: ${caseNum}`);
  if (lastName) parts.push(`Last Name: ${lastName}`);
  if (firstName) parts.push(`First Name: ${firstName}`);
  if (from) parts.push(`Filed From: ${from}`);
  if (to) parts.push(`Filed To: ${to}`);
  return {
    ok: true,
    criteria: {
      caseNumber,
      lastName: lastName.toLowerCase(),
      firstName: firstName.toLowerCase(),
      filedFrom: fromMs === null ? null : isoDay(fromMs),
      filedTo: toMs === null ? null : isoDay(toMs),
      summary: parts.join(' '),
    },
  };
}

export interface QueryMatch {
  caseNumber: string;
  title: string;
  /** "Alvarez, Carmen (Plaintiff)" for a name search; empty otherwise. */
  party: string;
  filed: string;
  closed: string;
}

/** One row per matching party for a name search (as the real results list people), else per case. */
export function searchCases(cases: readonly CourtCase[], c: QueryCriteria): QueryMatch[] {
  const out: QueryMatch[] = [];
  for (const k of cases) {
    if (c.caseNumber && !caseNumberMatches(k.caseNumber, c.caseNumber)) continue;
    if (c.filedFrom && k.filedOn < c.filedFrom) continue;
    if (c.filedTo && k.filedOn > c.filedTo) continue;
    const base = { caseNumber: k.caseNumber, title: k.title, filed: isoDayToUs(k.filedOn), closed: k.closedOn ? isoDayToUs(k.closedOn) : '' };
    if (!c.lastName) {
      out.push({ ...base, party: '' });
      continue;
    }
    // Fidelity: a name search matches names beginning with what was typed, in any case.
    for (const p of k.parties) {
      if (!p.lastName.toLowerCase().startsWith(c.lastName)) continue;
      if (c.firstName && !p.firstName.toLowerCase().startsWith(c.firstName)) continue;
      out.push({ ...base, party: `${p.lastName}${p.firstName ? `, ${p.firstName}` : ''} (${p.role})` });
    }
  }
  return out;
}

/** The extracted text of the results, which sets the billable pages (4,320 bytes a page). */
export function resultsText(matches: readonly QueryMatch[]): string {
  return matches.map((m) => [m.party, m.caseNumber, m.title, m.filed, m.closed].join(' ')).join('\n');
}
