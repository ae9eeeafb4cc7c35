import { docPrefixFor } from '../server/domain/doc-ids.js';
import { readNotice, type CourtNotice, type CourtNoticeInput } from '../server/domain/nef-settings.js';
import { bumpDataGeneration, dataGeneration, type DB } from './database.js';

export type PdfDelivery = 'inline' | 'iframe';

export interface Court {
  code: string;
  pscCourtId: string;
  name: string;
  title: string;
  kind: 'district' | 'bankruptcy' | 'appellate';
  /** Fidelity: the three digits every doc1 id of this court starts with (FLSD 051). */
  docPrefix: string;
  /** A case's office digit -> the division its docket header names: { "1": "Miami" }. */
  officeNames: Readonly<Record<string, string>>;
  /** How a doc1 purchase answers: the PDF itself, or the show_temp.pl iframe page. */
  pdfDelivery: PdfDelivery;
  /** The court pages' `<body BGCOLOR=...>` (captured: FLSD E0FFFF, NYSD ADC1CE). */
  bodyBgcolor: string;
  /** What its Notices of Electronic Filing say and who sends them (issue 13), defaults filled in. */
  notice: Readonly<CourtNotice>;
}

/** A court to add: the issue 12 and 13 fields have defaults (the prefix from the national map). */
export type NewCourt = Omit<Court, 'docPrefix' | 'officeNames' | 'pdfDelivery' | 'bodyBgcolor' | 'notice'> &
  Partial<Omit<Court, 'notice'>> & { notice?: CourtNoticeInput };

interface CourtRow {
  code: string;
  psc_court_id: string;
  name: string;
  title: string;
  kind: Court['kind'];
  doc_prefix: string;
  office_names: string;
  pdf_delivery: PdfDelivery;
  body_bgcolor: string;
  notice: string;
}

interface Allocation {
  court: string;
  count: number;
  floor: number;
}

function officeNames(json: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(json);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

const toCourt = (r: CourtRow): Court => ({
  code: r.code,
  pscCourtId: r.psc_court_id,
  name: r.name,
  title: r.title,
  kind: r.kind,
  docPrefix: r.doc_prefix,
  officeNames: officeNames(r.office_names),
  pdfDelivery: r.pdf_delivery,
  bodyBgcolor: r.body_bgcolor,
  notice: readNotice(r.notice, { code: r.code, name: r.name, kind: r.kind }),
});

/**
 * Courts are read on nearly every request (the host router, the login page) and written only by
 * the seeder, so they are kept in memory and reloaded when the data generation moves. This
 * repository moves it itself whenever it writes, so every repository bundle over the same database
 * reloads. A list read inside a transaction is not kept: the transaction may still roll back.
 * Callers get copies: a caller changing a Court cannot change the cache.
 */
export function createCourtsRepository(db: DB) {
  const all = db.prepare<[], CourtRow>('SELECT * FROM courts ORDER BY code');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM courts');
  const insert = db.prepare<[string, string, string, string, string, string, string, string, string, string]>(
    `INSERT INTO courts (code, psc_court_id, name, title, kind, doc_prefix, office_names, pdf_delivery, body_bgcolor, notice)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The counters are not part of Court (nothing caches them), so moving one leaves the cache alone.
  // "MAX(next, floor)": 0, or a counter below what is in use (a reset reinserts the courts), starts at the floor.
  const allocate = {
    serials: db.prepare<[Allocation], { first: number }>(
      'UPDATE courts SET next_doc_serial = MAX(next_doc_serial, @floor) + @count WHERE code = @court RETURNING next_doc_serial - @count AS first',
    ),
    caseIds: db.prepare<[Allocation], { first: number }>(
      'UPDATE courts SET next_pacer_case_id = MAX(next_pacer_case_id, @floor) + @count WHERE code = @court RETURNING next_pacer_case_id - @count AS first',
    ),
  };
  // Cases, training classes and CM/ECF accounts of a court go with it (ON DELETE CASCADE).
  const clear = db.prepare('DELETE FROM courts');
  type Cache = { generation: number; list: Court[]; byCode: Map<string, Court>; byPsc: Map<string, Court> };
  let cache: Cache | null = null;

  function load(generation: number): Cache {
    const list = all.all().map(toCourt);
    return { generation, list, byCode: new Map(list.map((c) => [c.code, c])), byPsc: new Map(list.map((c) => [c.pscCourtId, c])) };
  }
  function courts(): Cache {
    const generation = dataGeneration(db);
    if (cache?.generation === generation) return cache;
    if (db.inTransaction) return load(generation);
    cache = load(generation);
    return cache;
  }
  const copy = (c: Court | undefined): Court | undefined => c && { ...c };

  return {
    list: (): Court[] => courts().list.map((c) => ({ ...c })),
    byCode: (code: string): Court | undefined => copy(courts().byCode.get(code.toLowerCase())),
    byPscCourtId: (id: string): Court | undefined => copy(courts().byPsc.get(id.toUpperCase())),
    count: (): number => count.get()?.n ?? 0,
    insertMany(list: readonly NewCourt[]): void {
      bumpDataGeneration(db);
      for (const c of list) {
        const prefix = c.docPrefix ?? docPrefixFor(c.code) ?? '';
        insert.run(c.code, c.pscCourtId, c.name, c.title, c.kind, prefix, JSON.stringify(c.officeNames ?? {}), c.pdfDelivery ?? 'inline', c.bodyBgcolor ?? 'E0FFFF', JSON.stringify(c.notice ?? {}));
      }
    },
    /**
     * Hands out `count` consecutive doc1 serials (or PACER case ids) at a court and returns the
     * first: never below `floor` (callers pass one above the highest in use), never one handed out
     * before, even after the case that held it was deleted. Null for an unknown court.
     */
    allocateSerials: (court: string, count: number, floor: number): number | null => allocate.serials.get({ court, count, floor })?.first ?? null,
    allocateCaseIds: (court: string, count: number, floor: number): number | null => allocate.caseIds.get({ court, count, floor })?.first ?? null,
    clear(): void {
      bumpDataGeneration(db);
      clear.run();
    },
  };
}
export type CourtsRepository = ReturnType<typeof createCourtsRepository>;
