import type { Database } from 'better-sqlite3';
import type { Item, ItemAdd, ItemUpdate } from '@shared/domain';
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
    remove: ({ id }: { id: number }): { id: number } =>
      db.transaction(() => {
        getItem(db, table, id);
        db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
        return { id };
      })(),
  };
}
