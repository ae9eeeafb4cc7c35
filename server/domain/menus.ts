import { displayMenuUrl, ECF_PATHS, LOGOUT_URL } from '../ecf/paths.js';

/**
 * The CM/ECF menu bar (FIDELITY §5): labels, accelerator letters and targets are real.
 * `label` holds the text with the accelerator letter wrapped in <u>, as the real bar shows it;
 * templates print it raw, so only these constants may go there.
 */
export interface MenuItem {
  id: string;
  labelHtml: string;
  text: string;
  href: string;
  onclick?: string;
  submenu?: MenuLink[];
}

export interface MenuLink {
  text: string;
  href: string;
}

export type MenuVariant = 'pacer' | 'filer';

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
  { group: 'Miscellaneous', text: 'Help', href: ECF_PATHS.help, pageOnly: true },
];

const seenBy = (variant: MenuVariant) => (u: Utility) => variant === 'filer' || !u.filersOnly;
const link = ({ text, href }: Utility): MenuLink => ({ text, href });

/** The Utilities page: its groups in order, each with the links this variant sees. */
export function utilitiesPage(variant: MenuVariant): { heading: Utility['group']; links: MenuLink[] }[] {
  const shown = UTILITIES.filter(seenBy(variant));
  const headings = [...new Set(shown.map((u) => u.group))];
  return headings.map((heading) => ({ heading, links: shown.filter((u) => u.group === heading).map(link) }));
}

function utilities(variant: MenuVariant): MenuItem {
  const inMenu = UTILITIES.filter((u) => !u.pageOnly && seenBy(variant)(u));
  const submenu = [...inMenu.filter((u) => !u.filersOnly), ...inMenu.filter((u) => u.filersOnly)].map(link);
  return { id: 'utilities', labelHtml: '<u>U</u>tilities', text: 'Utilities', href: displayMenuUrl('Utilities'), submenu };
}

const item = (id: string, labelHtml: string, href: string, extra: Partial<MenuItem> = {}): MenuItem => ({
  id,
  labelHtml,
  text: labelHtml.replace(/<\/?u>/g, ''),
  href,
  ...extra,
});

const REPORTS_URL = displayMenuUrl('Reports');
const QUERY = item('query', '<u>Q</u>uery', ECF_PATHS.query);
const REPORTS = item('reports', 'Reports', REPORTS_URL, {
  submenu: ['Docket Report', 'Civil Cases', 'Criminal Cases', 'Calendar Events'].map((text) => ({ text, href: REPORTS_URL })),
});
const HELP = item('help', 'Help', ECF_PATHS.help, { onclick: 'CMECF.MainMenu.showHelpPage(); return false' });
const LOGOUT = item('logout', 'Log Out', LOGOUT_URL);
const CIVIL = item('civil', 'C<u>i</u>vil', displayMenuUrl('CivilEvents'));
const CRIMINAL = item('criminal', 'Crimi<u>n</u>al', displayMenuUrl('CriminalEvents'));
const SEARCH = item('search', 'Sear<u>c</u>h', 'javascript:CMECF.MainMenu.searchPrompt();');

export function menuFor(variant: MenuVariant): MenuItem[] {
  return variant === 'filer'
    ? [CIVIL, CRIMINAL, QUERY, REPORTS, utilities('filer'), SEARCH, HELP, LOGOUT]
    : [QUERY, REPORTS, utilities('pacer'), HELP, LOGOUT];
}
