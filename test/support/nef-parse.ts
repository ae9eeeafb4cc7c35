import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';

// DOM node types, as domhandler numbers them (its runtime is cheerio's, not ours to import).
const isText = (n: AnyNode): n is Text => n.nodeType === 3;
const isTag = (n: AnyNode): n is Element => n.nodeType === 1;

/**
 * A Notice of Electronic Filing read the way juriscraper's NotificationEmail reads one
 * (juriscraper-contract §14, `juriscraper/pacer/email.py`), with cheerio standing in for lxml's
 * XPaths. Each step names the XPath it copies; where juriscraper would raise, this throws. The
 * output has the fields of the captured `.json` parses (nef/txed.json and the others).
 */
export interface ParsedNefEntry {
  date_filed: string;
  description: string;
  document_number: string | null;
  document_url: string | null;
  pacer_case_id: string | null;
  pacer_doc_id: string | null;
  pacer_magic_num: string | null;
  pacer_seq_no: string | null;
}

export interface ParsedNef {
  contains_attachments: boolean;
  dockets: { case_name: string; docket_number: string; date_filed: string; docket_entries: ParsedNefEntry[] }[];
  email_recipients: { name: string; email_addresses: string[] }[];
}

/** `clean_string`: whitespace runs (nbsp included) to one space, trimmed. */
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Docket numbers as juriscraper's regexes find them: district `1:20-cv-08924` (judge initials dropped), bankruptcy `6:22-bk-13768` / `20-18680`. */
const DOCKET_NUMBER = /\b(?:\d:)?\d{2}-(?:[a-z]{1,4}-)?\d{1,5}\b/i;

function isoDate(us: string): string {
  const [m, d, y] = us.split('/');
  return `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
}

export function parseNefHtml(html: string): ParsedNef {
  const $ = cheerio.load(html);
  const bodyText = clean($.root().text());
  // re.search(r"filed\son\s([\d|\/]*)", clean_string(body_text)): must match.
  const filed = /filed\son\s([\d|/]*)/.exec(bodyText);
  if (!filed?.[1]) throw new Error('no "filed on" date');
  const dateFiled = isoDate(filed[1]);

  // //table[contains(., 'Case Name:')]
  const tables = $('table').filter((_, t) => $(t).text().includes('Case Name:'));
  const all = $('*').toArray();
  const dockets = tables.toArray().map((table) => {
    // .//td[contains(., "<Label>:")]/following-sibling::td[1]
    const value = (label: string) => $(table).find('td').filter((_, td) => $(td).text().includes(`${label}:`)).first().nextAll('td').first();
    const nameTd = value('Case Name');
    const firstText = nameTd.contents().toArray().find((n) => isText(n) && clean($(n).text()) !== '');
    const caseName = firstText ? clean($(firstText).text()) : clean(nameTd.find('p').text()) || 'Unknown Case Title';
    const numberAnchor = value('Case Number').find('a').first();
    if (numberAnchor.length === 0) throw new Error('Case Number is not in an <a>');
    const docketNumber = DOCKET_NUMBER.exec(numberAnchor.text())?.[0] ?? '';

    const docTd = value('Document Number');
    if (docTd.length === 0) throw new Error('no Document Number (IndexError)');
    const docText = clean(docTd.text());
    const documentNumber = docText.includes('No document attached') ? null : (docText.split(/[(\s]/)[0] ?? null);
    const href = docTd.find('a').first().attr('href') ?? null;

    // ./following::strong[contains(., "Docket Text:")][1]/following-sibling::(font[1]/b//text() | b[1]/span//text() | text())
    const at = all.indexOf(table);
    const strong = all.slice(at + 1).find((n) => isTag(n) && n.tagName === 'strong' && $(n).text().includes('Docket Text:') && !$.contains(table, n));
    if (!strong) throw new Error("Can't get docket entry description");
    const siblings = $(strong).nextAll();
    const fromFont = siblings.filter('font').first().children('b').text();
    const fromSpan = siblings.filter('b').first().children('span').text();
    const fromText = $(strong)
      .parent()
      .contents()
      .toArray()
      .filter((n: AnyNode) => isText(n) && isAfter(strong, n))
      .map((n) => $(n).text())
      .join(' ');
    const description = [fromFont, fromSpan, fromText].map(clean).find((s) => s !== '');
    if (!description) throw new Error("Can't get docket entry description");

    const pick = (re: RegExp) => (href ? (re.exec(href)?.[1] ?? null) : null);
    const docId = href ? (/\/doc1\/(\d+)/.exec(href)?.[1] ?? null) : null;
    return {
      case_name: caseName,
      docket_number: docketNumber,
      date_filed: dateFiled,
      docket_entries: [
        {
          date_filed: dateFiled,
          description,
          document_number: documentNumber,
          document_url: href,
          pacer_case_id: pick(/caseid=(\d+)/),
          // the 4th digit set to 0
          pacer_doc_id: docId ? `${docId.slice(0, 3)}0${docId.slice(4)}` : null,
          pacer_magic_num: pick(/magic_num=(\d+)/),
          pacer_seq_no: pick(/de_seq_num=(\d+)/),
        },
      ],
    };
  });

  // //b[contains(., "Notice has been electronically mailed to")]/following-sibling::text()
  const heading = $('b').filter((_, b) => $(b).text().includes('Notice has been electronically mailed to')).first();
  let recipientsText = '';
  if (heading.length > 0) {
    const parent = heading.parent();
    recipientsText =
      parent.children('a').length > 0
        ? parent.text()
        : parent
            .contents()
            .toArray()
            .filter((n) => isText(n) && isAfter(heading[0] as Element, n))
            .map((n) => $(n).text())
            .join(' ');
  }
  return {
    contains_attachments: $('strong').filter((_, s) => $(s).text().includes('Document description:')).length > 1,
    dockets,
    email_recipients: parseRecipients(recipientsText, dockets.map((d) => d.docket_number).filter((n) => n !== '')),
  };
}

/** Whether `n` comes after `ref` among its siblings (cheerio has no following-sibling axis for text nodes). */
function isAfter(ref: AnyNode, n: AnyNode): boolean {
  let p = ref.next;
  while (p) {
    if (p === n) return true;
    p = p.next;
  }
  return false;
}

function parseRecipients(text: string, docketNumbers: string[]): { name: string; email_addresses: string[] }[] {
  let t = text.replace(/\n/g, '').replace(/\s+/g, ' ').replace(/\s,/g, ',');
  t = t.replace(/^.*?mailed\sto:/, '');
  for (const n of docketNumbers) {
    const at = t.indexOf(n);
    if (at >= 0) t = t.slice(0, at);
  }
  const out: { name: string; email_addresses: string[] }[] = [];
  let name: string[] = [];
  let emails: string[] = [];
  const flush = () => {
    if (emails.length > 0) out.push({ name: name.join(' '), email_addresses: emails });
    name = [];
    emails = [];
  };
  for (const token of t.split(' ').filter((x) => x !== '')) {
    if (token.includes('@')) emails.push(token.replace(/,/g, ''));
    else {
      if (emails.length > 0) flush();
      name.push(token);
    }
  }
  flush();
  return out;
}

/**
 * The plain-text notice read as S3NotificationEmail reads a text/plain part (§14 "Plain-text NEF").
 */
export function parseNefText(text: string): { case_name: string; docket_number: string; document_number: string; document_url: string | null; description: string; date_filed: string; email_recipients: { name: string; email_addresses: string[] }[] } {
  const names = [...text.matchAll(/Case Name:(.*)/g)];
  if (names.length > 1) throw new Error('NotImplementedError: several dockets');
  const filed = /filed\son\s([\d|/]*)/.exec(clean(text));
  if (!filed?.[1]) throw new Error('no "filed on" date');
  const described = /^.*?Docket Text:(.*?)electronically mailed to:/s.exec(text)?.[1] ?? '';
  const lines: string[] = [];
  for (const l of described.split('\n')) {
    if (l.includes('Notice has been')) break;
    lines.push(l);
  }
  const description = clean(lines.join(' '));
  if (description === '') throw new Error("Can't get docket entry description");
  const recipients: { name: string; email_addresses: string[] }[] = [];
  const section = /^.*?Notice has been electronically mailed to:(.*?)$/s.exec(text)?.[1] ?? '';
  const rl = section.split('\n');
  for (let k = 0; k < rl.length; k++) {
    const line = rl[k] ?? '';
    if (line.includes('Notice will be delivered')) break;
    if (line.includes('@')) recipients.push({ name: clean(rl[k - 1] ?? ''), email_addresses: line.split(',').map((e) => e.trim()).filter((e) => e !== '') });
  }
  return {
    case_name: clean(names[0]?.[1] ?? 'Unknown Case Title'),
    docket_number: DOCKET_NUMBER.exec(/Case Number:(.*)/.exec(text)?.[1] ?? '')?.[0] ?? '',
    document_number: clean(/Document Number:(.*)/.exec(text)?.[1] ?? ''),
    document_url: /view the document:[\r\n]+([^\r\n]+)/.exec(text)?.[1] ?? null,
    description,
    date_filed: isoDate(filed[1]),
    email_recipients: recipients,
  };
}
