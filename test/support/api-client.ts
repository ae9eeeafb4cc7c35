import { Agent, request } from 'undici';

/**
 * A programmatic PACER client as real ones are written (juriscraper and friends): POST the
 * credentials to the CSO's /services/cso-auth, keep the token, build its own NextGenCSO and
 * PacerSession cookies for every court request, and decide "logged in" by the logout link.
 * Requests go to the loopback listener with the real host name in the Host header.
 */
export interface ApiAnswer {
  status: number;
  contentType: string;
  body: string;
  json: Record<string, string>;
}

export class PacerApiClient {
  private readonly insecure = new Agent({ connect: { rejectUnauthorized: false } });

  constructor(
    private readonly port: number,
    private readonly opts: { tlsPort?: number; csoHost?: string } = {},
  ) {}

  private origin(scheme: 'http' | 'https'): string {
    return scheme === 'https' ? `https://127.0.0.1:${this.opts.tlsPort}` : `http://127.0.0.1:${this.port}`;
  }

  async post(
    path: string,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' },
    scheme: 'http' | 'https' = 'http',
  ): Promise<ApiAnswer> {
    const res = await request(`${this.origin(scheme)}${path}`, {
      method: 'POST',
      headers: { host: this.opts.csoHost ?? 'pacer.login.uscourts.gov', ...headers },
      body,
      ...(scheme === 'https' ? { dispatcher: this.insecure } : {}),
    });
    const text = await res.body.text();
    let json: Record<string, string> = {};
    try {
      json = JSON.parse(text) as Record<string, string>;
    } catch {
      // XML or HTML: the caller reads body.
    }
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: text, json };
  }

  /** POST /services/cso-auth with a JSON body, as clients send it. */
  login(fields: Record<string, unknown>, scheme: 'http' | 'https' = 'http'): Promise<ApiAnswer> {
    return this.post('/services/cso-auth', JSON.stringify(fields), undefined, scheme);
  }

  logout(token: string): Promise<ApiAnswer> {
    return this.post('/services/cso-logout', JSON.stringify({ nextGenCSO: token }));
  }

  /** GET a court page with the client's own cookies; `url` carries the real host name. */
  async court(url: string, cookie: string): Promise<{ status: number; body: string }> {
    const u = new URL(url);
    const scheme = u.protocol === 'https:' ? 'https' : 'http';
    const res = await request(`${this.origin(scheme)}${u.pathname}${u.search}`, {
      headers: { host: u.host, ...(cookie ? { cookie } : {}) },
      ...(scheme === 'https' ? { dispatcher: this.insecure } : {}),
    });
    return { status: res.statusCode, body: await res.body.text() };
  }
}

export const cookiesFor = (token: string, extra = '') => `NextGenCSO=${token}; PacerSession=${token}${extra ? `; ${extra}` : ''}`;

/** How clients tell a logged-in court page from the not-logged-in one. */
export const isLoggedIn = (html: string) => html.includes('/cgi-bin/login.pl?logout');
