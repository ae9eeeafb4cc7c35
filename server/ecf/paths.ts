/**
 * The CM/ECF script paths a court host answers, in one place: routes register them, the menus
 * link to them, templates read them from the page data (`it.paths`). A new page adds its path
 * here first.
 *
 * Fidelity (FIDELITY §5; the audit's page skeleton): `login.pl`, `ShowIndex.pl`, `showpage.pl`,
 * `DisplayMenu.pl`, `iquery.pl`, `menu.pl` (the menu script every page's head loads) and the
 * reports `DktRpt.pl`, `HistDocQry.pl`, `WrtOpRpt.pl` (juriscraper's path constants) are the real
 * script names, case-sensitive as on the real Apache servers. `ChangeClientCode.pl`,
 * `LinkAccount.pl`, `BillingHistory.pl`, `MaintainAccount.pl`, `TransactionLog.pl` and `Help.pl`
 * are invented (the real ones are not public; the real Help opens by script).
 */
export const ECF_PATHS = {
  login: '/cgi-bin/login.pl',
  showIndex: '/cgi-bin/ShowIndex.pl',
  showPage: '/cgi-bin/showpage.pl',
  displayMenu: '/cgi-bin/DisplayMenu.pl',
  menuScript: '/cgi-bin/menu.pl',
  query: '/cgi-bin/iquery.pl',
  docketReport: '/cgi-bin/DktRpt.pl',
  historyDocuments: '/cgi-bin/HistDocQry.pl',
  writtenOpinions: '/cgi-bin/WrtOpRpt.pl',
  // Fidelity: the case-number widget's lookup (juriscraper's PossibleCaseNumberApi).
  possibleCaseNumbers: '/cgi-bin/possible_case_numbers.pl',
  help: '/cgi-bin/Help.pl',
  changeClientCode: '/cgi-bin/ChangeClientCode.pl',
  linkAccount: '/cgi-bin/LinkAccount.pl',
  billingHistory: '/cgi-bin/BillingHistory.pl',
  maintainAccount: '/cgi-bin/MaintainAccount.pl',
  transactionLog: '/cgi-bin/TransactionLog.pl',
  // Invented (issue 13): Utilities > Internet Payments Due, and the pay.gov-like page Pay Now and
  // it lead to (the real payment is PACER's, not public).
  paymentsDue: '/cgi-bin/InternetPaymentsDue.pl',
  internetPayment: '/cgi-bin/InternetPayment.pl',
  // E-filing (issue 13): a category's event picker, named after the bankruptcy courts' real
  // Dispatch.pl (NVB's Dispatch.pl?misc) with our category keys, and the steps of one filing,
  // Filing.pl?<filing key>-<step> (invented; README).
  dispatch: '/cgi-bin/Dispatch.pl',
  filing: '/cgi-bin/Filing.pl',
  // Fidelity: the case summary's Query menu and Mobile Query link, real script names (captured
  // case_queries/flsd.html; the menu also links docketReport and historyDocuments above);
  // query-routes.ts answers the ones no other page serves yet.
  qryAlias: '/cgi-bin/qryAlias.pl',
  qryAscCases: '/cgi-bin/qryAscCases.pl',
  qryAttorneys: '/cgi-bin/qryAttorneys.pl',
  qrySummary: '/cgi-bin/qrySummary.pl',
  schedQry: '/cgi-bin/SchedQry.pl',
  filerQry: '/cgi-bin/FilerQry.pl',
  qryParties: '/cgi-bin/qryParties.pl',
  relTransactQry: '/cgi-bin/RelTransactQry.pl',
  qryDocument: '/cgi-bin/qryDocument.pl',
  mobileQuery: '/cgi-bin/mobile_query.pl',
  // Fidelity: the document scripts (juriscraper hidden_api.py and reports.py; captured attachment
  // menus): show_case_doc (no .pl), the iframe delivery's show_temp.pl and the menus'
  // show_multidocs.pl; documents themselves are /doc1/<id>, outside /cgi-bin/.
  showCaseDoc: '/cgi-bin/show_case_doc',
  showTemp: '/cgi-bin/show_temp.pl',
  showMultidocs: '/cgi-bin/show_multidocs.pl',
  doc1: '/doc1',
} as const;

export type EcfPaths = typeof ECF_PATHS;

/** The filing menus DisplayMenu.pl shows to a linked filer: Civil/Criminal at a district court, Bankruptcy/Adversary at a bankruptcy court. */
export type EventMenuName = 'CivilEvents' | 'CriminalEvents' | 'BankruptcyEvents' | 'AdversaryEvents';

/** The menus DisplayMenu.pl shows, by its query string (`DisplayMenu.pl?Utilities`). */
export type DisplayMenuName = 'Reports' | 'Utilities' | EventMenuName;

export const displayMenuUrl = (which: DisplayMenuName) => `${ECF_PATHS.displayMenu}?${which}`;

/** login.pl?logout: ends the CSO session everywhere (clients read this link as "logged in"). */
export const LOGOUT_URL = `${ECF_PATHS.login}?logout`;
