// The baseline of `npm run bench`: bare Fastify answering every path (GET or POST, the request body
// read and dropped) with one response. Plain JavaScript, so its start-up is node's and Fastify's
// alone, like the compiled mock's (node dist/bundle/main.mjs).
//   default              a static HTML page of BARE_BYTES bytes (the size of the mock's login page)
//   BARE_FILE            that file's bytes, read once and sent from memory (BARE_TYPE: their type)
//   BARE_FILE + BARE_STREAM=1   that file streamed from disk on every request, as the mock sends a document
//   BARE_UPLOAD_DIR      also POST /upload: a multipart form whose files (@fastify/multipart, as the
//                        mock parses them) stream to a new file each in that folder; answers the page
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';

const file = process.env.BARE_FILE ?? '';
const type = process.env.BARE_TYPE ?? 'text/html; charset=utf-8';
const stream = process.env.BARE_STREAM === '1';

const bytes = Number(process.env.BARE_BYTES ?? 4096);
const head = '<!DOCTYPE html><html><head><title>bare</title></head><body><p>';
const tail = '</p></body></html>\n';
const page = file ? (stream ? null : readFileSync(file)) : head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
const size = file && stream ? statSync(file).size : 0;

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (_request, payload, done) => {
  payload.resume();
  payload.once('end', () => done(null));
});
app.route({
  method: ['GET', 'POST'],
  url: '/*',
  handler: async (_request, reply) => {
    reply.type(type);
    if (page === null) return reply.header('Content-Length', String(size)).send(createReadStream(file));
    return reply.send(page);
  },
});
const uploadDir = process.env.BARE_UPLOAD_DIR ?? '';
if (uploadDir) {
  // Loaded only here, so the start-up baseline stays node's and Fastify's alone.
  const { default: multipart } = await import('@fastify/multipart');
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024 } });
  let n = 0;
  app.post('/upload', async (request, reply) => {
    for await (const part of request.parts()) {
      if (part.type === 'file') await pipeline(part.file, createWriteStream(join(uploadDir, `${++n}.pdf`)));
    }
    return reply.type(type).send(page);
  });
}
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
