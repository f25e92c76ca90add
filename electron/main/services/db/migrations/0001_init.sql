-- 0001: the programme (one per installation), its members, and the facilitator's preferences.
CREATE TABLE programme (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organisation     TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  facilitator_name TEXT NOT NULL CHECK (length(facilitator_name) BETWEEN 1 AND 120),
  start_date       TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date         TEXT NOT NULL CHECK (date(end_date) IS end_date),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (end_date >= start_date)
) STRICT;

-- Members are never hard-deleted once anything refers to them: later tables point here
-- with foreign keys, so SQLite itself refuses the delete and the member is marked as left.
CREATE TABLE member (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role       TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 120),
  email      TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
  left_on    TEXT CHECK (left_on IS NULL OR date(left_on) IS left_on),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
