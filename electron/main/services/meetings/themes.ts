import type { Database } from 'better-sqlite3';
import type { MeetingDetail, RemovedTheme, Theme } from '@shared/domain';
import { AppError } from '../errors';
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

/** Takes a theme off a meeting; answers the meeting and what was removed, for Undo. */
export function removeThemeFromMeeting(
  db: Database,
  { meetingId, themeId }: { meetingId: number; themeId: number },
): { detail: MeetingDetail; removed: RemovedTheme } {
  return db.transaction(() => {
    requireMeeting(db, meetingId);
    const removed = db
      .prepare(
        `SELECT mt.meeting_id AS meetingId, mt.theme_id AS themeId, t.name, mt.position FROM meeting_theme mt
         JOIN theme t ON t.id = mt.theme_id WHERE mt.meeting_id = ? AND mt.theme_id = ?`,
      )
      .get(meetingId, themeId) as RemovedTheme | undefined;
    if (!removed) throw new AppError('not_found', `Meeting ${meetingId} has no theme ${themeId}.`);
    db.prepare('DELETE FROM meeting_theme WHERE meeting_id = ? AND theme_id = ?').run(meetingId, themeId);
    // A tag no meeting uses any more is forgotten, so the list of themes stays clean.
    db.prepare('DELETE FROM theme WHERE id = ? AND NOT EXISTS (SELECT 1 FROM meeting_theme WHERE theme_id = ?)').run(themeId, themeId);
    return { detail: getMeeting(db, meetingId), removed };
  })();
}

/**
 * Undo: the theme goes back on the meeting in its place. A forgotten tag comes back with its id
 * (unless the name was meanwhile used again: then that theme is the same theme).
 */
export function restoreThemeToMeeting(db: Database, row: RemovedTheme): MeetingDetail {
  return db.transaction(() => {
    requireNotCancelled(db, row.meetingId, 'meetingId');
    const sameName = db.prepare('SELECT id FROM theme WHERE name = ?').get(row.name) as { id: number } | undefined;
    let themeId = sameName?.id;
    if (themeId === undefined) {
      const idFree = !db.prepare('SELECT 1 FROM theme WHERE id = ?').get(row.themeId);
      themeId = Number(db.prepare('INSERT INTO theme (id, name) VALUES (?, ?)').run(idFree ? row.themeId : null, row.name).lastInsertRowid);
    }
    db.prepare('INSERT INTO meeting_theme (meeting_id, theme_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
      row.meetingId,
      themeId,
      row.position,
    );
    return getMeeting(db, row.meetingId);
  })();
}
