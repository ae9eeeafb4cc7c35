-- 006: e-filing (issue 13): each court's event catalogue (seed data), the filing transactions in
-- progress and committed, and which CM/ECF filer has associated with which party. The shape and
-- the interface with the NEF and fees are docs/filing.md.

-- A court's filing settings: the largest PDF a filer may upload (FLSD 50 MB, per file).
CREATE TABLE filing_courts (
  court             TEXT PRIMARY KEY REFERENCES courts(code) ON DELETE CASCADE,
  max_upload_bytes  INTEGER NOT NULL
);

-- The categories a filing menu lists (DisplayMenu.pl?CivilEvents), under their headings, in order.
-- Fidelity: the headings and names are the AO's defaults (filing-and-reports.md A.1); the keys
-- (Dispatch.pl?<key>) are invented.
CREATE TABLE filing_categories (
  id        INTEGER PRIMARY KEY,
  court     TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  menu      TEXT NOT NULL CHECK (menu IN ('CivilEvents', 'CriminalEvents', 'BankruptcyEvents', 'AdversaryEvents')),
  position  INTEGER NOT NULL,
  heading   TEXT NOT NULL,       -- "Motions and Related Filings"
  key       TEXT NOT NULL,       -- invented: Dispatch.pl?<key>
  name      TEXT NOT NULL,       -- "Motions"
  UNIQUE (court, key)
);

-- The events a category's picker lists (server/domain/filing-events.ts FilingEvent).
CREATE TABLE filing_events (
  id              INTEGER PRIMARY KEY,
  category_id     INTEGER NOT NULL REFERENCES filing_categories(id) ON DELETE CASCADE,
  court           TEXT NOT NULL,
  key             TEXT NOT NULL,             -- invented, unique per court
  name            TEXT NOT NULL,             -- the picker's label: "Dismiss"
  text            TEXT NOT NULL,             -- the docket text's event: "MOTION to Dismiss"
  short           TEXT NOT NULL,             -- "Motion to Dismiss"
  kind            TEXT NOT NULL DEFAULT '',  -- docket_entries.kind
  fee_cents       INTEGER,                   -- NULL: no fee
  link            TEXT NOT NULL DEFAULT 'none' CHECK (link IN ('none', 'ask', 'required')),
  link_word       TEXT NOT NULL DEFAULT 're',
  against         INTEGER NOT NULL DEFAULT 0 CHECK (against IN (0, 1)),
  against_word    TEXT NOT NULL DEFAULT 'against',
  response_days   INTEGER,
  deadline_label  TEXT NOT NULL DEFAULT 'Responses due by',
  filed_by        TEXT NOT NULL DEFAULT 'by',
  UNIQUE (court, key)
);
CREATE INDEX filing_events_by_category ON filing_events (category_id);

-- A filing transaction: one per Next of a category's picker. `data` holds the choices made so far
-- (JSON, server/domain/filing.ts FilingData); nothing reaches the docket before the commit, which
-- fills entry_id and nef_id (the notice itself is the NEF slice's nefs row). `key` is the random name in the steps' URLs (Filing.pl?<key>-<step>).
CREATE TABLE filings (
  id                INTEGER PRIMARY KEY,
  key               TEXT NOT NULL UNIQUE,
  court             TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  session_token     TEXT NOT NULL,            -- the CSO session that started it: only it may go on
  pacer_account_id  INTEGER NOT NULL REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  ecf_account_id    INTEGER NOT NULL REFERENCES ecf_accounts(id) ON DELETE CASCADE,
  menu              TEXT NOT NULL,
  category_key      TEXT NOT NULL,
  state             TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'committed', 'abandoned')),
  data              TEXT NOT NULL DEFAULT '{}',
  case_id           INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  entry_id          INTEGER REFERENCES docket_entries(id) ON DELETE SET NULL,
  doc_number        INTEGER,
  nef_id            INTEGER,                  -- the NEF slice's nefs.id (docs/nef.md); NULL before the commit
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  committed_at      INTEGER
);
CREATE INDEX filings_open_by_session ON filings (session_token, court) WHERE state = 'open';
CREATE INDEX filings_by_state ON filings (state, updated_at);

-- Attorney/Party Association: the filer (CM/ECF account) has filed for this party, through the
-- attorney row the docket lists. The screen appears only while there is no row here.
CREATE TABLE case_filer_associations (
  party_id        INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
  ecf_account_id  INTEGER NOT NULL REFERENCES ecf_accounts(id) ON DELETE CASCADE,
  attorney_id     INTEGER NOT NULL REFERENCES attorneys(id) ON DELETE CASCADE,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (party_id, ecf_account_id)
);
