import type { DB } from './database.js';

/** A training class as stored: its trainees' accounts live in the account repositories. */
export interface ClassRecord {
  name: string;
  court: string;
  createdAt: number;
  /** How many trainees it has. */
  size: number;
}

/** One trainee as stored: the pair of accounts made for them and the passwords on their login card. */
export interface TraineeRecord {
  className: string;
  number: number;
  pacerAccountId: number;
  ecfAccountId: number;
  pacerPassword: string;
  ecfPassword: string;
}

interface TraineeRow {
  class_name: string;
  number: number;
  pacer_account_id: number;
  ecf_account_id: number;
  pacer_password: string;
  ecf_password: string;
}

const toTrainee = (r: TraineeRow): TraineeRecord => ({
  className: r.class_name,
  number: r.number,
  pacerAccountId: r.pacer_account_id,
  ecfAccountId: r.ecf_account_id,
  pacerPassword: r.pacer_password,
  ecfPassword: r.ecf_password,
});

/**
 * The only owner of training_classes and trainees (migration 004). The class operations that also
 * make or change accounts are in server/domain/training-classes.ts.
 */
export function createClassesRepository(db: DB) {
  const list = db.prepare<[], { name: string; court: string; created_at: number; size: number }>(`
    SELECT c.name, c.court, c.created_at, COUNT(t.number) AS size
    FROM training_classes c LEFT JOIN trainees t ON t.class_name = c.name
    GROUP BY c.name ORDER BY c.created_at, c.name`);
  const byName = db.prepare<[string], { name: string }>('SELECT name FROM training_classes WHERE name = ? COLLATE NOCASE');
  const traineesOf = db.prepare<[string], TraineeRow>('SELECT * FROM trainees WHERE class_name = ? ORDER BY number');
  const allTrainees = db.prepare<[], TraineeRow>('SELECT * FROM trainees ORDER BY class_name, number');
  const insertClass = db.prepare<[string, string, number]>('INSERT INTO training_classes (name, court, created_at) VALUES (?, ?, ?)');
  const insertTrainee = db.prepare<[string, number, number, number, string, string]>(
    `INSERT INTO trainees (class_name, number, pacer_account_id, ecf_account_id, pacer_password, ecf_password)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // Its trainees go with it (ON DELETE CASCADE); their accounts do not: the service removes those.
  const removeClass = db.prepare<[string]>('DELETE FROM training_classes WHERE name = ?');

  return {
    list: (): ClassRecord[] => list.all().map((r) => ({ name: r.name, court: r.court, createdAt: r.created_at, size: r.size })),
    /** Class names are not case sensitive. */
    exists: (name: string): boolean => byName.get(name) !== undefined,
    trainees: (className: string): TraineeRecord[] => traineesOf.all(className).map(toTrainee),
    allTrainees: (): TraineeRecord[] => allTrainees.all().map(toTrainee),
    insertClass: (name: string, court: string, createdAt: number) => insertClass.run(name, court, createdAt),
    insertTrainee: (t: TraineeRecord) =>
      insertTrainee.run(t.className, t.number, t.pacerAccountId, t.ecfAccountId, t.pacerPassword, t.ecfPassword),
    removeClass: (name: string) => removeClass.run(name),
  };
}
export type ClassesRepository = ReturnType<typeof createClassesRepository>;
