import { describe, expect, it } from 'vitest';
import { menuFor, UTILITIES, utilitiesPage, type MenuVariant } from '../../server/domain/menus.js';
import { ECF_PATHS } from '../../server/ecf/paths.js';

/** FIDELITY §5: the two real menu bars, with the accelerator letters underlined. */
const PACER_BAR: [string, string][] = [
  ['<u>Q</u>uery', '/cgi-bin/iquery.pl'],
  ['Reports', '/cgi-bin/DisplayMenu.pl?Reports'],
  ['<u>U</u>tilities', '/cgi-bin/DisplayMenu.pl?Utilities'],
  ['Help', '/cgi-bin/Help.pl'],
  ['Log Out', '/cgi-bin/login.pl?logout'],
];
const FILER_BAR: [string, string][] = [
  ['C<u>i</u>vil', '/cgi-bin/DisplayMenu.pl?CivilEvents'],
  ['Crimi<u>n</u>al', '/cgi-bin/DisplayMenu.pl?CriminalEvents'],
  ...PACER_BAR.slice(0, 3),
  ['Sear<u>c</u>h', 'javascript:CMECF.MainMenu.searchPrompt();'],
  ...PACER_BAR.slice(3),
];

const EVERYONE = [
  ['Change Client Code', '/cgi-bin/ChangeClientCode.pl'],
  ['Link a CM/ECF account to my PACER account', '/cgi-bin/LinkAccount.pl'],
  ['Review Billing History', '/cgi-bin/BillingHistory.pl'],
];
const FILERS = [
  ['Maintain Your ECF Account', '/cgi-bin/MaintainAccount.pl'],
  ['View Your Transaction Log', '/cgi-bin/TransactionLog.pl'],
];

const pairs = (links: { text: string; href: string }[] = []) => links.map((l) => [l.text, l.href]);

describe('the CM/ECF menu bar (menus.ts, FIDELITY §5)', () => {
  it.each([
    ['pacer', PACER_BAR, 'Query Reports Utilities Help Log Out'],
    ['filer', FILER_BAR, 'Civil Criminal Query Reports Utilities Search Help Log Out'],
  ] as const)('the %s bar has the real labels, accelerators and targets', (variant, bar, texts) => {
    const menu = menuFor(variant);
    expect(menu.map((m) => [m.labelHtml, m.href])).toEqual(bar);
    expect(menu.map((m) => m.text).join(' ')).toBe(texts);
    expect(new Set(menu.map((m) => m.id)).size).toBe(menu.length);
  });

  it('Help opens the help page by script, as the real bar does', () => {
    for (const variant of ['pacer', 'filer'] as const) {
      expect(menuFor(variant).find((m) => m.id === 'help')?.onclick).toBe('CMECF.MainMenu.showHelpPage(); return false');
    }
  });

  it('the Utilities menu shows everyone\'s utilities, then the linked filer\'s', () => {
    const submenu = (variant: MenuVariant) => pairs(menuFor(variant).find((m) => m.id === 'utilities')?.submenu);
    expect(submenu('pacer')).toEqual(EVERYONE);
    expect(submenu('filer')).toEqual([...EVERYONE, ...FILERS]);
  });

  it('the Utilities page groups the same utilities, with Help under Miscellaneous', () => {
    expect(utilitiesPage('pacer').map((g) => [g.heading, pairs(g.links)])).toEqual([
      ['Your Account', EVERYONE],
      ['Miscellaneous', [['Help', '/cgi-bin/Help.pl']]],
    ]);
    expect(utilitiesPage('filer').map((g) => [g.heading, pairs(g.links)])).toEqual([
      ['Your Account', [EVERYONE[0], EVERYONE[1], FILERS[0], FILERS[1], EVERYONE[2]]],
      ['Miscellaneous', [['Help', '/cgi-bin/Help.pl']]],
    ]);
  });

  it('every utility in the menu is on the page, from the one list', () => {
    for (const variant of ['pacer', 'filer'] as const) {
      const onPage = utilitiesPage(variant).flatMap((g) => pairs(g.links));
      const inMenu = pairs(menuFor(variant).find((m) => m.id === 'utilities')?.submenu);
      expect(onPage).toEqual(expect.arrayContaining(inMenu));
    }
    expect(UTILITIES.filter((u) => !u.pageOnly).length).toBe(EVERYONE.length + FILERS.length);
  });

  it('links only to script paths the court serves', () => {
    const served: string[] = Object.values(ECF_PATHS);
    for (const variant of ['pacer', 'filer'] as const) {
      const hrefs = [...menuFor(variant).flatMap((m) => [m.href, ...(m.submenu ?? []).map((s) => s.href)]), ...UTILITIES.map((u) => u.href)];
      for (const href of hrefs.filter((h) => h.startsWith('/'))) expect(served, href).toContain(href.split('?')[0]);
    }
  });
});
