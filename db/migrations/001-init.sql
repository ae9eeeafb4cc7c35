-- Courts the mock serves. code is the CM/ECF host code (ecf.<code>.uscourts.gov).
CREATE TABLE courts (
  code          TEXT PRIMARY KEY,
  psc_court_id  TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  title         TEXT NOT NULL,
  kind          TEXT NOT NULL DEFAULT 'district' CHECK (kind IN ('district', 'bankruptcy', 'appellate'))
);

CREATE TABLE pacer_accounts (
  id                    INTEGER PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash         TEXT NOT NULL,
  first_name            TEXT NOT NULL,
  last_name             TEXT NOT NULL,
  email                 TEXT NOT NULL DEFAULT '',
  kind                  TEXT NOT NULL DEFAULT 'individual' CHECK (kind IN ('individual', 'shared')),
  upgraded              INTEGER NOT NULL DEFAULT 1 CHECK (upgraded IN (0, 1)),
  filer                 INTEGER NOT NULL DEFAULT 0 CHECK (filer IN (0, 1)),
  mfa_secret            TEXT,
  mfa_backup_codes      TEXT NOT NULL DEFAULT '[]',
  client_code_required  INTEGER NOT NULL DEFAULT 0 CHECK (client_code_required IN (0, 1)),
  status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'disabled')),
  failed_attempts       INTEGER NOT NULL DEFAULT 0,
  locked_until          INTEGER,
  password_changed_at   INTEGER NOT NULL,
  created_at            INTEGER NOT NULL
);

CREATE TABLE ecf_accounts (
  id                       INTEGER PRIMARY KEY,
  court                    TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  login                    TEXT NOT NULL,
  password_hash            TEXT NOT NULL,
  first_name               TEXT NOT NULL,
  last_name                TEXT NOT NULL,
  bar_number               TEXT NOT NULL DEFAULT '',
  email                    TEXT NOT NULL DEFAULT '',
  linked_pacer_account_id  INTEGER REFERENCES pacer_accounts(id) ON DELETE SET NULL,
  linked_at                INTEGER,
  UNIQUE (court, login),
  UNIQUE (court, linked_pacer_account_id)
);

-- A CSO session: the NextGenCSO / PacerSession token, valid on every court host.
CREATE TABLE sessions (
  token             TEXT PRIMARY KEY,
  pacer_account_id  INTEGER NOT NULL REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  client_code       TEXT NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL,
  expires_at        INTEGER NOT NULL,
  ended_at          INTEGER
);
CREATE INDEX sessions_by_account ON sessions (pacer_account_id);

-- A screen login between the password and the session: which dialog (MFA, redaction) it waits on.
CREATE TABLE pending_logins (
  jsessionid        TEXT PRIMARY KEY,
  pacer_account_id  INTEGER NOT NULL REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  step              TEXT NOT NULL,
  client_code       TEXT NOT NULL DEFAULT '',
  psc_court_id      TEXT NOT NULL DEFAULT '',
  app_url           TEXT NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL
);

CREATE TABLE journal (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  actor    TEXT NOT NULL DEFAULT '',
  host     TEXT NOT NULL DEFAULT '',
  action   TEXT NOT NULL,
  outcome  TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_by_actor ON journal (actor, at);

CREATE TABLE outbox (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  to_addr    TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL
);

CREATE TABLE billing (
  id                INTEGER PRIMARY KEY,
  pacer_account_id  INTEGER NOT NULL REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  court             TEXT NOT NULL,
  at                INTEGER NOT NULL,
  description       TEXT NOT NULL,
  search_criteria   TEXT NOT NULL DEFAULT '',
  pages             INTEGER NOT NULL,
  cost_cents        INTEGER NOT NULL,
  client_code       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX billing_by_account ON billing (pacer_account_id, at);

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
