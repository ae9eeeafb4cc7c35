// Bundles the compiled server (dist/server/main.js) and its pure-JS dependencies into one file,
// dist/bundle/main.mjs, which `npm start` and the Docker image run.
//
// Why: resolving and loading ~400 small modules one by one is most of a cold start. One file
// starts in about two thirds of the time (measured by `npm run bench`, start-up row), which is
// what a QA suite pays every time it spins the mock up per test file.
//
// Left outside the bundle, loaded from node_modules as usual:
// - better-sqlite3: a native addon;
// - pino (with thread-stream and pino-pretty): its transports start worker threads from files
//   found next to its own modules, which a bundle would not have;
// - selfsigned: loaded only when a certificate must be made;
// - @fastify/swagger (with its YAML writer): loaded only when the control plane's API document is
//   first asked for (server/admin/openapi-document.ts); bundled, its source alone is parsed at each start.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { compileStandalone } from '../dist/server/domain/json-validation.js';
import { SeedDocument } from '../dist/seeds/seed-schema.js';

// The seed document's validator, compiled now rather than at every start (it was most of a fresh
// start's time): the generated module takes the place of tsc's dist/seeds/seed-validator.js,
// which exports none. Same schema, same ajv options; only the compiling moves.
writeFileSync('dist/seeds/seed-validator.js', compileStandalone(SeedDocument, 'precompiledSeedValidator'));

await build({
  entryPoints: ['dist/server/main.js'],
  outfile: 'dist/bundle/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pino', 'pino-pretty', 'thread-stream', 'selfsigned', '@fastify/swagger'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __mockPacerCreateRequire } from 'node:module'; const require = __mockPacerCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
