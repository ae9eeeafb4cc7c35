-- Training classes made by the trainer CLI (`mock-pacer class create`): a named group of
-- trainees, each with a PACER account and a CM/ECF account at the class's court.
CREATE TABLE training_classes (
  name        TEXT PRIMARY KEY,
  court       TEXT NOT NULL REFERENCES courts(code) ON DELETE CASCADE,
  created_at  INTEGER NOT NULL
);

-- The passwords are kept in plain text on purpose: they are sandbox credentials printed on the
-- trainees' login cards, and keeping them lets the cards be printed again and a reset restore them.
CREATE TABLE trainees (
  class_name        TEXT NOT NULL REFERENCES training_classes(name) ON DELETE CASCADE,
  number            INTEGER NOT NULL,
  pacer_account_id  INTEGER NOT NULL UNIQUE REFERENCES pacer_accounts(id) ON DELETE CASCADE,
  ecf_account_id    INTEGER NOT NULL UNIQUE REFERENCES ecf_accounts(id) ON DELETE CASCADE,
  pacer_password    TEXT NOT NULL,
  ecf_password      TEXT NOT NULL,
  PRIMARY KEY (class_name, number)
);
