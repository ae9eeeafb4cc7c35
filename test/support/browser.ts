import { Agent, request } from 'undici';

/**
 * A small cookie-keeping HTTP client over undici, standing in for a person's browser in the
 * whole-journey tests: it keeps cookies per host (honouring Domain and Path), follows redirects
 * when asked, and posts forms. Requests go to 127.0.0.1 with the Host header of the URL, so
 * names like ecf.flsd.uscourts.gov reach the mock without DNS. https:// URLs go to the TLS
 * listener (when the browser was given its port) without verifying the certificate, as real
 * PACER clients do.
 */
interface StoredCookie {
  name: string;
  value: string;
  domain: string; // lower-case; leading dot = domain cookie
  hostOnly: boolean;
  path: string;
}

export interface Page {
  status: number;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  setCookies: string[];
}

export class Browser {
  readonly cookies: StoredCookie[] = [];
  acceptCookies = true;

  private insecure: Agent | undefined;

  constructor(
    private readonly port: number,
    private readonly tlsPort?: number,
  ) {}

  /** Where a URL's request really goes: the loopback listener for its scheme. */
  private target(url: URL): { origin: string; dispatcher?: Agent } {
    if (url.protocol !== 'https:') return { origin: `http://127.0.0.1:${this.port}` };
    if (this.tlsPort === undefined) throw new Error('this browser has no TLS port');
    this.insecure ??= new Agent({ connect: { rejectUnauthorized: false } });
    return { origin: `https://127.0.0.1:${this.tlsPort}`, dispatcher: this.insecure };
  }

  private cookieHeader(url: URL): string {
    const host = url.hostname.toLowerCase();
    return this.cookies
      .filter((c) => (c.hostOnly ? c.domain === host : host === c.domain.slice(1) || host.endsWith(c.domain)))
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, header: string): void {
    const [pair, ...attrs] = header.split(';');
    const eq = (pair ?? '').indexOf('=');
    const name = (pair ?? '').slice(0, eq).trim();
    const value = (pair ?? '').slice(eq + 1).trim();
    let domain = url.hostname.toLowerCase();
    let hostOnly = true;
    let path = '/';
    let expired = false;
    for (const a of attrs) {
      const [k, v = ''] = a.split('=').map((s) => s.trim());
      const key = (k ?? '').toLowerCase();
      if (key === 'domain' && v) {
        domain = `.${v.replace(/^\./, '').toLowerCase()}`;
        hostOnly = false;
      } else if (key === 'path' && v) path = v;
      else if (key === 'expires' && Date.parse(v) < Date.now()) expired = true;
      else if (key === 'max-age' && Number(v) <= 0) expired = true;
    }
    const i = this.cookies.findIndex((c) => c.name === name && c.domain === domain && c.path === path);
    if (i >= 0) this.cookies.splice(i, 1);
    if (!expired && value !== '') this.cookies.push({ name, value, domain, hostOnly, path });
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  async fetch(
    urlString: string,
    opts: { method?: string; form?: Record<string, string>; body?: string; headers?: Record<string, string>; follow?: boolean } = {},
  ): Promise<Page> {
    let url = new URL(urlString);
    let method = opts.method ?? (opts.form ? 'POST' : 'GET');
    let body: string | undefined = opts.form ? new URLSearchParams(opts.form).toString() : opts.body;
    for (let hops = 0; hops < 10; hops++) {
      const headers: Record<string, string> = { host: url.host, ...(opts.headers ?? {}) };
      const cookie = this.cookieHeader(url);
      if (cookie) headers['cookie'] = cookie;
      if (body !== undefined && opts.form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const { origin, dispatcher } = this.target(url);
      const res = await request(`${origin}${url.pathname}${url.search}`, {
        method: method as 'GET',
        headers,
        body,
        ...(dispatcher ? { dispatcher } : {}),
      });
      const text = await res.body.text();
      const raw = res.headers['set-cookie'];
      const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (this.acceptCookies) for (const c of setCookies) this.store(url, c);
      const page: Page = { status: res.statusCode, url: url.href, headers: res.headers, body: text, setCookies };
      const location = res.headers['location'];
      if (opts.follow === false || res.statusCode < 300 || res.statusCode >= 400 || typeof location !== 'string') return page;
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  }

  get(url: string, follow = true): Promise<Page> {
    return this.fetch(url, { follow });
  }

  post(url: string, form: Record<string, string>, follow = true): Promise<Page> {
    return this.fetch(url, { form, follow });
  }
}

/** Decodes the few entities the templates produce in attribute values. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The value of the input named `name` in the page (first match). */
export function inputValue(html: string, name: string): string | undefined {
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const n = tag.match(/\bname="([^"]*)"/)?.[1];
    if (n !== undefined && decodeEntities(n) === name) return decodeEntities(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? '');
  }
  return undefined;
}

/** The action attribute of form `id`, resolved against the page URL. */
export function formAction(page: Page, id: string): string {
  const m = page.body.match(new RegExp(`<form\\b[^>]*\\bid="${id.replace(/[:.]/g, '\\$&')}"[^>]*>`));
  if (!m) throw new Error(`no form #${id} on ${page.url}`);
  const action = decodeEntities(m[0].match(/\baction="([^"]*)"/)?.[1] ?? '');
  return new URL(action, page.url).href;
}

/** The top menu bar's item labels as text, e.g. "Query Reports Utilities Help Log Out". */
export function menuLabels(html: string): string {
  return [...html.matchAll(/<a class="yuimenubaritemlabel[^"]*"[^>]*>(.*?)<\/a>/g)]
    .map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim())
    .join(' ');
}

/** The text of the message area with id `id` (tags stripped, spaces folded). */
export function messagesIn(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('</div>\n', html.indexOf('>', start));
  return html
    .slice(start, end < 0 ? undefined : end + 6)
    .replace(/^[^>]*>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
