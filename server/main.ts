import { buildApp } from './app.js';
import { ConfigError, helpText, loadConfig } from './config.js';
import { SeedError } from '../seeds/seed.js';
import { addTlsListener, loadTlsMaterial, TlsError, type TlsListener } from './tls.js';

/** The only file that listens: read config, build the app, listen, shut down cleanly on SIGTERM. */
async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${helpText()}\n`);
    return;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`mock-pacer: cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  let app;
  try {
    app = await buildApp(config);
  } catch (err) {
    if (err instanceof SeedError) {
      process.stderr.write(`mock-pacer: cannot start: bad seed file: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // The HTTPS listener is wired before the app is ready, so closing the app closes it too.
  let tls: TlsListener | null = null;
  if (config.tlsPort !== null) {
    try {
      tls = addTlsListener(app, loadTlsMaterial(config, app.repos.courts.list().map((c) => c.code)));
    } catch (err) {
      if (err instanceof TlsError) {
        process.stderr.write(`mock-pacer: cannot start: ${err.message}\n`);
        process.exit(2);
      }
      throw err;
    }
  }
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  if (tls && config.tlsPort !== null) await tls.listen(config.tlsPort, config.host);
}

void main();
