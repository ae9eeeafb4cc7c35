import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formatFault, parseFaultSetting, THROTTLE_WINDOW_MS, type Fault, type FaultName } from '../domain/faults.js';
import { ECF_PATHS } from '../ecf/paths.js';

/**
 * Applies the named faults (server/domain/faults.ts) to court pages, CSO pages and the API,
 * from three sources: the FAULTS setting (at start), PUT /__admin/faults (at run time) and the
 * X-Mock-Fault header (one request). The control plane and static assets are never touched, so a
 * test can always clear the faults it set.
 *
 * This is the one cross-cutting hook that decides by path: it must reach /services/* whether or
 * not a route answers there, and every area of the mock alike. It owns the fault state and the
 * decision (which fault fires on this request, counters, the THROTTLE window, LATENCY); the
 * answer is the area's own, through the renderer the area registers with `answer`, so a fault
 * looks exactly like the area's other answers (one serializer per protocol). BLOCKED alone is
 * the plugin's: a firewall's page, the same everywhere.
 */

/** The faults each area answers itself, when the plugin decides one fires there. */
export interface AreaFaults {
  /** The authentication API under /services/ (server/cso/cso-auth-routes.ts). */
  api: 'MAINTENANCE' | 'THROTTLE';
  /** The CSO's screens under /csologin/ (server/cso/login-routes.ts). */
  cso: 'MAINTENANCE';
  /** A court's pages, / and /cgi-bin/* (server/ecf/ecf-routes.ts), and its documents, /doc1/*. */
  court: 'MAINTENANCE' | 'SPURIOUS_LOGIN_PAGE' | 'NO_PRIVILEGES';
}

export type FaultArea = keyof AreaFaults;

/**
 * An area's answer to a fault. The plugin has already set `Cache-Control: no-store` (and
 * `Retry-After` for MAINTENANCE); the renderer picks the status and the body.
 */
export type FaultRenderer<A extends FaultArea> = (fault: AreaFaults[A], request: FastifyRequest, reply: FastifyReply) => FastifyReply;

export interface FaultService {
  /** The run-time faults still active, written as in FAULTS (events show what is left). */
  list(): string[];
  /** Replaces the run-time faults (an empty list clears them); counters start over. */
  set(faults: readonly Fault[]): void;
  /** Registers how `area` answers its faults: once per area, by the module that owns the area. */
  answer<A extends FaultArea>(area: A, render: FaultRenderer<A>): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    faults: FaultService;
  }
}

export const FAULT_HEADER = 'x-mock-fault';

/** Our own assets: never faulted (a page under MAINTENANCE still needs its stylesheet). */
const STATIC_PREFIXES = ['/css/', '/lib/', '/graphics/', '/csologin/resources/'];

function areaOf(request: FastifyRequest): FaultArea | null {
  const path = request.url.split('?', 1)[0] ?? '';
  // The menu script every court page's head loads is part of the page, like its stylesheet: a
  // fault (SPURIOUS_LOGIN_PAGE, counted per page) fires on the page, not again on its script.
  if (path.startsWith('/__admin') || STATIC_PREFIXES.some((p) => path.startsWith(p)) || path === '/favicon.ico' || path === ECF_PATHS.menuScript) return null;
  const kind = request.site.kind;
  if (path.startsWith('/services/')) return kind === 'court' ? null : 'api';
  if (path.startsWith('/csologin/')) return kind === 'court' ? null : 'cso';
  if ((path === '/' || path.startsWith('/cgi-bin/') || path.startsWith('/doc1/')) && request.site.court) return 'court';
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
    const renderers: { [A in FaultArea]?: FaultRenderer<A> } = {};

    const service: FaultService = {
      list: () =>
        active.map(({ fault, remaining }) =>
          fault.name === 'SPURIOUS_LOGIN_PAGE' || fault.name === 'SESSION_EXPIRED' ? formatFault({ ...fault, times: remaining }) : formatFault(fault),
        ),
      set(faults) {
        active = faults.map((fault) => ({ fault, remaining: 'times' in fault ? fault.times : 0 }));
        throttleLog.clear();
      },
      answer(area, render) {
        if (renderers[area]) throw new Error(`faults: the ${area} area already has its renderer`);
        // (Object.assign: TypeScript cannot write a generic key of a mapped type; `answer`'s signature ties them.)
        Object.assign(renderers, { [area]: render });
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

    /** The area answers the fault it owns, after the headers every fault answer carries. */
    function answerIn<A extends FaultArea>(area: A, fault: AreaFaults[A], request: FastifyRequest, reply: FastifyReply): FastifyReply {
      const render = renderers[area];
      // A module that serves an area registers its renderer as it loads; without one, say so.
      if (!render) throw new Error(`faults: no renderer for the ${area} area (${fault})`);
      reply.header('Cache-Control', 'no-store');
      if (fault === 'MAINTENANCE') reply.header('Retry-After', '3600');
      return render(fault, request, reply);
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
        return answerIn(area, 'MAINTENANCE', request, reply);
      }

      if (area === 'api' && request.method === 'POST' && request.url.split('?', 1)[0] === '/services/cso-auth') {
        const throttle = pick(perRequest, 'THROTTLE');
        if (throttle && !throttleAllows(throttle.entry ? 'runtime' : `header:${formatFault(throttle.fault)}`, throttle.fault)) {
          journal(request, 'THROTTLE');
          return answerIn('api', 'THROTTLE', request, reply);
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
      const isLogout = path === ECF_PATHS.login && request.url.endsWith('?logout');
      if (!(path.startsWith('/cgi-bin/') || path.startsWith('/doc1/')) || isLogout) return;

      if (spurious) {
        consume(spurious.entry);
        journal(request, 'SPURIOUS_LOGIN_PAGE', actor);
        return answerIn('court', 'SPURIOUS_LOGIN_PAGE', request, reply);
      }
      if (noPrivileges) {
        journal(request, 'NO_PRIVILEGES', actor);
        return answerIn('court', 'NO_PRIVILEGES', request, reply);
      }
    }
  },
  { name: 'faults', dependencies: ['site', 'sessions', 'views'] },
);
