import type { ClassesRepository, TraineeRecord } from '../../db/classes-repository.js';
import type { CourtsRepository } from '../../db/courts-repository.js';
import type { EcfAccount, EcfAccountsRepository } from '../../db/ecf-accounts-repository.js';
import type { PacerAccountsRepository } from '../../db/pacer-accounts-repository.js';
import type { SessionsRepository } from '../../db/sessions-repository.js';

/**
 * Training classes made by the trainer CLI: trainees numbered 1..N at one court, each with an
 * upgraded PACER filer account (the FLSD guide's persona) and an unlinked CM/ECF account. The
 * operations that make, reset or restore those accounts own their transaction here; the class
 * and trainee rows are the classes repository's, the accounts the account repositories'.
 */
export interface TrainingDeps {
  classes: ClassesRepository;
  pacerAccounts: PacerAccountsRepository;
  ecfAccounts: EcfAccountsRepository;
  sessions: SessionsRepository;
  transaction: <T>(fn: () => T) => T;
}

export interface TrainingClass {
  name: string;
  court: string;
  createdAt: number;
  size: number;
  linked: number;
}

export interface Trainee {
  className: string;
  number: number;
  court: string;
  pacerAccountId: number;
  pacerUsername: string;
  pacerPassword: string;
  ecfAccountId: number;
  ecfLogin: string;
  ecfPassword: string;
  firstName: string;
  lastName: string;
  /** When the trainee's CM/ECF account was linked to their PACER account, or null. */
  linkedAt: number | null;
}

/** What the CLI hands over for one new trainee (hashes made beforehand, outside any transaction). */
export interface NewTrainee {
  number: number;
  pacerUsername: string;
  pacerPassword: string;
  pacerHash: string;
  ecfLogin: string;
  ecfPassword: string;
  ecfHash: string;
  firstName: string;
  lastName: string;
  email: string;
}

export class ClassError extends Error {
  override name = 'ClassError';
}

/** Linked to its own trainee's PACER account (a trainee may have linked some other way). */
const linkedAtOf = (t: TraineeRecord, ecf: EcfAccount | undefined): number | null =>
  ecf?.linkedPacerAccountId === t.pacerAccountId ? ecf.linkedAt : null;

export function listClasses(deps: Pick<TrainingDeps, 'classes' | 'ecfAccounts'>): TrainingClass[] {
  const ecfById = new Map(deps.ecfAccounts.list().map((e) => [e.id, e]));
  const linked = new Map<string, number>();
  for (const t of deps.classes.allTrainees()) {
    if (linkedAtOf(t, ecfById.get(t.ecfAccountId)) !== null) linked.set(t.className, (linked.get(t.className) ?? 0) + 1);
  }
  return deps.classes.list().map((c) => ({ ...c, linked: linked.get(c.name) ?? 0 }));
}

export function trainees(deps: Pick<TrainingDeps, 'classes' | 'pacerAccounts' | 'ecfAccounts'>, className: string): Trainee[] {
  return deps.classes.trainees(className).flatMap((t) => {
    const pacer = deps.pacerAccounts.byId(t.pacerAccountId);
    const ecf = deps.ecfAccounts.byId(t.ecfAccountId);
    if (!pacer || !ecf) return [];
    return [
      {
        className: t.className,
        number: t.number,
        court: ecf.court,
        pacerAccountId: pacer.id,
        pacerUsername: pacer.username,
        pacerPassword: t.pacerPassword,
        ecfAccountId: ecf.id,
        ecfLogin: ecf.login,
        ecfPassword: t.ecfPassword,
        firstName: pacer.firstName,
        lastName: pacer.lastName,
        linkedAt: linkedAtOf(t, ecf),
      },
    ];
  });
}

/** Ids of every trainee's accounts (the dashboard lists classes apart from other accounts). */
export function traineeAccountIds(deps: Pick<TrainingDeps, 'classes'>): { pacer: Set<number>; ecf: Set<number> } {
  const all = deps.classes.allTrainees();
  return { pacer: new Set(all.map((t) => t.pacerAccountId)), ecf: new Set(all.map((t) => t.ecfAccountId)) };
}

type Person = { firstName: string; lastName: string; email: string };

/** A trainee's PACER account as on the login card: an upgraded individual filer, active, unlocked. */
function insertTraineePacer(deps: TrainingDeps, username: string, passwordHash: string, who: Person, at: { passwordChangedAt: number; createdAt: number }): number {
  return deps.pacerAccounts.insert({
    username,
    passwordHash,
    firstName: who.firstName,
    lastName: who.lastName,
    email: who.email,
    kind: 'individual',
    upgraded: true,
    filer: true,
    mfaSecret: null,
    mfaBackupCodes: [],
    clientCodeRequired: false,
    status: 'active',
    passwordChangedAt: at.passwordChangedAt,
    createdAt: at.createdAt,
  });
}

/** A trainee's CM/ECF account: not linked. */
function insertTraineeEcf(deps: TrainingDeps, court: string, login: string, passwordHash: string, who: Person & { barNumber: string }): number {
  const { firstName, lastName, email, barNumber } = who;
  return deps.ecfAccounts.insert({ court, login, passwordHash, firstName, lastName, barNumber, email, linkedPacerAccountId: null, linkedAt: null });
}

/** Makes the class and every trainee's pair of accounts in one transaction: all or nothing. */
export function createClass(deps: TrainingDeps, name: string, court: string, now: number, list: readonly NewTrainee[]): void {
  deps.transaction(() => {
    if (deps.classes.exists(name)) throw new ClassError(`a class named "${name}" already exists`);
    deps.classes.insertClass(name, court, now);
    for (const t of list) {
      if (deps.pacerAccounts.byUsername(t.pacerUsername)) throw new ClassError(`the PACER username "${t.pacerUsername}" is taken`);
      if (deps.ecfAccounts.byLogin(court, t.ecfLogin)) throw new ClassError(`the CM/ECF login "${t.ecfLogin}" is taken at ${court}`);
      const who = { firstName: t.firstName, lastName: t.lastName, email: t.email };
      deps.classes.insertTrainee({
        className: name,
        number: t.number,
        pacerAccountId: insertTraineePacer(deps, t.pacerUsername, t.pacerHash, who, { passwordChangedAt: now, createdAt: now }),
        ecfAccountId: insertTraineeEcf(deps, court, t.ecfLogin, t.ecfHash, { ...who, barNumber: '' }),
        pacerPassword: t.pacerPassword,
        ecfPassword: t.ecfPassword,
      });
    }
  });
}

/**
 * Back to the state on the login card: unlinked (both ways), no sessions or half-done logins,
 * no lockout. `numbers` picks trainees; omitted, the whole class. Returns how many were reset.
 */
export function resetTrainees(deps: TrainingDeps, className: string, numbers?: readonly number[]): number {
  return deps.transaction(() => {
    const all = deps.classes.trainees(className);
    const chosen = numbers ? all.filter((t) => numbers.includes(t.number)) : all;
    for (const t of chosen) {
      deps.ecfAccounts.unlinkAllFrom(t.pacerAccountId);
      deps.ecfAccounts.unlink(t.ecfAccountId);
      deps.sessions.dropAllOf(t.pacerAccountId);
      deps.pacerAccounts.clearFailures(t.pacerAccountId);
    }
    return chosen.length;
  });
}

/** Removes the class and its trainees' accounts (their sessions and links go with them). */
export function removeClass(deps: TrainingDeps, className: string): number {
  return deps.transaction(() => {
    const all = deps.classes.trainees(className);
    for (const t of all) {
      deps.ecfAccounts.unlinkAllFrom(t.pacerAccountId);
      deps.pacerAccounts.remove(t.pacerAccountId);
      deps.ecfAccounts.remove(t.ecfAccountId);
    }
    deps.classes.removeClass(className);
    return all.length;
  });
}

/**
 * Runs `reset` (the seeder's wipe and re-seed) and puts the training classes back afterwards,
 * unlinked, in the same transaction: a reset between QA tests must not void the login cards a
 * trainer has handed out. Trainees whose court, username or login the seed now uses are dropped.
 * Returns how many trainees were kept.
 */
export function keepTraineesAcross(deps: TrainingDeps & { courts: Pick<CourtsRepository, 'byCode'> }, reset: () => void): number {
  return deps.transaction(() => {
    const classes = deps.classes.list();
    const kept = deps.classes.allTrainees().flatMap((t) => {
      const pacer = deps.pacerAccounts.byId(t.pacerAccountId);
      const ecf = deps.ecfAccounts.byId(t.ecfAccountId);
      return pacer && ecf ? [{ t, pacer, ecf }] : [];
    });
    reset();
    if (classes.length === 0) return 0;
    const live = new Set<string>();
    for (const c of classes) {
      if (!deps.courts.byCode(c.court)) continue;
      deps.classes.insertClass(c.name, c.court, c.createdAt);
      live.add(c.name);
    }
    let count = 0;
    for (const { t, pacer, ecf } of kept) {
      if (!live.has(t.className)) continue;
      if (deps.pacerAccounts.byUsername(pacer.username) || deps.ecfAccounts.byLogin(ecf.court, ecf.login)) continue;
      deps.classes.insertTrainee({
        ...t,
        pacerAccountId: insertTraineePacer(deps, pacer.username, pacer.passwordHash, pacer, pacer),
        ecfAccountId: insertTraineeEcf(deps, ecf.court, ecf.login, ecf.passwordHash, ecf),
      });
      count++;
    }
    return count;
  });
}
