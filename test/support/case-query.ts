import type { CheerioAPI } from 'cheerio';
import type { FastifyInstance } from 'fastify';

/**
 * Query (iquery.pl) as juriscraper drives it: what it sends, and what its parsers read from a page,
 * re-stated from their rules
 * (/work/research/juriscraper-contract.md §7 CaseQuery, §8 CaseQueryAdvanced) so a test can hold the
 * mock's pages to them, and check itself against the captured pages and their .json first.
 * A page these rules cannot read throws, as juriscraper does.
 */

/** juriscraper's "case summary" fields: the labels of the centered block, the case number and name. */
export type CaseQueryData = Record<string, string>;

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"');

const LABELS: Record<string, string> = {
  date_of_last_filing: 'date_last_filing',
  judge: 'assigned_to_str',
  plan_confirmed: 'date_plan_confirmed',
  debtor_discharged: 'date_debtor_dismissed',
  joint_debtor_discharged: 'date_joint_debtor_dismissed',
};

/** mm/dd/yyyy or mm/dd/yy → YYYY-MM-DD (the .json files' form). */
export function isoFromUs(text: string): string {
  const m = text.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/);
  if (!m) throw new Error(`not a date: "${text}"`);
  const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : (m[3] ?? '');
  return `${year}-${(m[1] ?? '').padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
}

/** CaseQuery (§7): the first <center> in #cmecfMainContent, one row per <br>, the last row ignored. */
export function readCaseQuery($: CheerioAPI): CaseQueryData {
  const center = $('div#cmecfMainContent center').first();
  if (center.length === 0) return {};
  const rows = (center.html() ?? '').split(/<br\s*\/?>/i);
  const [first = ''] = rows;
  const font = first.match(/<font[^>]*>([\s\S]*?)<\/font>/i);
  if (!font) throw new Error('row 0 has no <font>');
  const lastB = first.lastIndexOf('</b>');
  const out: CaseQueryData = {
    docket_number: stripTags(font[1] ?? '').trim(),
    case_name_raw: stripTags(first.slice(lastB + '</b>'.length)).replace(/\s+/g, ' ').trim(),
  };
  rows.slice(1, -1).forEach((row, i) => {
    const index = i + 1;
    const labels = [...row.matchAll(/<b>([\s\S]*?)<\/b>([^<]*)/gi)];
    if (labels.length === 0) {
      const text = stripTags(row).trim();
      if (text === '' || /(panel [2-3]$|Probation)/.test(text)) return;
      if (index > 3) throw new Error(`Line with no boldface: "${text}"`);
      if (/, (presiding|panel 1)$/.test(text)) out['assigned_to_str'] = text.replace(/, (presiding|panel 1)$/, '');
      else if (/, referral$/.test(text)) out['referred_to_str'] = text.replace(/, referral$/, '');
      else if (/Related case: (.*)/.test(text)) out['related_cases_str'] = text;
      else throw new Error(`Unable to match judge row: "${text}"`);
      return;
    }
    for (const [, label = '', tail = ''] of labels) {
      const name = stripTags(label).trim();
      if (!name.endsWith(':')) continue;
      // lxml's tail: None when the next tag follows at once, and juriscraper then fails.
      if (tail === '') throw new Error(`label "${name}" has no text after it`);
      let key = name.slice(0, -1).toLowerCase().replace(/[\s\u00a0]+/g, '_').replace(/[()]/g, '');
      key = LABELS[key] ?? key;
      const value = stripTags(tail).trim().replace(/^:/, '');
      out[key] = key.startsWith('date_') && value !== '' ? isoFromUs(value) : value;
    }
  });
  return out;
}

export interface SelectACaseRow {
  docket_number: string;
  pacer_case_id: string;
  case_name: string;
  chapter: string;
  date_filed: string | null;
  date_closed: string | null;
  /** The person columns, when the page has them (the Name and Party Role cells juriscraper drops). */
  name?: string;
  role?: string;
}

const dateOrNull = (text: string) => {
  try {
    return isoFromUs(text);
  } catch {
    return null;
  }
};

/**
 * CaseQueryAdvanced (§8): rows are exactly tr[class="rowBackground1"] and tr[class="rowbackground2"].
 * A row with a Name column (7 cells in bankruptcy courts, 6 in district courts) loses its Name and
 * Party Role cells; the rest reads case number (and the case id from its link), title, [chapter,]
 * date filed, date closed.
 */
export function readSelectACase($: CheerioAPI, opts: { chapterColumn: boolean }): SelectACaseRow[] {
  return $('table tr[class="rowBackground1"], table tr[class="rowbackground2"]')
    .toArray()
    .map((tr) => {
      const cells = $(tr).children('td').toArray();
      const width = opts.chapterColumn ? 7 : 6;
      const person = cells.length === width;
      const name = person ? $(cells[0]).text() : undefined;
      const role = person ? $(cells[width - 2]).text().trim() : undefined;
      const rest = person ? cells.filter((_, i) => i !== 0 && i !== width - 2) : cells;
      const text = (i: number) => $(rest[i]).text().replace(/\s+/g, ' ').trim();
      const href = $(rest[0]).find('a').attr('href') ?? '';
      const param = href.split('?')[1] ?? '';
      const filedAt = opts.chapterColumn ? 3 : 2;
      return {
        docket_number: text(0),
        pacer_case_id: param.includes('L') ? (param.split('-').pop() ?? '') : param,
        case_name: text(1),
        chapter: opts.chapterColumn ? text(2) : '',
        date_filed: dateOrNull(text(filedAt)),
        date_closed: dateOrNull(text(filedAt + 1)),
        ...(person ? { name: (name ?? '').replace(/\s+/g, ' ').trim(), role } : {}),
      };
    });
}

/** Fidelity: juriscraper's CaseQuery.query() posts exactly these fields (case_num "foo": "We just need *some* value here"). */
export function caseQueryFields(caseId: number | string): Record<string, string> {
  return {
    UserType: '',
    all_case_ids: String(caseId),
    case_num: 'foo',
    Qry_filed_from: '',
    Qry_filed_to: '',
    lastentry_from: '',
    lastentry_to: '',
    last_name: '',
    first_name: '',
    middle_name: '',
    person_type: '',
  };
}

/** The URL juriscraper posts Query to: "the ?1-L_1_0-1 business in the URL is needed". */
export const JURISCRAPER_QUERY_URL = '/cgi-bin/iquery.pl?1-L_1_0-1';

/** A CSO session for a seeded persona, as the cookies a client sends (NextGenCSO). */
export function sessionCookies(app: FastifyInstance, username = 'researcher', clientCode = ''): Record<string, string> {
  const account = app.repos.pacerAccounts.byUsername(username);
  if (!account) throw new Error(`no persona ${username}`);
  return { NextGenCSO: app.sessions.start(account, clientCode, 'test') };
}

/**
 * A multipart/form-data POST, each field a plain part with no filename (as juriscraper's
 * `(None, value)` parts and browsers send them); a list is a repeated field (a multiple select).
 */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | readonly string[]>,
  cookies: Record<string, string>,
  host = 'localhost',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
  return app.inject({ method: 'POST', url, cookies, headers: { host }, payload: form });
}
