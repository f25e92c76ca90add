-- 0005: the management summary's settings, its export log, and closing the programme.

-- What the next summary contains. `conclusions` is written FOR the report, so it is shareable.
CREATE TABLE summary_settings (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  sections         TEXT NOT NULL CHECK (json_valid(sections)),
  attendance_names INTEGER NOT NULL DEFAULT 0 CHECK (attendance_names IN (0, 1)),
  language         TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'en')),
  conclusions      TEXT NOT NULL DEFAULT '' CHECK (length(conclusions) <= 20000),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- What was exported and when; never any content.
CREATE TABLE export_log (
  id               INTEGER PRIMARY KEY,
  exported_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  format           TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
  language         TEXT NOT NULL CHECK (language IN ('fi', 'en')),
  sections         TEXT NOT NULL CHECK (json_valid(sections)),
  attendance_names INTEGER NOT NULL CHECK (attendance_names IN (0, 1))
) STRICT;

-- Set when the facilitator closes the programme and deletes the confidential material for good.
ALTER TABLE programme ADD COLUMN archived_at TEXT;

-- The summary as it stood when the programme was closed (a document model, as JSON): after the
-- confidential material is deleted, this is what remains to read and export again.
CREATE TABLE summary_archive (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  document    TEXT NOT NULL CHECK (json_valid(document)),
  archived_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
