import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DB } from '../../db/database.js';
import { buildApp, type AppDeps } from '../../server/app.js';
import { testConfig, type Config } from '../../server/config.js';
import { addTlsListener, loadTlsMaterial, type TlsMaterial } from '../../server/tls.js';
import { Browser } from './browser.js';

export const PACER_PASSWORD = 'Sandbox!Pacer2026';
export const ECF_PASSWORD = 'Filer!Court2026';

/** The handle under each app makeApp built (the app itself hands none out). */
const handles = new WeakMap<FastifyInstance, DB>();

/** A fresh app on its own in-memory database (or the file given), seeded with the personas. */
export async function makeApp(overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<FastifyInstance> {
  const config = testConfig(overrides);
  const db = deps.db ?? openDatabase(config.databasePath);
  const app = await buildApp(config, { ...deps, db });
  handles.set(app, db);
  app.addHook('onClose', async () => {
    if (!deps.db) db.close();
  });
  return app;
}

/** The SQLite handle under an app from makeApp, for tests that check rows behind the repositories' backs. */
export function testDb(app: FastifyInstance): DB {
  const db = handles.get(app);
  if (!db) throw new Error('testDb: this app was not built by makeApp');
  return db;
}

let tlsMaterial: TlsMaterial | undefined;
/** One self-signed certificate per test file (making one costs a few hundred milliseconds). */
function testTlsMaterial(app: FastifyInstance): TlsMaterial {
  tlsMaterial ??= loadTlsMaterial(app.config, app.repos.courts.list().map((c) => c.code));
  return tlsMaterial;
}

/**
 * The app listening on a real loopback socket, and a browser pointed at it. With `tls`, the
 * HTTPS listener too (server/tls.ts, as main.ts wires it); its port is `tlsPort`.
 */
export async function serve(
  app: FastifyInstance,
  opts: { tls?: boolean } = {},
): Promise<{ port: number; tlsPort: number | undefined; base: string; browser: () => Browser }> {
  const tls = opts.tls ? addTlsListener(app, testTlsMaterial(app)) : null;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const tlsPort = tls ? await tls.listen(0, '127.0.0.1') : undefined;
  return { port, tlsPort, base: `http://localhost:${port}`, browser: () => new Browser(port, tlsPort) };
}

/** What serve() hands back. */
export type Served = Awaited<ReturnType<typeof serve>>;

/** serve(), plus the first browser `b` most tests need (more come from `browser()`). */
export async function serveWithBrowser(app: FastifyInstance, opts: { tls?: boolean } = {}): Promise<Served & { b: Browser }> {
  const served = await serve(app, opts);
  return { ...served, b: served.browser() };
}
