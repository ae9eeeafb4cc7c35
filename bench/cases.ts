import { readFileSync } from 'node:fs';
import { BUILT_IN_SEED } from '../seeds/seed.js';

/**
 * The cases the bench adds through the control plane (POST /__admin/cases) before it measures:
 * not in the sandbox seed, so a reset or a QA run never carries them. Both start from a sandbox
 * case as the seed file writes it, so they read like the rest of the court.
 */

/** The seed's long docket (Coastal Reef v. Meridian Surety, 330 generated entries). */
const TEMPLATE_NUMBER = '1:24-cv-21555';

interface RawCase {
  number: string;
  pacerCaseId?: number;
  entries?: unknown[];
  generatedEntries?: Record<string, unknown>;
  [key: string]: unknown;
}

function seedCase(number: string): RawCase {
  const seed = JSON.parse(readFileSync(BUILT_IN_SEED, 'utf8')) as { cases: RawCase[] };
  const found = seed.cases.find((c) => c.number === number);
  if (!found) throw new Error(`bench: the seed has no case ${number}`);
  return found;
}

/** The seed's long docket grown to `entries` entries, under a number of its own. */
export function largeDocketCase(entries: number, number = '1:24-cv-29901'): Record<string, unknown> {
  const { pacerCaseId: _id, ...c } = seedCase(TEMPLATE_NUMBER);
  const given = c.entries?.length ?? 0;
  return { ...c, number, generatedEntries: { ...c.generatedEntries, count: entries - given } };
}

/** A one-entry case whose document is a PDF of `bytes` bytes (the writer pads it to that size). */
export function largeDocumentCase(bytes: number, pages: number, number = '1:24-cv-29902'): Record<string, unknown> {
  const { pacerCaseId: _id, entries: _e, generatedEntries: _g, ...c } = seedCase(TEMPLATE_NUMBER);
  return {
    ...c,
    number,
    entries: [{ number: 1, filed: '2024-05-06', text: 'NOTICE of Filing Trial Exhibits by Coastal Reef Holdings, LLC.', filer: 'Vance, Lydia', pages, bytes }],
  };
}
