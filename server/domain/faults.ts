/**
 * The named faults (FIDELITY §7: the real flakiness clients must survive), as pure data: names,
 * values, parsing and the texts they show. The plugin that applies them is server/plugins/faults.ts;
 * the README's faults table is written from FAULT_DEFS.
 *
 * Two kinds:
 * - conditions (LATENCY, MAINTENANCE, NO_PRIVILEGES, BLOCKED, THROTTLE) hold until cleared;
 * - events (SPURIOUS_LOGIN_PAGE, SESSION_EXPIRED) happen to the next N requests they fit
 *   (default 1) after each activation, then drop out of the active list.
 */
export type FaultName =
  | 'LATENCY'
  | 'MAINTENANCE'
  | 'SPURIOUS_LOGIN_PAGE'
  | 'NO_PRIVILEGES'
  | 'BLOCKED'
  | 'SESSION_EXPIRED'
  | 'THROTTLE';

export type Fault =
  | { name: 'LATENCY'; minMs: number; maxMs: number }
  | { name: 'MAINTENANCE' }
  | { name: 'NO_PRIVILEGES' }
  | { name: 'BLOCKED' }
  | { name: 'SPURIOUS_LOGIN_PAGE'; times: number }
  | { name: 'SESSION_EXPIRED'; times: number }
  | { name: 'THROTTLE'; limit: number; per: 's' | 'min' };

export interface FaultDef {
  name: FaultName;
  /** What the value may be (README). */
  value: string;
  /** What the fault does (README). */
  effect: string;
  parse(value: string | null): Fault | string;
}

/** Longest LATENCY accepted: long enough for any client timeout test, short enough not to wedge a server. */
export const MAX_LATENCY_MS = 60_000;
const MAX_TIMES = 1000;
const MAX_RATE = 10_000;

const noValue =
  <N extends 'MAINTENANCE' | 'NO_PRIVILEGES' | 'BLOCKED'>(name: N) =>
  (value: string | null): Fault | string =>
    value === null ? ({ name }) : `${name} takes no value (got "${value}")`;

const times =
  (name: 'SPURIOUS_LOGIN_PAGE' | 'SESSION_EXPIRED') =>
  (value: string | null): Fault | string => {
    if (value === null) return { name, times: 1 };
    if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > MAX_TIMES) {
      return `${name}=${value}: the value is how many times, a whole number 1-${MAX_TIMES}`;
    }
    return { name, times: Number(value) };
  };

export const FAULT_DEFS: readonly FaultDef[] = [
  {
    name: 'LATENCY',
    value: '`ms` (fixed) or `min-max` (random in the range), 0-60000; required',
    effect: 'Waits that long before answering (court pages, CSO pages, the API).',
    parse(value) {
      const m = value?.match(/^(\d{1,5})(?:-(\d{1,5}))?$/);
      if (!value || !m) return `LATENCY needs a value: milliseconds (LATENCY=500) or a range (LATENCY=200-800)`;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max > MAX_LATENCY_MS) return `LATENCY=${value}: at most ${MAX_LATENCY_MS} ms`;
      if (min > max) return `LATENCY=${value}: the range must go from low to high`;
      return { name: 'LATENCY', minMs: min, maxMs: max };
    },
  },
  {
    name: 'MAINTENANCE',
    value: 'none',
    effect:
      'Court and CSO pages answer HTTP 503 with a maintenance notice ("CM/ECF will be unavailable from ... for scheduled maintenance."); the API under `/services/` answers HTTP 503 in its JSON or XML shape.',
    parse: noValue('MAINTENANCE'),
  },
  {
    name: 'SPURIOUS_LOGIN_PAGE',
    value: '`N` times (default 1)',
    effect:
      'The next logged-in court page (`/cgi-bin/*`) answers with the not-logged-in page although the session cookie is valid; the session stays valid and the request after it is normal.',
    parse: times('SPURIOUS_LOGIN_PAGE'),
  },
  {
    name: 'NO_PRIVILEGES',
    value: 'none',
    effect: 'Logged-in court pages (`/cgi-bin/*`) answer with the page text "This user has no access privileges defined."',
    parse: noValue('NO_PRIVILEGES'),
  },
  {
    name: 'BLOCKED',
    value: 'none',
    effect: 'Court pages, CSO pages and the API answer HTTP 403 with an "Access Denied" page, as a blocking firewall would.',
    parse: noValue('BLOCKED'),
  },
  {
    name: 'SESSION_EXPIRED',
    value: '`N` times (default 1)',
    effect:
      'The session named by the request\'s `NextGenCSO`/`PacerSession` cookie is ended as the request arrives, so the court answers with its not-logged-in page; the next N requests that carry a live session.',
    parse: times('SESSION_EXPIRED'),
  },
  {
    name: 'THROTTLE',
    value: '`N/s` or `N/min` logins allowed (default `0/min`: refuse every login)',
    effect:
      '`POST /services/cso-auth` beyond that rate answers HTTP 200 `{"loginResult": "429", "errorDescription": "Too many login requests. Wait a moment and try again.", "nextGenCSO": ""}` (XML when `Accept` does not ask for JSON). Counted over all clients, on the virtual clock.',
    parse(value) {
      if (value === null) return { name: 'THROTTLE', limit: 0, per: 'min' };
      const m = value.match(/^(\d{1,5})\/(s|min)$/);
      if (!m || Number(m[1]) > MAX_RATE) return `THROTTLE=${value}: the value is logins allowed per second or minute, e.g. THROTTLE=2/s or THROTTLE=10/min`;
      return { name: 'THROTTLE', limit: Number(m[1]), per: m[2] as 's' | 'min' };
    },
  },
];

const BY_NAME = new Map(FAULT_DEFS.map((d) => [d.name, d]));
export const FAULT_NAMES = FAULT_DEFS.map((d) => d.name);

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** `NAME` or `NAME=value`; names are matched regardless of case. */
export function parseFault(text: string): Parsed<Fault> {
  const t = text.trim();
  const eq = t.indexOf('=');
  const name = (eq < 0 ? t : t.slice(0, eq)).trim().toUpperCase();
  const value = eq < 0 ? null : t.slice(eq + 1).trim();
  const def = BY_NAME.get(name as FaultName);
  if (!def) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}...` : name;
    return { ok: false, error: `unknown fault "${shown}"; known faults: ${FAULT_NAMES.join(', ')}` };
  }
  const r = def.parse(value);
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, value: r };
}

/** A list of faults; each name at most once. Empty entries are ignored (a trailing comma is harmless). */
export function parseFaultList(items: readonly string[]): Parsed<Fault[]> {
  const out: Fault[] = [];
  for (const item of items) {
    if (item.trim() === '') continue;
    const r = parseFault(item);
    if (!r.ok) return r;
    if (out.some((f) => f.name === r.value.name)) return { ok: false, error: `${r.value.name} is given twice` };
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** The FAULTS setting and the X-Mock-Fault header: a comma-separated list. */
export function parseFaultSetting(raw: string): Parsed<Fault[]> {
  return parseFaultList(raw.split(','));
}

/** The fault as it would be written in FAULTS or the header (GET /__admin/faults shows these). */
export function formatFault(f: Fault): string {
  switch (f.name) {
    case 'LATENCY':
      return f.minMs === f.maxMs ? `LATENCY=${f.minMs}` : `LATENCY=${f.minMs}-${f.maxMs}`;
    case 'SPURIOUS_LOGIN_PAGE':
    case 'SESSION_EXPIRED':
      return f.times === 1 ? f.name : `${f.name}=${f.times}`;
    case 'THROTTLE':
      return `THROTTLE=${f.limit}/${f.per}`;
    default:
      return f.name;
  }
}

export const THROTTLE_WINDOW_MS = { s: 1000, min: 60_000 } as const;

/** Invented texts and codes (listed in the README). */
export const FAULT_TEXT = {
  noPrivileges: 'This user has no access privileges defined.', // real (FIDELITY §7)
  throttleCode: '429',
  throttle: 'Too many login requests. Wait a moment and try again.',
  maintenanceCode: '503',
} as const;

/**
 * Eastern Time formatters, made on first use: building an Intl formatter with a time zone loads
 * ICU's zone data (~15 ms), which every start would otherwise pay for a fault rarely switched on.
 */
let etFormats: { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | null = null;
function et() {
  etFormats ??= {
    day: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
    time: new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }),
  };
  return etFormats;
}

/** How long the announced window lasts; it starts at the top of the current hour. */
const MAINTENANCE_HOURS = 4;

/**
 * Fidelity: the real notices read "CM/ECF will be unavailable ..." (FIDELITY §7) with the window
 * in Eastern Time; the exact sentence and the window are ours. `system` is "CM/ECF" on court
 * pages and "PACER" on the CSO and its API.
 */
export function maintenanceNotice(system: 'CM/ECF' | 'PACER', now: number): string {
  const start = Math.floor(now / 3_600_000) * 3_600_000;
  const end = start + MAINTENANCE_HOURS * 3_600_000;
  const at = (ms: number) => `${et().time.format(ms)} ET on ${et().day.format(ms)}`;
  return `${system} will be unavailable from ${at(start)} until ${at(end)} for scheduled maintenance. We apologize for any inconvenience.`;
}
