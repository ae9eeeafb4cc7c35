import type { DB } from './database.js';

/** A training class made by the trainer CLI: trainees numbered 1..N at one court. */
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

interface TraineeRow {
  class_name: string;
  number: number;
  court: string;
  pacer_account_id: number;
  username: string;
  pacer_password: string;
  ecf_account_id: number;
  login: string;
  ecf_password: string;
  first_name: string;
  last_name: string;
  linked_at: number | null;
}

const TRAINEE_SELECT = `
  SELECT t.class_name, t.number, c.court, t.pacer_account_id, p.username, t.pacer_password,
         t.ecf_account_id, e.login, t.ecf_password, p.first_name, p.last_name,
         CASE WHEN e.linked_pacer_account_id = t.pacer_account_id THEN e.linked_at END AS linked_at
  FROM trainees t
  JOIN training_classes c ON c.name = t.class_name
  JOIN pacer_accounts p ON p.id = t.pacer_account_id
  JOIN ecf_accounts e ON e.id = t.ecf_account_id`;

const toTrainee = (r: TraineeRow): Trainee => ({
  className: r.class_name,
  number: r.number,
  court: r.court,
  pacerAccountId: r.pacer_account_id,
  pacerUsername: r.username,
  pacerPassword: r.pacer_password,
  ecfAccountId: r.ecf_account_id,
  ecfLogin: r.login,
  ecfPassword: r.ecf_password,
  firstName: r.first_name,
  lastName: r.last_name,
  linkedAt: r.linked_at,
});

type Row = Record<string, unknown>;

export function createClassesRepository(db: DB) {
  const listClasses = db.prepare<[], { name: string; court: string; created_at: number; size: number; linked: number }>(`
    SELECT c.name, c.court, c.created_at, COUNT(t.number) AS size,
           COALESCE(SUM(e.linked_pacer_account_id = t.pacer_account_id), 0) AS linked
    FROM training_classes c
    LEFT JOIN trainees t ON t.class_name = c.name
    LEFT JOIN ecf_accounts e ON e.id = t.ecf_account_id
    GROUP BY c.name ORDER BY c.created_at, c.name`);
  const classByName = db.prepare<[string], { name: string }>('SELECT name FROM training_classes WHERE name = ? COLLATE NOCASE');
  const traineesOf = db.prepare<[string], TraineeRow>(`${TRAINEE_SELECT} WHERE t.class_name = ? ORDER BY t.number`);
  const insertClass = db.prepare<[string, string, number]>('INSERT INTO training_classes (name, court, created_at) VALUES (?, ?, ?)');
  const pacerExists = db.prepare<[string], { id: number }>('SELECT id FROM pacer_accounts WHERE username = ?');
  const ecfExists = db.prepare<[string, string], { id: number }>('SELECT id FROM ecf_accounts WHERE court = ? AND login = ?');
  // A trainee is an upgraded individual filer (the FLSD guide's persona), not yet linked.
  const insertPacer = db.prepare(
    `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer,
       status, password_changed_at, created_at)
     VALUES (@username, @hash, @firstName, @lastName, @email, 'individual', 1, 1, 'active', @now, @now)`,
  );
  const insertEcf = db.prepare(
    `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email)
     VALUES (@court, @login, @hash, @firstName, @lastName, @barNumber, @email)`,
  );
  const insertTrainee = db.prepare<[string, number, number | bigint, number | bigint, string, string]>(
    `INSERT INTO trainees (class_name, number, pacer_account_id, ecf_account_id, pacer_password, ecf_password)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );

  const unlinkFromPacer = db.prepare<[number]>(
    'UPDATE ecf_accounts SET linked_pacer_account_id = NULL, linked_at = NULL WHERE linked_pacer_account_id = ?',
  );
  const unlinkEcf = db.prepare<[number]>('UPDATE ecf_accounts SET linked_pacer_account_id = NULL, linked_at = NULL WHERE id = ?');
  const dropSessions = db.prepare<[number]>('DELETE FROM sessions WHERE pacer_account_id = ?');
  const dropPending = db.prepare<[number]>('DELETE FROM pending_logins WHERE pacer_account_id = ?');
  const unlock = db.prepare<[number]>('UPDATE pacer_accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const deletePacer = db.prepare<[number]>('DELETE FROM pacer_accounts WHERE id = ?');
  const deleteEcf = db.prepare<[number]>('DELETE FROM ecf_accounts WHERE id = ?');
  const deleteClass = db.prepare<[string]>('DELETE FROM training_classes WHERE name = ?');
  const traineeIds = db.prepare<[], { pacer: number; ecf: number }>('SELECT pacer_account_id AS pacer, ecf_account_id AS ecf FROM trainees');

  function trainees(className: string): Trainee[] {
    return traineesOf.all(className).map(toTrainee);
  }

  function resetOne(t: Trainee): void {
    unlinkFromPacer.run(t.pacerAccountId);
    unlinkEcf.run(t.ecfAccountId);
    dropSessions.run(t.pacerAccountId);
    dropPending.run(t.pacerAccountId);
    unlock.run(t.pacerAccountId);
  }

  return {
    list: (): TrainingClass[] =>
      listClasses.all().map((r) => ({ name: r.name, court: r.court, createdAt: r.created_at, size: r.size, linked: r.linked })),
    exists: (name: string): boolean => classByName.get(name) !== undefined,
    /** Ids of every trainee's accounts (the dashboard lists classes apart from other accounts). */
    traineeAccountIds: (): { pacer: Set<number>; ecf: Set<number> } => {
      const rows = traineeIds.all();
      return { pacer: new Set(rows.map((r) => r.pacer)), ecf: new Set(rows.map((r) => r.ecf)) };
    },
    trainees,

    /** Makes the class and every trainee's pair of accounts in one transaction: all or nothing. */
    create(name: string, court: string, now: number, list: NewTrainee[]): void {
      db.transaction(() => {
        if (classByName.get(name)) throw new ClassError(`a class named "${name}" already exists`);
        insertClass.run(name, court, now);
        for (const t of list) {
          if (pacerExists.get(t.pacerUsername)) throw new ClassError(`the PACER username "${t.pacerUsername}" is taken`);
          if (ecfExists.get(court, t.ecfLogin)) throw new ClassError(`the CM/ECF login "${t.ecfLogin}" is taken at ${court}`);
          const p = insertPacer.run({ username: t.pacerUsername, hash: t.pacerHash, firstName: t.firstName, lastName: t.lastName, email: t.email, now });
          const e = insertEcf.run({ court, login: t.ecfLogin, hash: t.ecfHash, firstName: t.firstName, lastName: t.lastName, barNumber: '', email: t.email });
          insertTrainee.run(name, t.number, p.lastInsertRowid, e.lastInsertRowid, t.pacerPassword, t.ecfPassword);
        }
      })();
    },

    /**
     * Back to the state on the login card: unlinked (both ways), no sessions or half-done logins,
     * no lockout. `numbers` picks trainees; omitted, the whole class. Returns how many were reset.
     */
    reset(className: string, numbers?: number[]): number {
      return db.transaction(() => {
        const all = trainees(className);
        const chosen = numbers ? all.filter((t) => numbers.includes(t.number)) : all;
        chosen.forEach(resetOne);
        return chosen.length;
      })();
    },

    /** Removes the class and its trainees' accounts (their sessions and links go with them). */
    remove(className: string): number {
      return db.transaction(() => {
        const all = trainees(className);
        for (const t of all) {
          unlinkFromPacer.run(t.pacerAccountId);
          deletePacer.run(t.pacerAccountId);
          deleteEcf.run(t.ecfAccountId);
        }
        deleteClass.run(className);
        return all.length;
      })();
    },

    /**
     * Runs `reset` (the seeder's wipe and re-seed) and puts the training classes back afterwards,
     * unlinked, in the same transaction: a reset between QA tests must not void the login cards
     * a trainer has handed out. Trainees whose court or username the seed now uses are dropped.
     * Returns how many trainees were kept.
     */
    keepAcross(reset: () => void): number {
      return db.transaction(() => {
        const classes = db.prepare('SELECT * FROM training_classes').all() as Row[];
        const kept = db
          .prepare(
            `SELECT t.class_name, t.number, t.pacer_password, t.ecf_password,
                    p.username, p.password_hash AS p_hash, p.first_name AS p_first, p.last_name AS p_last, p.email AS p_email,
                    p.password_changed_at, p.created_at,
                    e.court, e.login, e.password_hash AS e_hash, e.first_name AS e_first, e.last_name AS e_last,
                    e.bar_number, e.email AS e_email
             FROM trainees t JOIN pacer_accounts p ON p.id = t.pacer_account_id JOIN ecf_accounts e ON e.id = t.ecf_account_id`,
          )
          .all() as Row[];
        reset();
        if (classes.length === 0) return 0;
        const courtExists = db.prepare<[unknown], { code: string }>('SELECT code FROM courts WHERE code = ?');
        const restorePacer = db.prepare(
          `INSERT INTO pacer_accounts (username, password_hash, first_name, last_name, email, kind, upgraded, filer,
             status, password_changed_at, created_at)
           VALUES (@username, @p_hash, @p_first, @p_last, @p_email, 'individual', 1, 1, 'active', @password_changed_at, @created_at)`,
        );
        const restoreEcf = db.prepare(
          `INSERT INTO ecf_accounts (court, login, password_hash, first_name, last_name, bar_number, email)
           VALUES (@court, @login, @e_hash, @e_first, @e_last, @bar_number, @e_email)`,
        );
        const liveClasses = new Set<unknown>();
        for (const c of classes) {
          if (!courtExists.get(c['court'])) continue;
          insertClass.run(String(c['name']), String(c['court']), Number(c['created_at']));
          liveClasses.add(c['name']);
        }
        let count = 0;
        for (const t of kept) {
          if (!liveClasses.has(t['class_name'])) continue;
          if (pacerExists.get(String(t['username'])) || ecfExists.get(String(t['court']), String(t['login']))) continue;
          const p = restorePacer.run(t);
          const e = restoreEcf.run(t);
          insertTrainee.run(String(t['class_name']), Number(t['number']), p.lastInsertRowid, e.lastInsertRowid, String(t['pacer_password']), String(t['ecf_password']));
          count++;
        }
        return count;
      })();
    },
  };
}
export type ClassesRepository = ReturnType<typeof createClassesRepository>;
