import type { CourtCase } from '../../../db/cases-repository.js';
import type { DocketEntry } from '../../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../../db/documents-repository.js';
import { formatDocId } from '../../domain/doc-ids.js';
import { pagesText, sizeText } from '../../domain/documents.js';
import { ECF_PATHS } from '../paths.js';

/**
 * What the document pages' templates (views/ecf/documents/*) print, built from the records:
 * the attachment menu's rows and totals, and the goDLS calls of links and forms.
 */

/**
 * Fidelity (juriscraper utils.reverse_goDLS_function; captured attachment and confirmation pages):
 * `goDLS('<doc1 path>','<caseid>','<de_seq_num>','<got_receipt>','<pdf_header>','<pdf_toggle_possible>','<magic_num>','<hdr>','');return(false);`,
 * nine quoted arguments as cand_1 and the attachment menus have them.
 */
export function goDLS(path: string, caseId: number, seq: number, o: { gotReceipt?: string; pdfToggle?: string; magic?: string } = {}): string {
  const args = [path, String(caseId), String(seq), o.gotReceipt ?? '', '', o.pdfToggle ?? '', o.magic ?? '', '', ''];
  return `goDLS('${args.join("','")}');return(false);`;
}

export interface MenuRow {
  /** The checkbox `document_<n>_<k>`. */
  name: string;
  /** Fidelity: `<serial>-<bytes>-<pages>` (the menu's script splits it: "dm_dls_id - file_size - page_size"). */
  value: string;
  /** 0 for the main document; the attachment number otherwise (a bankruptcy menu prints Part = this + 1). */
  attachment: number;
  /** `/doc1/<id, 4th digit 1>`, with the free look's query when there is one. */
  path: string;
  /** The same, absolute on this court's host (district menus write it so; bankruptcy ones in onContextMenu). */
  href: string;
  onclick: string;
  description: string;
  pages: string;
  size: string;
}

export interface AttachmentMenu {
  docNumber: number;
  caseId: number;
  main: MenuRow;
  attachments: MenuRow[];
  /** Every row's bytes and pages together (restricted ones count 0). */
  totalSize: string;
  totalPages: string;
  /** The View/Download Selected (district) or View/Download All (bankruptcy) target, without `zipit`. */
  multidocsUrl: string;
  /** The combined-PDF limit the menu's script checks, and how its note writes it. */
  limitBytes: number;
  limitText: string;
}

/**
 * The combined-PDF size limit a court's menu enforces. Fidelity: FLSD's script checks 10,485,760
 * bytes and says "10 MB"; NYSD's 10,590,617.6 and "10.1 MB" (flsd_0510267, nysd_12708012898).
 */
const SIZE_LIMITS: Readonly<Record<string, { bytes: number; text: string }>> = { nysd: { bytes: 10_590_617.6, text: '10.1 MB' } };
const DEFAULT_LIMIT = { bytes: 10_485_760, text: '10 MB' };

export interface MenuInput {
  /** This court's origin as the client reached it (`https://ecf.flsd.uscourts.gov`). */
  origin: string;
  court: string;
  prefix: string;
  courtCase: CourtCase;
  entry: DocketEntry;
  main: CourtDocument;
  attachments: readonly CourtDocument[];
  /** The free look's magic number the menu was opened with: its links carry it. */
  magic: string | null;
  bankruptcy: boolean;
}

/** A document the menu lists without its size: restricted or sealed shows as the captured "*Restricted*" row (0 B, no pages). */
const withheld = (d: CourtDocument) => d.restricted || d.sealed;

export function attachmentMenu(m: MenuInput): AttachmentMenu {
  const caseId = m.courtCase.pacerCaseId;
  const docNumber = m.entry.docNumber ?? 0;
  const magic = m.magic ?? '';
  // Fidelity: NYSD's links pass pdf_toggle_possible 1, FLSD's leave it empty (the captured menus).
  const pdfToggle = m.court === 'nysd' ? '1' : '';
  const row = (d: CourtDocument): MenuRow => {
    const hidden = withheld(d);
    const doc1 = `/doc1/${formatDocId(m.prefix, d.serial, false)}`;
    const path = magic ? `${doc1}?caseid=${caseId}&de_seq_num=${m.entry.seq}&magic_num=${magic}` : doc1;
    return {
      name: `document_${docNumber}_${d.attachment}`,
      value: `${d.serial}-${hidden ? 0 : d.bytes}-${hidden ? 0 : d.pages}`,
      attachment: d.attachment,
      path,
      href: `${m.origin}${path}`,
      onclick: goDLS(doc1, caseId, m.entry.seq, { pdfToggle, magic }),
      description: hidden ? '*Restricted*' : d.description,
      pages: hidden ? '' : pagesText(d.pages),
      size: sizeText(hidden ? 0 : d.bytes),
    };
  };
  const all = [m.main, ...m.attachments];
  const shown = all.filter((d) => !withheld(d));
  const bytes = shown.reduce((n, d) => n + d.bytes, 0);
  const pages = shown.reduce((n, d) => n + d.pages, 0);
  const query = `caseid=${caseId}&arr_de_seq_nums=${m.entry.seq}&magic_num=${magic}`;
  const limit = SIZE_LIMITS[m.court] ?? DEFAULT_LIMIT;
  return {
    docNumber,
    caseId,
    main: row(m.main),
    attachments: m.attachments.map(row),
    totalSize: sizeText(bytes),
    totalPages: pagesText(pages),
    // Fidelity: the district menu's query (flsd_0510267) and the bankruptcy one's (deb_04218015230).
    multidocsUrl: m.bankruptcy
      ? `${ECF_PATHS.showMultidocs}?${query}&pdf_header=1&pdf_toggle_value=1`
      : `${ECF_PATHS.showMultidocs}?${query}&pdf_header=&hdr=&psf_report=&pdf_toggle_possible=`,
    limitBytes: limit.bytes,
    limitText: limit.text,
  };
}
