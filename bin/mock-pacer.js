#!/usr/bin/env node
// The trainer CLI's launcher (package.json "bin"), plain JavaScript so it runs anywhere:
// - in a checkout with dev dependencies it runs the TypeScript source through tsx, so
//   `npx mock-pacer ...` works without a build and is never older than the source;
// - in the Docker image (no sources, no tsx) and after `npm ci --omit=dev && npm run build`
//   it runs the compiled dist/server/cli/main.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'server', 'cli', 'main.ts');
const compiled = join(root, 'dist', 'server', 'cli', 'main.js');

function hasTsx() {
  try {
    createRequire(join(root, 'package.json')).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

let entry;
if (existsSync(source) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
} else if (existsSync(compiled)) {
  entry = compiled;
} else {
  process.stderr.write('mock-pacer: cannot find the CLI; run `npm run build` first\n');
  process.exit(1);
}
const { runCli } = await import(pathToFileURL(entry).href);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
