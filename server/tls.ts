import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type * as SelfSigned from 'selfsigned';
import type { Config } from './config.js';

/**
 * The HTTPS listener beside the plain one (FIDELITY §1: real clients hard-code https:// URLs
 * and do not verify certificates). Both listeners feed the same Fastify instance, so sessions,
 * clock and database are shared: a token got over HTTPS works over HTTP and back.
 *
 * The certificate is the operator's (TLS_CERT/TLS_KEY) or a self-signed one made on first start
 * for the CSO and court names, kept beside the database file (in memory only when the database
 * is). main.ts is still the only file that listens; it calls addTlsListener and listen here.
 */
export class TlsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlsError';
  }
}

export interface TlsMaterial {
  cert: string;
  key: string;
  /** Where it came from, for the start-up log. */
  source: string;
}

/** Days a self-signed certificate is valid: 825, the longest some TLS stacks accept for a leaf. */
const CERT_DAYS = 825;
/** A stored certificate this close to its end is made again. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

/**
 * Every name a client may reach the mock by. A wildcard covers one label only, so
 * `*.uscourts.gov` covers `qa-login.uscourts.gov` but not `ecf.flsd.uscourts.gov`: each court's
 * hosts are listed by name, for the real suffix and for `.localhost`.
 */
export function certificateNames(courtCodes: readonly string[]): { dns: string[]; ips: string[] } {
  const dns = new Set<string>(['pacer.login.uscourts.gov', 'qa-login.uscourts.gov', 'train-login.uscourts.gov', '*.uscourts.gov']);
  dns.add('localhost').add('*.localhost').add('pacer.login.localhost');
  for (const suffix of ['uscourts.gov', 'localhost']) {
    for (const code of courtCodes) dns.add(`ecf.${code}.${suffix}`).add(`ecf-train.${code}.${suffix}`);
  }
  return { dns: [...dns], ips: ['127.0.0.1', '::1'] };
}

/**
 * selfsigned (and node-forge behind it) costs ~40 ms to load and is needed only on the start that
 * makes a certificate, so it is required here, on first use, not imported at start.
 */
const loadCjs = createRequire(import.meta.url);

/** A self-signed RSA-2048/SHA-256 server certificate for `names`. */
export function generateCertificate(names: { dns: string[]; ips: string[] }, now = new Date()): { cert: string; key: string } {
  const selfsigned = loadCjs('selfsigned') as typeof SelfSigned;
  const result = selfsigned.generate(
    [
      { name: 'commonName', value: 'pacer.login.uscourts.gov' },
      { name: 'organizationName', value: 'mock-pacer sandbox (not the real PACER)' },
    ],
    {
      keySize: 2048,
      days: CERT_DAYS,
      algorithm: 'sha256',
      // A day back, so a client whose clock is a little behind does not see "not yet valid".
      notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))],
        },
      ],
    },
  );
  return { cert: result.cert, key: result.private };
}

/** Whether a stored certificate still fits: parsable, not near its end, and naming every name. */
export function certificateCovers(certPem: string, names: { dns: string[]; ips: string[] }, now: number): boolean {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certPem);
  } catch {
    return false;
  }
  if (Date.parse(x509.validTo) - RENEW_BEFORE_MS < now) return false;
  const san = (x509.subjectAltName ?? '').split(/,\s*/);
  return names.dns.every((n) => san.includes(`DNS:${n}`)) && names.ips.every((ip) => san.some((s) => s.startsWith('IP Address:') && ipEquals(s.slice(11), ip)));
}

/** Node prints IPv6 SANs in full (0:0:0:0:0:0:0:1); compare them without leading zeros or "::" shortening. */
function ipEquals(a: string, b: string): boolean {
  const norm = (ip: string) => {
    if (!ip.includes(':')) return ip;
    const [head = '', tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = ip.includes('::') && tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : ip.split(':');
    return groups.map((g) => (parseInt(g, 16) || 0).toString(16)).join(':');
  };
  return norm(a.toLowerCase()) === norm(b.toLowerCase());
}

/** Where the self-signed certificate is kept: beside the database, or nowhere for :memory:. */
export function storedCertificatePaths(databasePath: string): { cert: string; key: string } | null {
  if (databasePath === ':memory:' || databasePath.startsWith('file:')) return null;
  const dir = dirname(databasePath);
  return { cert: join(dir, 'tls-cert.pem'), key: join(dir, 'tls-key.pem') };
}

/**
 * The certificate and key for the listener: the operator's files, else the stored self-signed
 * pair if it still covers every name, else a new self-signed pair (stored when the database is
 * a file, the key readable by its owner only).
 */
export function loadTlsMaterial(config: Config, courtCodes: readonly string[], now = Date.now()): TlsMaterial {
  if (config.tlsCert && config.tlsKey) {
    const read = (path: string, what: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (err) {
        throw new TlsError(`cannot read ${what} ${path}: ${(err as Error).message}`);
      }
    };
    const cert = read(config.tlsCert, 'TLS_CERT');
    const key = read(config.tlsKey, 'TLS_KEY');
    try {
      new X509Certificate(cert);
    } catch {
      throw new TlsError(`TLS_CERT ${config.tlsCert} is not a PEM certificate`);
    }
    return { cert, key, source: `certificate ${config.tlsCert}` };
  }
  const names = certificateNames(courtCodes);
  const paths = storedCertificatePaths(config.databasePath);
  if (paths && existsSync(paths.cert) && existsSync(paths.key)) {
    const cert = readFileSync(paths.cert, 'utf8');
    if (certificateCovers(cert, names, now)) return { cert, key: readFileSync(paths.key, 'utf8'), source: `self-signed certificate ${paths.cert}` };
  }
  const made = generateCertificate(names, new Date(now));
  if (!paths) return { ...made, source: 'self-signed certificate (in memory)' };
  mkdirSync(dirname(paths.cert), { recursive: true });
  writeFileSync(paths.key, made.key, { mode: 0o600 });
  writeFileSync(paths.cert, made.cert);
  return { ...made, source: `new self-signed certificate ${paths.cert}` };
}

export interface TlsListener {
  readonly server: Server;
  /** Starts listening (after the app is ready); resolves with the port. */
  listen(port: number, host: string): Promise<number>;
}

/**
 * An HTTPS server whose requests go through the app's own routing, exactly as the plain
 * listener's do. Call before the app is ready (the close hook is added here): closing the app
 * closes this listener too.
 */
export function addTlsListener(app: FastifyInstance, material: TlsMaterial): TlsListener {
  const server = createServer({ cert: material.cert, key: material.key }, (req, res) => app.routing(req, res));
  // As Fastify does for its own server: a malformed request gets a bare 400, never a crash.
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy(err);
  });
  app.addHook('onClose', async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  });
  return {
    server,
    async listen(port, host) {
      await app.ready();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const bound = (server.address() as AddressInfo).port;
      app.log.info({ port: bound, certificate: material.source }, `HTTPS listening on ${host}:${bound}`);
      return bound;
    },
  };
}
