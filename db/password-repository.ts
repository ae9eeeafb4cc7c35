import type { DB } from './database.js';

/** The 180-day password rule's state on pacer_accounts (migration 002). */
export function createPasswordRepository(db: DB) {
  const skips = db.prepare<[number], { n: number }>('SELECT password_prompt_skips AS n FROM pacer_accounts WHERE id = ?');
  const skip = db.prepare<[number]>('UPDATE pacer_accounts SET password_prompt_skips = password_prompt_skips + 1 WHERE id = ?');
  const change = db.prepare<[string, number, number]>(
    'UPDATE pacer_accounts SET password_hash = ?, password_changed_at = ?, password_prompt_skips = 0 WHERE id = ?',
  );
  const setChangedAt = db.prepare<[number, number]>('UPDATE pacer_accounts SET password_changed_at = ? WHERE id = ?');
  return {
    promptSkips: (accountId: number): number => skips.get(accountId)?.n ?? 0,
    recordSkip: (accountId: number) => skip.run(accountId),
    change: (accountId: number, hash: string, at: number) => change.run(hash, at, accountId),
    /** For tests and the control plane: pretend the password was set at `at`. */
    setChangedAt: (accountId: number, at: number) => setChangedAt.run(at, accountId),
  };
}
export type PasswordRepository = ReturnType<typeof createPasswordRepository>;
