import { displayMenuUrl, ECF_PATHS, LOGOUT_URL, type EventMenuName } from '../ecf/paths.js';

/**
 * The CM/ECF menu bar (FIDELITY §5; the audit's page skeleton): labels, accelerator letters and
 * targets are real. `labelHtml` holds the text with the accelerator letter wrapped in <u>, as
 * the real bar shows it; templates print it raw, so only these constants may go there.
 *
 * Fidelity: the bar itself is plain links (captured: attachment_pages/flsd_0510267.html); an
 * item with a submenu ends its label with the down-arrow sprite, and the submenu's links come
 * from the menu script (`/cgi-bin/menu.pl`), built into drop-downs by the page's script.
 */
export interface MenuItem {
  id: string;
  labelHtml: string;
  text: string;
  /** Absent for Help: the real bar's Help is an <a> without href, opened by its onClick. */
  href?: string;
  onclick?: string;
  /** The drop-down's links; an item with one shows the down arrow. */
  submenu?: MenuLink[];
}

export interface MenuLink {
  text: string;
  href: string;
}

/**
 * Which bar an account sees at a court: `pacer` (not linked here), `filer` (linked here), and
 * `justLinked`, the one page right after linking (FLSD guide step 10, as the audit reads it:
 * Search is there, the filing menus not yet; the next page shows the whole filer bar).
 */
export type MenuVariant = 'pacer' | 'justLinked' | 'filer';

/** District and appellate courts file Civil/Criminal; bankruptcy courts Bankruptcy/Adversary. */
export type CourtKind = 'district' | 'bankruptcy' | 'appellate';

const isFiler = (variant: MenuVariant) => variant !== 'pacer';

/**
 * One utility: a link on the Utilities page (DisplayMenu.pl?Utilities) and, unless `pageOnly`,
 * in the Utilities menu of the bar. Both are made from UTILITIES, so a new utility is one entry.
 */
export interface Utility extends MenuLink {
  /** The page's group heading. */
  group: 'Your Account' | 'Miscellaneous';
  /** Fidelity: linked filers also see these (FIDELITY §5). */
  filersOnly?: true;
  /** Only on the page: the bar has its own item for it. */
  pageOnly?: true;
}

/** In the page's order; the menu lists everyone's utilities first, then the filer's. */
export const UTILITIES: readonly Utility[] = [
  { group: 'Your Account', text: 'Change Client Code', href: ECF_PATHS.changeClientCode },
  { group: 'Your Account', text: 'Link a CM/ECF account to my PACER account', href: ECF_PATHS.linkAccount },
  { group: 'Your Account', text: 'Maintain Your ECF Account', href: ECF_PATHS.maintainAccount, filersOnly: true },
  { group: 'Your Account', text: 'View Your Transaction Log', href: ECF_PATHS.transactionLog, filersOnly: true },
  { group: 'Your Account', text: 'Review Billing History', href: ECF_PATHS.billingHistory },
  // Fidelity: the NextGen guide's words, "click on Utilities, and select Internet Payments Due" (research A.7).
  { group: 'Your Account', text: 'Internet Payments Due', href: ECF_PATHS.paymentsDue, filersOnly: true },
  { group: 'Miscellaneous', text: 'Help', href: ECF_PATHS.help, pageOnly: true },
];

const seenBy = (variant: MenuVariant) => (u: Utility) => isFiler(variant) || !u.filersOnly;
const link = ({ text, href }: MenuLink): MenuLink => ({ text, href });

/** The Utilities page: its groups in order, each with the links this variant sees. */
export function utilitiesPage(variant: MenuVariant): { heading: Utility['group']; links: MenuLink[] }[] {
  const shown = UTILITIES.filter(seenBy(variant));
  const headings = [...new Set(shown.map((u) => u.group))];
  return headings.map((heading) => ({ heading, links: shown.filter((u) => u.group === heading).map(link) }));
}

/**
 * The reports this mock names (DisplayMenu.pl?Reports and the Reports drop-down). Fidelity: the
 * script names are real (juriscraper's path constants); browser clients click
 * `a[href*="DktRpt.pl"]`. The pages behind them come with a later issue.
 */
export const REPORTS: readonly MenuLink[] = [
  { text: 'Docket Report', href: ECF_PATHS.docketReport },
  { text: 'History/Documents', href: ECF_PATHS.historyDocuments },
  { text: 'Written Opinions', href: ECF_PATHS.writtenOpinions },
];

/**
 * A linked filer's filing menus. Labels and targets are real (district: FIDELITY §5; bankruptcy:
 * captured dockets/bankruptcy/wiwb_1.html, case_queries_advanced/cacb.html); the event groups
 * each page lists are the mock's own (filing is not simulated), listed in the README.
 */
export interface EventMenu {
  name: EventMenuName;
  labelHtml: string;
  text: string;
  kind: 'district' | 'bankruptcy';
  groups: readonly string[];
}

export const EVENT_MENUS: Readonly<Record<EventMenuName, EventMenu>> = {
  CivilEvents: {
    name: 'CivilEvents',
    labelHtml: 'C<u>i</u>vil',
    text: 'Civil',
    kind: 'district',
    groups: ['Open a Civil Case', 'Initial Pleadings and Service', 'Motions and Related Filings', 'Other Filings', 'Trial Documents', 'Appeal Documents'],
  },
  CriminalEvents: {
    name: 'CriminalEvents',
    labelHtml: 'Crimi<u>n</u>al',
    text: 'Criminal',
    kind: 'district',
    groups: ['Open a Criminal Case', 'Motions and Related Filings', 'Other Filings', 'Trial Documents', 'Appeal Documents', 'Judgment Documents'],
  },
  BankruptcyEvents: {
    name: 'BankruptcyEvents',
    labelHtml: 'Ba<u>n</u>kruptcy',
    text: 'Bankruptcy',
    kind: 'bankruptcy',
    groups: ['Open a Bankruptcy Case', 'Motions/Applications', 'Answers/Responses', 'Claims', 'Notices', 'Plan', 'Other Filings'],
  },
  AdversaryEvents: {
    name: 'AdversaryEvents',
    labelHtml: '<u>A</u>dversary',
    text: 'Adversary',
    kind: 'bankruptcy',
    groups: ['Open an Adversary Proceeding', 'Answers/Responses', 'Motions/Applications', 'Service of Process', 'Trial and Judgment', 'Other Filings'],
  },
};

/** The event menus a court of this kind has, in the bar's order. */
export function eventMenusFor(kind: CourtKind): EventMenu[] {
  const k = kind === 'bankruptcy' ? 'bankruptcy' : 'district';
  return Object.values(EVENT_MENUS).filter((m) => m.kind === k);
}

const item = (id: string, labelHtml: string, href: string | undefined, extra: Partial<MenuItem> = {}): MenuItem => ({
  id,
  labelHtml,
  text: labelHtml.replace(/<\/?u>/g, ''),
  ...(href === undefined ? {} : { href }),
  ...extra,
});

function utilities(variant: MenuVariant): MenuItem {
  const inMenu = UTILITIES.filter((u) => !u.pageOnly && seenBy(variant)(u));
  const submenu = [...inMenu.filter((u) => !u.filersOnly), ...inMenu.filter((u) => u.filersOnly)].map(link);
  return item('utilities', '<u>U</u>tilities', displayMenuUrl('Utilities'), { submenu });
}

function events(menu: EventMenu): MenuItem {
  const href = displayMenuUrl(menu.name);
  return item(menu.name, menu.labelHtml, href, { submenu: menu.groups.map((text) => ({ text, href })) });
}

const QUERY = item('query', '<u>Q</u>uery', ECF_PATHS.query);
const REPORTS_ITEM = item('reports', 'Reports', displayMenuUrl('Reports'), { submenu: REPORTS.map(link) });
// Fidelity: Help has no href; its onClick opens the help page (captured flsd_0510267).
const HELP = item('help', 'Help', undefined, { onclick: 'CMECF.MainMenu.showHelpPage(); return false' });
const LOGOUT = item('logout', 'Log Out', LOGOUT_URL);
// Fidelity: the space after "javascript:" is the captured bars' (wiwb_1, cacb).
const SEARCH = item('search', 'Sear<u>c</u>h', 'javascript: CMECF.MainMenu.searchPrompt();');

/** The bar for this variant at a court of this kind, left to right. */
export function menuFor(variant: MenuVariant, kind: CourtKind = 'district'): MenuItem[] {
  switch (variant) {
    case 'pacer':
      return [QUERY, REPORTS_ITEM, utilities('pacer'), HELP, LOGOUT];
    case 'justLinked':
      return [QUERY, REPORTS_ITEM, utilities('filer'), SEARCH, HELP, LOGOUT];
    case 'filer':
      return [...eventMenusFor(kind).map(events), QUERY, REPORTS_ITEM, utilities('filer'), SEARCH, HELP, LOGOUT];
  }
}

/**
 * What the menu script (`/cgi-bin/menu.pl`) hands the page's script: each drop-down's links,
 * by the href of the bar item they hang from. The shape is the mock's own.
 */
export function submenusFor(variant: MenuVariant, kind: CourtKind): Record<string, MenuLink[]> {
  return Object.fromEntries(menuFor(variant, kind).flatMap((m) => (m.href && m.submenu ? [[m.href, m.submenu]] : [])));
}
