import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../support/spawn.js';
import { tempDir } from '../support/temp.js';

/**
 * The real process, listening beyond loopback: it prints a control-plane token once, requires it,
 * and on SIGTERM stops accepting, finishes the request in flight, closes the database (WAL
 * checkpointed into the main file) and exits 0.
 */
describe('a server process', () => {
  it('prints a token when listening beyond loopback, and shuts down gracefully on SIGTERM', async () => {
    const dir = tempDir('shutdown');
    const dbPath = join(dir, 'mock-pacer.sqlite');
    const p = spawnServer({ HOST: '0.0.0.0', PORT: '0', DATABASE_PATH: dbPath, LOG_LEVEL: 'info' });
    try {
      const [, port] = await p.waitFor(/"msg":"Server listening at http:\/\/[^:"]+:(\d+)"/);
      const [, token] = await p.waitFor(/the \/__admin control plane needs this token for this run: (\S+)\n/);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Printed on stderr only, and never into the JSON log on stdout.
      expect(p.stdout()).not.toContain(token ?? '');

      const base = `http://127.0.0.1:${port}`;
      expect((await request(`${base}/__admin/health`)).statusCode).toBe(200);
      const refused = await request(`${base}/__admin/courts`);
      expect(refused.statusCode).toBe(401);
      await refused.body.dump();
      const allowed = await request(`${base}/__admin/courts`, { headers: { authorization: `Bearer ${token}` } });
      expect(allowed.statusCode).toBe(200);
      await allowed.body.dump();

      // A slow request: headers and half the body now, SIGTERM, the rest of the body later.
      const body = JSON.stringify({ username: 'inflight', password: 'In!Flight-Pass2026', firstName: 'In', lastName: 'Flight' });
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.write(
        `POST /__admin/accounts/pacer HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
      );
      await new Promise((r) => setTimeout(r, 150));
      p.child.kill('SIGTERM');
      await p.waitFor(/"msg":"shutting down"/);

      // No longer accepting new connections (the listener closes a moment after the log line)...
      const tryConnect = () =>
        new Promise<string>((resolve) => {
          const s = connect(Number(port), '127.0.0.1');
          s.once('connect', () => (s.destroy(), resolve('connected')));
          s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        });
      let fresh = await tryConnect();
      for (let i = 0; i < 20 && fresh === 'connected'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        fresh = await tryConnect();
      }
      expect(fresh).toBe('ECONNREFUSED');

      // ...but the request in flight completes.
      socket.end(body.slice(20));
      await ended;
      expect(answer).toMatch(/^HTTP\/1\.1 201 /);
      expect(answer).toContain('"username":"inflight"');

      const { code, signal } = await p.exit;
      expect(signal).toBeNull();
      expect(code).toBe(0);
    } finally {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
    }

    // The database was closed cleanly: SQLite checkpoints the WAL into the main file and removes it on the last close.
    const wal = `${dbPath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT username FROM pacer_accounts WHERE username = ?').get('inflight')).toEqual({ username: 'inflight' });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
