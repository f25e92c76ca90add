-- 0002: meetings. The agreement's meeting plan and the meetings are one set of records:
-- a planned row is a meeting that has not been held yet.
CREATE TABLE meeting (
  id              INTEGER PRIMARY KEY,
  number          INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 999),
  planned_theme   TEXT NOT NULL DEFAULT '' CHECK (length(planned_theme) <= 200),
  -- a planned day, or only a month while the day is open ('YYYY-MM'); at most one of them
  planned_date    TEXT CHECK (planned_date IS NULL OR date(planned_date) IS planned_date),
  planned_month   TEXT CHECK (planned_month IS NULL OR (planned_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                    AND date(planned_month || '-01') IS planned_month || '-01')),
  start_time      TEXT CHECK (start_time IS NULL OR (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00')),
  planned_minutes INTEGER NOT NULL DEFAULT 120 CHECK (planned_minutes BETWEEN 15 AND 600),
  place           TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  format          TEXT CHECK (format IS NULL OR format IN ('office', 'cafe', 'walking', 'lunch', 'remote', 'other')),
  status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  -- CONFIDENTIAL: the facilitator's private notes. Never reachable from any export.
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (planned_date IS NULL OR planned_month IS NULL)
) STRICT;

-- The plan's history: a moved, re-themed or cancelled meeting keeps what was planned before.
CREATE TABLE meeting_plan_change (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('moved', 'rethemed', 'cancelled', 'restored')),
  old_value  TEXT NOT NULL DEFAULT '',
  new_value  TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX meeting_plan_change_meeting ON meeting_plan_change (meeting_id);

-- Everything recorded in a meeting refers to it without cascade, so SQLite itself refuses to
-- delete a meeting that has content; members are protected the same way.
CREATE TABLE attendance (
  meeting_id     INTEGER NOT NULL REFERENCES meeting (id),
  member_id      INTEGER NOT NULL REFERENCES member (id),
  present        INTEGER NOT NULL CHECK (present IN (0, 1)),
  -- CONFIDENTIAL: why someone was away.
  absence_reason TEXT NOT NULL DEFAULT '' CHECK (length(absence_reason) <= 500),
  PRIMARY KEY (meeting_id, member_id)
) STRICT;
CREATE INDEX attendance_member ON attendance (member_id);

-- Themes are reusable tags, so the summary can count how often each came up.
CREATE TABLE theme (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120)
) STRICT;

CREATE TABLE meeting_theme (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  theme_id   INTEGER NOT NULL REFERENCES theme (id),
  position   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, theme_id)
) STRICT;
CREATE INDEX meeting_theme_theme ON meeting_theme (theme_id);

-- CONFIDENTIAL: agreed actions stay in the group.
CREATE TABLE action (
  id                INTEGER PRIMARY KEY,
  meeting_id        INTEGER NOT NULL REFERENCES meeting (id),
  text              TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  owner_member_id   INTEGER REFERENCES member (id), -- NULL: the whole group
  due_date          TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  reviewed_in_id    INTEGER REFERENCES meeting (id), -- the meeting where its status was last set
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX action_meeting ON action (meeting_id);
CREATE INDEX action_status ON action (status);

-- CONFIDENTIAL: between-meeting tasks (välitehtävät).
CREATE TABLE task (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  position   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX task_meeting ON task (meeting_id);

-- SHAREABLE by the group's explicit decision: each idea's text is the wording that will appear
-- in the management summary. Kept apart from notes on purpose.
CREATE TABLE idea_to_forward (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  position   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX idea_meeting ON idea_to_forward (meeting_id);

-- Full-text search over what was written in meetings. Diacritics are kept, so ä and ö stay
-- distinct from a and o (in Finnish they are different letters).
CREATE VIRTUAL TABLE search_index USING fts5 (
  body,
  kind UNINDEXED,
  ref_id UNINDEXED,
  meeting_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER meeting_notes_ai AFTER INSERT ON meeting BEGIN
  INSERT INTO search_index (body, kind, ref_id, meeting_id) VALUES (NEW.notes, 'notes', NEW.id, NEW.id);
END;
CREATE TRIGGER meeting_notes_au AFTER UPDATE OF notes ON meeting BEGIN
  UPDATE search_index SET body = NEW.notes WHERE kind = 'notes' AND ref_id = NEW.id;
END;
CREATE TRIGGER meeting_notes_ad AFTER DELETE ON meeting BEGIN
  DELETE FROM search_index WHERE kind = 'notes' AND ref_id = OLD.id;
END;

CREATE TRIGGER action_ai AFTER INSERT ON action BEGIN
  INSERT INTO search_index (body, kind, ref_id, meeting_id) VALUES (NEW.text, 'action', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER action_au AFTER UPDATE OF text ON action BEGIN
  UPDATE search_index SET body = NEW.text WHERE kind = 'action' AND ref_id = NEW.id;
END;
CREATE TRIGGER action_ad AFTER DELETE ON action BEGIN
  DELETE FROM search_index WHERE kind = 'action' AND ref_id = OLD.id;
END;

CREATE TRIGGER task_ai AFTER INSERT ON task BEGIN
  INSERT INTO search_index (body, kind, ref_id, meeting_id) VALUES (NEW.text, 'task', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER task_au AFTER UPDATE OF text ON task BEGIN
  UPDATE search_index SET body = NEW.text WHERE kind = 'task' AND ref_id = NEW.id;
END;
CREATE TRIGGER task_ad AFTER DELETE ON task BEGIN
  DELETE FROM search_index WHERE kind = 'task' AND ref_id = OLD.id;
END;

CREATE TRIGGER idea_ai AFTER INSERT ON idea_to_forward BEGIN
  INSERT INTO search_index (body, kind, ref_id, meeting_id) VALUES (NEW.text, 'idea', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER idea_au AFTER UPDATE OF text ON idea_to_forward BEGIN
  UPDATE search_index SET body = NEW.text WHERE kind = 'idea' AND ref_id = NEW.id;
END;
CREATE TRIGGER idea_ad AFTER DELETE ON idea_to_forward BEGIN
  DELETE FROM search_index WHERE kind = 'idea' AND ref_id = OLD.id;
END;

-- A theme is indexed once per meeting it was discussed in.
CREATE TRIGGER meeting_theme_ai AFTER INSERT ON meeting_theme BEGIN
  INSERT INTO search_index (body, kind, ref_id, meeting_id)
  SELECT name, 'theme', NEW.theme_id, NEW.meeting_id FROM theme WHERE id = NEW.theme_id;
END;
CREATE TRIGGER meeting_theme_ad AFTER DELETE ON meeting_theme BEGIN
  DELETE FROM search_index WHERE kind = 'theme' AND ref_id = OLD.theme_id AND meeting_id = OLD.meeting_id;
END;
CREATE TRIGGER theme_au AFTER UPDATE OF name ON theme BEGIN
  UPDATE search_index SET body = NEW.name WHERE kind = 'theme' AND ref_id = NEW.id;
END;
