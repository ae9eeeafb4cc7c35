import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';

/**
 * Runs server/main.ts (through tsx) as its own process, as `npm run dev` would: for what only a
 * process shows (exit codes, the start-up error line, signals, stderr).
 */
export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout/stderr text matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

export function spawnServer(env: Record<string, string>, args: string[] = []): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'main.ts'), ...args], {
    cwd: PROJECT_ROOT,
    // A clean environment: only what the test gives, plus PATH for tsx.
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', TLS_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const m = (out + err).match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.on('data', (d: Buffer) => ((out += d.toString()), check()));
  child.stderr?.on('data', (d: Buffer) => ((err += d.toString()), check()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor(re, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; stdout: ${out}; stderr: ${err}`)), timeoutMs);
        waiters.push({ re, resolve: (m) => (clearTimeout(timer), resolve(m)) });
        void exit.then(() => setTimeout(() => reject(new Error(`process exited before ${re}; stdout: ${out}; stderr: ${err}`)), 50));
        check();
      });
    },
  };
}
