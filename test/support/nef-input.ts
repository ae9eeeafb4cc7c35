import type { Repositories } from '../../db/index.js';
import type { NefInput } from '../../server/domain/nef.js';

/** 2026-07-14 2:06 PM EDT: notices' times are the court's, not the machine's. */
export const NEF_AT = Date.UTC(2026, 6, 14, 18, 6);

/** Eight-digit magic numbers counting up from `start` (each test its own range, so looks never collide). */
export function magicCounter(start: number): () => string {
  let n = start;
  return () => String(n++);
}

/**
 * A notice for a filing on an existing entry of Coastal Reef v. Meridian (FLSD, seeded): its four
 * documents, its counsel (five rows, two attorneys twice), one filer; `over` replaces any field.
 */
export function sampleNefInput(repos: Repositories, over: Partial<NefInput> = {}): NefInput {
  const court = repos.courts.byCode('flsd')!;
  const courtCase = repos.cases.byNumber('flsd', '1:24-cv-21555')!;
  const entry = repos.docketEntries.byNumber(courtCase.id, 1)!;
  return {
    court,
    courtCase,
    entry: { ...entry, text: 'MOTION to Dismiss re [[1]] Complaint, Lack of Jurisdiction by Meridian Surety Group, Inc..' },
    textParts: { prefix: '', event: 'MOTION to Dismiss', references: [1], freeText: 'Lack of Jurisdiction', rest: ' by Meridian Surety Group, Inc..' },
    documents: repos.documents.forEntry(entry.id).map((document) => ({ document, sha256: 'a'.repeat(64) })),
    events: [{ short: 'Motion to Dismiss' }],
    filer: { lastName: 'Brandt', firstName: 'Oscar', email: 'obrandt@hallowaybrandt.example.com' },
    filers: [{ name: 'Meridian Surety Group, Inc.' }, { name: 'Meridian Holdings' }],
    counsel: repos.attorneys.counselOfCase(courtCase.id),
    filedAt: NEF_AT,
    enteredAt: NEF_AT,
    origin: 'https://ecf.flsd.uscourts.gov',
    mintMagic: magicCounter(41000000),
    ...over,
  };
}
