import type { CourtCase } from '../../../db/cases-repository.js';
import type { Repositories } from '../../../db/index.js';
import { formatDocId } from '../../domain/doc-ids.js';
import { pagesText } from '../../domain/documents.js';

/** One document show_multidocs.pl lists. */
export interface MultidocsRow {
  /** Its doc1 id (4th digit 1). */
  docId: string;
  docNumber: number | null;
  attachment: number;
  description: string;
  pages: string;
  /** Restricted or sealed: listed, not linked. */
  withheld: boolean;
}

/** At most this many documents are listed (a docket's "View Selected" can name hundreds). */
const MAX_ROWS = 500;

const numbers = (list: string): Set<number> => new Set(list.split(',').filter((s) => /^\d{1,12}$/.test(s.trim())).map((s) => Number(s.trim())));

/**
 * The documents a show_multidocs.pl request names, in docket order. Fidelity (captured
 * attachment_pages/flsd_0510267 and dockets/district/dcd_3): the attachment menu sends the
 * entries' `arr_de_seq_nums` and the serials left unticked in `exclude_attachments`; the docket's
 * view_multi_docs form sends the ticked serials in `download_documents`.
 */
export function multidocsSelection(
  repos: Pick<Repositories, 'documents' | 'docketEntries'>,
  courtCase: CourtCase,
  prefix: string,
  q: { seqs: string; exclude: string; include: string },
): MultidocsRow[] {
  const entries = new Map(repos.docketEntries.forCase(courtCase.id).map((e) => [e.id, e]));
  const include = numbers(q.include);
  const seqs = numbers(q.seqs);
  const exclude = numbers(q.exclude);
  const chosen = repos.documents.forCase(courtCase.id).filter((d) => {
    if (include.size > 0) return include.has(d.serial);
    const entry = entries.get(d.entryId);
    return entry !== undefined && seqs.has(entry.seq) && !exclude.has(d.serial);
  });
  return chosen.slice(0, MAX_ROWS).map((d) => {
    const entry = entries.get(d.entryId);
    const withheld = d.sealed || d.restricted || entry?.sealed === true || entry?.restricted === true;
    return {
      docId: formatDocId(prefix, d.serial, false),
      docNumber: entry?.docNumber ?? null,
      attachment: d.attachment,
      description: withheld ? '*Restricted*' : d.description,
      pages: withheld ? '' : pagesText(d.pages),
      withheld,
    };
  });
}
