-- 007: the Notice of Electronic Filing and filing fees (issue 13, docs/nef.md). 006 is the filing
-- transaction's; the two touch different tables.

-- What a court's notices say and who sends them, as JSON (server/domain/nef.ts CourtNotice):
-- header lines, sender, the stamp id, the time zone, whether the filer gets a free look.
ALTER TABLE courts ADD COLUMN notice TEXT NOT NULL DEFAULT '{}';

-- One row per notice issued: what the filer saw (html) and what the e-mails carried.
-- file_number is the stamps' n (the main document's doc1 serial: one per transaction, unique per
-- court), message_id the e-mail's number, n + 2 (captured nef/s3/nysd_1.txt: 28116328, 28116330).
CREATE TABLE nefs (
  id           INTEGER PRIMARY KEY,
  court        TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  entry_id     INTEGER NOT NULL REFERENCES docket_entries(id) ON DELETE CASCADE,
  file_number  INTEGER NOT NULL,
  message_id   INTEGER NOT NULL,
  subject      TEXT NOT NULL,
  html         TEXT NOT NULL,               -- the notice as the filer's page shows it
  text_body    TEXT NOT NULL,               -- the plain-text rendering
  recipients   TEXT NOT NULL DEFAULT '[]',  -- JSON [{name, emails, magicNum, electronic}]
  created_at   INTEGER NOT NULL
);
CREATE INDEX nefs_by_case ON nefs (case_id);

-- A filing fee: charged at the commit, paid then (Pay Now) or later (Internet Payments Due).
-- receipt_seq is the receipt number's digits: A<pscCourtId>-<receipt_seq>.
CREATE TABLE fees (
  id                INTEGER PRIMARY KEY,
  court             TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  pacer_account_id  INTEGER NOT NULL REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  case_id           INTEGER REFERENCES cases(id) ON DELETE SET NULL,
  doc_number        INTEGER,
  label             TEXT NOT NULL,
  amount_cents      INTEGER NOT NULL CHECK (amount_cents > 0),
  receipt_seq       INTEGER NOT NULL,
  receipt_number    TEXT NOT NULL,
  incurred_at       INTEGER NOT NULL,
  paid_at           INTEGER,
  card              TEXT NOT NULL DEFAULT '',  -- "Visa ending 1111" once paid
  UNIQUE (court, receipt_seq)
);
CREATE INDEX fees_unpaid ON fees (pacer_account_id, court) WHERE paid_at IS NULL;

-- The outbox keeps whole messages: the NEF's HTML body with its plain-text twin and the headers a
-- mail client reads. Existing rows (link confirmations) are plain text.
ALTER TABLE outbox ADD COLUMN from_addr TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN content_type TEXT NOT NULL DEFAULT 'text/plain';
ALTER TABLE outbox ADD COLUMN text_body TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN nef_id INTEGER REFERENCES nefs(id) ON DELETE SET NULL;
