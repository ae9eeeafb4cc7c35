import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  FAULT_TEXT,
  formatFault,
  maintenanceNotice,
  parseFaultSetting,
  THROTTLE_WINDOW_MS,
  type Fault,
  type FaultName,
} from '../domain/faults.js';

/**
 * Applies the named faults (server/domain/faults.ts) to court pages, CSO pages and the API,
 * from three sources: the FAULTS setting (at start), PUT /__admin/faults (at run time) and the
 * X-Mock-Fault header (one request). The control plane and static assets are never touched, so a
 * test can always clear the faults it set.
 *
 * This is the one cross-cutting hook that decides by path: it must reach /services/* whether or
 * not a route answers there, and every area of the mock alike.
 */
export interface FaultService {
  /** The run-time faults still active, written as in FAULTS (events show what is left). */
  list(): string[];
  /** Replaces the run-time faults (an empty list clears them); counters start over. */
  set(faults: readonly Fault[]): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    faults: FaultService;
  }
}

export const FAULT_HEADER = 'x-mock-fault';

type Area = 'court' | 'cso' | 'api';

/** Our own assets: never faulted (a page under MAINTENANCE still needs its stylesheet). */
const STATIC_PREFIXES = ['/css/', '/lib/', '/graphics/', '/csologin/resources/'];

function areaOf(request: FastifyRequest): Area | null {
  const path = request.url.split('?', 1)[0] ?? '';
  if (path.startsWith('/__admin') || STATIC_PREFIXES.some((p) => path.startsWith(p)) || path === '/favicon.ico') return null;
  const kind = request.site.kind;
  if (path.startsWith('/services/')) return kind === 'court' ? null : 'api';
  if (path.startsWith('/csologin/')) return kind === 'court' ? null : 'cso';
  if ((path === '/' || path.startsWith('/cgi-bin/')) && request.site.court) return 'court';
  return null;
}

/** One active run-time fault and what it has used up. */
interface Active {
  fault: Fault;
  /** Events: how many more times it fires. */
  remaining: number;
}

export default fp(
  async (app) => {
    let active: Active[] = [];
    /** THROTTLE: when the logins it let through happened, per source ("runtime" or the header's value). */
    const throttleLog = new Map<string, number[]>();

    const service: FaultService = {
      list: () =>
        active.map(({ fault, remaining }) =>
          fault.name === 'SPURIOUS_LOGIN_PAGE' || fault.name === 'SESSION_EXPIRED' ? formatFault({ ...fault, times: remaining }) : formatFault(fault),
        ),
      set(faults) {
        active = faults.map((fault) => ({ fault, remaining: 'times' in fault ? fault.times : 0 }));
        throttleLog.clear();
      },
    };
    service.set(app.config.faults);
    app.decorate('faults', service);

    const journal = (request: FastifyRequest, name: FaultName, actor = '') =>
      app.record(request, { actor, action: 'fault', outcome: name, detail: `${request.method} ${request.url.slice(0, 200)}` });

    /** A run-time event fires: count it down, and drop it when used up. */
    function consume(entry: Active | undefined) {
      if (!entry) return;
      entry.remaining -= 1;
      if (entry.remaining <= 0) active = active.filter((a) => a !== entry);
    }

    /** The faults for this request: the header's for this request, else the run-time ones. */
    function pick<N extends FaultName>(perRequest: Fault[], name: N): { fault: Extract<Fault, { name: N }>; entry?: Active } | null {
      const own = perRequest.find((f) => f.name === name);
      if (own) return { fault: own as Extract<Fault, { name: N }> };
      const entry = active.find((a) => a.fault.name === name);
      return entry ? { fault: entry.fault as Extract<Fault, { name: N }>, entry } : null;
    }

    const wantsJson = (request: FastifyRequest) => /json/i.test(String(request.headers.accept ?? ''));
    const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

    /** Fidelity: the authentication API's answer shape (FIDELITY §4), JSON or XML by Accept. */
    function apiAnswer(request: FastifyRequest, reply: FastifyReply, status: number, loginResult: string, errorDescription: string) {
      reply.code(status).header('Cache-Control', 'no-store');
      if (wantsJson(request)) return reply.type('application/json').send({ loginResult, errorDescription, nextGenCSO: '' });
      return reply
        .type('application/xml; charset=utf-8')
        .send(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<CsoAuth><loginResult>${xmlEscape(loginResult)}</loginResult>` +
            `<errorDescription>${xmlEscape(errorDescription)}</errorDescription><nextGenCSO></nextGenCSO></CsoAuth>`,
        );
    }

    /** Sliding-window rate check on the virtual clock; true when this login may go through. */
    function throttleAllows(key: string, fault: Extract<Fault, { name: 'THROTTLE' }>): boolean {
      const now = app.clock.now();
      const window = THROTTLE_WINDOW_MS[fault.per];
      const recent = (throttleLog.get(key) ?? []).filter((t) => t > now - window && t <= now);
      const allowed = recent.length < fault.limit;
      if (allowed) recent.push(now);
      throttleLog.set(key, recent);
      return allowed;
    }

    // The usual request carries no fault: let it through without a promise (this runs on every
    // request); only a request a fault may touch goes through the async part.
    app.addHook('onRequest', (request, reply, done) => {
      if (active.length === 0 && request.headers[FAULT_HEADER] === undefined) return done();
      // applyFaults returns the reply when it answered (then the route must not run), else nothing.
      applyFaults(request, reply).then(
        (answered) => {
          if (answered !== reply) done();
        },
        (err: Error) => done(err),
      );
    });

    async function applyFaults(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
      const area = areaOf(request);
      if (!area) return;

      let perRequest: Fault[] = [];
      const header = request.headers[FAULT_HEADER];
      if (header !== undefined) {
        const r = parseFaultSetting(Array.isArray(header) ? header.join(',') : header);
        if (!r.ok) {
          // A typo in a test's header must not silently test the happy path.
          return reply.code(400).type('text/plain; charset=utf-8').send(`X-Mock-Fault: ${r.error}\n`);
        }
        perRequest = r.value;
      }
      if (perRequest.length === 0 && active.length === 0) return;

      const latency = pick(perRequest, 'LATENCY');
      if (latency) {
        const { minMs, maxMs } = latency.fault;
        const ms = minMs + Math.floor(Math.random() * (maxMs - minMs + 1));
        if (ms > 0) await sleep(ms);
      }

      if (pick(perRequest, 'BLOCKED')) {
        journal(request, 'BLOCKED');
        // Invented: a firewall's block page, the same for pages and the API (a firewall does not speak JSON).
        return reply.header('Cache-Control', 'no-store').page('errors/blocked', { url: request.site.selfUrl }, 403);
      }

      if (pick(perRequest, 'MAINTENANCE')) {
        journal(request, 'MAINTENANCE');
        const now = app.clock.now();
        reply.header('Retry-After', '3600');
        if (area === 'api') return apiAnswer(request, reply, 503, FAULT_TEXT.maintenanceCode, maintenanceNotice('PACER', now));
        if (area === 'cso') {
          return reply.header('Cache-Control', 'no-store').page('cso/maintenance', { notice: maintenanceNotice('PACER', now), pageTitle: 'PACER' }, 503);
        }
        return reply.header('Cache-Control', 'no-store').page('ecf/maintenance', { notice: maintenanceNotice('CM/ECF', now) }, 503);
      }

      if (area === 'api' && request.method === 'POST' && request.url.split('?', 1)[0] === '/services/cso-auth') {
        const throttle = pick(perRequest, 'THROTTLE');
        if (throttle && !throttleAllows(throttle.entry ? 'runtime' : `header:${formatFault(throttle.fault)}`, throttle.fault)) {
          journal(request, 'THROTTLE');
          // Fidelity: credential-level refusals are HTTP 200 in the protocol's shape (FIDELITY §4).
          return apiAnswer(request, reply, 200, FAULT_TEXT.throttleCode, FAULT_TEXT.throttle);
        }
      }

      const expire = pick(perRequest, 'SESSION_EXPIRED');
      const spurious = area === 'court' ? pick(perRequest, 'SPURIOUS_LOGIN_PAGE') : null;
      const noPrivileges = area === 'court' ? pick(perRequest, 'NO_PRIVILEGES') : null;
      if (!expire && !spurious && !noPrivileges) return;

      // The remaining faults happen to requests that carry a live session only.
      const live = app.sessions.fromRequest(request);
      if (!live) return;
      const actor = live.account.username;

      if (expire) {
        consume(expire.entry);
        journal(request, 'SESSION_EXPIRED', actor);
        app.sessions.end(live.session.token, actor, request.headers.host ?? '');
        return; // the route now sees no session and answers as it does for an expired one
      }

      const path = request.url.split('?', 1)[0] ?? '';
      const isLogout = path === '/cgi-bin/login.pl' && request.url.endsWith('?logout');
      if (!path.startsWith('/cgi-bin/') || isLogout) return;
      const court = request.site.court;
      if (!court) return;

      if (spurious) {
        consume(spurious.entry);
        journal(request, 'SPURIOUS_LOGIN_PAGE', actor);
        // Fidelity (FIDELITY §7): the login page comes back once although the cookies are valid.
        // The same answer as ecf-routes.ts gives without a session.
        const loginUrl = `${request.site.csoOrigin}/csologin/login.jsf?pscCourtId=${encodeURIComponent(court.pscCourtId)}&appurl=${encodeURIComponent(request.site.selfUrl)}`;
        return reply.header('Cache-Control', 'no-store').page('ecf/login-redirect', { court, loginUrl });
      }
      if (noPrivileges) {
        journal(request, 'NO_PRIVILEGES', actor);
        return reply.header('Cache-Control', 'no-store').page('ecf/no-privileges', { text: FAULT_TEXT.noPrivileges });
      }
    }
  },
  { name: 'faults', dependencies: ['site', 'sessions', 'views'] },
);
