-- 005: court records (issue 12): cases with their parties, counsel, docket entries, documents and
-- free looks, and what a court needs to mint their identifiers. The shape is docs/court-records.md.

-- Fidelity (juriscraper utils.get_court_id_from_doc_id_prefix): a doc1 id starts with the court's
-- three-digit prefix (FLSD 051, NYSD 127, FLSB 050). office_names maps a case's office digit to the
-- division the docket header names ("Southern District of Florida (Miami)"), as JSON {"1": "Miami"}.
-- pdf_delivery: answer a doc1 purchase with the PDF itself, or with the show_temp.pl iframe page.
-- The counters are the next doc1 serial and PACER case id to hand out; 0 means "above the highest in use".
ALTER TABLE courts ADD COLUMN doc_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE courts ADD COLUMN office_names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE courts ADD COLUMN pdf_delivery TEXT NOT NULL DEFAULT 'inline' CHECK (pdf_delivery IN ('inline', 'iframe'));
ALTER TABLE courts ADD COLUMN body_bgcolor TEXT NOT NULL DEFAULT 'E0FFFF';
ALTER TABLE courts ADD COLUMN next_doc_serial INTEGER NOT NULL DEFAULT 0;
ALTER TABLE courts ADD COLUMN next_pacer_case_id INTEGER NOT NULL DEFAULT 0;

-- A case as the court keeps it. Replaces 002's cases (Query's list), whose rows move over below.
ALTER TABLE cases RENAME TO cases_002;
CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  court           TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  pacer_case_id   INTEGER NOT NULL,
  number_short    TEXT NOT NULL,             -- 1:26-cv-20001 (the widget, possible_case_numbers.pl)
  number_full     TEXT NOT NULL,             -- 1:26-cv-20001-ABC; FLSB 26-10234-RAM (the docket header)
  case_type       TEXT NOT NULL,             -- cv, cr, mc, mj, md, bk, ap
  office          INTEGER NOT NULL,
  title           TEXT NOT NULL,
  judge           TEXT NOT NULL DEFAULT '',  -- "Judge Marguerite A. Thornbury"
  referral        TEXT NOT NULL DEFAULT '',  -- "Magistrate Judge Desmond K. Okoye" or ''
  filed_on        TEXT NOT NULL,             -- YYYY-MM-DD
  terminated_on   TEXT,
  nature_of_suit  TEXT NOT NULL DEFAULT '',
  cause           TEXT NOT NULL DEFAULT '',
  jurisdiction    TEXT NOT NULL DEFAULT '',
  jury_demand     TEXT NOT NULL DEFAULT '',
  demand          TEXT NOT NULL DEFAULT '',
  flags           TEXT NOT NULL DEFAULT '',  -- comma list: CLOSED,APPEAL,...
  chapter         TEXT NOT NULL DEFAULT '',  -- bankruptcy: 7, 11, 13
  asset           TEXT NOT NULL DEFAULT '',  -- bankruptcy: Yes, No
  voluntary       TEXT NOT NULL DEFAULT '',  -- bankruptcy: v (voluntary), i (involuntary)
  lead_case_id    INTEGER REFERENCES cases(id) ON DELETE SET NULL,  -- an adversary proceeding's bankruptcy case
  sealed          INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  in_opening      INTEGER NOT NULL DEFAULT 0 CHECK (in_opening IN (0, 1)),
  UNIQUE (court, pacer_case_id),
  UNIQUE (court, number_short)
);

CREATE TABLE parties (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  role             TEXT NOT NULL,             -- Plaintiff, Defendant, Debtor, ...
  name             TEXT NOT NULL,             -- as the docket shows it: "Carmen Alvarez"
  last_name        TEXT NOT NULL,             -- as Query searches it: "Alvarez" (a business: its whole name)
  first_name       TEXT NOT NULL DEFAULT '',
  extra            TEXT NOT NULL DEFAULT '',  -- lines under the name, newline-separated
  terminated_on    TEXT,
  criminal_counts  TEXT NOT NULL DEFAULT ''   -- JSON (server/domain/docket.ts CriminalCounts), '' when not criminal
);
CREATE INDEX parties_by_case ON parties (case_id, position);

CREATE TABLE attorneys (
  id          INTEGER PRIMARY KEY,
  court       TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  firm        TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',   -- newline-separated lines
  phone       TEXT NOT NULL DEFAULT '',
  fax         TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  bar_status  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attorneys_by_name ON attorneys (court, name);

CREATE TABLE party_attorneys (
  party_id       INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  attorney_id    INTEGER NOT NULL REFERENCES attorneys(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  lead           INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
  to_be_noticed  INTEGER NOT NULL DEFAULT 0 CHECK (to_be_noticed IN (0, 1)),
  pro_hac_vice   INTEGER NOT NULL DEFAULT 0 CHECK (pro_hac_vice IN (0, 1)),
  designation    TEXT NOT NULL DEFAULT '',
  terminated_on  TEXT,
  PRIMARY KEY (party_id, attorney_id)
);
CREATE INDEX party_attorneys_by_attorney ON party_attorneys (attorney_id);

CREATE TABLE docket_entries (
  id                 INTEGER PRIMARY KEY,
  case_id            INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  seq                INTEGER NOT NULL,          -- de_seq_num
  doc_number         INTEGER,                   -- NULL for an entry without a number
  filed_on           TEXT NOT NULL,
  entered_on         TEXT NOT NULL,
  text               TEXT NOT NULL,             -- [[n]] marks a reference to entry number n
  filer              TEXT NOT NULL DEFAULT '',  -- "(Last, First)" or clerk initials, without the parentheses
  kind               TEXT NOT NULL DEFAULT '',  -- '' | opinion | order | ...
  short_description  TEXT NOT NULL DEFAULT '',  -- HistDocQry's description: "Motion to Dismiss"
  restricted         INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  sealed             INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  UNIQUE (case_id, seq)
);
CREATE INDEX docket_entries_by_number ON docket_entries (case_id, doc_number);
CREATE INDEX docket_entries_by_kind ON docket_entries (kind, filed_on) WHERE kind <> '';

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  court          TEXT NOT NULL,              -- the entry's case's court: serials are unique per court
  entry_id       INTEGER NOT NULL REFERENCES docket_entries(id) ON DELETE CASCADE,
  attachment     INTEGER NOT NULL,           -- 0 = the main document
  serial         INTEGER NOT NULL,           -- the doc1 id's serial
  pages          INTEGER NOT NULL CHECK (pages >= 1),
  bytes          INTEGER NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  sealed         INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  restricted     INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  origin         TEXT NOT NULL DEFAULT 'generated' CHECK (origin IN ('generated', 'uploaded')),
  filename       TEXT NOT NULL DEFAULT '',   -- uploaded: the file in DOCUMENTS_DIR
  original_name  TEXT NOT NULL DEFAULT '',
  UNIQUE (court, serial),
  UNIQUE (entry_id, attachment)
);

CREATE TABLE free_looks (
  magic_num    TEXT PRIMARY KEY,             -- 8 digits
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  recipient    TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  used_at      INTEGER
);
CREATE INDEX free_looks_by_document ON free_looks (document_id);

-- 002's rows, numbered as before (the row id was Query's case id); the judge initials come later.
INSERT INTO cases (id, court, pacer_case_id, number_short, number_full, case_type, office, title, filed_on, terminated_on, nature_of_suit, flags)
  SELECT id, court, id, case_number, case_number, substr(case_number, 6, 2), CAST(substr(case_number, 1, 1) AS INTEGER),
         title, filed_on, closed_on, nature_of_suit, CASE WHEN closed_on IS NULL THEN '' ELSE 'CLOSED' END
  FROM cases_002;
INSERT INTO parties (case_id, position, role, name, last_name, first_name)
  SELECT case_id, id, role, CASE WHEN first_name = '' THEN last_name ELSE first_name || ' ' || last_name END, last_name, first_name
  FROM case_parties;
DROP TABLE case_parties;
DROP TABLE cases_002;
