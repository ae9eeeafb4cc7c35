import { writeFileSync } from 'node:fs';
import type { Repositories } from '../../db/index.js';
import type { Config } from '../config.js';
import { hashPassword } from '../domain/passwords.js';
import * as training from '../domain/training-classes.js';
import { ClassError, type NewTrainee } from '../domain/training-classes.js';
import { CLASS_NAME, CLASS_NAME_RULE, MAX_CLASS_SIZE, traineeIdentity, traineePassword } from '../domain/trainee-credentials.js';
import { credentialsCsv, credentialsTable, loginCardsHtml, statusTable, textTable } from './class-output.js';
import { progress } from './progress.js';

/** The trainer's commands: `mock-pacer class <command> ...` (server/cli/main.ts parses the line). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliContext {
  config: Config;
  repos: Repositories;
  out: (text: string) => void;
  err: (text: string) => void;
  stderr: NodeJS.WriteStream;
  now: () => number;
}

export interface ClassOptions {
  count?: string;
  court?: string;
  csv?: string;
  cards?: string;
  url?: string;
  trainee?: string[];
}

function className(name: string | undefined): string {
  if (!name) throw new UsageError('name the class, e.g. `mock-pacer class create mar26 --count 20`');
  if (!CLASS_NAME.test(name)) throw new UsageError(`class name "${name}" is not accepted; expected ${CLASS_NAME_RULE}`);
  return name;
}

function existing(ctx: CliContext, name: string | undefined): string {
  const n = className(name);
  if (!ctx.repos.classes.exists(n)) {
    const known = training.listClasses(ctx.repos).map((c) => c.name);
    throw new ClassError(`there is no class "${n}"${known.length ? `; classes: ${known.join(', ')}` : ''}`);
  }
  return n;
}

function writeOutputs(ctx: CliContext, name: string, opts: ClassOptions): void {
  const trainees = training.trainees(ctx.repos, name);
  if (opts.csv) {
    writeFileSync(opts.csv, credentialsCsv(trainees));
    ctx.err(`wrote ${trainees.length} logins to ${opts.csv}\n`);
  }
  if (opts.cards) {
    const court = ctx.repos.courts.byCode(trainees[0]?.court ?? '');
    writeFileSync(opts.cards, loginCardsHtml({ className: name, courtName: court?.name ?? '', url: opts.url ?? null, trainees }));
    ctx.err(`wrote ${trainees.length} login cards to ${opts.cards} (open it in a browser and print)\n`);
  }
}

export function createClass(ctx: CliContext, name: string | undefined, opts: ClassOptions): void {
  const n = className(name);
  const count = Number(opts.count);
  if (!opts.count || !/^\d+$/.test(opts.count) || count < 1 || count > MAX_CLASS_SIZE) {
    throw new UsageError(`--count must be a whole number from 1 to ${MAX_CLASS_SIZE}`);
  }
  const courtCode = (opts.court ?? ctx.config.defaultCourt).toLowerCase();
  const court = ctx.repos.courts.byCode(courtCode);
  if (!court) {
    throw new UsageError(`--court "${courtCode}" is not a court here; courts: ${ctx.repos.courts.list().map((c) => c.code).join(', ')}`);
  }
  if (ctx.repos.classes.exists(n)) throw new ClassError(`a class named "${n}" already exists (reset it, or delete it first)`);

  // Hash before the transaction: scrypt is the slow part, and the database stays free for a
  // running server meanwhile. The insert afterwards is one short transaction.
  const bar = progress(`class ${n}: making ${count} logins`, count, ctx.stderr);
  const list: NewTrainee[] = [];
  for (let i = 1; i <= count; i++) {
    const id = traineeIdentity(n, i, count);
    const pacerPassword = traineePassword({ username: id.pacerUsername, firstName: id.firstName, lastName: id.lastName, email: id.email });
    const ecfPassword = traineePassword({ username: id.ecfLogin, firstName: id.firstName, lastName: id.lastName, email: id.email });
    list.push({
      ...id,
      pacerPassword,
      pacerHash: hashPassword(pacerPassword, ctx.config.passwordHashCost),
      ecfPassword,
      ecfHash: hashPassword(ecfPassword, ctx.config.passwordHashCost),
    });
    bar.tick();
  }
  bar.done();
  training.createClass(ctx.repos, n, court.code, ctx.now(), list);
  ctx.repos.journal.add({ at: ctx.now(), actor: n, host: 'cli', action: 'class.create', outcome: 'ok', detail: `${count} trainees at ${court.code}` });
  ctx.out(`${credentialsTable(training.trainees(ctx.repos, n))}\n`);
  ctx.err(`class ${n}: ${count} trainees at ${court.code.toUpperCase()} (${court.name}), none linked yet\n`);
  writeOutputs(ctx, n, opts);
}

export function showClass(ctx: CliContext, name: string | undefined, opts: ClassOptions): void {
  const n = existing(ctx, name);
  ctx.out(`${credentialsTable(training.trainees(ctx.repos, n))}\n`);
  writeOutputs(ctx, n, opts);
}

export function classStatus(ctx: CliContext, name: string | undefined): void {
  const n = existing(ctx, name);
  ctx.out(`${statusTable(training.trainees(ctx.repos, n))}\n`);
}

export function listClasses(ctx: CliContext): void {
  const classes = training.listClasses(ctx.repos);
  if (classes.length === 0) {
    ctx.out('No training classes. Make one with `mock-pacer class create NAME --count N`.\n');
    return;
  }
  ctx.out(
    `${textTable(
      ['class', 'court', 'trainees', 'linked', 'created'],
      classes.map((c) => [c.name, c.court.toUpperCase(), String(c.size), String(c.linked), new Date(c.createdAt).toISOString().slice(0, 16).replace('T', ' ')]),
    )}\n`,
  );
}

/** `--trainee 7` or `--trainee mar26-07` (or the CM/ECF login), repeatable. */
function traineeNumbers(ctx: CliContext, name: string, picks: string[]): number[] {
  const trainees = training.trainees(ctx.repos, name);
  return picks.map((p) => {
    const t = trainees.find((x) => String(x.number) === p.replace(/^0+(?=\d)/, '') || x.pacerUsername.toLowerCase() === p.toLowerCase() || x.ecfLogin === p);
    if (!t) throw new UsageError(`--trainee "${p}" is not in class ${name} (give a number 1-${trainees.length} or a username)`);
    return t.number;
  });
}

export function resetClass(ctx: CliContext, name: string | undefined, opts: ClassOptions): void {
  const n = existing(ctx, name);
  const numbers = opts.trainee && opts.trainee.length > 0 ? traineeNumbers(ctx, n, opts.trainee) : undefined;
  const count = training.resetTrainees(ctx.repos, n, numbers);
  ctx.repos.journal.add({ at: ctx.now(), actor: n, host: 'cli', action: 'class.reset', outcome: 'ok', detail: numbers ? `trainees ${numbers.join(', ')}` : 'whole class' });
  ctx.out(`class ${n}: ${count} trainee${count === 1 ? '' : 's'} back to unlinked (sessions ended, lockouts cleared)\n`);
}

export function deleteClass(ctx: CliContext, name: string | undefined): void {
  const n = existing(ctx, name);
  const count = training.removeClass(ctx.repos, n);
  ctx.repos.journal.add({ at: ctx.now(), actor: n, host: 'cli', action: 'class.delete', outcome: 'ok', detail: `${count} trainees` });
  ctx.out(`class ${n}: deleted with its ${count} trainees' accounts\n`);
}
