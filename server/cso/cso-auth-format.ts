/**
 * The wire formats of the PACER Authentication API (FIDELITY §4): a flat object of string
 * fields, as JSON or as XML with one root element (`CsoAuth`) whose children carry the same
 * names. Pure: no HTTP, no database.
 *
 * The XML reader is deliberately small: one root, flat children with text (or CDATA), the five
 * predefined entities and numeric references. A DOCTYPE or entity declaration is refused, so no
 * external entity is ever fetched and no entity expansion can blow up.
 */
export type Fields = Record<string, unknown>;

export type ParsedBody = { ok: true; format: 'json' | 'xml'; root: string | null; fields: Fields } | { ok: false; status: 400 | 415; problem: string };

/** Invented descriptions for requests the API cannot read (listed in the README). */
export const FORMAT_PROBLEMS = {
  json: 'Invalid request: the body is not a complete JSON object.',
  xml: 'Invalid request: the body is not a complete XML document with one root element and text-only children.',
  mediaType: 'Invalid request: send the body as JSON (Content-Type: application/json) or XML (Content-Type: application/xml).',
  tooLarge: 'Invalid request: the body is larger than 64 KB.',
  notAString: (name: string) => `Invalid request: ${name} must be a string.`,
  method: 'Invalid request: use POST.',
} as const;

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const isJsonType = (t: string) => t === 'application/json' || t === 'text/json' || t.endsWith('+json');
const isXmlType = (t: string) => t === 'application/xml' || t === 'text/xml' || t.endsWith('+xml');

/**
 * Reads the body by its Content-Type. Without one, the first character decides (`{` JSON,
 * `<` XML), for hand-written curl calls.
 */
export function parseBody(contentType: string | undefined, raw: string): ParsedBody {
  const type = mediaType(contentType);
  const text = raw.replace(/^\uFEFF/, '');
  const sniffed = text.trimStart()[0];
  const kind = isJsonType(type) ? 'json' : isXmlType(type) ? 'xml' : type === '' && sniffed === '{' ? 'json' : type === '' && sniffed === '<' ? 'xml' : null;
  if (kind === null) return { ok: false, status: 415, problem: FORMAT_PROBLEMS.mediaType };
  if (kind === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, status: 400, problem: FORMAT_PROBLEMS.json };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, status: 400, problem: FORMAT_PROBLEMS.json };
    return { ok: true, format: 'json', root: null, fields: value as Fields };
  }
  const xml = parseFlatXml(text);
  return xml ? { ok: true, format: 'xml', root: xml.root, fields: xml.fields } : { ok: false, status: 400, problem: FORMAT_PROBLEMS.xml };
}

/**
 * A field as the real (Java) service binds it: absent or null is empty, numbers and booleans
 * become their text (Jackson coerces scalars to String), objects and arrays cannot be read.
 */
export function stringField(fields: Fields, name: string): string | null {
  if (!Object.hasOwn(fields, name)) return '';
  const v = fields[name];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

/** Strips a namespace prefix: `<ns2:CsoAuth>` is `CsoAuth`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

function decodeText(text: string): string | null {
  let bad = false;
  const out = text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) {
      bad = true;
      return m;
    }
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'amp') return '&';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (code > 0x10ffff) {
      bad = true;
      return m;
    }
    return String.fromCodePoint(code);
  });
  return bad ? null : out;
}

/** Skips whitespace, comments and processing instructions from `i`; -1 on an unclosed one. */
function skipMisc(s: string, i: number): number {
  for (;;) {
    while (i < s.length && /\s/.test(s[i] ?? '')) i++;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else return i;
  }
}

/** Reads `<name attrs>` or `<name attrs/>` at i. */
function openTag(s: string, i: number): { name: string; selfClosing: boolean; end: number } | null {
  if (s[i] !== '<') return null;
  const m = s.slice(i + 1, i + 201).match(NAME);
  if (!m) return null;
  const close = s.indexOf('>', i);
  if (close < 0) return null;
  const inner = s.slice(i + 1 + m[0].length, close);
  if (inner !== '' && !/^\s/.test(inner) && inner !== '/') return null;
  return { name: m[0], selfClosing: inner.endsWith('/'), end: close + 1 };
}

export function parseFlatXml(text: string): { root: string; fields: Fields } | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  let i = skipMisc(text, 0);
  if (i < 0) return null;
  const root = openTag(text, i);
  if (!root) return null;
  const fields: Fields = {};
  if (root.selfClosing) return skipMisc(text, root.end) === text.length ? { root: local(root.name), fields } : null;
  i = root.end;
  for (;;) {
    i = skipMisc(text, i);
    if (i < 0) return null;
    if (text.startsWith(`</${root.name}`, i)) {
      const end = text.indexOf('>', i);
      if (end < 0 || text.slice(i + 2 + root.name.length, end).trim() !== '') return null;
      return skipMisc(text, end + 1) === text.length ? { root: local(root.name), fields } : null;
    }
    const child = openTag(text, i);
    if (!child) return null;
    const name = local(child.name);
    if (child.selfClosing) {
      fields[name] = '';
      i = child.end;
      continue;
    }
    // The child's content: text and CDATA sections, up to its closing tag; no nested elements.
    let value = '';
    let j = child.end;
    for (;;) {
      const lt = text.indexOf('<', j);
      if (lt < 0) return null;
      const decoded = decodeText(text.slice(j, lt));
      if (decoded === null) return null;
      value += decoded;
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) return null;
        value += text.slice(lt + 9, end);
        j = end + 3;
      } else if (text.startsWith(`</${child.name}`, lt)) {
        const end = text.indexOf('>', lt);
        if (end < 0 || text.slice(lt + 2 + child.name.length, end).trim() !== '') return null;
        i = end + 1;
        break;
      } else if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) return null;
        j = end + 3;
      } else {
        return null;
      }
    }
    fields[name] = value;
  }
}

/** Whether the Accept header asks for JSON (FIDELITY §4: anything else gets XML). */
export function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (!type || !(type === 'application/json' || type.endsWith('+json'))) return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The answer: JSON object, or XML with `root` (JAXB's layout: declaration, then one line). */
export function serialize(root: string, fields: [string, string][], json: boolean): { type: string; body: string } {
  if (json) return { type: 'application/json; charset=utf-8', body: JSON.stringify(Object.fromEntries(fields)) };
  const children = fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
  return {
    type: 'application/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root}>${children}</${root}>`,
  };
}
