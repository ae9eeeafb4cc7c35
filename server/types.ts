import type { Repositories } from '../db/index.js';
import type { Court } from '../db/courts-repository.js';
import type { Seeder } from '../seeds/seed.js';
import type { Config } from './config.js';
import type { VirtualClock } from './domain/clock.js';
import type { ParsedHost } from './domain/hosts.js';
import type { SessionService } from './plugins/sessions.js';

/** What the host router decided for one request (server/plugins/site.ts). */
export interface Site {
  host: ParsedHost;
  scheme: 'http' | 'https';
  kind: 'cso' | 'court' | 'any';
  /** The court served on this host: a court host's own, the default court on any other host, null on a CSO host. */
  court: Court | null;
  /** Origin of the CSO as seen from this host (scheme and port kept). */
  csoOrigin: string;
  /** Origin of a court as seen from this host. */
  courtOrigin(code: string): string;
  /** Absolute URL of the page asked for. */
  selfUrl: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    clock: VirtualClock;
    repos: Repositories;
    seeder: Seeder;
    /** Per-instance key for ViewStates and form tokens (kept in the database so restarts keep forms valid). */
    secret: Buffer;
    sessions: SessionService;
    /** Writes a journal entry for a request: the time from app.clock, the host from the request. */
    record(request: FastifyRequest, entry: { action: string; outcome: string; actor?: string; detail?: string }): void;
  }
  interface FastifyRequest {
    site: Site;
  }
}
