import fp from 'fastify-plugin';
import { courtOriginFor, csoOriginFor, parseHost } from '../domain/hosts.js';
import type { Site } from '../types.js';

/**
 * The host router: decides once per request whether the Host names the CSO, a court, or
 * neither (then both the CSO and the default court answer), and puts that on request.site.
 * A court host naming a court the mock does not serve gets a 404 page here.
 */
export default fp(
  async (app) => {
    app.decorateRequest('site', null as unknown as Site);
    app.addHook('onRequest', async (request, reply) => {
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
        return reply.page('errors/not-found', { message: `There is no court "${target.code}" on this server.` }, 404);
      }
    });
  },
  { name: 'site', dependencies: ['views'] },
);
