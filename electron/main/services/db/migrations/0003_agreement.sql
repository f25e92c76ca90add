-- 0003: the mentoring agreement (mentorointisopimus).
--
-- SHAREABLE WITH THE GROUP ONLY: everything here is the group's own agreement. It is printed for
-- the members to sign (services/agreement/export.ts) and never reaches the management summary.
-- The meeting plan is NOT stored here: the agreement's plan rows are the `meeting` table (0002).
-- Nothing here is CONFIDENTIAL in the sense of the meeting notes, but it stays in the group.

-- The current draft: one row, created when the facilitator starts the agreement.
CREATE TABLE agreement (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  started_from     TEXT NOT NULL CHECK (started_from IN ('empty', 'fi', 'en')),
  duration         TEXT NOT NULL DEFAULT '' CHECK (length(duration) <= 200),
  meeting_frequency TEXT NOT NULL DEFAULT '' CHECK (length(meeting_frequency) <= 200),
  -- the default planned length of a meeting
  meeting_minutes  INTEGER CHECK (meeting_minutes IS NULL OR meeting_minutes BETWEEN 15 AND 600),
  working_time     TEXT NOT NULL DEFAULT '' CHECK (length(working_time) <= 1000),
  costs            TEXT NOT NULL DEFAULT '' CHECK (length(costs) <= 1000),
  contact          TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 1000),
  -- between-meeting tasks (välitehtävät) and the learning diary
  tasks            TEXT NOT NULL DEFAULT '' CHECK (length(tasks) <= 1000),
  confidentiality  TEXT NOT NULL DEFAULT '' CHECK (length(confidentiality) <= 2000),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Goals keep stable ids: the final evaluation asks about each goal (services/agreement/goals.ts).
-- AUTOINCREMENT: an id is never reused, so a removed goal's id cannot come back as a new goal.
CREATE TABLE agreement_goal (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  kind     TEXT NOT NULL CHECK (kind IN ('organisation', 'member', 'group')),
  text     TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX agreement_goal_order ON agreement_goal (kind, position);

-- Ground rules (pelisäännöt), in the group's order; ids are never reused either (versions are
-- compared by id).
CREATE TABLE agreement_rule (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  text     TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX agreement_rule_order ON agreement_rule (position);

-- Agreed versions: append-only. The snapshot is the JSON of every section (parties, goals, rules,
-- practicalities and the meeting plan) at the moment the group agreed on it.
CREATE TABLE agreement_version (
  id         INTEGER PRIMARY KEY,
  number     INTEGER NOT NULL UNIQUE CHECK (number >= 1),
  agreed_on  TEXT NOT NULL CHECK (date(agreed_on) IS agreed_on),
  note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  snapshot   TEXT NOT NULL CHECK (json_valid(snapshot) AND json_type(snapshot) = 'object'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TRIGGER agreement_version_no_update BEFORE UPDATE ON agreement_version BEGIN
  SELECT RAISE(ABORT, 'An agreed version of the agreement cannot be changed.');
END;
CREATE TRIGGER agreement_version_no_delete BEFORE DELETE ON agreement_version BEGIN
  SELECT RAISE(ABORT, 'An agreed version of the agreement cannot be deleted.');
END;

-- Which member accepted which version, and when. No cascade: a member who accepted stays on record.
CREATE TABLE agreement_acceptance (
  version_id  INTEGER NOT NULL REFERENCES agreement_version (id),
  member_id   INTEGER NOT NULL REFERENCES member (id),
  accepted_on TEXT NOT NULL CHECK (date(accepted_on) IS accepted_on),
  PRIMARY KEY (version_id, member_id)
) STRICT;
CREATE INDEX agreement_acceptance_member ON agreement_acceptance (member_id);
