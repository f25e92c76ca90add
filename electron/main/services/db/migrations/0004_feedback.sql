-- 0004: feedback rounds after meetings, the well-being self-check (start and end of the programme)
-- and the final evaluation of the pilot, plus the group's decision on continuation.
--
-- What is CONFIDENTIAL here: every raw answer (a respondent's scores, choices and open answers)
-- and which member gave it. What may become SHAREABLE: aggregates that pass the minimum-answers
-- rule (computed, never stored), the wording of an open answer the facilitator explicitly marked
-- shareable (answer.shared_text), and the continuation decision. Only
-- services/feedback/shareable.ts reads for exports, and it never selects a raw answer or a member.

-- The questions of each instrument. One question set per instrument for the whole programme, so
-- rounds can be compared meeting to meeting. A question is either a preset (its wording comes from
-- the app's translations unless the facilitator rewrote it in `text`) or the facilitator's own.
-- Questions are locked (triggers below) as soon as any answer exists for that instrument.
CREATE TABLE feedback_question (
  id         INTEGER PRIMARY KEY,
  instrument TEXT NOT NULL CHECK (instrument IN ('round', 'selfcheck', 'evaluation')),
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

-- One collection session: the round of one meeting, the self-check at the start or at the end,
-- or the final evaluation. Anonymous (pass-the-device) or named (the facilitator records) is
-- fixed when the session starts. Only the facilitator ends it.
CREATE TABLE feedback_survey (
  id         INTEGER PRIMARY KEY,
  instrument TEXT NOT NULL CHECK (instrument IN ('round', 'selfcheck', 'evaluation')),
  -- no cascade: a meeting with a feedback round cannot be deleted
  meeting_id INTEGER REFERENCES meeting (id),
  phase      TEXT CHECK (phase IS NULL OR phase IN ('start', 'end')),
  anonymous  INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ended_at   TEXT,
  CHECK ((instrument = 'round') = (meeting_id IS NOT NULL)),
  CHECK ((instrument = 'selfcheck') = (phase IS NOT NULL)),
  CHECK ((status = 'closed') = (ended_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX feedback_survey_one_round ON feedback_survey (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_survey_one_selfcheck ON feedback_survey (phase) WHERE phase IS NOT NULL;
CREATE UNIQUE INDEX feedback_survey_one_evaluation ON feedback_survey (instrument) WHERE instrument = 'evaluation';

-- CONFIDENTIAL: one respondent's submission. An anonymous response has no member and no time
-- (a time would give away the order round the table); its id is random for the same reason.
-- A named response belongs to one member (no cascade: that member cannot be deleted).
CREATE TABLE feedback_response (
  id           INTEGER PRIMARY KEY,
  survey_id    INTEGER NOT NULL REFERENCES feedback_survey (id),
  anonymous    INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  member_id    INTEGER REFERENCES member (id),
  submitted_at TEXT,
  CHECK ((anonymous = 1) = (member_id IS NULL)),
  CHECK ((anonymous = 1) = (submitted_at IS NULL)),
  UNIQUE (survey_id, member_id)
) STRICT;
CREATE INDEX feedback_response_member ON feedback_response (member_id);

-- CONFIDENTIAL: the answers. No rowid, so their order does not give away who answered when.
-- shared_text is the only part that can ever leave: the facilitator's approved (e.g. anonymised)
-- wording of an open answer, set one answer at a time.
CREATE TABLE feedback_answer (
  response_id INTEGER NOT NULL REFERENCES feedback_response (id),
  question_id INTEGER NOT NULL REFERENCES feedback_question (id),
  score       INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10),
  choice      TEXT CHECK (choice IS NULL OR length(choice) BETWEEN 1 AND 40),
  text        TEXT CHECK (text IS NULL OR length(text) BETWEEN 1 AND 2000),
  -- SHAREABLE once set: the wording approved for the management summary
  shared_text TEXT CHECK (shared_text IS NULL OR (text IS NOT NULL AND length(shared_text) BETWEEN 1 AND 2000)),
  CHECK ((score IS NOT NULL) + (choice IS NOT NULL) + (text IS NOT NULL) = 1),
  PRIMARY KEY (response_id, question_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX feedback_answer_question ON feedback_answer (question_id);

-- SHAREABLE: the group's decision on how to go on, with the facilitator's short rationale.
CREATE TABLE continuation_decision (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  decision   TEXT CHECK (decision IS NULL OR decision IN ('regular', 'informal', 'stop')),
  rationale  TEXT NOT NULL DEFAULT '' CHECK (length(rationale) <= 2000),
  decided_on TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- The store itself keeps the rules, whatever code writes to it.
CREATE TRIGGER feedback_response_matches_survey BEFORE INSERT ON feedback_response BEGIN
  SELECT RAISE(ABORT, 'feedback: the survey is not open')
  WHERE (SELECT status FROM feedback_survey WHERE id = NEW.survey_id) IS NOT 'open';
  SELECT RAISE(ABORT, 'feedback: anonymous and named answers cannot be mixed in one survey')
  WHERE (SELECT anonymous FROM feedback_survey WHERE id = NEW.survey_id) IS NOT NEW.anonymous;
END;
CREATE TRIGGER feedback_response_no_update BEFORE UPDATE OF survey_id, anonymous, member_id ON feedback_response BEGIN
  SELECT RAISE(ABORT, 'feedback: a response cannot be moved to another survey or respondent');
END;

CREATE TRIGGER feedback_answer_fits_question BEFORE INSERT ON feedback_answer BEGIN
  SELECT RAISE(ABORT, 'feedback: the question belongs to another instrument')
  WHERE (SELECT q.instrument FROM feedback_question q WHERE q.id = NEW.question_id)
    IS NOT (SELECT s.instrument FROM feedback_response r JOIN feedback_survey s ON s.id = r.survey_id WHERE r.id = NEW.response_id);
  SELECT RAISE(ABORT, 'feedback: the answer does not fit the question')
  FROM feedback_question q WHERE q.id = NEW.question_id AND NOT (
    (q.kind = 'scale' AND coalesce(NEW.score BETWEEN 1 AND q.scale_max, 0))
    OR (q.kind = 'choice' AND coalesce(NEW.choice IN (SELECT value FROM json_each(q.options)), 0))
    OR (q.kind = 'text' AND NEW.text IS NOT NULL));
END;

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

-- The default questions. Wording comes from the app's translations (preset keys).
INSERT INTO feedback_question (instrument, position, kind, preset, scale_max, options) VALUES
  ('round', 10, 'scale', 'usefulness', 5, NULL),
  ('round', 20, 'scale', 'dialogue', 5, NULL),
  ('round', 30, 'text', 'keep', NULL, NULL),
  ('round', 40, 'text', 'change', NULL, NULL),
  ('selfcheck', 10, 'scale', 'know', 10, NULL),
  ('selfcheck', 20, 'scale', 'can', 10, NULL),
  ('selfcheck', 30, 'scale', 'able', 10, NULL),
  ('selfcheck', 40, 'scale', 'want', 10, NULL),
  ('evaluation', 10, 'scale', 'wellbeing', 5, NULL),
  ('evaluation', 20, 'scale', 'peerLearning', 5, NULL),
  -- goal items go between 300 and 399, one per goal of the agreement
  ('evaluation', 400, 'scale', 'atmosphere', 5, NULL),
  ('evaluation', 500, 'choice', 'again', NULL, '["yes","maybe","no"]'),
  ('evaluation', 600, 'choice', 'continuation', NULL, '["regular","informal","stop"]'),
  ('evaluation', 700, 'text', 'learned', NULL, NULL),
  ('evaluation', 800, 'text', 'changedWork', NULL, NULL),
  ('evaluation', 900, 'text', 'mostValuable', NULL, NULL);
