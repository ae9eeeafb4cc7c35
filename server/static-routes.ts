import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { VIEWS_DIR } from './paths.js';

/**
 * The mock's own stylesheets, scripts and images, read into memory once at start.
 * views/static/css|lib|graphics serve the court paths (/css, /lib, /graphics); views/static/csologin
 * serves the CSO's /csologin/resources. Nothing is fetched from anywhere else.
 */
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

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
  const assets = new Map<string, Asset>();
  for (const file of walk(root)) {
    const type = TYPES[extname(file)];
    if (!type) continue;
    const rel = relative(root, file).split(sep).join('/');
    const url = rel.startsWith('csologin/') ? `/csologin/resources/${rel.slice('csologin/'.length)}` : `/${rel}`;
    const body = readFileSync(file);
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
