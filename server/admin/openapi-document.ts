import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';

/**
 * /__admin/openapi.json (and the docs page) as @fastify/swagger generates it from the control
 * plane's route schemas. The routes are noted as they are added; the document is made on the first
 * request, on a scratch instance given the same routes (method, URL, schema). Registering swagger
 * on the app itself would load it and its YAML writer and walk every schema at each start, about
 * 20 ms of a start that QA suites pay per test file, for a document few runs ask for.
 */
export type OpenApiDocument = ReturnType<FastifyInstance['swagger']>;

export const ADMIN_PREFIX = '/__admin';

const DESCRIPTION =
  'Drive the mock from tests and scripts: reset to the seed state, manage accounts and links, end sessions, read the journal and the outbox. ' +
  'Every route except /__admin/health takes `Authorization: Bearer <token>`: required when ADMIN_TOKEN is set, or when the server listens beyond loopback ' +
  '(then a token is printed at start); open when it listens on loopback only without ADMIN_TOKEN. Errors are `{"error": code, "message": sentence}`.';

const SWAGGER: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: { title: 'mock-pacer control plane', version: '1', description: DESCRIPTION },
    servers: [{ url: ADMIN_PREFIX }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN, or the token printed at start.' } } },
  },
  // Paths are documented relative to the server URL above.
  transform: ({ schema, url }) => ({ schema, url: url.startsWith(ADMIN_PREFIX) ? url.slice(ADMIN_PREFIX.length) || '/' : url }),
};

/** Notes every documented route added to `app` from now on; returns the document's getter. */
export function openApiDocument(app: FastifyInstance): () => Promise<OpenApiDocument> {
  const routes: Pick<RouteOptions, 'method' | 'url' | 'schema'>[] = [];
  app.addHook('onRoute', (route) => {
    // HEAD routes are Fastify's own copies of the GETs; hidden ones (the dashboard's pages) are not API.
    if (route.method === 'HEAD' || route.schema?.hide === true) return;
    routes.push({ method: route.method, url: route.url, schema: route.schema });
  });

  let document: Promise<OpenApiDocument> | undefined;
  async function generate(): Promise<OpenApiDocument> {
    const { default: swagger } = await import('@fastify/swagger');
    const scratch = Fastify({ exposeHeadRoutes: false });
    // Nothing is served here: the schemas are only read, never compiled.
    scratch.setValidatorCompiler(() => () => true);
    scratch.setSerializerCompiler(() => (data) => JSON.stringify(data));
    await scratch.register(swagger, SWAGGER);
    for (const route of routes) scratch.route({ ...route, handler: async () => null });
    await scratch.ready();
    const doc = scratch.swagger();
    await scratch.close();
    return doc;
  }
  return () => (document ??= generate());
}
