import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../../db/database.js';
import { buildApp, type AppDeps } from '../../server/app.js';
import { testConfig, type Config } from '../../server/config.js';
import { Browser } from './browser.js';

export const PACER_PASSWORD = 'Sandbox!Pacer2026';
export const ECF_PASSWORD = 'Filer!Court2026';

/** A fresh app on its own in-memory database (or the file given), seeded with the personas. */
export async function makeApp(overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<FastifyInstance> {
  const config = testConfig(overrides);
  const db = deps.db ?? openDatabase(config.databasePath);
  const app = await buildApp(config, { ...deps, db });
  app.addHook('onClose', async () => {
    if (!deps.db) db.close();
  });
  return app;
}

/** The app listening on a real loopback socket, and a browser pointed at it. */
export async function serve(app: FastifyInstance): Promise<{ port: number; base: string; browser: () => Browser }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return { port, base: `http://localhost:${port}`, browser: () => new Browser(port) };
}
