import type { DB } from './database.js';

export interface Session {
  token: string;
  pacerAccountId: number;
  clientCode: string;
  createdAt: number;
  expiresAt: number;
  endedAt: number | null;
}

interface SessionRow {
  token: string;
  pacer_account_id: number;
  client_code: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
}

const toSession = (r: SessionRow): Session => ({
  token: r.token,
  pacerAccountId: r.pacer_account_id,
  clientCode: r.client_code,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
});

export interface PendingLogin {
  jsessionid: string;
  pacerAccountId: number;
  step: string;
  clientCode: string;
  pscCourtId: string;
  appUrl: string;
  createdAt: number;
}

interface PendingRow {
  jsessionid: string;
  pacer_account_id: number;
  step: string;
  client_code: string;
  psc_court_id: string;
  app_url: string;
  created_at: number;
}

/** The only owner of sessions and pending_logins. */
export function createSessionsRepository(db: DB) {
  const insert = db.prepare<[string, number, string, number, number]>(
    'INSERT INTO sessions (token, pacer_account_id, client_code, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const get = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token = ?');
  const end = db.prepare<[number, string]>('UPDATE sessions SET ended_at = ? WHERE token = ? AND ended_at IS NULL');
  const setClientCode = db.prepare<[string, string]>('UPDATE sessions SET client_code = ? WHERE token = ?');
  const purge = db.prepare<[number, number]>('DELETE FROM sessions WHERE expires_at < ? OR ended_at < ?');

  const putPending = db.prepare<[string, number, string, string, string, string, number]>(
    `INSERT OR REPLACE INTO pending_logins (jsessionid, pacer_account_id, step, client_code, psc_court_id, app_url, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const getPending = db.prepare<[string], PendingRow>('SELECT * FROM pending_logins WHERE jsessionid = ?');
  const dropPending = db.prepare<[string]>('DELETE FROM pending_logins WHERE jsessionid = ?');
  const purgePending = db.prepare<[number]>('DELETE FROM pending_logins WHERE created_at < ?');

  const newestFirst = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC');
  const countActive = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE ended_at IS NULL AND expires_at > ?');
  const dropSessionsOf = db.prepare<[number]>('DELETE FROM sessions WHERE pacer_account_id = ?');
  const dropPendingOf = db.prepare<[number]>('DELETE FROM pending_logins WHERE pacer_account_id = ?');
  const clearPending = db.prepare('DELETE FROM pending_logins');
  const clearSessions = db.prepare('DELETE FROM sessions');

  return {
    create: (s: Omit<Session, 'endedAt'>) => insert.run(s.token, s.pacerAccountId, s.clientCode, s.createdAt, s.expiresAt),
    get: (token: string): Session | undefined => {
      const r = get.get(token);
      return r && toSession(r);
    },
    /** The session if it is neither ended nor expired at `now`. */
    active: (token: string, now: number): Session | undefined => {
      const r = get.get(token);
      if (!r || r.ended_at !== null || r.expires_at <= now) return undefined;
      return toSession(r);
    },
    end: (token: string, now: number): boolean => end.run(now, token).changes === 1,
    setClientCode: (token: string, code: string) => setClientCode.run(code, token),
    /** Forgets sessions that expired or ended before `before`. */
    purgeBefore: (before: number) => purge.run(before, before).changes,

    putPending: (p: PendingLogin) =>
      putPending.run(p.jsessionid, p.pacerAccountId, p.step, p.clientCode, p.pscCourtId, p.appUrl, p.createdAt),
    getPending: (jsessionid: string): PendingLogin | undefined => {
      const r = getPending.get(jsessionid);
      return (
        r && {
          jsessionid: r.jsessionid,
          pacerAccountId: r.pacer_account_id,
          step: r.step,
          clientCode: r.client_code,
          pscCourtId: r.psc_court_id,
          appUrl: r.app_url,
          createdAt: r.created_at,
        }
      );
    },
    dropPending: (jsessionid: string) => dropPending.run(jsessionid),
    purgePendingBefore: (at: number) => purgePending.run(at).changes,

    /** Every session, ended and expired ones too, newest first (the control plane's listing). */
    list: (): Session[] => newestFirst.all().map(toSession),
    countActive: (now: number): number => countActive.get(now)?.n ?? 0,
    /** Forgets an account's sessions and half-done logins (a training class reset); no journal entry. */
    dropAllOf(pacerAccountId: number): void {
      dropSessionsOf.run(pacerAccountId);
      dropPendingOf.run(pacerAccountId);
    },
    /** Every session and pending login (the seeder's reset). */
    clear(): void {
      clearPending.run();
      clearSessions.run();
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
