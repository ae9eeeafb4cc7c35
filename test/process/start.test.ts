import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { PROJECT_ROOT } from '../../server/paths.js';

/**
 * What `npm start` runs: the build (tsc, then the one-file bundle) and `node dist/bundle/main.mjs`.
 * The other tests run the sources; this one proves the artefact a newcomer and the image start.
 */
describe('the built server', () => {
  it('builds, starts from the bundle on a fresh database, serves the login page and the API, and stops on SIGTERM', async () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    const dir = mkdtempSync(join(tmpdir(), 'mock-pacer-start-'));
    const child = spawn(process.execPath, ['dist/bundle/main.mjs'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', TLS_PORT: 'off', LOG_LEVEL: 'info', DATABASE_PATH: join(dir, 'db.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line: ${out}`)), 15_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = out.match(/listening at http:\/\/127\.0\.0\.1:(\d+)/);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const page = await request(`http://127.0.0.1:${port}/csologin/login.jsf`);
      expect(page.statusCode).toBe(200);
      expect(await page.body.text()).toContain('PACER Login');
      const auth = await request(`http://127.0.0.1:${port}/services/cso-auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ loginId: 'researcher', password: 'Sandbox!Pacer2026' }),
      });
      const json = (await auth.body.json()) as { loginResult: string; nextGenCSO: string };
      expect(json.loginResult).toBe('0');
      expect(json.nextGenCSO).toMatch(/^[A-Za-z0-9]{128}$/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
