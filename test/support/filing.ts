import type { FastifyInstance } from 'fastify';
import { FormData, request } from 'undici';
import { pdfChunks } from '../../server/domain/pdf/pdf-writer.js';
import { sessionCookies } from './case-query.js';

/** A small valid PDF (the mock's own writer), `pages` long, optionally padded to `bytes`. */
export function makePdf(title = 'Motion', pages = 2, bytes?: number): Buffer {
  return Buffer.concat([...pdfChunks({ pages, title, date: 'D:20260302000000Z', stamp: title, lines: [title], ...(bytes ? { bytes } : {}) })]);
}

export interface FilePart {
  file: Buffer;
  name: string;
}
export type Fields = Record<string, string | readonly string[] | FilePart>;

export interface Answer {
  status: number;
  url: string;
  body: string;
}

/**
 * A filer's browser over a real socket (undici): keeps the session and CASE_NUM cookies, posts
 * multipart forms with files as a browser does, follows the 303s between steps.
 */
export class FilingClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    session: Record<string, string>,
    /** The Host header (a court's ecf.<court>.uscourts.gov); the base's own when absent. */
    readonly host?: string,
  ) {
    for (const [k, v] of Object.entries(session)) this.cookies.set(k, v);
  }

  static forPersona(app: FastifyInstance, base: string, username = 'rlinked', host?: string): FilingClient {
    return new FilingClient(base, sessionCookies(app, username), host);
  }

  private async send(path: string, method: string, body?: FormData): Promise<Answer & { location?: string }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = {};
    if (cookie) headers['cookie'] = cookie;
    if (this.host) headers['host'] = this.host;
    const res = await request(`${this.base}${path}`, { method: method as 'GET', headers, body });
    const text = await res.body.text();
    const raw = res.headers['set-cookie'];
    for (const c of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      if (eq > 0) this.cookies.set((pair ?? '').slice(0, eq), (pair ?? '').slice(eq + 1));
    }
    const location = res.headers['location'];
    return { status: res.statusCode, url: path, body: text, ...(typeof location === 'string' ? { location } : {}) };
  }

  private async follow(first: Answer & { location?: string }): Promise<Answer> {
    let a = first;
    for (let hops = 0; a.location && a.status >= 300 && a.status < 400 && hops < 10; hops++) {
      const url = new URL(a.location, this.base);
      a = await this.send(`${url.pathname}${url.search}`, 'GET');
    }
    return a;
  }

  async get(path: string): Promise<Answer> {
    return this.follow(await this.send(path, 'GET'));
  }

  async post(path: string, fields: Fields, follow = true): Promise<Answer & { location?: string }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'object' && 'file' in value) form.append(name, new Blob([new Uint8Array(value.file)], { type: 'application/pdf' }), value.name);
      else for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
    }
    const a = await this.send(path, 'POST', form);
    return follow ? this.follow(a) : a;
  }

  /** Posts the form of the page just shown (its action and token) with `fields`. */
  async next(page: Answer, fields: Fields = {}): Promise<Answer> {
    return this.post(formAction(page.body), { token: tokenOf(page.body), ...fields });
  }
}

export function tokenOf(html: string): string {
  const m = /name="token" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no token in the page:\n${html.slice(0, 2000)}`);
  return m[1] as string;
}

export function formAction(html: string): string {
  const m = /<form method="POST" action="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no form in the page:\n${html.slice(0, 3000)}`);
  return (m[1] as string).replace(/&amp;/g, '&');
}

/** The step a Filing.pl URL names (`...-upload` → upload). */
export const stepOf = (answer: Answer) => /-([a-z]+)$/.exec(answer.url)?.[1] ?? '';

/** The option value of the party whose label contains `name`. */
export function optionFor(html: string, name: string): string {
  for (const m of html.matchAll(/<option value="(-?\d+)"[^>]*>([^<]*)<\/option>/g)) if ((m[2] ?? '').includes(name)) return m[1] as string;
  throw new Error(`no option for ${name}`);
}
