import { Eta } from 'eta';
import type { Trainee } from '../domain/training-classes.js';
import { VIEWS_DIR } from '../paths.js';

/** What the trainer CLI prints and writes: a text table, CSV, and printable login cards. */

export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function credentialsTable(trainees: Trainee[]): string {
  return textTable(
    ['#', 'PACER username', 'PACER password', 'court', 'CM/ECF login', 'CM/ECF password'],
    trainees.map((t) => [String(t.number), t.pacerUsername, t.pacerPassword, t.court.toUpperCase(), t.ecfLogin, t.ecfPassword]),
  );
}

const fmt = (ms: number): string => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export function statusTable(trainees: Trainee[]): string {
  const linked = trainees.filter((t) => t.linkedAt !== null).length;
  const table = textTable(
    ['#', 'PACER username', 'CM/ECF login', 'linked'],
    trainees.map((t) => [String(t.number), t.pacerUsername, t.ecfLogin, t.linkedAt === null ? 'no' : `yes, ${fmt(t.linkedAt)}`]),
  );
  return `${table}\n\n${linked} of ${trainees.length} trainees have linked.`;
}

/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function credentialsCsv(trainees: Trainee[]): string {
  const header = ['class', 'number', 'court', 'pacer_username', 'pacer_password', 'ecf_login', 'ecf_password', 'linked_at'];
  const rows = trainees.map((t) => [
    t.className,
    String(t.number),
    t.court,
    t.pacerUsername,
    t.pacerPassword,
    t.ecfLogin,
    t.ecfPassword,
    t.linkedAt === null ? '' : new Date(t.linkedAt).toISOString(),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One printable page of cards to cut out, from views/cli/login-cards.eta (escaped by default). */
export function loginCardsHtml(opts: { className: string; courtName: string; url: string | null; trainees: Trainee[] }): string {
  const eta = new Eta({ views: VIEWS_DIR, autoEscape: true, cache: false });
  return eta.render('cli/login-cards', opts);
}
