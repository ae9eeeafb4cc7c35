import type { Party } from '../../db/parties-repository.js';
import type { FilingEvent } from './filing-events.js';

/**
 * The filing transaction's state machine (pure). Fidelity (filing-and-reports.md A.0): one page per
 * step, each with Next; the transaction is written only on the last Next. A filing's choices live
 * in its FilingData (filings.data, JSON); which steps apply depends on the events, the case and the
 * choices so far, and a step can be posted only when every applicable step before it is done.
 * Posting an earlier step (the browser's Back, then Next) makes it the last one done: the later
 * steps are walked again, prefilled with what was chosen before.
 */
export const STEPS = ['case', 'defendant', 'confirm', 'filer', 'association', 'against', 'upload', 'link', 'refer', 'text', 'charges', 'final'] as const;
export type Step = (typeof STEPS)[number];

/** Pages of a step that are not steps themselves: New Filer (of `filer`), Pay Now's return (of `charges`), the NEF. */
export const SIDE_PAGES = ['party', 'paid', 'receipt'] as const;
export type SidePage = (typeof SIDE_PAGES)[number];

export const isStep = (s: string): s is Step => (STEPS as readonly string[]).includes(s);
export const isSidePage = (s: string): s is SidePage => (SIDE_PAGES as readonly string[]).includes(s);

/** Fidelity (EDLA): the Select the Filer screen's groups; the group's name goes into the docket text. */
export const FILER_GROUPS = {
  plaintiffs: 'All Plaintiffs',
  defendants: 'All Defendants',
  parties: 'All Parties',
} as const;
export type FilerGroup = keyof typeof FILER_GROUPS;

/** Fidelity (INSB "prefix text"; CAND "Modifier"): the prefixes the docket text screen offers. */
export const PREFIXES = ['Agreed', 'Amended', 'Emergency', 'Joint', 'Reinstated', 'Retroactive', 'Supplemental'] as const;

/** A document uploaded into staging: slot 0 is the main document, 1.. the attachments in order. */
export interface StagedDocument {
  slot: number;
  /** Its file name in the staging folder (server/domain/uploads.ts). */
  staged: string;
  /** What the browser sent as its name (Chrome's `C:\fakepath\...` included). */
  originalName: string;
  bytes: number;
  pages: number;
  sha256: string;
  /** Attachments: the Category drop-down's value and the Description typed. */
  category: string;
  description: string;
}

/** A party added through New Filer, written to the case only by the commit: `ref` is negative. */
export interface NewPartyDraft {
  ref: number;
  role: string;
  lastName: string;
  firstName: string;
}

export interface Association {
  partyId: number;
  lead: boolean;
  notice: boolean;
}

export interface FilingData {
  /** The events picked, by key, in the picker's order. */
  events: string[];
  /** Steps done, in order. */
  done: Step[];
  caseId?: number;
  /** Criminal cases: the defendants' party ids. */
  defendants?: number[];
  joint?: boolean;
  /** The filers: party ids (drafts negative), or a group with its members. */
  filers?: { group: FilerGroup | null; parties: number[] };
  newParties?: NewPartyDraft[];
  associations?: Association[];
  against?: number[];
  documents?: StagedDocument[];
  /** The answer to "Should the document you are filing link to another document in this case?" */
  linkWanted?: boolean;
  /** Linked entries' document numbers. */
  references?: number[];
  prefix?: string;
  freeText?: string;
  /** Fee events: Pay Now authorized (true) or Continue Filing (false). */
  paid?: boolean;
}

export const emptyFilingData = (events: string[]): FilingData => ({ events, done: [] });

/** filings.data → FilingData; anything unreadable starts the filing over at its first step. */
export function readFilingData(json: string): FilingData {
  try {
    const v = JSON.parse(json) as Partial<FilingData>;
    if (!v || !Array.isArray(v.events)) return emptyFilingData([]);
    return { ...v, events: v.events.filter((e) => typeof e === 'string'), done: (v.done ?? []).filter(isStep) };
  } catch {
    return emptyFilingData([]);
  }
}

/** What decides which steps a filing has, besides its own choices. */
export interface StepContext {
  events: readonly FilingEvent[];
  /** A criminal case: the defendant step. */
  criminal: boolean;
  /** Filer parties this attorney has not filed for yet: the association step. */
  unassociated: readonly number[];
}

/** The steps this filing has, in order. */
export function applicableSteps(data: FilingData, ctx: StepContext): Step[] {
  const linkRequired = ctx.events.some((e) => e.link === 'required');
  const linkAsked = !linkRequired && ctx.events.some((e) => e.link === 'ask');
  const prompts = linkAsked || ctx.events.some((e) => e.responseDays !== null);
  return STEPS.filter((s) => {
    switch (s) {
      case 'defendant':
        return ctx.criminal;
      case 'association':
        return ctx.unassociated.length > 0;
      case 'against':
        return ctx.events.some((e) => e.against);
      case 'link':
        return prompts;
      case 'refer':
        return linkRequired || (linkAsked && data.linkWanted === true);
      case 'charges':
        return ctx.events.some((e) => e.feeCents !== null);
      default:
        return true;
    }
  });
}

/** The step the filing is at: the first applicable one not done. */
export function currentStep(data: FilingData, ctx: StepContext): Step {
  const done = new Set(data.done);
  return applicableSteps(data, ctx).find((s) => !done.has(s)) ?? 'final';
}

/** Whether `step` may be shown or posted now: it applies, and every applicable step before it is done. */
export function reachable(step: Step, data: FilingData, ctx: StepContext): boolean {
  const steps = applicableSteps(data, ctx);
  const i = steps.indexOf(step);
  if (i < 0) return false;
  const done = new Set(data.done);
  return steps.slice(0, i).every((s) => done.has(s));
}

/**
 * The data after `step` was posted with `changes`: the step and those before it are done, the
 * later ones not (they are walked again, prefilled).
 */
export function completeStep(data: FilingData, step: Step, changes: Partial<FilingData>, ctx: StepContext): FilingData {
  const next: FilingData = { ...data, ...changes };
  const steps = applicableSteps(next, ctx);
  const i = steps.indexOf(step);
  return { ...next, done: i < 0 ? data.done : steps.slice(0, i + 1) };
}

/** Fidelity (EDLA): who a group names. */
export function groupMembers(group: FilerGroup, parties: readonly Party[]): Party[] {
  const live = parties.filter((p) => p.terminatedOn === null);
  switch (group) {
    case 'plaintiffs':
      return live.filter((p) => p.role === 'Plaintiff' || p.role === 'Petitioner');
    case 'defendants':
      return live.filter((p) => p.role === 'Defendant' || p.role === 'Respondent');
    case 'parties':
      return live;
  }
}
