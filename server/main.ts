import { buildApp } from './app.js';
import { ConfigError, helpText, loadConfig } from './config.js';
import { SeedError } from '../seeds/seed.js';

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
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

void main();
