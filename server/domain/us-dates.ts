/**
 * Dates as CM/ECF pages write them (mm/dd/yyyy), on whole UTC days. The mock keeps every
 * timestamp in UTC milliseconds and shows days and times in UTC (README), so a date range typed
 * into a form means the same instant on any machine.
 */
const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "mm/dd/yyyy" (or m/d/yyyy) → the start of that UTC day, or null when it is not a real date. */
export function parseUsDate(text: string): number | null {
  const m = text.trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return null;
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (year < 1970 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return ms;
}

export function formatUsDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** "YYYY-MM-DD" (how cases store dates) → "mm/dd/yyyy". */
export function isoDayToUs(day: string): string {
  const [y, m, d] = day.split('-');
  return `${m}/${d}/${y}`;
}

/** Fidelity: the receipt's date line, "03/21/2023 12:19:31". */
export function receiptTime(ms: number): string {
  const d = new Date(ms);
  return `${formatUsDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export const ONE_DAY_MS = DAY_MS;
