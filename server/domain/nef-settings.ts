import { createHash } from 'node:crypto';

/**
 * What a court's Notices of Electronic Filing say and who sends them: seed data per court
 * (`courts[].notice`), kept as JSON in `courts.notice`, read with the defaults below filled in.
 */
export interface CourtNotice {
  /** The two centred lines: "U.S. District Court" / "Southern District of New York". */
  header: readonly [string, string];
  /** From: NYSD_ECF_Pool@nysd.uscourts.gov (captured nef/s3/nysd_1.txt). */
  sender: string;
  /** To: CourtMail@nysd.uscourts.gov; the real recipients are Bcc (NMB: "Bcc: lists all recipients"). */
  courtMail: string;
  /** The stamp's constant per court: `dcecfStamp_ID=1008691343` (NYSD, captured). */
  stampId: string;
  /** IANA time zone of the court's clock: the notice's times, its "filed on" day and the fee deadline. */
  timeZone: string;
  /** Whether the filer's own notice carries a free look (CACB: one; KYEB v2.2: none). */
  filerFreeLook: boolean;
}

export type CourtNoticeInput = Partial<CourtNotice>;

interface NoticeCourt {
  code: string;
  name: string;
  kind: 'district' | 'bankruptcy' | 'appellate';
}

/**
 * Invented when the seed names none: ten digits made from the court's code, so a court keeps its
 * stamp id across resets and machines (real ids are ten digits constant per court, e.g. ared
 * 1095794525).
 */
function defaultStampId(code: string): string {
  const n = createHash('sha256').update(`stamp:${code}`).digest().readUInt32BE(0) % 900_000_000;
  return String(1_000_000_000 + n);
}

export function noticeDefaults(c: NoticeCourt): CourtNotice {
  const upper = c.code.toUpperCase();
  return {
    header: [c.kind === 'bankruptcy' ? 'U.S. Bankruptcy Court' : 'U.S. District Court', c.name],
    sender: `${upper}_ECF_Pool@${c.code}.uscourts.gov`,
    courtMail: `CourtMail@${c.code}.uscourts.gov`,
    stampId: defaultStampId(c.code),
    timeZone: 'America/New_York',
    filerFreeLook: true,
  };
}

/** The stored JSON over the defaults; a field of the wrong type keeps the default. */
export function readNotice(json: string, c: NoticeCourt): CourtNotice {
  const d = noticeDefaults(c);
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return d;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return d;
  const o = v as Record<string, unknown>;
  const str = (k: keyof CourtNotice, fallback: string) => (typeof o[k] === 'string' && o[k] !== '' ? o[k] : fallback);
  const header = Array.isArray(o['header']) && o['header'].length === 2 && o['header'].every((h) => typeof h === 'string') ? (o['header'] as [string, string]) : d.header;
  return {
    header,
    sender: str('sender', d.sender),
    courtMail: str('courtMail', d.courtMail),
    stampId: str('stampId', d.stampId),
    timeZone: isTimeZone(str('timeZone', d.timeZone)) ? str('timeZone', d.timeZone) : d.timeZone,
    filerFreeLook: typeof o['filerFreeLook'] === 'boolean' ? o['filerFreeLook'] : d.filerFreeLook,
  };
}

/**
 * The zones US courts keep. Checking one of these needs no Intl: the first Intl.DateTimeFormat
 * loads the time-zone data (about 15 ms), which start-up would otherwise pay for every seeded court.
 */
export const COURT_ZONES: ReadonlySet<string> = new Set([
  'America/New_York', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville',
  'America/Chicago', 'America/Denver', 'America/Boise', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'America/St_Thomas', 'Pacific/Guam', 'Pacific/Saipan',
]);

export function isTimeZone(zone: string): boolean {
  if (COURT_ZONES.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------ the court's clock

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface CourtTime {
  /** m/d/yyyy, as the notice writes dates: 8/4/2022 */
  date: string;
  /** h:mm AM/PM: 4:06 PM */
  time: string;
  /** EDT, EST, CDT ... */
  zone: string;
  /** YYYY-MM-DD, the court's day (how entries store dates) */
  day: string;
}

/** An instant on the court's clock. */
export function courtTime(zone: string, ms: number): CourtTime {
  const parts = Object.fromEntries(formatter(zone).formatToParts(ms).map((p) => [p.type, p.value]));
  const [y, m, d] = [parts['year'] ?? '', parts['month'] ?? '', parts['day'] ?? ''];
  return {
    date: `${m}/${d}/${y}`,
    time: `${parts['hour'] ?? ''}:${parts['minute'] ?? ''} ${(parts['dayPeriod'] ?? '').toUpperCase()}`,
    zone: parts['timeZoneName'] ?? '',
    day: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  };
}

/**
 * The instant the court's day containing `ms` ends (midnight after it, court time): the guides'
 * "11:59 p.m." deadline for a fee incurred that day.
 */
export function endOfCourtDay(zone: string, ms: number): number {
  const { day } = courtTime(zone, ms);
  // The next calendar day's midnight, found from UTC midnight by the zone's offset at that moment
  // (twice, for the day a clock change happens).
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d + 1);
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) guess = utcMidnight - offsetMs(zone, guess);
  return guess;
}

/** The zone's offset from UTC at `ms` (local minus UTC). */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(zone: string, ms: number): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  const local = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0);
  return local - Math.floor(ms / 1000) * 1000;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An e-mail's Date header on the court's clock. Fidelity: nysd_1 "Thu, 4 Aug 2022 16:06:18 -0400". */
export function rfc2822Date(zone: string, ms: number): string {
  const offset = offsetMs(zone, ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  const time = [local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${DAYS[local.getUTCDay()] ?? ''}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()] ?? ''} ${local.getUTCFullYear()} ${time} ${sign}${hh}${mm}`;
}
