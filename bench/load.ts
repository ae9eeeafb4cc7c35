import { Client } from 'undici';

/**
 * A small load generator over undici, used by bench/run.ts instead of autocannon: the journeys
 * need a cookie jar and pages parsed between requests, which autocannon's fixed request lists
 * cannot do, and ~150 lines of our own keep the dev dependencies as they are.
 */

export interface Sample {
  /** Completed operations (requests, or journeys) per second over the window. */
  perSecond: number;
  count: number;
  errors: number;
  /** Latency of one operation, milliseconds. */
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function summarise(latencies: number[], count: number, errors: number, ms: number, statuses: Record<string, number>): Sample {
  latencies.sort((a, b) => a - b);
  return { perSecond: (count * 1000) / ms, count, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

export interface FixedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Fires one request shape as fast as the server answers, for `ms`: `connections` keep-alive
 * sockets with `pipelining` requests in flight on each.
 */
export async function blast(origin: string, make: () => FixedRequest, opts: { connections: number; pipelining: number; ms: number }): Promise<Sample> {
  const clients = Array.from({ length: opts.connections }, () => new Client(origin, { pipelining: opts.pipelining }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let count = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + opts.ms;
  const worker = async (client: Client) => {
    while (performance.now() < deadline) {
      const r = make();
      const t0 = performance.now();
      try {
        const res = await client.request({ method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body ?? null });
        await res.body.dump({ limit: Infinity });
        const key = String(res.statusCode);
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (res.statusCode >= 200 && res.statusCode < 400) {
          count++;
          latencies.push(performance.now() - t0);
        } else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(clients.flatMap((c) => Array.from({ length: opts.pipelining }, () => worker(c))));
  const elapsed = performance.now() - started;
  await Promise.all(clients.map((c) => c.close()));
  return summarise(latencies, count, errors, elapsed, statuses);
}

/** A client with its own socket and cookie jar, for multi-request journeys. */
export class JourneyClient {
  private readonly jar = new Map<string, string>();
  private readonly client: Client;

  constructor(
    origin: string,
    private readonly host: string,
  ) {
    this.client = new Client(origin, { pipelining: 1 });
  }

  clearCookies(): void {
    this.jar.clear();
  }

  /** The jar as a Cookie header, for firing one logged-in request shape with `blast`. */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A cookie got elsewhere (e.g. the NextGenCSO token of a cso-auth login). */
  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  /** A form is sent urlencoded; an already encoded body (a multipart upload) goes as it is, with its type. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string> | { body: Buffer; type: string },
  ): Promise<{ status: number; body: string; location: string | undefined }> {
    const headers: Record<string, string> = { host: this.host };
    if (this.jar.size) headers['cookie'] = this.cookieHeader();
    let body: string | Buffer | null = null;
    if (form && Buffer.isBuffer(form.body)) {
      body = form.body;
      headers['content-type'] = String(form.type);
    } else if (form) {
      body = new URLSearchParams(form as Record<string, string>).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.client.request({ method, path, headers, body });
    const text = await res.body.text();
    const raw = res.headers['set-cookie'];
    for (const c of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) {
      const pair = c.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const location = res.headers['location'];
    return { status: res.statusCode, body: text, location: typeof location === 'string' ? location : undefined };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * Runs `clients` concurrent loops of `journey` for `ms`; each call is one operation. A journey
 * returning false (or throwing) counts as an error. `journey` gets the client and returns when done.
 */
export async function journeys(
  make: () => JourneyClient,
  journey: (c: JourneyClient) => Promise<boolean | 'exhausted'>,
  opts: { clients: number; ms: number },
): Promise<Sample & { firstError: string | null }> {
  const clients = Array.from({ length: opts.clients }, make);
  const latencies: number[] = [];
  let count = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const deadline = started + opts.ms;
  let exhausted = false;
  await Promise.all(
    clients.map(async (c) => {
      while (!exhausted && performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const ok = await journey(c);
          if (ok === 'exhausted') {
            exhausted = true;
            break;
          }
          if (ok) {
            count++;
            latencies.push(performance.now() - t0);
          } else errors++;
        } catch (err) {
          errors++;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  await Promise.all(clients.map((c) => c.close()));
  return { ...summarise(latencies, count, errors, elapsed, {}), firstError };
}

/** Extracts the value of the input named `name` from a page. */
export function inputValue(html: string, name: string): string {
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    if (tag.includes(`name="${name}"`)) {
      return (tag.match(/\bvalue="([^"]*)"/)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    }
  }
  return '';
}

/** The decoded action attribute of the form with this id. */
export function formAction(html: string, id: string): string {
  const m = html.match(new RegExp(`<form\\b[^>]*\\bid="${id.replace(/[:.]/g, '\\$&')}"[^>]*>`));
  return (m?.[0].match(/\baction="([^"]*)"/)?.[1] ?? '').replace(/&amp;/g, '&');
}
