-- 0007: Finnish-aware search. Beside each indexed text the index keeps the Snowball Finnish stems
-- of its words (fi_stems, a SQL function registered on every connection: services/db/stems.ts),
-- so "aamupalaveri" finds "aamupalavereita". A query matches the exact words (as a prefix) in
-- `body` and each word's stem in `stems`; exact matches are ranked first (services/meetings/search.ts).
-- As in 0006: rows are addressed by rowid (ref id * 8 + kind: notes 1, action 2, task 3, idea 4,
-- theme 5) so no trigger scans the index, and FTS5 secure-delete overwrites what it deletes.
-- The index is rebuilt from its sources; nothing else changes.

DROP TRIGGER meeting_note_ai;
DROP TRIGGER meeting_note_ad;
DROP TRIGGER action_ai;
DROP TRIGGER action_au;
DROP TRIGGER action_ad;
DROP TRIGGER task_ai;
DROP TRIGGER task_au;
DROP TRIGGER task_ad;
DROP TRIGGER idea_ai;
DROP TRIGGER idea_au;
DROP TRIGGER idea_ad;
DROP TRIGGER theme_ai;
DROP TRIGGER theme_au;
DROP TRIGGER theme_ad;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
  body,
  stems,
  kind UNINDEXED,
  ref_id UNINDEXED,
  meeting_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- Notes are indexed as they are now, so nothing is left pending.
DELETE FROM search_pending_note;
INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id)
  SELECT meeting_id * 8 + 1, text, fi_stems(text), 'notes', meeting_id, meeting_id FROM meeting_note;
INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) SELECT id * 8 + 2, text, fi_stems(text), 'action', id, meeting_id FROM action;
INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) SELECT id * 8 + 3, text, fi_stems(text), 'task', id, meeting_id FROM task;
INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) SELECT id * 8 + 4, text, fi_stems(text), 'idea', id, meeting_id FROM idea_to_forward;
INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) SELECT id * 8 + 5, name, fi_stems(name), 'theme', id, NULL FROM theme;

-- Notes: inserted here; edits are re-indexed when searching (search_pending_note, 0006, unchanged).
CREATE TRIGGER meeting_note_ai AFTER INSERT ON meeting_note BEGIN
  INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id)
  VALUES (NEW.meeting_id * 8 + 1, NEW.text, fi_stems(NEW.text), 'notes', NEW.meeting_id, NEW.meeting_id);
END;
CREATE TRIGGER meeting_note_ad AFTER DELETE ON meeting_note BEGIN
  DELETE FROM search_index WHERE rowid = OLD.meeting_id * 8 + 1;
END;

CREATE TRIGGER action_ai AFTER INSERT ON action BEGIN
  INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 2, NEW.text, fi_stems(NEW.text), 'action', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER action_au AFTER UPDATE OF text ON action BEGIN
  UPDATE search_index SET body = NEW.text, stems = fi_stems(NEW.text) WHERE rowid = NEW.id * 8 + 2;
END;
CREATE TRIGGER action_ad AFTER DELETE ON action BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

CREATE TRIGGER task_ai AFTER INSERT ON task BEGIN
  INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 3, NEW.text, fi_stems(NEW.text), 'task', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER task_au AFTER UPDATE OF text ON task BEGIN
  UPDATE search_index SET body = NEW.text, stems = fi_stems(NEW.text) WHERE rowid = NEW.id * 8 + 3;
END;
CREATE TRIGGER task_ad AFTER DELETE ON task BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END;

CREATE TRIGGER idea_ai AFTER INSERT ON idea_to_forward BEGIN
  INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 4, NEW.text, fi_stems(NEW.text), 'idea', NEW.id, NEW.meeting_id);
END;
CREATE TRIGGER idea_au AFTER UPDATE OF text ON idea_to_forward BEGIN
  UPDATE search_index SET body = NEW.text, stems = fi_stems(NEW.text) WHERE rowid = NEW.id * 8 + 4;
END;
CREATE TRIGGER idea_ad AFTER DELETE ON idea_to_forward BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END;

CREATE TRIGGER theme_ai AFTER INSERT ON theme BEGIN
  INSERT INTO search_index (rowid, body, stems, kind, ref_id, meeting_id) VALUES (NEW.id * 8 + 5, NEW.name, fi_stems(NEW.name), 'theme', NEW.id, NULL);
END;
CREATE TRIGGER theme_au AFTER UPDATE OF name ON theme BEGIN
  UPDATE search_index SET body = NEW.name, stems = fi_stems(NEW.name) WHERE rowid = NEW.id * 8 + 5;
END;
CREATE TRIGGER theme_ad AFTER DELETE ON theme BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
END;
