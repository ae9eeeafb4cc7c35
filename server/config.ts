import { parseFaultSetting, type Fault } from './domain/faults.js';

/**
 * Every setting the mock reads, in one schema. Validated once at start, frozen, and passed in:
 * nothing else in the code reads process.env.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databasePath: string;
  /** Where document PDFs are kept; null: `documents/` beside the database (a temporary folder with :memory:). */
  readonly documentsDir: string | null;
  readonly defaultCourt: string;
  readonly seedFile: string | null;
  readonly adminToken: string | null;
  readonly lockoutThreshold: number;
  readonly lockoutSeconds: number;
  readonly sessionTtl: number;
  readonly logLevel: LogLevel;
  readonly passwordHashCost: number;
  readonly faults: readonly Fault[];
  /** Port of the TLS listener; null when TLS is off. */
  readonly tlsPort: number | null;
  readonly tlsCert: string | null;
  readonly tlsKey: string | null;
  /** Security habits over fidelity: HttpOnly PACER cookies and a new JSESSIONID after the password. */
  readonly hardenCookies: boolean;
  /** Memory for rendered docket reports kept for the next request (0: none kept). */
  readonly reportCacheMb: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** One environment variable, typed by the Config field it fills: `parse` returns that field's type. */
interface Setting<T> {
  readonly name: string;
  readonly default: string;
  readonly accepts: string;
  readonly description: string;
  readonly parse: (raw: string) => T | undefined;
}

const integer =
  (min: number, max: number) =>
  (raw: string): number | undefined => {
    if (!/^\d+$/.test(raw.trim())) return undefined;
    const n = Number(raw.trim());
    return n >= min && n <= max ? n : undefined;
  };

const nonEmpty = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());
const optional = (raw: string): string | null => (raw.trim() === '' ? null : raw.trim());
const onOff = (raw: string): boolean | undefined =>
  /^(on|true|yes|1)$/i.test(raw.trim()) ? true : /^(off|false|no|0|)$/i.test(raw.trim()) ? false : undefined;
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const isLogLevel = (v: string): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v);

/** One setting per Config field (a field without one does not compile). */
const SETTING: { readonly [K in keyof Config]: Setting<Config[K]> } = {
  port: {
    name: 'PORT',
    default: '8080',
    accepts: 'a TCP port, 0-65535 (0 picks a free one)',
    description: 'Port of the plain-HTTP listener.',
    parse: integer(0, 65535),
  },
  host: {
    name: 'HOST',
    // Loopback by default so `npm start` never exposes an open control plane; the Docker image sets 0.0.0.0.
    default: '127.0.0.1',
    accepts: 'an interface address or name, e.g. 127.0.0.1, 0.0.0.0, ::',
    description: 'Interface to listen on. Beyond loopback, /__admin needs a token (ADMIN_TOKEN, or one printed at start).',
    parse: nonEmpty,
  },
  databasePath: {
    name: 'DATABASE_PATH',
    default: './data/mock-pacer.sqlite',
    accepts: 'a file path, or :memory:',
    description: 'SQLite file holding accounts, sessions, links, journal and outbox; created and seeded when empty.',
    parse: nonEmpty,
  },
  documentsDir: {
    name: 'DOCUMENTS_DIR',
    default: '',
    accepts: 'a folder path; empty for documents/ beside the database file (a temporary folder removed at exit with :memory:)',
    description: 'Folder of the court documents (PDFs): generated ones are made there on first request, uploaded ones kept there.',
    parse: optional,
  },
  defaultCourt: {
    name: 'DEFAULT_COURT',
    default: 'flsd',
    accepts: 'a seeded court code, lower case (flsd, nysd, ...)',
    description: 'Court served on hosts that name no court (localhost, 127.0.0.1, a container name).',
    parse: (raw) => (/^[a-z]{2,8}$/.test(raw.trim()) ? raw.trim() : undefined),
  },
  seedFile: {
    name: 'SEED_FILE',
    default: '',
    accepts: 'a path to a seed JSON file; empty for the built-in personas',
    description: 'Courts and personas loaded into an empty database and on reset.',
    parse: optional,
  },
  adminToken: {
    name: 'ADMIN_TOKEN',
    default: '',
    accepts: 'any string of 16 or more characters; empty for none',
    description: 'Bearer token for the /__admin control plane. Empty: open on loopback, a random token printed at start otherwise.',
    parse: (raw) => (raw.trim() === '' ? null : raw.trim().length >= 16 ? raw.trim() : undefined),
  },
  lockoutThreshold: {
    name: 'LOCKOUT_THRESHOLD',
    default: '5',
    accepts: 'a whole number, 1-1000',
    description: 'Failed logins in a row that lock a PACER account.',
    parse: integer(1, 1000),
  },
  lockoutSeconds: {
    name: 'LOCKOUT_SECONDS',
    default: '900',
    accepts: 'a whole number of seconds, 1-31536000',
    description: 'How long a locked account stays locked.',
    parse: integer(1, 31_536_000),
  },
  sessionTtl: {
    name: 'SESSION_TTL',
    default: '28800',
    accepts: 'a whole number of seconds, 60-31536000',
    description: 'Lifetime of a CSO session (the NextGenCSO token).',
    parse: integer(60, 31_536_000),
  },
  logLevel: {
    name: 'LOG_LEVEL',
    default: 'info',
    accepts: LOG_LEVELS.join(', '),
    description: 'Request log verbosity.',
    parse: (raw) => {
      const level = raw.trim();
      return isLogLevel(level) ? level : undefined;
    },
  },
  passwordHashCost: {
    name: 'PASSWORD_HASH_COST',
    default: '8',
    accepts: 'a whole number 4-20 (scrypt N = 2^cost)',
    // 2^8 (r=8: 256 KiB, ~0.7 ms a hash) keeps 1,000 API logins/s within reach of two cores; the
    // seeded passwords are public anyway. Raise it (15 or more) for passwords that matter.
    description: 'scrypt cost of stored password hashes. The sandbox default (2^8) is cheap on purpose; production PACER is not.',
    parse: integer(4, 20),
  },
  faults: {
    name: 'FAULTS',
    default: '',
    accepts: 'a comma-separated list of NAME or NAME=value (see the README faults table); empty for none',
    description: 'Named faults switched on from the start (the same as PUT /__admin/faults).',
    // A typo here would silently test the happy path, so the start stops with the exact problem.
    parse: (raw) => {
      const r = parseFaultSetting(raw);
      if (!r.ok) throw new ConfigError('FAULTS', `${r.error}`);
      return r.value;
    },
  },
  tlsPort: {
    name: 'TLS_PORT',
    default: '8443',
    accepts: 'a TCP port, 0-65535 (0 picks a free one), or off',
    description: 'Port of the HTTPS listener beside the plain one (same app, same state); off for none.',
    parse: (raw) => (/^(off|none|false|disabled?)$/i.test(raw.trim()) ? null : integer(0, 65535)(raw)),
  },
  tlsCert: {
    name: 'TLS_CERT',
    default: '',
    accepts: 'a path to a PEM certificate (chain); empty for a self-signed one',
    description: 'Certificate of the HTTPS listener. Empty: a self-signed one for the CSO and court names, made on first start and kept beside the database.',
    parse: optional,
  },
  tlsKey: {
    name: 'TLS_KEY',
    default: '',
    accepts: 'a path to the PEM private key of TLS_CERT; set both or neither',
    description: 'Private key of TLS_CERT.',
    parse: optional,
  },
  hardenCookies: {
    name: 'HARDEN_COOKIES',
    // Off by default: the real CSO's PACER cookies are readable by page scripts (RECAP reads them)
    // and its JSESSIONID survives the password (clients treat a new one as a failed login).
    default: 'off',
    accepts: 'on or off',
    description:
      'on: the PACER login cookies are HttpOnly and the CSO issues a new JSESSIONID once the password is accepted (security habits the real CSO does not have); off: as the real CSO.',
    parse: onOff,
  },
  reportCacheMb: {
    name: 'REPORT_CACHE_MB',
    default: '32',
    accepts: 'a whole number of megabytes, 0-4096 (0 keeps none)',
    description:
      'Memory for rendered docket reports (header, parties, entries) kept for the next request for the same case and options; the least recently used go first, and every change to courts or court records empties it. At most 256 reports are kept, and one only if it is at most a quarter of this.',
    parse: integer(0, 4096),
  },
};

/** The documented settings, in order; `--help` and the README table are made from this list. */
export const SETTINGS = Object.values(SETTING);

/** Reads and validates the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const read = <K extends keyof Config>(key: K): Config[K] => {
    const s = SETTING[key];
    const raw = env[s.name] ?? s.default;
    const value = s.parse(raw);
    if (value === undefined) throw new ConfigError(s.name, `${JSON.stringify(raw)} is not accepted; expected ${s.accepts}`);
    return value;
  };
  // In the order of SETTING, so the first bad variable is the one named.
  const config: Config = {
    port: read('port'),
    host: read('host'),
    databasePath: read('databasePath'),
    documentsDir: read('documentsDir'),
    defaultCourt: read('defaultCourt'),
    seedFile: read('seedFile'),
    adminToken: read('adminToken'),
    lockoutThreshold: read('lockoutThreshold'),
    lockoutSeconds: read('lockoutSeconds'),
    sessionTtl: read('sessionTtl'),
    logLevel: read('logLevel'),
    passwordHashCost: read('passwordHashCost'),
    faults: read('faults'),
    tlsPort: read('tlsPort'),
    tlsCert: read('tlsCert'),
    tlsKey: read('tlsKey'),
    hardenCookies: read('hardenCookies'),
    reportCacheMb: read('reportCacheMb'),
  };
  if ((config.tlsCert === null) !== (config.tlsKey === null)) {
    throw new ConfigError(config.tlsCert === null ? 'TLS_CERT' : 'TLS_KEY', 'TLS_CERT and TLS_KEY go together: set both or neither');
  }
  return Object.freeze(config);
}

/** A config for tests and embedding: defaults, an in-memory database, overrides applied. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig({}), databasePath: ':memory:', logLevel: 'silent', ...overrides });
}

export function helpText(): string {
  const lines = ['mock-pacer: PACER Central Sign-On and NextGen CM/ECF mock', '', 'Environment variables:'];
  for (const s of SETTINGS) {
    lines.push(`  ${s.name.padEnd(20)} ${s.description}`);
    lines.push(`  ${''.padEnd(20)} accepts ${s.accepts}; default ${s.default === '' ? '(empty)' : s.default}`);
  }
  return lines.join('\n');
}
