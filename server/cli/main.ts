import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { BUILT_IN_SEED, SeedError, createSeeder, loadSeedFile } from '../../seeds/seed.js';
import { ConfigError, loadConfig } from '../config.js';
import dbPlugin from '../plugins/db.js';
import { ClassError } from '../domain/training-classes.js';
import { classStatus, createClass, deleteClass, listClasses, resetClass, showClass, UsageError, type CliContext } from './class-commands.js';

/**
 * The trainer CLI (`npx mock-pacer ...`, package.json "bin" -> bin/mock-pacer.js). It works on
 * the SQLite file directly (DATABASE_PATH, as the server reads it), so it needs no running
 * server and no admin token; alongside a running server it is safe too: the database is in WAL
 * mode with a busy timeout, and every change is one short transaction.
 */
const USAGE = `mock-pacer: trainer tools for the PACER / CM/ECF mock

Usage:
  mock-pacer class create NAME --count N [--court CODE] [--csv FILE] [--cards FILE] [--url URL]
      Make N trainees, each with an upgraded PACER filer account and an unlinked CM/ECF account
      at the court (default: DEFAULT_COURT). Prints the logins; --csv writes them as CSV, --cards
      writes a printable HTML page of login cards (--url is the address printed on the cards).
  mock-pacer class show NAME [--csv FILE] [--cards FILE] [--url URL]
      Print (and write) a class's logins again.
  mock-pacer class status NAME
      Who has linked, without passwords (fit for a projector).
  mock-pacer class reset NAME [--trainee N|USERNAME ...]
      Back to unlinked, sessions ended, lockouts cleared: the whole class, or the trainees named.
  mock-pacer class delete NAME
      Remove the class and its trainees' accounts.
  mock-pacer class list
      Every class, with how many have linked.

Names: class NAME mar26 gives PACER usernames mar26-01, mar26-02, ... and CM/ECF logins
mar26ecf01, ...; passwords meet PACER's 2025 standard (14-45 characters, upper, lower, special).

Environment: DATABASE_PATH (the server's database file), PASSWORD_HASH_COST, DEFAULT_COURT and
SEED_FILE as for the server (see \`node dist/server/main.js --help\`).
`;

export async function runCli(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv }): Promise<number> {
  const out = (s: string) => void io.stdout.write(s);
  const err = (s: string) => void io.stderr.write(s);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        count: { type: 'string', short: 'n' },
        court: { type: 'string' },
        csv: { type: 'string' },
        cards: { type: 'string' },
        url: { type: 'string' },
        trainee: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    err(`mock-pacer: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [group, command, name, ...extra] = parsed.positionals;
  if (parsed.values.help || group === undefined || group === 'help') {
    out(USAGE);
    return 0;
  }
  if (group !== 'class' || command === undefined || extra.length > 0) {
    err(`mock-pacer: unknown command "${parsed.positionals.join(' ')}"\n\n${USAGE}`);
    return 2;
  }

  let config;
  try {
    config = loadConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`mock-pacer: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (config.databasePath === ':memory:') {
    err('mock-pacer: DATABASE_PATH: ":memory:" is not accepted here; the CLI needs the database file the server uses\n');
    return 2;
  }

  // The server's own database plugin, alone on a bare instance: the same opening, migrations and
  // first-start seeding, so a class can be prepared before the server first starts.
  const app = Fastify({ logger: false });
  try {
    await app.register(dbPlugin, {
      path: config.databasePath,
      seeder: () => createSeeder(loadSeedFile(config.seedFile ?? BUILT_IN_SEED), config.passwordHashCost),
      defaultCourt: null,
      now: () => Date.now(),
      pendingLoginMaxAgeMs: null,
    });
    await app.ready();
    const ctx: CliContext = { config, repos: app.repos, out, err, stderr: io.stderr, now: () => Date.now() };
    const opts = parsed.values;
    switch (command) {
      case 'create':
        createClass(ctx, name, opts);
        break;
      case 'show':
        showClass(ctx, name, opts);
        break;
      case 'status':
        classStatus(ctx, name);
        break;
      case 'reset':
        resetClass(ctx, name, opts);
        break;
      case 'delete':
        deleteClass(ctx, name);
        break;
      case 'list':
        listClasses(ctx);
        break;
      default:
        throw new UsageError(`unknown command "class ${command}"`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`mock-pacer: ${e.message}\n(see mock-pacer --help)\n`);
      return 2;
    }
    if (e instanceof ClassError || e instanceof SeedError) {
      err(`mock-pacer: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await app.close();
  }
}
