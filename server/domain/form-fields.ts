/**
 * Reads one field of a parsed form body defensively: a missing field, an array (a repeated
 * field), a number or an object all become a string, never an exception. Long values are cut
 * so that a 10,000-character login costs nothing more than a short one.
 */
export function field(body: unknown, name: string, max = 1024): string {
  if (typeof body !== 'object' || body === null) return '';
  const v = (body as Record<string, unknown>)[name];
  return text(Array.isArray(v) ? v[0] : v, max);
}

/** Every value of a repeated field (a multiple select), read as `field` reads one; at most `maxItems`. */
export function fieldList(body: unknown, name: string, max = 1024, maxItems = 100): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const v = (body as Record<string, unknown>)[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).slice(0, maxItems).map((x) => text(x, max));
}

function text(value: unknown, max: number): string {
  let v = value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && 'value' in v) v = v.value; // multipart field
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  return s.length > max ? s.slice(0, max + 1) : s;
}

export function has(body: unknown, name: string): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>)[name] !== undefined;
}

/** The raw query string of a URL (`DisplayMenu.pl?Reports` → `Reports`). */
export function rawQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
}
