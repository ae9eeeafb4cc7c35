/**
 * Which part of the mock a Host header names (FIDELITY §1). Pure: no HTTP, no database.
 *
 * - `pacer.login.<suffix>`, `qa-login.<suffix>`, `train-login.<suffix>`: the CSO.
 * - `ecf.<court>.<suffix>`, `ecf-train.<court>.<suffix>`: that court's CM/ECF.
 * - anything else (localhost, 127.0.0.1, a container name): both the CSO and the default court.
 */
export type HostKind =
  | { kind: 'cso'; variant: 'pacer.login' | 'qa-login' | 'train-login'; suffix: string }
  | { kind: 'court'; code: string; training: boolean; suffix: string }
  | { kind: 'any' };

export interface ParsedHost {
  /** Lower-case host name without the port. */
  hostname: string;
  /** The port as written in the Host header ('' when none). */
  port: string;
  target: HostKind;
}

const CSO_RE = /^(pacer\.login|qa-login|train-login)\.([a-z0-9.-]+)$/;
const COURT_RE = /^ecf(-train)?\.([a-z0-9]+)\.([a-z0-9.-]+)$/;

export function parseHost(hostHeader: string | undefined): ParsedHost {
  const raw = (hostHeader ?? '').trim().toLowerCase();
  let hostname: string;
  let port: string;
  const bracket = raw.match(/^(\[[^\]]*\])(?::(\d+))?$/);
  if (bracket) {
    hostname = bracket[1] ?? '';
    port = bracket[2] ?? '';
  } else {
    const m = raw.match(/^([^:]*)(?::(\d+))?$/);
    hostname = m?.[1] ?? raw;
    port = m?.[2] ?? '';
  }
  hostname = hostname.replace(/\.$/, '');
  const cso = hostname.match(CSO_RE);
  if (cso) {
    return { hostname, port, target: { kind: 'cso', variant: cso[1] as 'pacer.login', suffix: cso[2] ?? '' } };
  }
  const court = hostname.match(COURT_RE);
  if (court) {
    return { hostname, port, target: { kind: 'court', code: court[2] ?? '', training: Boolean(court[1]), suffix: court[3] ?? '' } };
  }
  return { hostname, port, target: { kind: 'any' } };
}

function origin(scheme: string, hostname: string, port: string): string {
  return `${scheme}://${hostname}${port ? `:${port}` : ''}`;
}

/**
 * Where the CSO lives, seen from this host: the same origin on an "any" host; pacer.login.<suffix>
 * for ecf.<court>.<suffix> (train-login for the ecf-train twins). Scheme and port are kept.
 */
export function csoOriginFor(scheme: string, h: ParsedHost): string {
  if (h.target.kind === 'court') {
    const name = h.target.training ? 'train-login' : 'pacer.login';
    return origin(scheme, `${name}.${h.target.suffix}`, h.port);
  }
  return origin(scheme, h.hostname, h.port);
}

/** Where court `code` lives, seen from this host. On an "any" host only the default court is local. */
export function courtOriginFor(scheme: string, h: ParsedHost, code: string, defaultCourt: string): string {
  switch (h.target.kind) {
    case 'cso': {
      const prefix = h.target.variant === 'train-login' ? 'ecf-train' : 'ecf';
      return origin(scheme, `${prefix}.${code}.${h.target.suffix}`, h.port);
    }
    case 'court':
      return origin(scheme, `${h.target.training ? 'ecf-train' : 'ecf'}.${code}.${h.target.suffix}`, h.port);
    case 'any':
      return code === defaultCourt ? origin(scheme, h.hostname, h.port) : origin(scheme, `ecf.${code}.${h.hostname}`, h.port);
  }
}

/**
 * The `appurl` a login may return to: only a court this mock serves, reached the way the client
 * reached us (same suffix and port). Anything else yields null, and the caller goes to the court
 * home instead, so the CSO is never an open redirect.
 */
export function safeAppUrl(appUrl: string, here: ParsedHost, isCourt: (code: string) => boolean): string | null {
  if (!appUrl || appUrl.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  const target = parseHost(url.host);
  if (target.port !== here.port) return null;
  if (here.target.kind === 'any' && target.hostname === here.hostname) return url.href;
  if (target.target.kind !== 'court' || !isCourt(target.target.code)) return null;
  const base = here.target.kind === 'any' ? here.hostname : here.target.suffix;
  return target.target.suffix === base ? url.href : null;
}
