/**
 * Case numbers as courts write them and as users type them.
 *
 * Fidelity: the national form is `<office>:<yy>-<type>-<serial>` (`1:26-cv-20001`), which the
 * case-number widget, Query and `possible_case_numbers.pl` use; a district docket header adds the
 * judge's initials (`1:26-cv-20001-ABC`, captured dockets; with a referral judge's too, FLMD's
 * `6:22-cv-02163-PGB-DAB`), a criminal docket the defendant's number (`2:20-cr-00606-1`, txsd_1),
 * and FLSB writes its bankruptcy numbers without office or type (`16-20959-EPK`,
 * docket_history_reports/flsb_703069). Users type them in many shapes; the OKND guide lists
 * `04-567`, `4:04-567`, `4-04-cv-567`, `04cv567` and `4:04cv567`.
 */
export const CASE_TYPES = ['cv', 'cr', 'mc', 'mj', 'md', 'bk', 'ap'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** A case number in its national form. */
export interface CaseNumber {
  office: number;
  /** Two digits: 26 for 2026. */
  year: number;
  type: CaseType;
  serial: number;
}

/** What someone typed: the parts they gave (office and type may be left out), and any suffix. */
export interface TypedCaseNumber {
  office: number | null;
  year: number;
  type: string | null;
  serial: number;
  /** What followed the serial: judge initials, a defendant number (`['KMW', '1']`), lower case. */
  suffix: string[];
}

const TYPED = /^(?:(\d)[:-])?(\d{2})-?(?:([a-z]{2})-?)?(\d{1,5})((?:-[a-z0-9]{1,4})*)$/;

/** Reads a case number the ways users type it; null when it is not one. Spaces around it are ignored; case is not significant. */
export function parseTypedCaseNumber(text: string): TypedCaseNumber | null {
  const m = TYPED.exec(text.trim().toLowerCase());
  if (!m) return null;
  return {
    office: m[1] === undefined ? null : Number(m[1]),
    year: Number(m[2]),
    type: m[3] ?? null,
    serial: Number(m[4]),
    suffix: (m[5] ?? '').split('-').filter(Boolean),
  };
}

const isCaseType = (t: string | null): t is CaseType => t !== null && (CASE_TYPES as readonly string[]).includes(t);

/** A national case number (`1:26-cv-20001`, with or without a suffix), or null when it is not complete or its type is unknown. */
export function parseCaseNumber(text: string): CaseNumber | null {
  const t = parseTypedCaseNumber(text);
  if (!t || t.office === null || !isCaseType(t.type)) return null;
  return { office: t.office, year: t.year, type: t.type, serial: t.serial };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `1:26-cv-20001`: the widget's and possible_case_numbers.pl's form. */
export function formatShort(n: CaseNumber): string {
  return `${n.office}:${pad(n.year, 2)}-${n.type}-${pad(n.serial, 5)}`;
}

export type NumberStyle = 'district' | 'bankruptcy';

/**
 * The number in a docket header: `1:26-cv-20001-KMW` at a district court (initials may be
 * `KMW-DKO`; empty initials leave the short form); `26-10234-RAM` at a bankruptcy court.
 */
export function formatFull(n: CaseNumber, style: NumberStyle, initials: string): string {
  const base = style === 'bankruptcy' ? `${pad(n.year, 2)}-${pad(n.serial, 5)}` : formatShort(n);
  return initials ? `${base}-${initials}` : base;
}

/** Fidelity: a criminal docket is one defendant's: `2:20-cr-00606-1` (txsd_1's header). */
export function defendantNumber(full: string, defendant: number): string {
  return `${full}-${defendant}`;
}

/**
 * Whether `typed` names the case numbered `n`: year and serial must agree; office and type only
 * when given. A suffix (judge initials, defendant) narrows nothing, as on the real widget.
 */
export function numberMatches(n: CaseNumber, typed: TypedCaseNumber): boolean {
  return (
    n.year === typed.year && n.serial === typed.serial && (typed.office === null || typed.office === n.office) && (typed.type === null || typed.type === n.type)
  );
}

/** Fidelity: possible_case_numbers.pl is asked with the number lower-cased (juriscraper's PossibleCaseNumberApi). */
export function possibleCaseNumbersQuery(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Fidelity: "Judge Kathleen M. Williams" → "KMW", "Magistrate Judge Desmond K. Okoye" → "DKO":
 * the initials a district case number carries are the judge's (captured: 1:15-cv-22692-UU for
 * Judge Ursula Ungaro). Titles are dropped; a name of one word gives its first two letters.
 */
export function judgeInitials(judge: string): string {
  const words = judge
    .replace(/\b(Chief|Senior|District|Magistrate|Bankruptcy|Judge|Hon\.?|Honorable|U\.S\.)\s+/gi, '')
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter((w) => w.length > 0 && !/^(Jr|Sr|II|III|IV)$/i.test(w));
  if (words.length === 0) return '';
  if (words.length === 1) return (words[0] ?? '').slice(0, 2).toUpperCase();
  return words.map((w) => w[0] ?? '').join('').toUpperCase();
}
