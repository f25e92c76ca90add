import type { Database } from 'better-sqlite3';
import type { MeetingDetail, Theme } from '@shared/domain';
import { requireMeeting } from './queries';
import { requireNotCancelled } from './rules';
import { getMeeting } from './service';

/** Themes are reusable tags: the same name (any letter case) is the same theme. */
export function listThemes(db: Database): Theme[] {
  return db
    .prepare(
      `SELECT t.id, t.name, count(mt.meeting_id) AS meetings FROM theme t
       LEFT JOIN meeting_theme mt ON mt.theme_id = t.id GROUP BY t.id ORDER BY meetings DESC, t.name`,
    )
    .all() as Theme[];
}

export function addThemeToMeeting(db: Database, { meetingId, name }: { meetingId: number; name: string }): MeetingDetail {
  return db.transaction(() => {
    requireNotCancelled(db, meetingId, 'meetingId');
    db.prepare('INSERT INTO theme (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    const { id } = db.prepare('SELECT id FROM theme WHERE name = ?').get(name) as { id: number };
    const { position } = db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS position FROM meeting_theme WHERE meeting_id = ?')
      .get(meetingId) as { position: number };
    db.prepare('INSERT INTO meeting_theme (meeting_id, theme_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
      meetingId,
      id,
      position,
    );
    return getMeeting(db, meetingId);
  })();
}

export function removeThemeFromMeeting(db: Database, { meetingId, themeId }: { meetingId: number; themeId: number }): MeetingDetail {
  return db.transaction(() => {
    requireMeeting(db, meetingId);
    db.prepare('DELETE FROM meeting_theme WHERE meeting_id = ? AND theme_id = ?').run(meetingId, themeId);
    // A tag no meeting uses any more is forgotten, so the list of themes stays clean.
    db.prepare('DELETE FROM theme WHERE id = ? AND NOT EXISTS (SELECT 1 FROM meeting_theme WHERE theme_id = ?)').run(themeId, themeId);
    return getMeeting(db, meetingId);
  })();
}
