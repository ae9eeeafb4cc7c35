-- 007: the 180-day password rule's skip count, and the seeded case list Query searches.

-- How many times the "update your password" prompt was skipped since the password last changed
-- (three are allowed, then User Update Required). Reset to 0 by a password change.
ALTER TABLE pacer_accounts ADD COLUMN password_prompt_skips INTEGER NOT NULL DEFAULT 0;

-- A court's cases, as Query (iquery.pl) finds them. Deleted with their court (the seed reset
-- deletes courts), and their parties with them.
CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  court           TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  case_number     TEXT NOT NULL,
  title           TEXT NOT NULL,
  nature_of_suit  TEXT NOT NULL DEFAULT '',
  filed_on        TEXT NOT NULL,
  closed_on       TEXT,
  UNIQUE (court, case_number)
);

CREATE TABLE case_parties (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  last_name   TEXT NOT NULL,
  first_name  TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL
);
CREATE INDEX case_parties_by_case ON case_parties (case_id);
