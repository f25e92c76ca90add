-- 0008: the facilitator's tools of issue 12: the mid-point check (väliarviointi) as a feedback
-- instrument, reflection prompts chosen for meetings, and what each meeting last went out to a
-- calendar as (.ics export). Every existing row is kept.
--
-- What is CONFIDENTIAL here: nothing new. The mid-point check's answers are feedback answers
-- (feedback_response / feedback_answer of 0004: confidential, shredded on closing, refused once
-- the programme is closed). Prompts are the facilitator's own questions for the room and the
-- calendar rows repeat the meeting plan; neither holds what a member said.

-- 1. The mid-point check is a feedback instrument of its own ('midpoint'): held in one meeting, so
-- it has a meeting like a round, and only one per programme. SQLite cannot change a CHECK in
-- place, so the two tables that name the instruments are rebuilt with their rows. The migration
-- runs in one transaction with foreign keys on; deferring them lets the parents be dropped and
-- filled again before the answers that point at them are checked (at commit).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE feedback_question_0007 AS SELECT * FROM feedback_question;
DROP TABLE feedback_question;
CREATE TABLE feedback_question (
  id         INTEGER PRIMARY KEY,
  instrument TEXT NOT NULL CHECK (instrument IN ('round', 'selfcheck', 'evaluation', 'midpoint')),
  position   INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('scale', 'choice', 'text')),
  preset     TEXT CHECK (preset IS NULL OR length(preset) BETWEEN 1 AND 40),
  text       TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 500),
  scale_max  INTEGER CHECK (scale_max IS NULL OR scale_max IN (5, 10)),
  -- choice questions: a JSON array of option keys (translated by the app)
  options    TEXT CHECK (options IS NULL OR json_valid(options)),
  -- an evaluation item generated from a goal of the agreement; `text` is the goal's text, snapshotted
  goal_id    INTEGER,
  goal_kind  TEXT CHECK (goal_kind IS NULL OR goal_kind IN ('organisation', 'member', 'group')),
  CHECK ((kind = 'scale') = (scale_max IS NOT NULL)),
  CHECK ((kind = 'choice') = (options IS NOT NULL)),
  CHECK (preset IS NOT NULL OR text <> ''),
  CHECK ((goal_id IS NULL) = (goal_kind IS NULL)),
  CHECK (goal_id IS NULL OR (preset = 'goal' AND instrument = 'evaluation' AND kind = 'scale' AND text <> '')),
  UNIQUE (instrument, position)
) STRICT;
INSERT INTO feedback_question (id, instrument, position, kind, preset, text, scale_max, options, goal_id, goal_kind)
  SELECT id, instrument, position, kind, preset, text, scale_max, options, goal_id, goal_kind FROM feedback_question_0007;
DROP TABLE feedback_question_0007;

CREATE TABLE feedback_survey_0007 AS SELECT * FROM feedback_survey;
DROP TABLE feedback_survey;
CREATE TABLE feedback_survey (
  id         INTEGER PRIMARY KEY,
  instrument TEXT NOT NULL CHECK (instrument IN ('round', 'selfcheck', 'evaluation', 'midpoint')),
  -- no cascade: a meeting with a feedback round or the mid-point check cannot be deleted
  meeting_id INTEGER REFERENCES meeting (id),
  phase      TEXT CHECK (phase IS NULL OR phase IN ('start', 'end')),
  anonymous  INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ended_at   TEXT,
  pin_hash TEXT,
  pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0),
  pin_retry_at TEXT,
  locked_at TEXT CHECK (locked_at IS NULL OR pin_hash IS NOT NULL),
  CHECK ((instrument IN ('round', 'midpoint')) = (meeting_id IS NOT NULL)),
  CHECK ((instrument = 'selfcheck') = (phase IS NOT NULL)),
  CHECK ((status = 'closed') = (ended_at IS NOT NULL))
) STRICT;
INSERT INTO feedback_survey (id, instrument, meeting_id, phase, anonymous, status, started_at, ended_at, pin_hash, pin_failures, pin_retry_at, locked_at)
  SELECT id, instrument, meeting_id, phase, anonymous, status, started_at, ended_at, pin_hash, pin_failures, pin_retry_at, locked_at
  FROM feedback_survey_0007;
DROP TABLE feedback_survey_0007;

-- The indexes and triggers went with the old tables; the same again, the round's index now for rounds only.
CREATE UNIQUE INDEX feedback_survey_one_round ON feedback_survey (meeting_id) WHERE instrument = 'round';
CREATE UNIQUE INDEX feedback_survey_one_selfcheck ON feedback_survey (phase) WHERE phase IS NOT NULL;
CREATE UNIQUE INDEX feedback_survey_one_evaluation ON feedback_survey (instrument) WHERE instrument = 'evaluation';
CREATE UNIQUE INDEX feedback_survey_one_midpoint ON feedback_survey (instrument) WHERE instrument = 'midpoint';
CREATE INDEX feedback_survey_meeting ON feedback_survey (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX feedback_survey_locked ON feedback_survey (locked_at) WHERE locked_at IS NOT NULL;

CREATE TRIGGER feedback_question_locked_insert BEFORE INSERT ON feedback_question
WHEN EXISTS (SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE s.instrument = NEW.instrument)
BEGIN
  SELECT RAISE(ABORT, 'feedback: questions are locked once answers exist');
END;
CREATE TRIGGER feedback_question_locked_update BEFORE UPDATE ON feedback_question
WHEN EXISTS (SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE s.instrument IN (OLD.instrument, NEW.instrument))
BEGIN
  SELECT RAISE(ABORT, 'feedback: questions are locked once answers exist');
END;
CREATE TRIGGER feedback_question_locked_delete BEFORE DELETE ON feedback_question
WHEN EXISTS (SELECT 1 FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE s.instrument = OLD.instrument)
BEGIN
  SELECT RAISE(ABORT, 'feedback: questions are locked once answers exist');
END;
CREATE TRIGGER feedback_survey_closed_insert BEFORE INSERT ON feedback_survey
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;
CREATE TRIGGER feedback_survey_closed_update BEFORE UPDATE ON feedback_survey
WHEN (SELECT archived_at FROM programme WHERE id = 1) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'programme_closed: the programme has been closed, so its confidential material can no longer change'); END;

-- The mid-point check's questions (wording from the app's translations): are our goals still
-- right, is the rhythm right, what has it given so far, what should change.
INSERT INTO feedback_question (instrument, position, kind, preset, scale_max, options) VALUES
  ('midpoint', 10, 'choice', 'goalsRight', NULL, '["yes","partly","no"]'),
  ('midpoint', 20, 'choice', 'rhythmRight', NULL, '["right","tooOften","tooRarely"]'),
  ('midpoint', 30, 'scale', 'helpedSoFar', 5, NULL),
  ('midpoint', 40, 'text', 'shouldChange', NULL, NULL);

-- When the check is held. No row (or no meeting): the meeting nearest the programme's midpoint,
-- worked out when asked (services/midpoint); the facilitator's own choice otherwise. The agreed
-- version of the agreement made from its outcome is linked here. A pointer, not a record of the
-- meeting: removing the meeting clears the choice (meetings/plan.ts does not count it as content).
CREATE TABLE midpoint_check (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  version_id INTEGER REFERENCES agreement_version (id)
) STRICT;

-- 2. Reflection prompts chosen for a meeting, for its opening (check-in) round or its closing
-- round: one from the app's bank (`bank_key`, worded by the app in the meeting's language) or the
-- facilitator's own (`text`). Preparation, not a record: they go with a removed meeting.
CREATE TABLE meeting_prompt (
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  moment     TEXT NOT NULL CHECK (moment IN ('checkin', 'closing')),
  bank_key   TEXT CHECK (bank_key IS NULL OR length(bank_key) BETWEEN 1 AND 60),
  text       TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 300),
  position   INTEGER NOT NULL,
  CHECK ((bank_key IS NULL) = (text <> '')),
  UNIQUE (meeting_id, moment, bank_key)
) STRICT;
CREATE INDEX meeting_prompt_meeting ON meeting_prompt (meeting_id, moment, position);

-- 3. The calendar: each meeting keeps one random UID for good, and the SEQUENCE and content of the
-- last .ics it went out in, so a re-export after a change raises SEQUENCE and calendars update
-- the event instead of adding a second one. A removed meeting keeps its row (meeting_id NULL):
-- the next export cancels its event. Only the meeting plan's own facts are kept here.
CREATE TABLE calendar_event (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER UNIQUE REFERENCES meeting (id) ON DELETE SET NULL,
  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 10 AND 200),
  sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  exported    TEXT NOT NULL CHECK (json_valid(exported) AND json_type(exported) = 'object'),
  exported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
