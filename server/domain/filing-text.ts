import type { DocketEntry } from '../../db/docket-entries-repository.js';
import type { FilingEvent } from './filing-events.js';
import { feeDocketText } from './fees.js';

/**
 * The docket text a filing writes (pure). Fidelity (filing-and-reports.md A.6, A.7, A.9; the
 * captured dockets and NEFs): "[prefix] EVENT TEXT [against ...] [re [n] <the linked entry>] [free
 * text] by <filers>. [Filing fee $ 605, receipt number AFLSDC-...] [Responses due by m/d/yyyy]",
 * e.g. "RESPONSE in Opposition re [4] MOTION to Dismiss [1] Complaint ... filed by Carmen Alvarez.";
 * the docket then adds "(Attachments: # 1 ...)", "(Last, First)" and "(Entered: ...)" itself
 * (server/domain/docket.ts). Linked numbers are stored as `[[n]]`, as every entry's are.
 */
export interface TextInput {
  events: readonly FilingEvent[];
  prefix: string;
  freeText: string;
  /** Names of the parties filed against. */
  against: readonly string[];
  /** Linked entries. */
  references: readonly Pick<DocketEntry, 'docNumber' | 'text'>[];
  /** "Carmen Alvarez", "All Defendants"; bankruptcy: "Debtor Coral Gables Bakery Group, LLC". */
  filers: string;
  /** Criminal cases with several defendants: "Angelo Castellano (1)". */
  asTo: readonly string[];
  fees: readonly { cents: number; receiptNumber: string | null }[];
  /** "Responses due by 3/2/2026", or ''. */
  deadline: string;
}

/** The docket text in the pieces the NEF marks up (docs/filing.md NefTextParts). */
export interface TextParts {
  prefix: string;
  event: string;
  references: number[];
  freeText: string;
  rest: string;
}

/** Free text: one line, no `[[` (it would read as a link), at most 500 characters. */
export function cleanFreeText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\[\[|\]\]/g, '').trim().slice(0, 500);
}

/**
 * What a linked entry is called in the new text: its own text up to its filers ("MOTION to Dismiss
 * [[1]] Complaint for Failure to State a Claim"), as real "re [4] ..." links read.
 */
export function referenceLabel(text: string): string {
  const cut = text.search(/\s(?:filed by|Filed by|by)\s|\.\s|\.$/);
  return (cut < 0 ? text : text.slice(0, cut)).trim();
}

export const RECEIPT_PENDING = '(assigned when you submit)';

export function docketText(input: TextInput): { text: string; parts: TextParts } {
  const first = input.events[0];
  const event = input.events.map((e) => e.text).join(', ');
  const againstWord = input.events.find((e) => e.against)?.againstWord ?? 'against';
  const linkWord = input.events.find((e) => e.link !== 'none')?.linkWord ?? 're';
  const filedBy = first?.filedBy ?? 'by';
  const numbers = input.references.flatMap((r) => (r.docNumber === null ? [] : [r.docNumber]));

  let middle = '';
  if (input.against.length > 0) middle += ` ${againstWord} ${input.against.join(', ')}`;
  if (input.references.length > 0) {
    const refs = input.references.map((r) => `[[${r.docNumber}]] ${referenceLabel(r.text)}`.trim()).join(', ');
    middle += linkWord ? ` ${linkWord} ${refs}` : ` ${refs}`;
  }
  let rest = ` ${filedBy} ${input.filers}`;
  if (input.asTo.length > 0) rest += ` as to ${input.asTo.join(', ')}`;
  rest += '.';
  for (const f of input.fees) rest += ` ${feeDocketText(f, f.receiptNumber ?? RECEIPT_PENDING)}.`;
  if (input.deadline) rest += ` ${input.deadline}`;

  const prefix = input.prefix ? `${input.prefix} ` : '';
  const free = input.freeText ? ` ${input.freeText}` : '';
  const text = `${prefix}${event}${middle}${free}${rest}`.replace(/\s+/g, ' ').trim();
  return { text, parts: { prefix: input.prefix, event: `${event}${middle}`, references: numbers, freeText: input.freeText, rest } };
}
