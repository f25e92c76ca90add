import type { Database } from 'better-sqlite3';
import type { Item, ItemAdd, ItemUpdate, RemovedItem } from '@shared/domain';
import { AppError } from '../errors';
import { getItem, type ItemTable } from './queries';
import { requireNotCancelled } from './rules';

/**
 * Short items of a meeting kept in their own tables: between-meeting tasks (CONFIDENTIAL) and
 * ideas to forward (SHAREABLE: the exact wording the group agreed to pass on).
 */
export function itemService(db: Database, table: ItemTable) {
  return {
    add: ({ meetingId, text }: ItemAdd): Item =>
      db.transaction(() => {
        requireNotCancelled(db, meetingId, 'meetingId');
        const { position } = db
          .prepare(`SELECT coalesce(max(position), 0) + 1 AS position FROM ${table} WHERE meeting_id = ?`)
          .get(meetingId) as { position: number };
        const { lastInsertRowid } = db.prepare(`INSERT INTO ${table} (meeting_id, text, position) VALUES (?, ?, ?)`).run(meetingId, text, position);
        return getItem(db, table, Number(lastInsertRowid));
      })(),
    update: ({ id, text }: ItemUpdate): Item =>
      db.transaction(() => {
        getItem(db, table, id);
        db.prepare(`UPDATE ${table} SET text = ? WHERE id = ?`).run(text, id);
        return getItem(db, table, id);
      })(),
    /** Answers the removed row exactly, for Undo. */
    remove: ({ id }: { id: number }): RemovedItem =>
      db.transaction(() => {
        getItem(db, table, id);
        const removed = db.prepare(`SELECT id, meeting_id AS meetingId, text, position FROM ${table} WHERE id = ?`).get(id) as RemovedItem;
        db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
        return removed;
      })(),
    /** Undo: the item comes back with its id and in its place. Tasks are confidential: not after closing. */
    restore: (row: RemovedItem): Item =>
      db.transaction(() => {
        requireNotCancelled(db, row.meetingId, 'meetingId');
        if (db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(row.id)) throw new AppError('conflict', `Item ${row.id} is already there.`);
        db.prepare(`INSERT INTO ${table} (id, meeting_id, text, position) VALUES (:id, :meetingId, :text, :position)`).run(row);
        return getItem(db, table, row.id);
      })(),
  };
}
