import type { CatalogRows, CourtCatalog, FilingCategory, FilingEvent, LinkPrompt } from '../server/domain/filing-events.js';
import { bumpDataGeneration, dataGeneration, type DB } from './database.js';

/** The table's columns are the entity's fields. */
type CategoryRow = FilingCategory;

interface EventRow {
  id: number;
  category_id: number;
  court: string;
  key: string;
  name: string;
  text: string;
  short: string;
  kind: string;
  fee_cents: number | null;
  link: LinkPrompt;
  link_word: string;
  against: number;
  against_word: string;
  response_days: number | null;
  deadline_label: string;
  filed_by: string;
}

/**
 * The only owner of filing_courts, filing_categories and filing_events: each court's filing
 * catalogue (seed data, written by the seeder only). Read on every filing page and the menus, so
 * it is kept in memory per court and reloaded when the data generation moves (as courts are).
 */
export function createFilingCatalogRepository(db: DB) {
  const insertCourt = db.prepare<[string, number]>('INSERT INTO filing_courts (court, max_upload_bytes) VALUES (?, ?)');
  const insertCategory = db.prepare<[string, string, number, string, string, string]>(
    'INSERT INTO filing_categories (court, menu, position, heading, key, name) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = db.prepare<[number, string, string, string, string, string, string, number | null, string, string, number, string, number | null, string, string]>(
    `INSERT INTO filing_events (category_id, court, key, name, text, short, kind, fee_cents, link, link_word, against, against_word, response_days, deadline_label, filed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const settings = db.prepare<[string], { max_upload_bytes: number }>('SELECT max_upload_bytes FROM filing_courts WHERE court = ?');
  const categories = db.prepare<[string], CategoryRow>('SELECT * FROM filing_categories WHERE court = ? ORDER BY position');
  const events = db.prepare<[string], EventRow>('SELECT * FROM filing_events WHERE court = ? ORDER BY id');

  let cache = { generation: -1, byCourt: new Map<string, CourtCatalog>() };

  function load(court: string): CourtCatalog {
    const cats: FilingCategory[] = categories.all(court).map((r) => ({ ...r }));
    const byId = new Map(cats.map((c) => [c.id, c]));
    const evs: FilingEvent[] = [];
    for (const r of events.all(court)) {
      const cat = byId.get(r.category_id);
      if (!cat) continue;
      evs.push({
        id: r.id,
        court: r.court,
        key: r.key,
        menu: cat.menu,
        categoryKey: cat.key,
        name: r.name,
        text: r.text,
        short: r.short,
        kind: r.kind,
        feeCents: r.fee_cents,
        link: r.link,
        linkWord: r.link_word,
        against: r.against === 1,
        againstWord: r.against_word,
        responseDays: r.response_days,
        deadlineLabel: r.deadline_label,
        filedBy: r.filed_by,
      });
    }
    return { court, maxUploadBytes: settings.get(court)?.max_upload_bytes ?? 0, categories: cats, events: evs };
  }

  return {
    /** A court's catalogue (empty when the seed gives it none). Callers must not change it. */
    forCourt(court: string): CourtCatalog {
      const generation = dataGeneration(db);
      if (db.inTransaction) return load(court);
      if (cache.generation !== generation) cache = { generation, byCourt: new Map() };
      let found = cache.byCourt.get(court);
      if (!found) {
        found = load(court);
        cache.byCourt.set(court, found);
      }
      return found;
    },
    /** The seeder's insert (inside its transaction); the courts' rows go with their courts. */
    insert(rows: readonly CatalogRows[]): void {
      bumpDataGeneration(db);
      for (const r of rows) {
        insertCourt.run(r.court, r.maxUploadBytes);
        for (const c of r.categories) {
          const categoryId = Number(insertCategory.run(c.court, c.menu, c.position, c.heading, c.key, c.name).lastInsertRowid);
          for (const e of c.events) {
            insertEvent.run(
              categoryId,
              e.court,
              e.key,
              e.name,
              e.text,
              e.short,
              e.kind,
              e.feeCents,
              e.link,
              e.linkWord,
              e.against ? 1 : 0,
              e.againstWord,
              e.responseDays,
              e.deadlineLabel,
              e.filedBy,
            );
          }
        }
      }
    },
  };
}
export type FilingCatalogRepository = ReturnType<typeof createFilingCatalogRepository>;
