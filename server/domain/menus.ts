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
  submenu?: { text: string; href: string }[];
}

export type MenuVariant = 'pacer' | 'filer';

const QUERY: MenuItem = { id: 'query', labelHtml: '<u>Q</u>uery', text: 'Query', href: '/cgi-bin/iquery.pl' };
const REPORTS: MenuItem = {
  id: 'reports',
  labelHtml: 'Reports',
  text: 'Reports',
  href: '/cgi-bin/DisplayMenu.pl?Reports',
  submenu: [
    { text: 'Docket Report', href: '/cgi-bin/DisplayMenu.pl?Reports' },
    { text: 'Civil Cases', href: '/cgi-bin/DisplayMenu.pl?Reports' },
    { text: 'Criminal Cases', href: '/cgi-bin/DisplayMenu.pl?Reports' },
    { text: 'Calendar Events', href: '/cgi-bin/DisplayMenu.pl?Reports' },
  ],
};
function utilities(variant: MenuVariant): MenuItem {
  const sub = [
    { text: 'Change Client Code', href: '/cgi-bin/ChangeClientCode.pl' },
    { text: 'Link a CM/ECF account to my PACER account', href: '/cgi-bin/LinkAccount.pl' },
    { text: 'Review Billing History', href: '/cgi-bin/BillingHistory.pl' },
  ];
  if (variant === 'filer') {
    sub.push({ text: 'Maintain Your ECF Account', href: '/cgi-bin/MaintainAccount.pl' });
    sub.push({ text: 'View Your Transaction Log', href: '/cgi-bin/TransactionLog.pl' });
  }
  return { id: 'utilities', labelHtml: '<u>U</u>tilities', text: 'Utilities', href: '/cgi-bin/DisplayMenu.pl?Utilities', submenu: sub };
}
const HELP: MenuItem = {
  id: 'help',
  labelHtml: 'Help',
  text: 'Help',
  href: '/cgi-bin/Help.pl',
  onclick: 'CMECF.MainMenu.showHelpPage(); return false',
};
const LOGOUT: MenuItem = { id: 'logout', labelHtml: 'Log Out', text: 'Log Out', href: '/cgi-bin/login.pl?logout' };
const CIVIL: MenuItem = { id: 'civil', labelHtml: 'C<u>i</u>vil', text: 'Civil', href: '/cgi-bin/DisplayMenu.pl?CivilEvents' };
const CRIMINAL: MenuItem = {
  id: 'criminal',
  labelHtml: 'Crimi<u>n</u>al',
  text: 'Criminal',
  href: '/cgi-bin/DisplayMenu.pl?CriminalEvents',
};
const SEARCH: MenuItem = {
  id: 'search',
  labelHtml: 'Sear<u>c</u>h',
  text: 'Search',
  href: 'javascript:CMECF.MainMenu.searchPrompt();',
};

export function menuFor(variant: MenuVariant): MenuItem[] {
  return variant === 'filer'
    ? [CIVIL, CRIMINAL, QUERY, REPORTS, utilities('filer'), SEARCH, HELP, LOGOUT]
    : [QUERY, REPORTS, utilities('pacer'), HELP, LOGOUT];
}
