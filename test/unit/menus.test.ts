import { describe, expect, it } from 'vitest';
import { EVENT_MENUS, menuFor, REPORTS, submenusFor, UTILITIES, utilitiesPage, type MenuVariant } from '../../server/domain/menus.js';
import { ECF_PATHS } from '../../server/ecf/paths.js';

/**
 * The real menu bars (FIDELITY §5; captured attachment_pages/flsd_0510267.html for the PACER bar,
 * dockets/bankruptcy/wiwb_1.html for the bankruptcy filer's), with the accelerator letters
 * underlined; Help has no href (its onClick opens the help page).
 */
const QUERY: [string, string | undefined] = ['<u>Q</u>uery', '/cgi-bin/iquery.pl'];
const REPORTS_ITEM: [string, string | undefined] = ['Reports', '/cgi-bin/DisplayMenu.pl?Reports'];
const UTILITIES_ITEM: [string, string | undefined] = ['<u>U</u>tilities', '/cgi-bin/DisplayMenu.pl?Utilities'];
const SEARCH: [string, string | undefined] = ['Sear<u>c</u>h', 'javascript: CMECF.MainMenu.searchPrompt();'];
const HELP: [string, string | undefined] = ['Help', undefined];
const LOGOUT: [string, string | undefined] = ['Log Out', '/cgi-bin/login.pl?logout'];

const PACER_BAR = [QUERY, REPORTS_ITEM, UTILITIES_ITEM, HELP, LOGOUT];
const JUST_LINKED_BAR = [QUERY, REPORTS_ITEM, UTILITIES_ITEM, SEARCH, HELP, LOGOUT];
const DISTRICT_FILER_BAR = [
  ['C<u>i</u>vil', '/cgi-bin/DisplayMenu.pl?CivilEvents'],
  ['Crimi<u>n</u>al', '/cgi-bin/DisplayMenu.pl?CriminalEvents'],
  ...JUST_LINKED_BAR,
];
const BANKRUPTCY_FILER_BAR = [
  ['Ba<u>n</u>kruptcy', '/cgi-bin/DisplayMenu.pl?BankruptcyEvents'],
  ['<u>A</u>dversary', '/cgi-bin/DisplayMenu.pl?AdversaryEvents'],
  ...JUST_LINKED_BAR,
];

const EVERYONE = [
  ['Change Client Code', '/cgi-bin/ChangeClientCode.pl'],
  ['Link a CM/ECF account to my PACER account', '/cgi-bin/LinkAccount.pl'],
  ['Review Billing History', '/cgi-bin/BillingHistory.pl'],
];
const FILERS = [
  ['Maintain Your ECF Account', '/cgi-bin/MaintainAccount.pl'],
  ['View Your Transaction Log', '/cgi-bin/TransactionLog.pl'],
  ['Internet Payments Due', '/cgi-bin/InternetPaymentsDue.pl'],
];

const pairs = (links: readonly { text: string; href: string }[] = []) => links.map((l) => [l.text, l.href]);
const VARIANTS: MenuVariant[] = ['pacer', 'justLinked', 'filer'];

describe('the CM/ECF menu bar (menus.ts)', () => {
  it.each([
    ['pacer', 'district', PACER_BAR, 'Query Reports Utilities Help Log Out'],
    ['pacer', 'bankruptcy', PACER_BAR, 'Query Reports Utilities Help Log Out'],
    // FLSD guide step 10 (the audit): Search, but no filing menus yet.
    ['justLinked', 'district', JUST_LINKED_BAR, 'Query Reports Utilities Search Help Log Out'],
    ['filer', 'district', DISTRICT_FILER_BAR, 'Civil Criminal Query Reports Utilities Search Help Log Out'],
    ['filer', 'bankruptcy', BANKRUPTCY_FILER_BAR, 'Bankruptcy Adversary Query Reports Utilities Search Help Log Out'],
  ] as const)('the %s bar at a %s court has the real labels, accelerators and targets', (variant, kind, bar, texts) => {
    const menu = menuFor(variant, kind);
    expect(menu.map((m) => [m.labelHtml, m.href])).toEqual(bar);
    expect(menu.map((m) => m.text).join(' ')).toBe(texts);
    expect(new Set(menu.map((m) => m.id)).size).toBe(menu.length);
  });

  it('Help has no href and opens the help page by script, as the real bar does', () => {
    for (const variant of VARIANTS) {
      const help = menuFor(variant).find((m) => m.id === 'help');
      expect(help?.href).toBeUndefined();
      expect(help?.onclick).toBe('CMECF.MainMenu.showHelpPage(); return false');
    }
  });

  it('the items with a down arrow are the ones with a drop-down: the filing menus, Reports and Utilities', () => {
    expect(menuFor('filer', 'bankruptcy').filter((m) => m.submenu).map((m) => m.text)).toEqual(['Bankruptcy', 'Adversary', 'Reports', 'Utilities']);
    expect(menuFor('pacer').filter((m) => m.submenu).map((m) => m.text)).toEqual(['Reports', 'Utilities']);
  });

  it('the Reports menu links the real report scripts', () => {
    expect(pairs(REPORTS)).toEqual([
      ['Docket Report', '/cgi-bin/DktRpt.pl'],
      ['History/Documents', '/cgi-bin/HistDocQry.pl'],
      ['Written Opinions', '/cgi-bin/WrtOpRpt.pl'],
    ]);
    for (const variant of VARIANTS) expect(pairs(menuFor(variant).find((m) => m.id === 'reports')?.submenu)).toEqual(pairs(REPORTS));
  });

  it("the Utilities menu shows everyone's utilities, then a linked filer's", () => {
    const submenu = (variant: MenuVariant) => pairs(menuFor(variant).find((m) => m.id === 'utilities')?.submenu);
    expect(submenu('pacer')).toEqual(EVERYONE);
    expect(submenu('justLinked')).toEqual([...EVERYONE, ...FILERS]);
    expect(submenu('filer')).toEqual([...EVERYONE, ...FILERS]);
  });

  it('the Utilities page groups the same utilities, with Help under Miscellaneous', () => {
    expect(utilitiesPage('pacer').map((g) => [g.heading, pairs(g.links)])).toEqual([
      ['Your Account', EVERYONE],
      ['Miscellaneous', [['Help', '/cgi-bin/Help.pl']]],
    ]);
    expect(utilitiesPage('filer').map((g) => [g.heading, pairs(g.links)])).toEqual([
      ['Your Account', [EVERYONE[0], EVERYONE[1], FILERS[0], FILERS[1], EVERYONE[2], FILERS[2]]],
      ['Miscellaneous', [['Help', '/cgi-bin/Help.pl']]],
    ]);
  });

  it('every utility in the menu is on the page, from the one list', () => {
    for (const variant of VARIANTS) {
      const onPage = utilitiesPage(variant).flatMap((g) => pairs(g.links));
      const inMenu = pairs(menuFor(variant).find((m) => m.id === 'utilities')?.submenu);
      expect(onPage).toEqual(expect.arrayContaining(inMenu));
    }
    expect(UTILITIES.filter((u) => !u.pageOnly).length).toBe(EVERYONE.length + FILERS.length);
  });

  it("menu.pl's data: each drop-down by the href of its bar item", () => {
    const data = submenusFor('filer', 'bankruptcy');
    expect(Object.keys(data)).toEqual([
      '/cgi-bin/DisplayMenu.pl?BankruptcyEvents',
      '/cgi-bin/DisplayMenu.pl?AdversaryEvents',
      '/cgi-bin/DisplayMenu.pl?Reports',
      '/cgi-bin/DisplayMenu.pl?Utilities',
    ]);
    expect(data['/cgi-bin/DisplayMenu.pl?AdversaryEvents']?.map((l) => l.text)).toEqual([...EVENT_MENUS.AdversaryEvents.groups]);
    expect(Object.keys(submenusFor('pacer', 'district'))).toEqual(['/cgi-bin/DisplayMenu.pl?Reports', '/cgi-bin/DisplayMenu.pl?Utilities']);
  });

  it('links only to script paths the court serves', () => {
    const served: string[] = Object.values(ECF_PATHS);
    for (const variant of VARIANTS) {
      for (const kind of ['district', 'bankruptcy'] as const) {
        const menu = menuFor(variant, kind);
        const hrefs = [...menu.flatMap((m) => [m.href ?? '', ...(m.submenu ?? []).map((s) => s.href)]), ...UTILITIES.map((u) => u.href)];
        for (const href of hrefs.filter((h) => h.startsWith('/'))) expect(served, href).toContain(href.split('?')[0]);
      }
    }
  });
});
