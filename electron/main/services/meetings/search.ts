import type { Database } from 'better-sqlite3';
import { SEARCH_MARK_END, SEARCH_MARK_START, type SearchGroup } from '@shared/domain';

/**
 * Full-text search over notes, themes, actions, tasks and ideas. Each word the user types is
 * matched as a prefix ("kehity" finds "kehityskeskustelu"); quotes are escaped so user input is
 * never FTS syntax.
 */
export function toFtsQuery(query: string): string {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/["*^():{}[\]]/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => `"${word}"*`)
    .join(' ');
}

const MAX_HITS = 200;

export function search(db: Database, { query }: { query: string }): SearchGroup[] {
  const fts = toFtsQuery(query);
  if (fts === '') return [];
  const hits = db
    .prepare(
      `SELECT s.meeting_id AS meetingId, m.number, m.planned_date AS plannedDate, m.planned_month AS plannedMonth,
         s.kind, s.ref_id AS refId,
         snippet(search_index, 0, '${SEARCH_MARK_START}', '${SEARCH_MARK_END}', '…', 16) AS snippet
       FROM search_index s JOIN meeting m ON m.id = s.meeting_id
       WHERE search_index MATCH ? ORDER BY m.number, s.kind, bm25(search_index) LIMIT ${MAX_HITS}`,
    )
    .all(fts) as (Omit<SearchGroup, 'hits'> & SearchGroup['hits'][number])[];
  const groups = new Map<number, SearchGroup>();
  for (const { meetingId, number, plannedDate, plannedMonth, kind, refId, snippet } of hits) {
    const group = groups.get(meetingId) ?? { meetingId, number, plannedDate, plannedMonth, hits: [] };
    group.hits.push({ kind, refId, snippet });
    groups.set(meetingId, group);
  }
  return [...groups.values()];
}
