// The baseline of `npm run bench`: bare Fastify answering one static HTML page of BARE_BYTES bytes
// (the size of the mock's login page) on every path. Plain JavaScript, so its start-up is node's
// and Fastify's alone, like the compiled mock's (node dist/server/main.js).
import Fastify from 'fastify';

const bytes = Number(process.env.BARE_BYTES ?? 4096);
const head = '<!DOCTYPE html><html><head><title>bare</title></head><body><p>';
const tail = '</p></body></html>\n';
const page = head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;

const app = Fastify({ logger: false });
app.get('/*', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
