-- 0006: confidentiality as a property of the schema.
--  1. Confidential text lives in tables that hold nothing else: meeting notes move out of the
--     shareable `meeting` row into `meeting_note`, absence reasons out of `attendance` into
--     `absence_reason` (actions, tasks and raw feedback answers already have their own tables).
--  2. The management summary reads only the `shareable_*` views below.
--  3. Full-text rows are addressed by rowid (ref id * 8 + kind), so no trigger scans the index,
--     and the index overwrites what it deletes (FTS5 secure-delete); notes are re-indexed when
--     searching rather than on every autosave.
--  4. A closed programme refuses writes to confidential tables, whatever code asks.
--  5. Pass-the-device rounds can be locked with a facilitator PIN (stored only as a scrypt hash).
-- Every existing row is kept: notes and reasons are moved, the index is rebuilt from its sources.

-- 1a. CONFIDENTIAL: the facilitator's private notes; a row only for a meeting that has notes.
CREATE TABLE meeting_note (
  meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id),
  text       TEXT NOT NULL CHECK (length(text) >= 1),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO meeting_note (meeting_id, text, updated_at) SELECT id, notes, updated_at FROM meeting WHERE notes <> '';

-- 1b. CONFIDENTIAL: why someone was away; a row only where a reason was given. It belongs to the
-- attendance mark, so clearing the mark clears the reason.
CREATE TABLE absence_reason (
  meeting_id INTEGER NOT NULL,
  member_id  INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  PRIMARY KEY (meeting_id, member_id),
  FOREIGN KEY (meeting_id, member_id) REFERENCES attendance (meeting_id, member_id) ON DELETE CASCADE
) STRICT;
INSERT INTO absence_reason (meeting_id, member_id, reason)
  SELECT meeting_id, member_id, absence_reason FROM attendance WHERE absence_reason <> '';

-- The old full-text index and its triggers go first: they name the columns that move.
DROP TRIGGER meeting_notes_ai;
DROP TRIGGER meeting_notes_au;
DROP TRIGGER meeting_notes_ad;
DROP TRIGGER action_ai;
DROP TRIGGER action_au;
DROP TRIGGER action_ad;
DROP TRIGGER task_ai;
DROP TRIGGER task_au;
DROP TRIGGER task_ad;
DROP TRIGGER idea_ai;
DROP TRIGGER idea_au;
DROP TRIGGER idea_ad;
DROP TRIGGER meeting_theme_ai;
DROP TRIGGER meeting_theme_ad;
DROP TRIGGER theme_au;
DROP TABLE search_index;

ALTER TABLE meeting DROP COLUMN notes;
ALTER TABLE attendance DROP COLUMN absence_reason;

-- 3. Full-text search. Row ids are ref id * 8 + a code per kind (notes 1, action 2, task 3,
-- idea 4, theme 5), so every trigger reaches its row by rowid. A theme is indexed once; search
-- finds its meetings through meeting_theme.
CREATE VIRTUAL TABLE search_index USING fts5 (
  body,
  kind UNINDEXED,
  ref_id UNINDEXED,
  meeting_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);
-- Deleted entries are removed from the index's pages, not only marked (SQLite 3.42+).
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id)
  SELECT meeting_id * 8 + 1, text, 'notes', meeting_id, meeting_id FROM meeting_note;
INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) SELECT id * 8 + 2, text, 'action', id, meeting_id FROM action;
INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) SELECT id * 8 + 3, text, 'task', id, meeting_id FROM task;
INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) SELECT id * 8 + 4, text, 'idea', id, meeting_id FROM idea_to_forward;
INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) SELECT id * 8 + 5, name, 'theme', id, NULL FROM theme;

CREATE TRIGGER meeting_note_ai AFTER INSERT ON meeting_note BEGIN
  INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) VALUES (NEW.meeting_id * 8 + 1, NEW.text, 'notes', NEW.meeting_id, NEW.meeting_id);
END;
-- Notes are long and saved as they are typed. With secure-delete, re-indexing them costs a page
-- write per distinct word, so a save only notes that the entry is out of date; search refreshes
-- those entries (by rowid) before it looks (services/meetings/search.ts). Drafts that nobody
-- searched for never reach the index at all.
CREATE TABLE search_pending_note (
  meeting_id INTEGER PRIMARY KEY REFERENCES meeting_note (meeting_id) ON DELETE CASCADE
) STRICT;
-- (Not INSERT OR IGNORE: the conflict clause of the saving upsert would override it.)
CREATE TRIGGER meeting_note_au AFTER UPDATE OF text ON meeting_note BEGIN
  INSERT INTO search_pending_note (meeting_id) SELECT NEW.meeting_id
  WHERE NOT EXISTS (SELECT 1 FROM search_pending_note WHERE meeting_id = NEW.meeting_id);
END;
CREATE TRIGGER meeting_note_ad AFTER DELETE ON meeting_note BEGIN
  DELETE FROM search_index WHERE rowid = OLD.meeting_id * 8 + 1;
END;

CREATE TRIGGER action_ai AFTER INSERT ON action BEGIN
  INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 2, NEW.text, 'action', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER action_au AFTER UPDATE OF text ON action BEGIN
  UPDATE search_index SET body = NEW.text WHERE rowid = NEW.id * 8 + 2;
END;
CREATE TRIGGER action_ad AFTER DELETE ON action BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

CREATE TRIGGER task_ai AFTER INSERT ON task BEGIN
  INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 3, NEW.text, 'task', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER task_au AFTER UPDATE OF text ON task BEGIN
  UPDATE search_index SET body = NEW.text WHERE rowid = NEW.id * 8 + 3;
END;
CREATE TRIGGER task_ad AFTER DELETE ON task BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END;

CREATE TRIGGER idea_ai AFTER INSERT ON idea_to_forward BEGIN
  INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 4, NEW.text, 'idea', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER idea_au AFTER UPDATE OF text ON idea_to_forward BEGIN
  UPDATE search_index SET body = NEW.text WHERE rowid = NEW.id * 8 + 4;
END;
CREATE TRIGGER idea_ad AFTER DELETE ON idea_to_forward BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END;

CREATE TRIGGER theme_ai AFTER INSERT ON theme BEGIN
  INSERT INTO search_index (rowid, body, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 5, NEW.name, 'theme', NEW.id, NULL);
END;
CREATE TRIGGER theme_au AFTER UPDATE OF name ON theme BEGIN
  UPDATE search_index SET body = NEW.name WHERE rowid = NEW.id * 8 + 5;
END;
CREATE TRIGGER theme_ad AFTER DELETE ON theme BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
END;

-- 4. A closed programme is read-only for confidential data: whatever is written after closing
-- could never be shredded. Deletes stay possible (closing itself deletes). Starting or reopening
-- a collection session is refused too.
CREATE TRIGGER meeting_note_closed_insert BEFORE INSERT ON meeting_note
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER meeting_note_closed_update BEFORE UPDATE ON meeting_note
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER absence_reason_closed_insert BEFORE INSERT ON absence_reason
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER absence_reason_closed_update BEFORE UPDATE ON absence_reason
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER action_closed_insert BEFORE INSERT ON action
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER action_closed_update BEFORE UPDATE ON action
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER task_closed_insert BEFORE INSERT ON task
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER task_closed_update BEFORE UPDATE ON task
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_survey_closed_insert BEFORE INSERT ON feedback_survey
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_survey_closed_update BEFORE UPDATE ON feedback_survey
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_response_closed_insert BEFORE INSERT ON feedback_response
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_response_closed_update BEFORE UPDATE ON feedback_response
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_answer_closed_insert BEFORE INSERT ON feedback_answer
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_answer_closed_update BEFORE UPDATE ON feedback_answer
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;

-- Closing is confirmed only once the file itself has been wiped (VACUUM, then an emptied WAL).
ALTER TABLE summary_archive ADD COLUMN wiped_at TEXT;

-- 5. Pass-the-device: the facilitator's PIN as a salted scrypt hash ('scrypt:N:r:p:salt:hash',
-- never the PIN), failed attempts and when the next attempt is allowed, and since when the round
-- is locked (NULL: not locked). Cleared when the round ends.
ALTER TABLE feedback_survey ADD COLUMN pin_hash TEXT;
ALTER TABLE feedback_survey ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
ALTER TABLE feedback_survey ADD COLUMN pin_retry_at TEXT;
ALTER TABLE feedback_survey ADD COLUMN locked_at TEXT CHECK (locked_at IS NULL OR pin_hash IS NOT NULL);
CREATE INDEX feedback_survey_locked ON feedback_survey (locked_at) WHERE locked_at IS NOT NULL;

-- 2. SHAREABLE: the only relations the management summary reads (services/summary and
-- services/feedback/shareable.ts, through db/shareable.ts; test/services/summary-structure.test.ts
-- checks every query they contain). None has a confidential column.
CREATE VIEW shareable_programme AS
  SELECT name, organisation, facilitator_name, start_date, end_date, archived_at FROM programme WHERE id = 1;
CREATE VIEW shareable_member AS SELECT id, name FROM member;
CREATE VIEW shareable_meeting AS
  SELECT id, number, status, planned_date, planned_month, place, format FROM meeting;
-- Present or absent only; never the reason.
CREATE VIEW shareable_attendance AS SELECT meeting_id, member_id, present FROM attendance;
CREATE VIEW shareable_meeting_theme AS
  SELECT mt.meeting_id, mt.theme_id, mt.position, t.name FROM meeting_theme mt JOIN theme t ON t.id = mt.theme_id;
-- The group's own wording, agreed to be forwarded.
CREATE VIEW shareable_idea AS SELECT id, meeting_id, text, position FROM idea_to_forward;
-- The goals the group agreed on: those of the latest agreed version, else the draft's.
CREATE VIEW shareable_agreement_goal AS
  SELECT CAST(json_extract(g.value, '$.id') AS INTEGER) AS id, json_extract(g.value, '$.kind') AS kind,
    json_extract(g.value, '$.text') AS text, CAST(g.key AS INTEGER) AS position
  FROM (SELECT snapshot FROM agreement_version ORDER BY number DESC LIMIT 1) v, json_each(v.snapshot, '$.goals') g
  UNION ALL
  SELECT id, kind, text, position FROM agreement_goal WHERE NOT EXISTS (SELECT 1 FROM agreement_version);
CREATE VIEW shareable_decision AS SELECT decision, rationale, decided_on FROM continuation_decision WHERE id = 1;
-- Feedback: sessions the facilitator has ended, their questions, and per question only counts
-- and approved quotes, and only where at least 3 answered (MIN_ANSWERS_TO_REPORT).
CREATE VIEW shareable_feedback_session AS
  SELECT s.id AS survey_id, s.instrument, m.number AS meeting_number, s.phase
  FROM feedback_survey s LEFT JOIN meeting m ON m.id = s.meeting_id WHERE s.status = 'closed';
CREATE VIEW shareable_feedback_question AS
  SELECT id, instrument, position, kind, preset, text, scale_max, options FROM feedback_question;
CREATE VIEW shareable_answer_count AS
  SELECT r.survey_id, a.question_id, count(*) AS answers
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id JOIN feedback_survey s ON s.id = r.survey_id
  WHERE s.status = 'closed'
  GROUP BY r.survey_id, a.question_id HAVING count(*) >= 3;
CREATE VIEW shareable_score_count AS
  SELECT r.survey_id, a.question_id, a.score, count(*) AS answers
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
  JOIN shareable_answer_count c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
  WHERE a.score IS NOT NULL GROUP BY r.survey_id, a.question_id, a.score;
CREATE VIEW shareable_choice_count AS
  SELECT r.survey_id, a.question_id, a.choice, count(*) AS answers
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
  JOIN shareable_answer_count c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
  WHERE a.choice IS NOT NULL GROUP BY r.survey_id, a.question_id, a.choice;
-- The facilitator's approved wording only, never the answer itself.
CREATE VIEW shareable_quote AS
  SELECT r.survey_id, a.question_id, a.shared_text AS text
  FROM feedback_answer a JOIN feedback_response r ON r.id = a.response_id
  JOIN shareable_answer_count c ON c.survey_id = r.survey_id AND c.question_id = a.question_id
  WHERE a.shared_text IS NOT NULL;
