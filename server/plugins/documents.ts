import { dirname, join } from 'node:path';
import fp from 'fastify-plugin';
import { createDocumentStore, type DocumentStore } from '../domain/document-store.js';

/**
 * The court documents' folder for the app's life (server/domain/document-store.ts): DOCUMENTS_DIR,
 * or `documents/` beside the database file, or a temporary folder for an in-memory database,
 * made on first use and removed when the app closes.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** Court documents on disk: generated on first request, streamed from there. */
    documents: DocumentStore;
  }
}

export function documentsDirFor(documentsDir: string | null, databasePath: string): string | null {
  if (documentsDir !== null) return documentsDir;
  if (databasePath === ':memory:' || databasePath.startsWith('file:')) return null;
  return join(dirname(databasePath), 'documents');
}

export default fp<{ documentsDir: string | null; databasePath: string }>(
  async (app, opts) => {
    const store = createDocumentStore({ dir: documentsDirFor(opts.documentsDir, opts.databasePath) });
    app.decorate('documents', store);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'documents' },
);
