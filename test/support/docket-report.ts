import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { FastifyInstance } from 'fastify';
import { isoFromUs, postForm } from './case-query.js';

/**
 * The report pages as juriscraper reads them, re-stated from its rules
 * (/work/research/juriscraper-contract.md §3, §5 DocketReport, §6 DocketHistoryReport, §9
 * PossibleCaseNumberApi, §17 FreeOpinionReport) with cheerio, so a test can hold the mock's
 * pages to them. The readers are first checked against the captured pages and their .json
 * (test/routes/reports-captured.test.ts). A page these rules cannot read throws, as juriscraper
 * does.
 */

// ---------------------------------------------------------------- requests

/** Fidelity: DocketReport.query()'s multipart fields (date_from always, "See #210"; case_num one space). */
export function docketReportFields(caseId: number | string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    all_case_ids: String(caseId),
    sort1: 'oldest date first',
    date_range_type: 'Filed',
    output_format: 'html',
    case_num: ' ',
    date_from: '1/1/1960',
    list_of_parties_and_counsel: 'on',
    terminated_parties: 'on',
    pdf_header: '1',
    ...extra,
  };
}

export const DOCKET_REPORT_URL = '/cgi-bin/DktRpt.pl?1-L_1_0-1';

export const postDocketReport = (app: FastifyInstance, caseId: number, cookies: Record<string, string>, extra: Record<string, string> = {}, host = 'localhost') =>
  postForm(app, DOCKET_REPORT_URL, docketReportFields(caseId, extra), cookies, host);

// ---------------------------------------------------------------- shared helpers (§3)

/** Fidelity: BaseReport's and DocketReport's ERROR_STRINGS, each a whitespace-tolerant, case-insensitive regex. */
const DOCKET_ERROR_STRINGS = [
  'MetaMask.*web3',
  'console\\.log\\(".*CloudMask',
  'Drumpf',
  'The report may take a long time to run because this case has many docket entries',
  'The page ID does not exist. Please enter a valid page ID number. ',
  'There are no documents in this case.',
  'Incomplete request. Please try your query again by choosing the Query or Reports option',
  "To accept charges shown below, click on the 'View Report' button",
  'This case was administratively closed',
  'The start date must be less than or equal to the end date',
  'The starting document number must be less than or equal to the ending document number',
  // Read with a literal dot: captured txsd_1.html ("... case not found eligible ...") parses to its .json.
  'Case not found\\.',
  'Either you do not have permission to view the document, or the document does not exist in the case.',
  'Format: text',
  'Server timeout waiting for the HTTP request from the client.',
  'The case type was.*but it must be',
  'This case is in the process of being opened, please check back later for additional information.',
  'Submission already made, please wait for response from server',
].map((s) => new RegExp(s.replace(/\s+/g, '\\s+'), 'i'));

/** The ERROR_STRINGS a page hits (juriscraper then answers `{}`). */
export const docketErrorHits = (html: string): string[] => DOCKET_ERROR_STRINGS.filter((re) => re.test(html)).map((re) => re.source);

/** Fidelity: clean_string: `*`, `#` and `;` deleted, NBSP a space, white space folded. */
export const cleanString = (s: string) =>
  s
    .replace(/[*#;]/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const isText = (n: AnyNode): n is Text => (n.type as string) === 'text';
const isTag = (n: AnyNode, name?: string): n is Element => (n.type as string) === 'tag' && (name === undefined || (n as Element).name === name);

/** The text nodes under an element, in document order. */
function textNodes(el: Cheerio<AnyNode>): AnyNode[] {
  const out: AnyNode[] = [];
  const walk = (n: AnyNode) => {
    if (isText(n)) out.push(n);
    else if ('children' in n) for (const c of n.children) walk(c);
  };
  el.each((_i, n) => walk(n));
  return out;
}
const nodeText = (n: AnyNode) => (isText(n) ? n.data : '');

/** Fidelity: DocketReport._br_split: the element's text split on <br> and <p>. */
export function brSplit($: CheerioAPI, el: Cheerio<AnyNode>): string[] {
  const SEP = 'FLP_SEPARATOR';
  const html = ($.html(el) ?? '').replace(/<br\s*\/?>/gi, SEP).replace(/<p\s*\/?>/gi, SEP);
  const $$ = load(html, null, false);
  const text = textNodes($$.root()).map(nodeText).join(' ');
  return text
    .split(SEP)
    .filter((s) => s !== '')
    .map((s) => s.trim());
}

/** Fidelity: a date as convert_date_string reads it; an unreadable one throws (juriscraper's ValueError). */
function date(text: string): string {
  return isoFromUs(text.replace(/[()]/g, '').trim());
}

/** Fidelity (simplified normalize_judge_string): titles and commas dropped. */
export function judgeName(s: string): string {
  return s
    .replace(/,/g, '')
    .split(/\s+/)
    .filter((w) => w && !/^(judge|magistrate|chief|senior|district|honorable|hon\.?|bankruptcy|u\.s\.)$/i.test(w))
    .join(' ')
    .trim();
}

// ---------------------------------------------------------------- DocketReport (§5)

export interface DocketEntryData {
  date_filed: string;
  document_number: string | null;
  pacer_doc_id: string | null;
  pacer_seq_no: string | null;
  description: string;
  date_entered: string | null;
}

export interface AttorneyData {
  name: string;
  contact: string;
  roles: string[];
}

export interface PartyData {
  type: string;
  name: string;
  extra_info: string;
  date_terminated: string | null;
  attorneys: AttorneyData[];
  criminal_data?: CriminalData;
}

export interface CriminalData {
  counts: { name: string; disposition: string; status: string }[];
  complaints: { name: string; disposition: string }[];
  highest_offense_level_opening: string;
  highest_offense_level_terminated: string;
}

export interface DocketData {
  docket_number: string | null;
  case_name: string;
  date_filed: string | null;
  date_terminated: string | null;
  assigned_to_str: string;
  referred_to_str: string;
  cause: string;
  nature_of_suit: string;
  jury_demand: string;
  jurisdiction: string;
  demand: string;
  parties: PartyData[];
  docket_entries: DocketEntryData[];
}

const DATE = '[—\\d\\-–/]+';
const DISTRICT_NUMBER = /(?<!\d)((\d{1,2}:)?\d\d-[a-zA-Z]{1,4}-\d{1,10})/;
const BANKRUPTCY_NUMBER = /(?:#:\s+)?((\d-)?\d\d-\d*)/;

/** Fidelity: normalize_party_types: "Defendant (1)" → "Defendant"; "debtor 2" → "Debtor"; title case. */
export const partyType = (s: string) =>
  cleanString(s)
    .toLowerCase()
    .replace(/\s*\(\d+\)$/, '')
    .replace(/\s+\d+$/, '')
    .replace(/\b\w/g, (c) => c.toUpperCase());

/** Fidelity: DocketReport._get_attorneys: each <b> a name; following text lines the contact, <i> the roles, to the next <b>. */
function attorneys($: CheerioAPI, cell: Cheerio<Element>): AttorneyData[] {
  const out: AttorneyData[] = [];
  const seen = new Map<string, string>();
  cell.find('b').each((_i, b) => {
    const name = cleanString($(b).text());
    let contact = '';
    const roles: string[] = [];
    let n: AnyNode | null = b.next;
    let ended = false;
    while (n) {
      if (isTag(n, 'b')) {
        ended = true;
        break;
      }
      if (isText(n)) {
        const t = n.data.trim();
        if (t) contact += `${t}\n`;
      } else if (isTag(n, 'i')) {
        const role = cleanString($(n).text());
        if (!/^(bar status|designation)/i.test(role)) roles.push(role);
      }
      n = n.next;
    }
    if (!b.next) return; // a <b> with no following siblings is dropped
    if (!ended || n) {
      if (/see\s+above/i.test(contact)) contact = seen.get(name) ?? '';
      else if (!seen.has(name)) seen.set(name, contact);
      out.push({ name, contact, roles });
    }
  });
  return out;
}

function parties($: CheerioAPI, bankruptcy: boolean): PartyData[] {
  const markers = $('tr')
    .toArray()
    .filter((tr) => {
      const td1 = $(tr).children('td').first();
      return td1.find('i > b').length > 0 || td1.find('b > u').length > 0 || td1.find('b').toArray().some((b) => $(b).text().includes('-----'));
    });
  const rows: Element[] = [];
  for (const m of markers) for (const tr of $(m).parent().children('tr').toArray()) if (!rows.includes(tr)) rows.push(tr);
  const out: PartyData[] = [];
  let party: Partial<PartyData> = {};
  rows.forEach((row, i) => {
    const $row = $(row);
    const cells = $row.find('td').toArray();
    const next = rows[i + 1];
    const prev = rows[i - 1];
    const rowText = $row.text().trim().toLowerCase();
    if (cells.length === 0 || !rowText || rowText === 'v.') return;
    const c0 = $(cells[0]);
    if (c0.find('b u').length) {
      if (!next || $(next).find('b').length === 0) return;
      if (cells.length === 3 && $(cells[2]).text() === 'Disposition') return;
    } else if ($row.find('b').length === 0) return;
    if (cells.length === 1 && c0.find('b u').length) {
      party = { type: partyType(c0.text()) };
      return;
    }
    if (bankruptcy && cells.length === 3 && c0.find('i b').length) party = { type: partyType(c0.find('i').first().text()) };
    const nameEl = c0
      .find('b')
      .toArray()
      .filter((b) => !(b.parent && (b.parent as Element).name === 'i') && $(b).children('u').length === 0 && !$(b).text().includes('------'));
    const prevDisposition = prev !== undefined && $(prev).text().includes('Disposition');
    if (nameEl.length && !prevDisposition) {
      party.name = $(nameEl[0]).text().trim();
      party.extra_info = textNodes(c0)
        .filter((t) => !(t.parent && (t.parent as Element).name === 'b'))
        .map((t) => nodeText(t).trim())
        .filter(Boolean)
        .join('\n');
      const term = new RegExp(`[tT]erminated:\\s+(${DATE})`, 'i').exec(party.extra_info);
      party.date_terminated = term?.[1] ? date(term[1]) : null;
    }
    if (cells.length === 3 && party.name !== undefined) party.attorneys = attorneys($, $(cells[2] as Element));
    if (party.name !== undefined) {
      const p: PartyData = { type: party.type ?? 'Unknown', name: party.name, extra_info: party.extra_info ?? '', date_terminated: party.date_terminated ?? null, attorneys: party.attorneys ?? [] };
      if (!out.some((o) => JSON.stringify(o) === JSON.stringify(p))) out.push(p);
    }
    party = {};
  });
  if (!bankruptcy) addCriminalData($, rows, out);
  return out;
}

/** Fidelity: DocketReport._add_criminal_data_to_parties: counts, offense levels and complaints under each defendant. */
function addCriminalData($: CheerioAPI, rows: Element[], out: PartyData[]): void {
  const empty = (): CriminalData => ({ counts: [], complaints: [], highest_offense_level_opening: '', highest_offense_level_terminated: '' });
  let current = -1;
  let data = empty();
  let section: { kind: 'counts' | 'complaints' | 'highest_offense' | 'unknown'; info: string } | null = null;
  const flush = () => {
    const p = out[current];
    if (p && JSON.stringify(data) !== JSON.stringify(empty())) p.criminal_data = data;
  };
  rows.forEach((row, i) => {
    const $row = $(row);
    const cells = $row.find('td').toArray();
    const rowText = $row.text().trim().toLowerCase();
    if (cells.length === 0 || !rowText || rowText === 'v.') return;
    const next = rows[i + 1];
    const representedBy = cells.length === 3 && cleanString($(cells[1]).text()).includes('represented by');
    const specialType =
      cells.length === 1 && $(cells[0]).find('b u').length > 0 && next !== undefined && $(next).find('b').length > 0 && !cleanString($(next).text()).includes('represented by');
    if (representedBy || specialType) {
      flush();
      current += 1;
      data = empty();
      section = null;
      return;
    }
    const head = cleanString($(cells[0]).text());
    if ($(cells[0]).find('b u').length) {
      let m: RegExpExecArray | null;
      if ((m = /highest\s+offense.*(opening|terminated)/i.exec(head))) section = { kind: 'highest_offense', info: `highest_offense_level_${m[1]?.toLowerCase()}` };
      else if ((m = /(pending|terminated)\s+counts/i.exec(head))) section = { kind: 'counts', info: (m[1] ?? '').toLowerCase() };
      else if (/complaints/i.test(head)) section = { kind: 'complaints', info: '' };
      else section = { kind: 'unknown', info: '' };
      return;
    }
    if (!section) return;
    const name = cleanString($(cells[0]).text());
    // clean_court_object: white space folded (clean_string's deletions do not apply here).
    const disposition = cells[2] ? $(cells[2]).text().replace(/\s+/g, ' ').trim() : '';
    if (section.kind === 'highest_offense') (data as unknown as Record<string, string>)[section.info] = name;
    else if (section.kind === 'counts' && name !== 'None') data.counts.push({ name, disposition, status: section.info });
    else if (section.kind === 'complaints' && name !== 'None') data.complaints.push({ name, disposition });
  });
  flush();
}

function entries($: CheerioAPI): DocketEntryData[] {
  const hasDocketText = (t: Element) => $(t).text().includes('Docket Text');
  const tables = $('table')
    .toArray()
    .filter((t) => hasDocketText(t) || $(t).prevAll('table').toArray().some(hasDocketText))
    .filter((t) => !$(t).text().includes('Total file size of selected documents') && !$(t).text().includes('Footer format:'));
  const rows = tables.flatMap((t) => $(t).children('tbody').children('tr').toArray()).slice(1);
  const multi = $('input[value="View Selected"]').length > 0;
  const out: DocketEntryData[] = [];
  for (const row of rows) {
    const cells = $(row)
      .children('td')
      .toArray()
      .filter((td) => $(td).children('input').length === 0);
    if (multi && cells.length === 4 && $(cells[2]).text().trim() === '') cells.splice(2, 1);
    else if (multi && cells.length === 5) cells.splice(3, 1);
    if (cells.length === 0) continue;
    if (cells.length === 4) cells.splice(1, 1);
    if (cells.length < 3) continue;
    const [c0, c1, c2] = cells as [Element, Element, Element];
    const filed = $(c0).text().trim();
    if (filed === '') continue; // a continuation row
    const words = brSplit($, $(c1)).flatMap((p) => p.split(/\s+/)).filter(Boolean);
    const first = words[0]?.replace(/[\s\u00a0]/g, '') ?? '';
    const number = first === '' ? null : first;
    if (number !== null && !/^\d+$/.test(number)) continue;
    let docId: string | null = null;
    let seq: string | null = null;
    if (number !== null) {
      const a = $(c1)
        .find('a')
        .toArray()
        .find((x) => $(x).text().trim() === number);
      if (a) {
        const href = $(a).attr('href') ?? '';
        if (href.includes('show_case_doc')) throw new Error('AssertionError: show_case_doc link');
        const last = (href.split('?')[0] ?? '').split('/').pop() ?? '';
        docId = `${last.slice(0, 3)}0${last.slice(4)}`;
        const onclick = $(a).attr('onclick') ?? '';
        seq = onclick.includes('goDLS') ? ([...onclick.matchAll(/'(.*?)'/g)][2]?.[1] ?? null) : null;
      }
    }
    const description = $(c2).text().replace(/\s+/g, ' ').trim();
    const entered = new RegExp(`Entered:\\s+(${DATE})`).exec(description);
    out.push({ date_filed: date(filed), document_number: number, pacer_doc_id: docId, pacer_seq_no: seq, description, date_entered: entered?.[1] ? date(entered[1]) : null });
  }
  return out;
}

/** DocketReport.data: `{}` (null here) when the page hits an ERROR_STRING or has no row with content. */
export function readDocket(html: string, opts: { bankruptcy: boolean }): DocketData | null {
  if (docketErrorHits(html).length > 0) return null;
  const $ = load(html);
  if (!$('tr').toArray().some((tr) => $(tr).children().length > 0)) return null;

  const td = $('td')
    .toArray()
    .find((t) =>
      textNodes($(t))
        .map(nodeText)
        .some((s) => s.replace(/f/g, 'F').includes('Date Filed:')),
    );
  if (!td) throw new Error('IndexError: no "Date Filed:" cell');
  const table = $(td)
    .parents('table')
    .toArray()
    .filter((t) => $(t).find('center').length === 0)
    .pop();
  if (!table) throw new Error('IndexError: no metadata table');
  const values = $(table)
    .find('td')
    .toArray()
    .flatMap((c) => brSplit($, $(c)).map(cleanString));
  values.push(values.join(' '));
  const value = (re: RegExp, asDate = false): string | null => {
    for (const v of values) {
      const m = re.exec(v);
      if (!m?.[1] && m?.[1] !== '') continue;
      if (asDate) return date(m[1]);
      if (!m[1].toLowerCase().includes('date filed')) return m[1];
    }
    return asDate ? null : '';
  };
  const judge = (re: RegExp) => {
    const v = value(re);
    if (v) return judgeName(v);
    const found = textNodes($.root())
      .map(nodeText)
      .filter((t) => t.trim())
      .map((t) => re.exec(t)?.[1])
      .find(Boolean);
    return found ? judgeName(found) : '';
  };

  const numberTexts = (opts.bankruptcy ? $('center font') : $('h3')).toArray().map((n) => $(n).text());
  let docketNumber: string | null = null;
  for (const re of opts.bankruptcy ? [DISTRICT_NUMBER, BANKRUPTCY_NUMBER] : [DISTRICT_NUMBER]) {
    for (const s of numberTexts) {
      const m = re.exec(s);
      if (m?.[1] && docketNumber === null) docketNumber = m[1];
    }
  }

  const ps = parties($, opts.bankruptcy);
  let caseName = 'Unknown Case Title';
  if (opts.bankruptcy) {
    const debtor = ps.find((p) => p.type === 'Debtor' || p.type === 'Debtor In Possession');
    if (debtor) caseName = debtor.name;
    else {
      const lead = $('i')
        .toArray()
        .find((i) => $(i).text().includes('Lead BK Title'));
      if (lead) caseName = (lead.next && nodeText(lead.next).trim()) || caseName;
      if ($('*').toArray().some((e) => $(e).contents().toArray().some((c) => isText(c) && c.data.includes('Adversary Proceeding')))) caseName += ' - Adversary Proceeding';
    }
  } else {
    const first = values[0] ?? '';
    const m = /(?:Case\s+title:\s+)?(.*\bvs?\.?\s.*)/.exec(first) ?? /(?:Case\s+title:\s+)?(.*\bvs?\.?\s.*)/i.exec(first) ?? /(?:Case\s+title:\s+)(.*)/i.exec(first) ?? /(\bIN\s+RE:?\s+.*)/i.exec(first);
    if (m?.[1]) caseName = m[1].trim();
  }

  return {
    docket_number: docketNumber,
    case_name: caseName,
    date_filed: value(new RegExp(`Date [fF]iled:\\s+(${DATE})`), true),
    date_terminated: value(new RegExp(`[tT]erminated:\\s+(${DATE})`, 'i'), true),
    assigned_to_str: judge(/Assigned to:\s+(.*)/is),
    referred_to_str: judge(/Referred to:\s+(.*)/is),
    cause: value(/Cause:\s+(.*)/) ?? '',
    nature_of_suit: value(/Nature of Suit:\s+(.*)/) ?? '',
    jury_demand: value(/Jury Demand:\s+(.*)/) ?? '',
    jurisdiction: value(/Jurisdiction:\s+(.*)/) ?? '',
    demand: value(/^Demand:\s+(.*)/) ?? '',
    parties: ps,
    docket_entries: entries($),
  };
}

// ---------------------------------------------------------------- DocketHistoryReport (§6)

/** Fidelity: utils.get_nonce_from_form: every form action split once on "?"; the first part holding "-L_". */
export function nonceFromForm(html: string): string | null {
  const $ = load(html);
  let found: string | null = null;
  for (const form of $('form').toArray()) {
    const actions = [form, ...$(form).find('[action]').toArray()].map((e) => $(e).attr('action')).filter((a): a is string => a !== undefined);
    for (const action of actions) {
      const parts = action.split('?');
      if (parts.length !== 2) throw new Error("ParsingException: Didn't get nonce from PACER form.");
      if (found === null && (parts[1] ?? '').includes('-L_')) found = parts[1] ?? null;
    }
  }
  return found;
}

export interface HistoryEntryData {
  document_number: string;
  pacer_doc_id: string;
  date_filed: string | null;
  short_description: string;
  description: string;
}

export interface HistoryData {
  docket_number: string | null;
  case_name: string;
  date_filed: string | null;
  date_last_filing: string | null;
  date_terminated: string | null;
  assigned_to_str: string;
  referred_to_str: string;
  docket_entries: HistoryEntryData[];
}

export function readHistory(html: string, opts: { bankruptcy: boolean }): HistoryData | null {
  if (docketErrorHits(html).length > 0) return null;
  const $ = load(html);
  const values = $('center')
    .toArray()
    .filter((c) => $(c).find('table').length === 0)
    .flatMap((c) => textNodes($(c)).map((t) => cleanString(nodeText(t))))
    .filter(Boolean);
  const all = [...values, values.join(' ')];
  const value = (re: RegExp, asDate: boolean) => {
    for (const v of all) {
      const m = re.exec(v);
      if (m) return asDate ? date(m[1] ?? '') : (m[1] ?? '');
    }
    return null;
  };
  const regexes = opts.bankruptcy ? [DISTRICT_NUMBER, BANKRUPTCY_NUMBER] : [DISTRICT_NUMBER];
  let docketNumber: string | null = null;
  for (const re of regexes)
    for (const f of $('center font[size="+1"]').toArray()) {
      const m = re.exec($(f).text());
      if (m?.[1] && docketNumber === null) docketNumber = m[1];
    }
  let caseName = 'Unknown Case Title';
  const matches: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1] ?? '';
    if (!regexes.some((re) => re.test(prev))) continue;
    if (opts.bankruptcy) {
      caseName = values[i] ?? '';
      break;
    }
    const m = /^(?:Case\s+title:\s+)?(.*\bvs?\.?\s.*)/.exec(values[i] ?? '') ?? /^(\bIN\s+RE:?\s+.*)/i.exec(values[i] ?? '');
    if (m?.[1]) matches.push(m[1]);
  }
  if (!opts.bankruptcy && matches.length === 1) caseName = matches[0] ?? caseName;
  let assigned: string;
  if (opts.bankruptcy) {
    const i = values.findIndex((v) => /Judge:/i.test(v));
    assigned = i >= 0 ? judgeName(values[i + 1] ?? '') : '';
  } else assigned = judgeName(value(/(.*),\s+presiding/i, false) ?? '');

  const table = $('table')
    .toArray()
    .find((t) => $(t).find('th').toArray().some((th) => $(th).contents().toArray().some((c) => isText(c) && c.data.includes('Description'))));
  const rows = table ? $(table).find('tr').toArray().slice(1) : [];
  const entries: HistoryEntryData[] = [];
  for (const row of rows) {
    const cells = $(row).children('td').toArray();
    if (cells.length === 3) {
      const [c0, c1, c2] = cells as [Element, Element, Element];
      const hrefs = $(c0).find('[href]').toArray().map((e) => $(e).attr('href') ?? '');
      const last = hrefs.length === 1 ? ((hrefs[0] ?? '').split('?')[0] ?? '').split('/').pop() ?? '' : '';
      const dates = cleanString($(c1).text());
      const d = /[fF]iled:\s+([—\d\-–/]*)/.exec(dates) ?? /& Entered:\s+([—\d\-–/]*)/.exec(dates);
      entries.push({
        document_number: cleanString($(c0).text()),
        pacer_doc_id: last ? `${last.slice(0, 3)}0${last.slice(4)}` : '',
        date_filed: d ? date(d[1] ?? '') : null,
        short_description: $(c2).text().replace(/\s+/g, ' ').trim(),
        description: '',
      });
    } else if (cells.length === 1 && entries.length > 0) {
      let desc = $(cells[0]).text();
      if (desc.startsWith('Docket Text: ')) desc = desc.slice('Docket Text: '.length);
      const lastEntry = entries[entries.length - 1];
      if (lastEntry) lastEntry.description = desc.replace(/\s+/g, ' ').trim();
    }
  }
  return {
    docket_number: docketNumber,
    case_name: caseName,
    date_filed: value(/[fF]iled:\s+([—\d\-–/]+)/, true),
    date_last_filing: value(/last\s+filing:\s+([—\d\-–/]+)/i, true),
    date_terminated: value(/[tT]erminated:\s+([—\d\-–/]+)/i, true),
    assigned_to_str: assigned,
    referred_to_str: judgeName(value(/(.*),\s+referral/i, false) ?? ''),
    docket_entries: entries.filter((e) => /^\d+$/.test(e.document_number)),
  };
}

// ---------------------------------------------------------------- PossibleCaseNumberApi (§9)

export interface PossibleCase {
  number: string;
  id: string;
  title: string;
  defendant: string | undefined;
}

/** Fidelity: lxml's XML parser refuses a declaration with an encoding; `<request number=` / `<case number=` must be literal. */
export function readPossibleCaseNumbers(xml: string): { cases: PossibleCase[]; message: string | null } {
  if (/^\s*<\?xml[^>]*encoding/.test(xml)) throw new Error('ValueError: Unicode strings with encoding declaration are not supported.');
  const $ = load(xml, { xml: true });
  if ($.root().children('request').length !== 1) throw new Error('not a <request>');
  const cases = $('case')
    .toArray()
    .map((c) => ({ number: $(c).attr('number') ?? '', id: $(c).attr('id') ?? '', title: $(c).attr('title') ?? '', defendant: $(c).attr('defendant') }));
  return { cases, message: $('message').attr('text') ?? null };
}

/** Fidelity (PossibleCaseNumberApi.data, simplified): one node, or the lowest of a consecutive defendant range; null for "Cannot find" / "Case Under Seal". */
export function pickPossibleCase(xml: string): { docket_number: string; pacer_case_id: string; title: string } | null {
  const { cases, message } = readPossibleCaseNumbers(xml);
  if (cases.length === 0) {
    if (message && /Cannot find case|Case Under Seal/.test(message)) return null;
    throw new Error('ParsingException: Unknown XML content in PossibleCaseNumberApi result.');
  }
  let pick = cases[0];
  if (cases.length > 1) {
    const defendants = cases.map((c) => Number(c.defendant));
    const sorted = [...defendants].sort((a, b) => a - b);
    if (!sorted.every((n, i) => Number.isInteger(n) && (i === 0 || n === (sorted[i - 1] ?? 0) + 1))) throw new Error('ParsingException: more than one case');
    pick = cases[defendants.indexOf(sorted[0] ?? 0)];
  }
  return pick ? { docket_number: pick.number, pacer_case_id: pick.id, title: pick.title } : null;
}

// ---------------------------------------------------------------- FreeOpinionReport (§17)

export interface OpinionRow {
  docket_number: string;
  case_name: string;
  date_filed: string;
  document_number: string;
  pacer_doc_id: string;
  pacer_case_id: string;
  pacer_seq_no: string;
  description: string;
  nature_of_suit: string;
  cause: string;
}

/** Fidelity: lxml.html without html5lib (no tbody); the first <table>'s rows after the first; blank cells inherit from the row before. */
export function readOpinions(html: string): { total: number; rows: OpinionRow[] } {
  const $ = load(html);
  const totalB = $('b')
    .toArray()
    .find((b) => $(b).text().includes('Total number of opinions reported'));
  const tail = totalB?.next && isText(totalB.next) ? totalB.next.data : '';
  if (!/^\s*\d+\s*$/.test(tail)) throw new Error(`ValueError: total "${tail}"`);
  const first = $('table').first();
  const trs = first.find('tr').toArray().slice(1);
  const rows: OpinionRow[] = [];
  let last: OpinionRow | null = null;
  for (const tr of trs) {
    const td = $(tr).children('td').toArray();
    const caseCell = $(td[0]);
    const docCell = $(td[2]);
    const link = docCell.find('a').first();
    const args = [...(link.attr('onclick') ?? '').matchAll(/'(.*?)'/g)].map((m) => m[1] ?? '');
    const href = ((link.attr('href') ?? '').split('?')[0] ?? '').split('/').pop() ?? '';
    const notes = $(td[4]);
    const after = (label: string) => {
      const i = notes.find('i').toArray().find((x) => $(x).text().includes(label));
      return i?.next && isText(i.next) ? i.next.data.trim() : '';
    };
    const caseText = caseCell.find('a').first().text().trim();
    const row: OpinionRow = {
      docket_number: caseText || last?.docket_number || '',
      case_name: caseCell.find('b').first().text().trim() || last?.case_name || '',
      date_filed: date($(td[1]).text()),
      document_number: (docCell.contents().first().text() || link.text()).trim(),
      pacer_doc_id: href ? `${href.slice(0, 3)}0${href.slice(4)}` : '',
      pacer_case_id: args[1] ?? '',
      pacer_seq_no: args[2] ?? '',
      description: $(td[3]).text().replace(/\s+/g, ' ').trim(),
      nature_of_suit: after('NOS') || (caseText ? '' : (last?.nature_of_suit ?? '')),
      cause: after('Cause') || (caseText ? '' : (last?.cause ?? '')),
    };
    rows.push(row);
    last = row;
  }
  return { total: Number(tail), rows };
}
