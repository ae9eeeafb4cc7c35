import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from './paths.js';

/**
 * The mock's own stylesheets, scripts and images, read into memory once at start.
 * views/static/css|lib|graphics serve the court paths (/css, /lib, /graphics); views/static/csologin
 * serves the CSO's /csologin/resources. Nothing is fetched from anywhere else.
 *
 * views/static/shared holds what both products' files share, and is not served on its own: a
 * stylesheet takes a shared one in with `@import "<relative path>/shared/x.css";` (first, as CSS
 * wants), and that line is replaced here by the file's text. The browser so applies the same
 * rules in the same order as it would for the @import, from the one stylesheet each page always
 * loaded, at its old URL.
 */
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const SHARED = 'shared';

/** An @import line of a stylesheet: `@import "path";` or `@import url("path");`. */
const IMPORT_LINE = /^@import\s+(?:url\(\s*)?(["'])([^"']+)\1\s*\)?\s*;[ \t]*$/gm;

/** A stylesheet's text with each @import of a shared file replaced by that file; any other @import is an error. */
function inlineSharedImports(file: string, sharedDir: string): string {
  return readFileSync(file, 'utf8').replace(IMPORT_LINE, (_line, _quote, path: string) => {
    const target = resolve(dirname(file), path);
    if (!target.startsWith(`${sharedDir}${sep}`) || !existsSync(target)) {
      throw new Error(`${file}: @import "${path}" is not a file in ${sharedDir}; nothing else may be imported`);
    }
    return readFileSync(target, 'utf8').trimEnd();
  });
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export default async function staticRoutes(app: FastifyInstance) {
  const root = join(VIEWS_DIR, 'static');
  const sharedDir = join(root, SHARED);
  const assets = new Map<string, Asset>();
  for (const file of walk(root)) {
    const type = TYPES[extname(file)];
    if (!type) continue;
    const rel = relative(root, file).split(sep).join('/');
    if (rel.startsWith(`${SHARED}/`)) continue;
    const url = rel.startsWith('csologin/') ? `/csologin/resources/${rel.slice('csologin/'.length)}` : `/${rel}`;
    const body = extname(file) === '.css' ? Buffer.from(inlineSharedImports(file, sharedDir)) : readFileSync(file);
    assets.set(url, { body, type, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` });
  }
  for (const [url, asset] of assets) {
    app.get(url, async (request, reply) => {
      reply.header('Cache-Control', 'public, max-age=300').header('ETag', asset.etag).type(asset.type);
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.send(asset.body);
    });
  }
}
