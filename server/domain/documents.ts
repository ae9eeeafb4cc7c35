import type { CourtCase } from '../../db/cases-repository.js';
import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { CourtDocument } from '../../db/documents-repository.js';
import type { FreeLook } from '../../db/free-looks-repository.js';
import { sign, signatureMatches } from './tokens.js';
import { ONE_DAY_MS } from './us-dates.js';

/**
 * The rules of the document pages (`/doc1/<id>`, `show_case_doc`, `show_temp.pl`): who may see a
 * document, what a free look allows, how sizes and receipt lines read, and the temporary file
 * names the iframe delivery hands out. Pure: the routes in server/ecf/documents/ read the
 * repositories and call these.
 */

/**
 * The answers a document page gives instead of the document. Each is real CM/ECF wording that
 * juriscraper's download_pdf recognises (juriscraper PRs #528 and #1227 quote them from real
 * courts): "You do not have permission to view this document." is also what its is_pdf_sealed
 * looks for, "Under Seal" and "document is not available" are matched as sealed and unavailable,
 * "Cannot locate the case with caseid" makes it retry without the case id, and "could not
 * retrieve dktentry for dlsid" is its "failed to get docket entry".
 */
export const DOCUMENT_TEXT = {
  sealed: 'You do not have permission to view this document.',
  caseUnderSeal: 'This document is currently Under Seal and not available to the general public.',
  restricted: 'The document is not available.',
  unknownDocument: (serial: number) => `could not retrieve dktentry for dlsid ${serial}`,
  unknownCase: (caseId: string) => `Cannot locate the case with caseid ${caseId}`,
} as const;

/** Why a document is not served: the case is under seal, the document (or its entry) is sealed, or it is restricted. */
export type Refusal = 'caseUnderSeal' | 'sealed' | 'restricted';

/**
 * Whether anyone outside the court may have this document. Fidelity: a case under seal shows
 * nothing; a sealed document or entry answers the sealed text; a restricted one (filed with
 * restricted access, e.g. a transcript or a redaction motion) the "not available" text, as the
 * ILNB guide says other users see it. The sandbox has no court users and no counsel-of-record
 * exception, so these hold for every account and for free looks.
 */
export function refusalOf(courtCase: CourtCase, entry: DocketEntry, document: CourtDocument): Refusal | null {
  if (courtCase.sealed) return 'caseUnderSeal';
  if (entry.sealed || document.sealed) return 'sealed';
  if (entry.restricted || document.restricted) return 'restricted';
  return null;
}

export const refusalText = (r: Refusal): string => DOCUMENT_TEXT[r];

/** Fidelity: the receipt's Description for a document, "Image<document number>-<attachment>" (confirmation_pages/cand_1: "Image670-0"). */
export function imageDescription(entry: Pick<DocketEntry, 'docNumber'>, document: Pick<CourtDocument, 'attachment'>): string {
  return `Image${entry.docNumber ?? 0}-${document.attachment}`;
}

/**
 * A size as the attachment menu prints it. Fidelity (attachment_pages/flsd_0510267, nysd_12708012898,
 * and their size_mb_or_kb script): under 1,024 bytes "N B"; under 1,024,000 one decimal of KB
 * ("69.5 KB"); above, one decimal of MB (1 MB = 1,024,000 bytes) right-aligned in five characters
 * ("  2.0 MB", " 19.4 MB"), as the server prints it.
 */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_024_000) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1_024_000).toFixed(1).padStart(5)} MB`;
}

/** "1 page", "7 pages" (mab_094126221797: "1 page"). */
export const pagesText = (pages: number): string => `${pages} ${pages === 1 ? 'page' : 'pages'}`;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * Fidelity: the download confirmation's date line is C's ctime, "Thu Mar  2 13:53:33 2023" (the
 * day of the month padded to two places with a space), unlike the reports' "03/21/2023 12:19:31"
 * (confirmation_pages/cand_1, ctd_1, vaed_1). In UTC, as every time the mock shows.
 */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${time} ${d.getUTCFullYear()}`;
}

// ---------------------------------------------------------------- free looks

/** Fidelity: a free look lasts until "the earlier of these two events: the first use or 15 days" (PACER Service Center notice; court FAQs). */
export const FREE_LOOK_DAYS = 15;

export type FreeLookState = 'valid' | 'used' | 'expired' | 'unknown';

/**
 * What a magic number allows for an entry whose main document is `mainDocumentId`: a free look
 * covers the main document and its attachments ("The one free look pertains to all attachments,
 * as well as the main document filed", C.D. Cal. FAQ). A number of another entry is "unknown".
 */
export function freeLookState(look: FreeLook | null, mainDocumentId: number | null, now: number): FreeLookState {
  if (!look || mainDocumentId === null || look.documentId !== mainDocumentId) return 'unknown';
  if (look.usedAt !== null) return 'used';
  if (now - look.createdAt > FREE_LOOK_DAYS * ONE_DAY_MS) return 'expired';
  return 'valid';
}

/** A magic number as a link carries it: eight digits (juriscraper reads `magic_num=(\d+)`); anything else is no magic number. */
export function magicNumberOf(value: string): string | null {
  return /^\d{1,20}$/.test(value) ? value : null;
}

// ---------------------------------------------------------------- show_temp.pl

/**
 * How long a show_temp.pl file name works, on the virtual clock. Invented: the real temporary
 * files' lifetime is not public. Short-lived rather than single-use, because a browser's PDF
 * viewer may fetch the file more than once (a reload, a ranged read); it is never billed again.
 */
export const TEMP_FILE_TTL_MS = 10 * 60_000;

/** Who may fetch a temporary file: the session that bought the document, or, for a free look without a session, whoever has the name. */
export type TempFileHolder = { session: string } | { freeLook: true };

const holderPart = (h: TempFileHolder) => ('session' in h ? `session:${h.session}` : 'free-look');

/**
 * The `file=` name of a show_temp.pl URL: `<serial>-<expiry, base 36>-<MAC>.pdf`, the MAC over the
 * court, serial, expiry and holder. Invented shape (the real name is a server-side temporary
 * file); stateless, so nothing is stored and nothing needs sweeping.
 */
export function tempFileName(secret: Buffer, court: string, serial: number, expires: number, holder: TempFileHolder): string {
  return `${serial}-${expires.toString(36)}-${sign(secret, 'show_temp', court, String(serial), String(expires), holderPart(holder))}.pdf`;
}

/** The serial a temporary file name grants this holder now, or null (malformed, expired, another court or another holder). */
export function readTempFileName(secret: Buffer, name: string, court: string, now: number, holder: TempFileHolder): number | null {
  const m = /^(\d{1,12})-([0-9a-z]{1,12})-([A-Za-z0-9_-]{20,100})\.pdf$/.exec(name);
  if (!m) return null;
  const [serialText, expiresText, mac] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  const expires = parseInt(expiresText, 36);
  if (!Number.isSafeInteger(expires) || expires < now) return null;
  if (!signatureMatches(secret, mac, 'show_temp', court, serialText, String(expires), holderPart(holder))) return null;
  return Number(serialText);
}

// ---------------------------------------------------------------- show_case_doc

export interface ShowCaseDocQuery {
  docNumber: number;
  caseId: number;
  /** null: no attachment asked (the empty third field). */
  attachment: number | null;
}

/**
 * `show_case_doc?<document number>,<caseid>,<attachment>,,` (juriscraper ShowCaseDocApi: `?90,406590,,,`).
 * Null when it is not of that form.
 */
export function parseShowCaseDoc(query: string): ShowCaseDocQuery | null {
  const m = /^(\d{1,9}),(\d{1,12}),(\d{0,6}),[^,]*,?[^,]*$/.exec(decodeURIComponentSafe(query));
  if (!m) return null;
  const docNumber = Number(m[1]);
  const caseId = Number(m[2]);
  if (docNumber < 1) return null;
  return { docNumber, caseId, attachment: m[3] === '' || m[3] === undefined ? null : Number(m[3]) };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
