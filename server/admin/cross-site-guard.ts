import type { FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing control-plane request that a browser sends on behalf of another site.
 * On loopback the control plane needs no token, so without this any web page a developer opens
 * could reset the mock with a hidden form posting to http://localhost:8080/__admin/reset (a form
 * can send text/plain or urlencoded bodies without a CORS preflight). Browsers say where a request
 * comes from in Sec-Fetch-Site and Origin; the CLI, curl and test clients send neither and pass.
 */
export async function refuseCrossSite(request: FastifyRequest, reply: FastifyReply) {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  let foreign = fetchSite === 'cross-site';
  if (typeof origin === 'string') {
    try {
      foreign ||= origin === 'null' || new URL(origin).host !== (request.headers.host ?? '').toLowerCase();
    } catch {
      foreign = true;
    }
  }
  if (foreign) {
    return reply
      .code(403)
      .send({ error: 'cross_site', message: 'The control plane does not accept state-changing requests from other web sites.' });
  }
}
