import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { decideAdminAccess } from './admin/admin-access.js';
import { ConfigError, helpText, loadConfig, type Config } from './config.js';
import { loggerOptions } from './logging.js';
import { SeedError } from '../seeds/seed.js';
import { addTlsListener, loadTlsMaterial, TlsError, type TlsListener } from './tls.js';

/** How long SIGTERM waits for in-flight requests before giving up (Docker's own stop timeout is 10 s). */
const SHUTDOWN_GRACE_MS = 8000;

function fail(message: string): never {
  process.stderr.write(`mock-pacer: cannot start: ${message}\n`);
  process.exit(2);
}

/** The only file that listens: read config, build the app, listen, shut down cleanly on SIGTERM. */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  const access = decideAdminAccess({ host: config.host, adminToken: config.adminToken });
  let app: FastifyInstance;
  try {
    app = await buildApp(config, {
      adminToken: access.token,
      logger: loggerOptions(config, { pretty: process.stdout.isTTY === true }),
    });
  } catch (err) {
    if (err instanceof SeedError) fail(`bad seed file: ${err.message}`);
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  // The HTTPS listener is wired before the app is ready, so closing the app closes it too.
  let tls: TlsListener | null = null;
  if (config.tlsPort !== null) {
    try {
      tls = addTlsListener(app, loadTlsMaterial(config, app.repos.courts.list().map((c) => c.code)));
    } catch (err) {
      if (err instanceof TlsError) fail(err.message);
      throw err;
    }
  }

  // Graceful shutdown: app.close() stops accepting (both listeners), lets in-flight requests
  // finish (new ones on kept-alive connections get 503), then its onClose hooks close the
  // database, which checkpoints the WAL into the main file. A stuck request cannot hold the
  // process past the grace period.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // A port in use or a host that is not ours is a setting problem: one line naming the variable.
  const listenOrFail = async (variable: string, port: number, listen: () => Promise<unknown>) => {
    try {
      await listen();
    } catch (err) {
      await app.close().catch(() => undefined);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') fail(`${variable}: ${port} is already in use on ${config.host}`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`HOST: ${JSON.stringify(config.host)} is not an interface of this machine`);
      throw err;
    }
  };
  await listenOrFail('PORT', config.port, () => app.listen({ port: config.port, host: config.host }));
  const tlsPort = config.tlsPort;
  if (tls && tlsPort !== null) await listenOrFail('TLS_PORT', tlsPort, () => tls.listen(tlsPort, config.host));
  if (access.generated) {
    // Printed once, on stderr (docker logs shows it), never written to the JSON log.
    process.stderr.write(
      `mock-pacer: listening beyond loopback (HOST=${config.host}) without ADMIN_TOKEN.\n` +
        `mock-pacer: the /__admin control plane needs this token for this run: ${access.token}\n` +
        `mock-pacer: use it as "Authorization: Bearer <token>", or set ADMIN_TOKEN to choose your own.\n`,
    );
  }
}

void main();
