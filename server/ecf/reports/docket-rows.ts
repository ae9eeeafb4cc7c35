import type { CourtCase } from '../../../db/cases-repository.js';
import type { DocketEntry } from '../../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../../db/documents-repository.js';
import { docketTextParts, entryLink, type DocLink, type EntryDocuments } from '../../domain/docket.js';
import { isoDayToUs } from '../../domain/us-dates.js';

/**
 * The rows of a docket report's entries table, as one string built in one pass: a 10,000-entry
 * docket is ~5 MB of rows, and a template loop over per-row view objects cost several times the
 * string itself (docs/court-records.md, "Docket report speed"). The table's opening and closing
 * stay in the templates (views/ecf/reports/docket.eta, docket-bankruptcy.eta), which write these
 * rows raw: every text from the data is escaped here, as Eta's `<%= %>` escapes it (& < > " ').
 *
 * Fidelity (captured dockets/district/nyed.html, gand_1.html: the date cell, the "#" cell whose
 * number links to /doc1 with goDLS() in onClick, the docket text with its links; dcd_3.html: View
 * multiple documents' checkbox cell, `<!--SB-->` and the attachment rows; dockets/bankruptcy/wiwb_1.html:
 * the two-cell "#" column, the number's relative link with an oncontextmenu absolute one, and
 * "(10 pgs; 2 docs)" under it when page counts are asked for).
 */

export interface RowsInput {
  courtCase: CourtCase;
  bankruptcy: boolean;
  prefix: string;
  /** The entries the report shows, in its order. */
  selected: readonly DocketEntry[];
  docs: ReadonlyMap<number, EntryDocuments>;
  refLink: (n: number) => DocLink | null;
  /** view_multi_docs=on (district): the checkbox column and the attachment rows. */
  multiDocs: boolean;
  /** page_count=on (bankruptcy). */
  pageCounts: boolean;
  /** `https://ecf.flsd.uscourts.gov`: the links' origin. */
  origin: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Eta's escape, byte for byte: the rows must read as the template wrote them. */
export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] as string) : s;
}

/** Fidelity: sizes as the docket's View Selected column writes them ("1.2 MB", "37.6 KB"). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const pagesText = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** Fidelity (wiwb_1): "(1 pg)", "(10 pgs)", "(4 pgs; 2 docs)". */
function pageCount(docs: EntryDocuments): string {
  if (!docs.main) return '';
  const all = [docs.main, ...docs.attachments];
  const pages = all.reduce((n, d) => n + d.pages, 0);
  const pg = `${pages}\u00a0${pages === 1 ? 'pg' : 'pgs'}`;
  return all.length > 1 ? `(${pg}; ${all.length}\u00a0docs)` : `(${pg})`;
}

/** The docket text cell's content: the parts, each linked number an anchor (with goDLS() at a district court). */
function textCell(e: DocketEntry, docs: EntryDocuments | undefined, input: RowsInput, anchor: (l: DocLink) => string): string {
  let out = '';
  for (const p of docketTextParts(e, { docs, prefix: input.prefix, refLink: input.refLink })) {
    out += p.link ? `${anchor(p.link)}${escapeHtml(p.text)}</a>` : escapeHtml(p.text);
  }
  return out;
}

function districtRows(input: RowsInput): string {
  const { courtCase: c, multiDocs } = input;
  const origin = escapeHtml(input.origin);
  const caseId = c.pacerCaseId;
  // Fidelity (goDLS's arguments: nyed's '','1','1','','' ; dcd_3's View Selected form '','2','','','','').
  const hdr = multiDocs ? "'','2','','','',''" : "'','1','1','',''";
  const anchor = (l: DocLink) => `<a href="${origin}/doc1/${l.docId}" onClick="goDLS('/doc1/${l.docId}','${caseId}','${l.seq}',${hdr});return(false);">`;
  let out = '';
  for (const e of input.selected) {
    const docs = input.docs.get(e.id);
    const link = entryLink(e, docs, input.prefix);
    out += `<tr><td width='94' valign=top nowrap>${isoDayToUs(e.filedOn)}</td><td style='white-space:nowrap' valign='top' align='right'>`;
    if (link) out += `${anchor(link)}${e.docNumber}</a>`;
    else if (e.docNumber !== null) out += String(e.docNumber);
    out += '&nbsp;</td>';
    let attachmentRows = '';
    if (multiDocs) {
      if (link && docs?.main) {
        const all = [docs.main, ...docs.attachments];
        const selectable = all.filter((d: CourtDocument) => !d.sealed && !d.restricted);
        const size = sizeText(selectable.reduce((n, d) => n + d.bytes, 0));
        out += `<td valign="top" align="center"><input type="checkbox" name="all_documents" value="${caseId}_${e.seq}" onclick="select_all_attachments(this);"><br><div class="show_filesize">${size}</div></td>\n`;
        if (docs.attachments.length > 0) {
          attachmentRows = '<tr><td></td><td></td><td></td><td><table style="margin:10px;width:500px">';
          for (const d of all) {
            const description = d.attachment === 0 ? 'Main Document' : escapeHtml(d.description);
            attachmentRows +=
              ` <tr>\n\t\t\t<td style="width:20px"><input name="document_${caseId}_${e.seq}_${d.attachment}" type="checkbox" value="${d.serial}-${d.bytes}-${d.pages}" autocomplete="off" onchange="update_sizes(this)"></td>\n` +
              `\t\t\t<td>${d.attachment}</td><td>${description}</td>\n\t\t\t<td>${pagesText(d.pages)}</td>\n\t\t\t<td>${sizeText(d.bytes)}</td>\n\t\t</tr>`;
          }
          attachmentRows += '</table></td></tr>\n';
        }
      } else out += '<td align="center">&nbsp;</td>';
    }
    out += `<td valign=top>${multiDocs ? '<!--SB-->' : ''}${textCell(e, docs, input, anchor)}</td></tr>\n${attachmentRows}`;
  }
  return out;
}

function bankruptcyRows(input: RowsInput): string {
  const origin = escapeHtml(input.origin);
  const anchor = (l: DocLink) => `<a href="${origin}/doc1/${l.docId}">`;
  let out = '';
  for (const e of input.selected) {
    const docs = input.docs.get(e.id);
    const link = entryLink(e, docs, input.prefix);
    out += `<tr><td width="94" nowrap="" valign="bottom">${isoDayToUs(e.filedOn)}</td><td width="74" valign="top" align="right" style="border-right:0;padding-right:1px;padding-left:2px;white-space:nowrap"><nobr>  &nbsp;</nobr></td><td width="30" valign="top" align="left" style="border-left:0;padding-left:1px">`;
    if (link) {
      out += `<a href="/doc1/${link.docId}" oncontextmenu="this.href=&quot;${origin}/doc1/${link.docId}&quot;">${e.docNumber}</a> `;
      const pages = input.pageCounts && docs ? pageCount(docs) : '';
      if (pages) out += `<br><nobr>${pages}</nobr>`;
    } else if (e.docNumber !== null) out += String(e.docNumber);
    else out += '&nbsp;';
    out += `</td><td valign="bottom">  ${textCell(e, docs, input, anchor)}</td></tr>\n`;
  }
  return out;
}

/** The entries table's rows, each ending in a newline, as the templates place them. */
export function docketRows(input: RowsInput): string {
  return input.bankruptcy ? bankruptcyRows(input) : districtRows(input);
}
