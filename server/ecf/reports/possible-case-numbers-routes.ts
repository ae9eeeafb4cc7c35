import type { FastifyInstance } from 'fastify';
import type { CourtCase } from '../../../db/cases-repository.js';
import type { Court } from '../../../db/courts-repository.js';
import { defendantNumber, numberMatches, parseCaseNumber, parseTypedCaseNumber, possibleCaseNumbersQuery } from '../../domain/case-numbers.js';
import { rawQuery } from '../../domain/form-fields.js';
import { isoDayToUs } from '../../domain/us-dates.js';
import { ECF_PATHS } from '../paths.js';

/**
 * The case-number widget's lookup (possible_case_numbers.pl, real; juriscraper's
 * PossibleCaseNumberApi): `GET ?<number>` (browsers add `;number=<random>`, "This random number
 * causes the browser to never cache case number results") answers XML.
 *
 * Fidelity (captured possible_case_numbers/*.xml; juriscraper hidden_api.py and the login check
 * in http.py): no XML declaration (juriscraper's parser refuses one with an encoding);
 * `<request number=...>` first, with `number` its first attribute; one `<case number= id= title=
 * sortable=/>` per case the number names, a criminal case's defendants each with `defendant`
 * (the case itself `defendant="0"`, so a client picking the lowest gets the case); "Cannot find
 * case <n>", "Case Under Seal"; and, with no session, "Not logged in.  Please refresh this page."
 * (two spaces), which clients recognise as logged out.
 */

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Fidelity: the `number` attribute drops the serial's leading zeros ("2:16-cr-1152"). */
const looseNumber = (short: string) => short.replace(/-0*(\d+)$/, '-$1');

/** Fidelity: `sortable` spells the year out and keeps a civil case's judge initials ("2:2016-cv-01152-JJT", "2:2016-cr-01152"). */
function sortable(c: CourtCase): string {
  const n = parseCaseNumber(c.numberShort);
  if (!n) return c.numberShort;
  const initials = c.numberFull.startsWith(`${c.numberShort}-`) ? c.numberFull.slice(c.numberShort.length + 1) : '';
  const base = `${n.office}:20${String(n.year).padStart(2, '0')}-${n.type}-${String(n.serial).padStart(5, '0')}`;
  return n.type === 'cv' && initials ? `${base}-${initials}` : base;
}

/** Fidelity: "2:16-cv-01152-JJT Armes v. Hot Pizzas LLC (closed 06/09/2017)". */
const title = (number: string, c: CourtCase) => `${number} ${c.title}${c.terminatedOn ? ` (closed ${isoDayToUs(c.terminatedOn)})` : ''}`;

function caseNodes(app: FastifyInstance, c: CourtCase): string[] {
  const attrs = (number: string, t: string, sort: string, defendant?: number) =>
    `<case number="${xml(number)}" id="${c.pacerCaseId}" title="${xml(t)}" sortable="${xml(sort)}"${defendant === undefined ? '' : ` defendant="${defendant}"`}/>`;
  if (c.caseType !== 'cr') return [attrs(looseNumber(c.numberShort), title(c.numberFull, c), sortable(c))];
  const defendants = app.repos.parties
    .forCase(c.id)
    .flatMap((p) => (p.criminalCounts ? [{ n: p.criminalCounts.defendant, name: p.name }] : []))
    .sort((a, b) => a.n - b.n);
  return [
    attrs(looseNumber(c.numberShort), title(c.numberFull, c), sortable(c), 0),
    ...defendants.map((d) => attrs(`${looseNumber(c.numberShort)}-${d.n}`, title(defendantNumber(c.numberFull, d.n), c), `${sortable(c)}-${d.n}`, d.n)),
  ];
}

/** The answer's body for a query at a court (no session check: the route does that). */
export function possibleCaseNumbers(app: FastifyInstance, court: Court, query: string): string {
  const q = xml(query);
  const typed = parseTypedCaseNumber(query);
  const found = typed
    ? app.repos.cases.forCourt(court.code).filter((c) => {
        const n = parseCaseNumber(c.numberShort);
        return n !== null && numberMatches(n, typed);
      })
    : [];
  const open = found.filter((c) => !c.sealed);
  if (found.length > 0 && open.length === 0) return `<request number='${q}'><message text='Case Under Seal'/></request>`;
  if (open.length === 0) return `<request number="${q}"><message text="Cannot find case ${q}"/></request>`;
  return `<request number="${q}">${open.flatMap((c) => caseNodes(app, c)).join('')}</request>`;
}

export default async function possibleCaseNumbersRoutes(app: FastifyInstance) {
  app.get(ECF_PATHS.possibleCaseNumbers, async (request, reply) => {
    // `?1:26-cv-20001;number=0.123`: the number is what comes before the first ";".
    let raw = rawQuery(request.url).split(';', 1)[0] ?? '';
    try {
      raw = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // A malformed escape: the text as it came.
    }
    const query = possibleCaseNumbersQuery(raw.slice(0, 100));
    reply.header('Cache-Control', 'no-store').type('text/xml; charset=utf-8');
    const court = request.site.court;
    if (!app.sessions.fromRequest(request) || !court) {
      return `<request number='${xml(query)}'><message text='Not logged in.  Please refresh this page.'/></request>`;
    }
    return possibleCaseNumbers(app, court, query);
  });
}
