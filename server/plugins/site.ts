import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import type { Court } from '../../db/courts-repository.js';
import { courtOriginFor, csoOriginFor, parseHost, type ParsedHost } from '../domain/hosts.js';

/** What the host router decided for one request. */
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
  interface FastifyRequest {
    site: Site;
  }
}

/**
 * The host router: decides once per request whether the Host names the CSO, a court, or
 * neither (then both the CSO and the default court answer), and puts that on request.site.
 * A court host naming a court the mock does not serve gets a 404 page here.
 */
export default fp(
  async (app) => {
    app.decorateRequest('site', null as unknown as Site);
    // Callback style (no promise): it runs on every request.
    app.addHook('onRequest', (request, reply, done) => {
      const host = parseHost(request.headers.host);
      const scheme = request.protocol === 'https' ? 'https' : 'http';
      const target = host.target;
      const code = target.kind === 'court' ? target.code : target.kind === 'any' ? app.config.defaultCourt : null;
      const court = code ? (app.repos.courts.byCode(code) ?? null) : null;
      const csoOrigin = csoOriginFor(scheme, host);
      const hostOrigin = `${scheme}://${host.hostname}${host.port ? `:${host.port}` : ''}`;
      request.site = {
        host,
        scheme,
        kind: target.kind,
        court,
        csoOrigin,
        courtOrigin: (c: string) => courtOriginFor(scheme, host, c, app.config.defaultCourt),
        selfUrl: hostOrigin + request.url,
      };
      if (target.kind === 'court' && !court) {
        reply.page('errors/not-found', { message: `There is no court "${target.code}" on this server.` }, 404);
        return;
      }
      done();
    });
  },
  { name: 'site', dependencies: ['views', 'db'] },
);

/**
 * Route-module guards on the host router's decision (FIDELITY §1): CSO paths answer on CSO hosts
 * and on "any" host, never on a court host; court paths answer on court hosts and on "any" host,
 * never on the CSO host. Callback style, as they run on every request of their modules.
 */
export function onlyOnCsoHosts(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (request.site.kind === 'court') {
    reply.page('errors/not-found', {}, 404);
    return;
  }
  done();
}

export function onlyOnCourtHosts(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (request.site.kind === 'cso' || !request.site.court) {
    reply.page('errors/not-found', {}, 404);
    return;
  }
  done();
}
