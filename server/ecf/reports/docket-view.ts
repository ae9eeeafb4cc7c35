import type { Counsel } from '../../../db/attorneys-repository.js';
import type { CourtCase } from '../../../db/cases-repository.js';
import type { Court } from '../../../db/courts-repository.js';
import type { DocketEntry } from '../../../db/docket-entries-repository.js';
import type { CriminalCounts, Party } from '../../../db/parties-repository.js';
import { defendantNumber } from '../../domain/case-numbers.js';
import { referenceLinks, type EntryDocuments } from '../../domain/docket.js';
import { isoDayToUs } from '../../domain/us-dates.js';
import { docketRows } from './docket-rows.js';

/**
 * A docket report's page as data for views/ecf/reports/docket*.eta: the header, the metadata
 * lines, the parties with their counsel, and the selected entries' rows (built as one string by
 * docket-rows.ts). Pure: the route reads the rows and picks the entries (server/domain/docket.ts);
 * this decides what each part of the captured page says.
 *
 * Fidelity (captured dockets/district/nyed.html, gand_1.html, txsd_1.html, dcd_3.html;
 * dockets/bankruptcy/wiwb_1.html; juriscraper-contract §5.3-5.6).
 */

export interface DocketOptions {
  /** list_of_parties_and_counsel=on (bankruptcy dockets always list their parties). */
  parties: boolean;
  /** terminated_parties=on: parties and attorneys with a termination date are listed too. */
  terminated: boolean;
  /** view_multi_docs=on: the entries sit in the View Selected form, with a checkbox per document. */
  multiDocs: boolean;
  /** page_count=on (bankruptcy): "(10 pgs; 2 docs)" under each number. */
  pageCounts: boolean;
}

export interface CounselView {
  name: string;
  /** Address lines, phone, "Fax: ...", "Email: ..."; one line "(See above for address)" the second time an attorney is listed. */
  lines: string[];
  /** The italic lines: LEAD ATTORNEY, PRO HAC VICE, ATTORNEY TO BE NOTICED, "Designation: ...", "TERMINATED: ..." */
  roles: string[];
}

export interface PartyView {
  /** The bold underlined header: "Plaintiff", "Defendant (1)". */
  role: string;
  name: string;
  /** Italic lines under the name: descriptions, then "TERMINATED: mm/dd/yyyy". */
  extra: string[];
  counsel: CounselView[];
  /** Before this party: the "V." row between the two sides. */
  versusBefore: boolean;
  criminal: CriminalCounts | null;
}

export interface DocketView {
  caseId: number;
  bankruptcy: boolean;
  criminal: boolean;
  adversary: boolean;
  flags: string[];
  /** "Southern District of Florida (Miami)" */
  district: string;
  /** "CIVIL DOCKET FOR CASE #: 1:26-cv-20001-MAT" (district); "Bankruptcy Petition #: 26-10234-RAM" (bankruptcy). */
  heading: string;
  /** The number the receipt's Search Criteria gives. */
  number: string;
  title: string;
  /** District: the metadata table's two cells, line by line. */
  left: string[];
  right: string[];
  /** District criminal: "Assigned to:" and "Referred to:" rows above the defendant. */
  judgeRows: string[];
  /** Bankruptcy: the left cell's lines (label, value) and the dates table's rows. */
  bkLeft: { label: string; value: string }[];
  bkDates: { label: string; value: string }[];
  /** Bankruptcy adversary proceedings: the lead case lines. */
  leadCase: { number: string; title: string } | null;
  /** Criminal: the defendants' table, then the other parties' (txsd_1); civil: one table. */
  partyTables: PartyView[][];
  /** The entries table's rows, HTML (docket-rows.ts). */
  rows: string;
  multiDocs: boolean;
  /** `https://ecf.flsd.uscourts.gov`: the links' origin, as the captured dockets write them. */
  origin: string;
}

const us = (day: string | null) => (day ? isoDayToUs(day) : '');

/** Fidelity: the role headers are padded to a fixed width, as the real server writes them (nyed, gand_1). */
const roleHeader = (role: string) => role.padEnd(40, ' ');

function counselView(c: Counsel, seen: Set<number>): CounselView {
  const roles: string[] = [];
  if (c.lead) roles.push('LEAD ATTORNEY');
  if (c.proHacVice) roles.push('PRO HAC VICE');
  if (c.toBeNoticed) roles.push('ATTORNEY TO BE NOTICED');
  if (c.designation) roles.push(`Designation: ${c.designation}`);
  if (c.terminatedOn) roles.push(`TERMINATED: ${us(c.terminatedOn)}`);
  let lines: string[];
  if (seen.has(c.id)) lines = ['(See above for address)'];
  else {
    seen.add(c.id);
    lines = [c.firm, ...c.address, c.phone, c.fax ? `Fax: ${c.fax}` : '', c.email ? `Email: ${c.email}` : ''].filter((l) => l !== '');
  }
  return { name: c.name, lines, roles };
}

const DEFENDANT_SIDE = /^(Defendant|Respondent|Appellee|Counter Defendant|Third Party Defendant|Garnishee)/i;

function partyViews(parties: readonly Party[], counsel: readonly Counsel[], o: DocketOptions): PartyView[] {
  const seen = new Set<number>();
  let sawPlaintiffSide = false;
  let versusDone = false;
  const out: PartyView[] = [];
  for (const p of parties) {
    if (p.terminatedOn && !o.terminated) continue;
    const extra = [...p.extra, ...(p.terminatedOn ? [`TERMINATED: ${us(p.terminatedOn)}`] : [])];
    const ofParty = counsel.filter((c) => c.partyId === p.id && (o.terminated || !c.terminatedOn));
    const defendantSide = DEFENDANT_SIDE.test(p.role);
    const versusBefore = defendantSide && sawPlaintiffSide && !versusDone;
    if (versusBefore) versusDone = true;
    if (!defendantSide) sawPlaintiffSide = true;
    const role = p.criminalCounts ? `${'Defendant'.padEnd(42, ' ')}(${p.criminalCounts.defendant})` : roleHeader(p.role);
    out.push({ role, name: p.name, extra, counsel: ofParty.map((c) => counselView(c, seen)), versusBefore, criminal: p.criminalCounts });
  }
  return out;
}

export interface DocketInput {
  court: Court;
  courtCase: CourtCase;
  leadCase: CourtCase | null;
  parties: readonly Party[];
  counsel: readonly Counsel[];
  /** Every entry of the case (for the `[n]` links), and the ones the report shows, in its order. */
  allEntries: readonly DocketEntry[];
  selected: readonly DocketEntry[];
  docs: ReadonlyMap<number, EntryDocuments>;
  options: DocketOptions;
  origin: string;
}

/** The court's district as the header names it: "Southern District of Florida (Miami)". */
export function districtLine(court: Court, office: number): string {
  const district = court.name.replace(/\s+Bankruptcy Court$/, '');
  const office_ = court.officeNames[String(office)];
  return office_ ? `${district} (${office_})` : district;
}

/** The whole page's data. */
export function docketView(input: DocketInput): DocketView {
  const { court, courtCase: c, options } = input;
  const bankruptcy = court.kind === 'bankruptcy';
  const criminal = !bankruptcy && c.caseType === 'cr';
  const adversary = bankruptcy && c.caseType === 'ap';
  const parties = options.parties || bankruptcy ? partyViews(input.parties, input.counsel, options) : [];
  const defendants = parties.filter((p) => p.criminal);

  // Fidelity (txsd_1): a criminal docket is one defendant's ("2:20-cr-00606-1"); with more than
  // one defendant the report shows them all ("... All Defendants").
  let number = c.numberFull;
  if (criminal) {
    const only = defendants.length === 1 ? defendants[0]?.criminal : null;
    number = only ? defendantNumber(c.numberFull, only.defendant) : `${c.numberFull} All Defendants`;
  }
  const heading = bankruptcy
    ? `${adversary ? 'Adversary Proceeding' : 'Bankruptcy Petition'} #: ${number}`
    : `${criminal ? 'CRIMINAL' : 'CIVIL'} DOCKET FOR CASE #: ${number}`;

  const left: string[] = [];
  const right: string[] = [];
  const judgeRows: string[] = [];
  if (criminal) {
    left.push(`Case title: ${c.title}`);
    right.push(`Date Filed: ${us(c.filedOn)}`);
    if (c.terminatedOn) right.push(`Date Terminated: ${us(c.terminatedOn)}`);
    if (c.judge) judgeRows.push(`Assigned to: ${c.judge}`);
    if (c.referral) judgeRows.push(`Referred to: ${c.referral}`);
  } else if (!bankruptcy) {
    left.push(c.title);
    if (c.judge) left.push(`Assigned to: ${c.judge}`);
    if (c.referral) left.push(`Referred to: ${c.referral}`);
    if (c.demand) left.push(`Demand: ${c.demand}`);
    if (c.cause) left.push(`Cause: ${c.cause}`);
    right.push(`Date Filed: ${us(c.filedOn)}`);
    if (c.terminatedOn) right.push(`Date Terminated: ${us(c.terminatedOn)}`);
    right.push(`Jury Demand: ${c.juryDemand || 'None'}`);
    if (c.natureOfSuit) right.push(`Nature of Suit: ${c.natureOfSuit}`);
    if (c.jurisdiction) right.push(`Jurisdiction: ${c.jurisdiction}`);
  }

  const bkLeft: { label: string; value: string }[] = [];
  const bkDates: { label: string; value: string }[] = [];
  if (bankruptcy) {
    if (c.judge) bkLeft.push({ label: 'Assigned to:', value: c.judge.replace(/^(Chief\s+)?Judge\s+/, '') });
    if (adversary) {
      if (c.natureOfSuit) bkLeft.push({ label: 'Nature[s] of Suit:', value: c.natureOfSuit });
    } else {
      if (c.chapter) bkLeft.push({ label: '', value: `Chapter ${c.chapter}` });
      bkLeft.push({ label: '', value: c.voluntary === 'i' ? 'Involuntary' : 'Voluntary' });
      bkLeft.push({ label: '', value: c.asset === 'Yes' ? 'Asset' : 'No asset' });
    }
    bkDates.push({ label: 'Date filed:', value: us(c.filedOn) });
    if (c.terminatedOn) bkDates.push({ label: 'Date terminated:', value: us(c.terminatedOn) });
  }

  const refLink = referenceLinks(input.allEntries, input.docs, court.docPrefix);
  const partyTables = criminal ? [defendants, parties.filter((p) => !p.criminal)].filter((t) => t.length > 0) : parties.length > 0 ? [parties] : [];
  return {
    caseId: c.pacerCaseId,
    bankruptcy,
    criminal,
    adversary,
    flags: c.flags,
    district: districtLine(court, c.office),
    heading,
    number,
    title: c.title,
    left,
    right,
    judgeRows,
    bkLeft,
    bkDates,
    leadCase: adversary && input.leadCase ? { number: input.leadCase.numberFull, title: input.leadCase.title } : null,
    partyTables,
    rows: docketRows({
      courtCase: c,
      bankruptcy,
      prefix: court.docPrefix,
      selected: input.selected,
      docs: input.docs,
      refLink,
      multiDocs: options.multiDocs,
      pageCounts: options.pageCounts,
      origin: input.origin,
    }),
    multiDocs: options.multiDocs,
    origin: input.origin,
  };
}

