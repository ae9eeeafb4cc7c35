/**
 * doc1 ids: `<court prefix, 3 digits><menu digit><serial>`, e.g. FLSD's `051` + `0` + `15100007`.
 *
 * Fidelity (juriscraper utils.get_pacer_doc_id_from_doc1_url, make_doc1_url,
 * get_court_id_from_doc_id_prefix; captured dockets and attachment pages): the first three digits
 * name the court; the fourth is `0` where a link opens the attachment menu (an entry whose main
 * document has attachments) and `1` where it goes to the document itself; the rest is the
 * document's serial, unique within the court. Clients store the id with the fourth digit forced to
 * `0` and set it to `1` to skip the menu, so both forms name the same document.
 */

/** Fidelity: the national prefix map, as juriscraper keeps it (prefixes 013, 030, 172, 173, 186 and 187 are unused). */
const PREFIX_COURTS: Readonly<Record<string, string>> = {
  '001': 'ca1', '002': 'ca2', '003': 'ca3', '004': 'ca4', '005': 'ca5', '006': 'ca6', '007': 'ca7', '008': 'ca8', '009': 'ca9',
  '010': 'ca10', '011': 'ca11', '012': 'cadc', '014': 'cit', '015': 'cofc',
  '016': 'almb', '017': 'almd', '018': 'alnb', '019': 'alnd', '020': 'alsb', '021': 'alsd', '022': 'akb', '023': 'akd', '024': 'arb',
  '025': 'azd', '026': 'areb', '027': 'ared', '028': 'arwb', '029': 'arwd', '031': 'cacd', '032': 'caeb', '033': 'caed', '034': 'canb',
  '035': 'cand', '036': 'casb', '037': 'casd', '038': 'cob', '039': 'cod', '040': 'ctb', '041': 'ctd', '042': 'deb', '043': 'ded',
  '044': 'dcb', '045': 'dcd', '046': 'flmb', '047': 'flmd', '048': 'flnb', '049': 'flnd', '050': 'flsb', '051': 'flsd', '052': 'gamb',
  '053': 'gamd', '054': 'ganb', '055': 'gand', '056': 'gasb', '057': 'gasd', '058': 'gub', '059': 'gud', '060': 'hib', '061': 'hid',
  '062': 'idb', '063': 'idd', '064': 'ilcb', '065': 'ilcd', '066': 'ilnb', '067': 'ilnd', '068': 'ilsb', '069': 'ilsd', '070': 'innb',
  '071': 'innd', '072': 'insb', '073': 'insd', '074': 'ianb', '075': 'iand', '076': 'iasb', '077': 'iasd', '078': 'ksb', '079': 'ksd',
  '080': 'kyeb', '081': 'kyed', '082': 'kywb', '083': 'kywd', '084': 'laeb', '085': 'laed', '086': 'lamb', '087': 'lamd', '088': 'lawb',
  '089': 'lawd', '090': 'meb', '091': 'med', '092': 'mdb', '093': 'mdd', '094': 'mab', '095': 'mad', '096': 'mieb', '097': 'mied',
  '098': 'miwb', '099': 'miwd', '100': 'mnb', '101': 'mnd', '102': 'msnb', '103': 'msnd', '104': 'mssb', '105': 'mssd', '106': 'moeb',
  '107': 'moed', '108': 'mowb', '109': 'mowd', '110': 'mtb', '111': 'mtd', '112': 'neb', '113': 'ned', '114': 'nvb', '115': 'nvd',
  '116': 'nhb', '117': 'nhd', '118': 'njb', '119': 'njd', '120': 'nmb', '121': 'nmd', '122': 'nyeb', '123': 'nyed', '124': 'nynb',
  '125': 'nynd', '126': 'nysb', '127': 'nysd', '128': 'nywb', '129': 'nywd', '130': 'nceb', '131': 'nced', '132': 'ncmb', '133': 'ncmd',
  '134': 'ncwb', '135': 'ncwd', '136': 'ndb', '137': 'ndd', '138': 'nmib', '139': 'nmid', '140': 'ohnb', '141': 'ohnd', '142': 'ohsb',
  '143': 'ohsd', '144': 'okeb', '145': 'oked', '146': 'oknb', '147': 'oknd', '148': 'okwb', '149': 'okwd', '150': 'orb', '151': 'ord',
  '152': 'paeb', '153': 'paed', '154': 'pamb', '155': 'pamd', '156': 'pawb', '157': 'pawd', '158': 'prb', '159': 'prd', '160': 'rib',
  '161': 'rid', '162': 'scb', '163': 'scd', '164': 'sdb', '165': 'sdd', '166': 'tneb', '167': 'tned', '168': 'tnmb', '169': 'tnmd',
  '170': 'tnwb', '171': 'tnwd', '174': 'txeb', '175': 'txed', '176': 'txnb', '177': 'txnd', '178': 'txsb', '179': 'txsd', '180': 'txwb',
  '181': 'txwd', '182': 'utb', '183': 'utd', '184': 'vtb', '185': 'vtd', '188': 'vaeb', '189': 'vaed', '190': 'vawb', '191': 'vawd',
  '192': 'vib', '193': 'vid', '194': 'waeb', '195': 'waed', '196': 'wawb', '197': 'wawd', '198': 'wvnb', '199': 'wvnd', '200': 'wvsb',
  '201': 'wvsd', '202': 'wieb', '203': 'wied', '204': 'wiwb', '205': 'wiwd', '206': 'wyb', '207': 'wyd', '850': 'jpml', '973': 'cacb',
};

const COURT_PREFIXES: ReadonlyMap<string, string> = new Map(Object.entries(PREFIX_COURTS).map(([prefix, court]) => [court, prefix]));

/** The court's national prefix (`flsd` -> `051`), the default for a seeded court's `docPrefix`; undefined for a court not in the map. */
export function docPrefixFor(court: string): string | undefined {
  return COURT_PREFIXES.get(court.toLowerCase());
}

/** The court a prefix names (`051` -> `flsd`), as a client reading the id would decide. */
export function courtOfPrefix(prefix: string): string | undefined {
  return PREFIX_COURTS[prefix];
}

/**
 * Serials the mock hands out start here. Fidelity: juriscraper's AttachmentPage decrements
 * attachment numbers on legacy pages whose serial is at or below a per-court threshold (NYSD's is
 * 8,012,889); eight-digit serials from ten million up are above every threshold it lists.
 */
export const MIN_DOC_SERIAL = 10_000_000;
export const MAX_DOC_SERIAL = 99_999_999_999;

export interface DocId {
  prefix: string;
  /** The fourth digit is 0: the link opens the attachment menu when there is one. */
  menu: boolean;
  serial: number;
}

/** `051` + `1` + `15100007`. */
export function formatDocId(prefix: string, serial: number, menu: boolean): string {
  return `${prefix}${menu ? '0' : '1'}${serial}`;
}

/**
 * A doc1 id as it appears in a path or a form, or null when it is not one: all digits, a prefix,
 * the menu digit and a serial of one to eleven digits. Leading zeros in the serial are kept
 * meaningful only as part of the number (`0510267` is serial 267), as the captured FLSD page has it.
 */
export function parseDocId(text: string): DocId | null {
  if (!/^\d{5,15}$/.test(text)) return null;
  const digit = text[3];
  if (digit !== '0' && digit !== '1') return null;
  const serial = Number(text.slice(4));
  if (!Number.isSafeInteger(serial) || serial < 1 || serial > MAX_DOC_SERIAL) return null;
  return { prefix: text.slice(0, 3), menu: digit === '0', serial };
}

/** The id in a `/doc1/<id>` path (a query string after it is ignored), or null. */
export function parseDoc1Path(path: string): DocId | null {
  const m = /^\/doc1\/(\d+)(?:[?#].*)?$/.exec(path);
  return m?.[1] === undefined ? null : parseDocId(m[1]);
}
