import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Set by a route that takes uploads (a filing's upload step) before the body is read: each
     * chosen file part streams to it instead of into memory. Null everywhere else.
     */
    fileSink: ((part: MultipartFile) => Promise<void>) | null;
  }
}

/**
 * Fidelity: real CM/ECF forms are `enctype="multipart/form-data"` and PACER clients post every
 * field that way, some (juriscraper) as file parts with an empty filename. Registered by the route
 * modules that take form POSTs (server/ecf/ecf-routes.ts, server/cso/login-routes.ts), in their own
 * scope. Fields land on request.body as `{ value }` objects, which form-fields.ts `field()` unwraps;
 * a file part whose filename is empty is read as text and gets a `value` too. A route with a
 * `fileSink` (server/ecf/filing/) gets its chosen files streamed there, never buffered.
 */
const MAX_FIELD = 64 * 1024;

export async function acceptMultipartForms(app: FastifyInstance): Promise<void> {
  app.decorateRequest('fileSink', null);
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fields: 200, fieldSize: MAX_FIELD, files: 20, fileSize: MAX_FIELD, parts: 220 },
    async onFile(part) {
      if (this.fileSink && part.filename !== '') return this.fileSink(part);
      const buffer = await part.toBuffer();
      if (part.filename === '') (part as unknown as { value: string }).value = buffer.toString('utf8');
    },
  });
}
