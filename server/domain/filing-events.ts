import * as Type from 'typebox';
import type { EventMenuName } from '../ecf/paths.js';
import { nonBlank } from './account-fields.js';

/**
 * Each court's filing catalogue: the categories a filing menu lists under their headings, and the
 * events each category's picker offers. It is seed data per court (the seed's `filingEvents`),
 * kept in filing_categories and filing_events (db/filing-catalog-repository.ts).
 *
 * Fidelity (filing-and-reports.md A.1, A.2, A.6): the headings and category names are the AO's
 * defaults ("Motions and Related Filings" > "Motions", "Responses and Replies"; "Other Filings" >
 * "Discovery Documents", "Notices", ...); docket texts follow real ones ("MOTION to Dismiss",
 * "RESPONSE in Opposition re [4] ...", "NOTICE OF APPEAL as to [12] ..."); a notice of appeal costs
 * $605. Invented: every key (the category's `Dispatch.pl?<key>` and the events' values), and which
 * events each category holds.
 */
export type LinkPrompt = 'none' | 'ask' | 'required';

/** One event, as the filing and the NEF/fees slice read it (docs/filing.md). */
export interface FilingEvent {
  id: number;
  court: string;
  key: string;
  menu: EventMenuName;
  categoryKey: string;
  /** The picker's label: "Dismiss". */
  name: string;
  /** The docket text's event part: "MOTION to Dismiss". */
  text: string;
  /** History/Documents' description and the NEF subject's event: "Motion to Dismiss". */
  short: string;
  /** docket_entries.kind: '' | 'motion' | 'notice-of-appeal' | ... */
  kind: string;
  /** The fee in cents (a notice of appeal: 60500); null when the event has none. */
  feeCents: number | null;
  /** "Should the document you are filing link to another document in this case?" */
  link: LinkPrompt;
  /** The word before the linked entries: "re", "as to". */
  linkWord: string;
  /** Asks "Select the Party This Filing is Against". */
  against: boolean;
  /** The word before the parties filed against: "against", "as to". */
  againstWord: string;
  /** Days to the response deadline the entry announces; null for none. */
  responseDays: number | null;
  /** "Responses due by", "Replies due by". */
  deadlineLabel: string;
  /** The words before the filers: "by", "filed by", "Filed by". */
  filedBy: string;
}

export interface FilingCategory {
  id: number;
  court: string;
  menu: EventMenuName;
  position: number;
  heading: string;
  key: string;
  name: string;
}

/** A court's catalogue: its categories in order, and each category's events by key. */
export interface CourtCatalog {
  court: string;
  maxUploadBytes: number;
  categories: FilingCategory[];
  events: FilingEvent[];
}

export const EVENT_MENU_NAMES = ['CivilEvents', 'CriminalEvents', 'BankruptcyEvents', 'AdversaryEvents'] as const satisfies readonly EventMenuName[];

/** Fidelity: FLSD's limit is 50 MB per PDF (pacer-fidelity.md §4.1); the default for a court the seed gives none. */
export const DEFAULT_MAX_UPLOAD_MB = 50;

const KEY = Type.String({ pattern: '^[a-z][a-z0-9]{1,19}$', description: '2-20 lower-case letters and digits, starting with a letter' });

const SeedEvent = Type.Object({
  key: KEY,
  name: nonBlank(120),
  text: nonBlank(300),
  short: Type.Optional(nonBlank(120)),
  kind: Type.Optional(Type.String({ pattern: '^[a-z-]{0,30}$', default: '', description: 'lower-case letters and hyphens' })),
  feeCents: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'a fee in cents, e.g. 60500' })),
  link: Type.Optional(Type.Unsafe<LinkPrompt>({ type: 'string', enum: ['none', 'ask', 'required'], default: 'none' })),
  linkWord: Type.Optional(Type.String({ maxLength: 20, default: 're' })),
  against: Type.Optional(Type.Boolean({ default: false })),
  againstWord: Type.Optional(Type.String({ maxLength: 20, default: 'against' })),
  responseDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  deadlineLabel: Type.Optional(Type.String({ maxLength: 40, default: 'Responses due by' })),
  filedBy: Type.Optional(Type.String({ maxLength: 20, default: 'by' })),
});

const SeedCategory = Type.Object({
  key: KEY,
  name: nonBlank(120),
  events: Type.Array(SeedEvent, { minItems: 1, maxItems: 400 }),
});

const SeedHeading = Type.Object({
  heading: nonBlank(120),
  categories: Type.Array(SeedCategory, { minItems: 1, maxItems: 50 }),
});

/** The seed's `filingEvents[]`: one catalogue for the courts it names. */
export const SeedFilingCatalog = Type.Object({
  courts: Type.Array(Type.String({ pattern: '^[a-z]{2,8}$' }), { minItems: 1, description: 'court codes' }),
  maxUploadMb: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: DEFAULT_MAX_UPLOAD_MB, description: 'the largest PDF, in MB' })),
  menus: Type.Object(
    {
      CivilEvents: Type.Optional(Type.Array(SeedHeading, { maxItems: 20 })),
      CriminalEvents: Type.Optional(Type.Array(SeedHeading, { maxItems: 20 })),
      BankruptcyEvents: Type.Optional(Type.Array(SeedHeading, { maxItems: 20 })),
      AdversaryEvents: Type.Optional(Type.Array(SeedHeading, { maxItems: 20 })),
    },
    { additionalProperties: false },
  ),
});

export interface SeedFilingEvent {
  key: string;
  name: string;
  text: string;
  short?: string;
  kind: string;
  feeCents?: number;
  link: LinkPrompt;
  linkWord: string;
  against: boolean;
  againstWord: string;
  responseDays?: number;
  deadlineLabel: string;
  filedBy: string;
}

export interface SeedFilingCatalog {
  courts: string[];
  maxUploadMb: number;
  menus: Partial<Record<EventMenuName, { heading: string; categories: { key: string; name: string; events: SeedFilingEvent[] }[] }[]>>;
}

/** What the seeder inserts for one court. */
export interface CatalogRows {
  court: string;
  maxUploadBytes: number;
  categories: (Omit<FilingCategory, 'id'> & { events: Omit<FilingEvent, 'id' | 'menu' | 'categoryKey'>[] })[];
}

/** "MOTION to Dismiss" → "Motion to Dismiss": the short description when the seed gives none. */
export function shortOf(text: string): string {
  return text
    .split(' ')
    .map((w, i) => {
      if (!/^[A-Z]{2,}$/.test(w)) return w;
      const lower = w.toLowerCase();
      return i > 0 && SMALL_WORDS.has(lower) ? lower : w[0] + lower.slice(1);
    })
    .join(' ');
}
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 're', 'the', 'to', 'with']);

/** One court's rows from the catalogue that names it. */
export function catalogRows(court: string, c: SeedFilingCatalog): CatalogRows {
  const categories: CatalogRows['categories'] = [];
  for (const menu of EVENT_MENU_NAMES) {
    for (const h of c.menus[menu] ?? []) {
      for (const cat of h.categories) {
        categories.push({
          court,
          menu,
          position: categories.length,
          heading: h.heading,
          key: cat.key,
          name: cat.name,
          events: cat.events.map((e) => ({
            court,
            key: e.key,
            name: e.name,
            text: e.text,
            short: e.short ?? shortOf(e.text),
            kind: e.kind,
            feeCents: e.feeCents ?? null,
            link: e.link,
            linkWord: e.linkWord,
            against: e.against,
            againstWord: e.againstWord,
            responseDays: e.responseDays ?? null,
            deadlineLabel: e.deadlineLabel,
            filedBy: e.filedBy,
          })),
        });
      }
    }
  }
  return { court, maxUploadBytes: c.maxUploadMb * 1024 * 1024, categories };
}

/** A problem with the catalogues across entries (a key used twice in a court, a court named twice). */
export function catalogProblem(catalogs: readonly SeedFilingCatalog[], courts: ReadonlySet<string>): { entry: string; field: string; problem: string } | null {
  const seen = new Set<string>();
  for (const [i, c] of catalogs.entries()) {
    for (const code of c.courts) {
      if (!courts.has(code)) return { entry: `filingEvents[${i}]`, field: 'courts', problem: `names "${code}", which is not in courts` };
      if (seen.has(code)) return { entry: `filingEvents[${i}]`, field: 'courts', problem: `names "${code}" a second time (one catalogue per court)` };
      seen.add(code);
    }
    const categoryKeys = new Set<string>();
    const eventKeys = new Set<string>();
    for (const menu of EVENT_MENU_NAMES) {
      for (const h of c.menus[menu] ?? []) {
        for (const cat of h.categories) {
          if (categoryKeys.has(cat.key)) return { entry: `filingEvents[${i}].menus.${menu}`, field: 'key', problem: `repeats the category key "${cat.key}"` };
          categoryKeys.add(cat.key);
          for (const e of cat.events) {
            if (eventKeys.has(e.key)) return { entry: `filingEvents[${i}].menus.${menu} ${cat.key}`, field: 'key', problem: `repeats the event key "${e.key}"` };
            eventKeys.add(e.key);
          }
        }
      }
    }
  }
  return null;
}

/**
 * Fidelity (MDD: "All menus are in alphabetical order"): the picker's events by name, ignoring
 * case and leading punctuation.
 */
export function alphabetical(events: readonly FilingEvent[]): FilingEvent[] {
  return [...events].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', ignorePunctuation: true }));
}

/** The headings of one menu in order, each with its categories. */
export function headingsOf(categories: readonly FilingCategory[], menu: EventMenuName): { heading: string; categories: FilingCategory[] }[] {
  const out: { heading: string; categories: FilingCategory[] }[] = [];
  for (const c of categories) {
    if (c.menu !== menu) continue;
    const last = out[out.length - 1];
    if (last && last.heading === c.heading) last.categories.push(c);
    else out.push({ heading: c.heading, categories: [c] });
  }
  return out;
}
