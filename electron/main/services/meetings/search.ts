import type { Database } from 'better-sqlite3';
import { hasUnstorableCharacter, SEARCH_MARK_END, SEARCH_MARK_START, type SearchGroup, type SearchResult } from '@shared/domain';
import { stemOf, stemsOf, wordsOf } from '../db/stems';

/**
 * Full-text search over notes, themes, actions, tasks and ideas. Each word the user types is
 * matched as a prefix of a word of the text ("kehity" finds "kehityskeskustelu") or by its Finnish
 * stem ("aamupalaveri" finds "aamupalavereita", see db/stems.ts and 0007); words are ANDed.
 * Quotes are escaped so user input is never FTS syntax. `exact` matches the typed words only:
 * the hits it finds are ranked first.
 */
export function toFtsQuery(query: string): { any: string; exact: string } {
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(/["*^():{}[\]]/g, ''))
    .filter((word) => word.length > 0);
  // A word the tokenizer splits ("saa-alustus") is a phrase; its stems are the stems of its parts.
  const stems = (word: string) => wordsOf(word).map(stemOf).join(' ');
  return {
    any: words.map((word) => (stems(word) ? `(body : "${word}"* OR stems : "${stems(word)}")` : `body : "${word}"*`)).join(' AND '),
    exact: words.map((word) => `body : "${word}"*`).join(' AND '),
  };
}

/** Snippets are costly on long notes, so they are made for the first page of hits only. */
export const SEARCH_PAGE = 60;

interface Match {
  rowid: number;
  meetingId: number;
  number: number;
  plannedDate: string | null;
  plannedMonth: string | null;
  kind: SearchGroup['hits'][number]['kind'];
  refId: number;
}

/**
 * Notes saved since the last search are re-indexed now, by rowid (see search_pending_note in
 * 0006): one re-index per changed note per search instead of one per autosave.
 */
export function refreshNotesIndex(db: Database): void {
  const pending = db
    .prepare('SELECT p.meeting_id AS id, n.text FROM search_pending_note p JOIN meeting_note n ON n.meeting_id = p.meeting_id')
    .all() as { id: number; text: string }[];
  if (pending.length === 0) return;
  const update = db.prepare('UPDATE search_index SET body = ?, stems = ? WHERE rowid = ? * 8 + 1');
  db.transaction(() => {
    for (const { id, text } of pending) update.run(text, stemsOf(text), id);
    db.prepare('DELETE FROM search_pending_note').run();
  })();
}

export function search(db: Database, { query }: { query: string }): SearchResult {
  // No stored text holds a character the store refuses (NUL, a lone surrogate), so nothing can match one.
  if (hasUnstorableCharacter(query)) return { total: 0, groups: [] };
  const { any: fts, exact } = toFtsQuery(query);
  if (fts === '') return { total: 0, groups: [] };
  refreshNotesIndex(db);
  // A theme is indexed once (meeting_id NULL) and found in every meeting it was discussed in.
  const matches = db
    .prepare(
      `SELECT s.rowid, m.id AS meetingId, m.number, m.planned_date AS plannedDate,
         m.planned_month AS plannedMonth, s.kind, s.ref_id AS refId
       FROM search_index s
       LEFT JOIN meeting_theme mt ON s.kind = 'theme' AND mt.theme_id = s.ref_id
       JOIN meeting m ON m.id = coalesce(s.meeting_id, mt.meeting_id)
       WHERE search_index MATCH ? ORDER BY m.number, s.kind, s.rowid`,
    )
    .all(fts) as Match[];
  // Hits with the words as typed first, each part in meeting order (the sort is stable).
  const typed = new Set((db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck().all(exact) as number[]));
  matches.sort((a, b) => Number(typed.has(b.rowid)) - Number(typed.has(a.rowid)));
  const page = matches.slice(0, SEARCH_PAGE);
  // Snippets mark the typed words; the narrower query makes them cheaper on long notes. A hit found
  // by its stem alone gets its snippet (the text's beginning) from the full query.
  const snippets = new Map<number, string>();
  const snippetsOf = (query: string, rowids: number[]) => {
    if (rowids.length === 0) return;
    const rows = db
      .prepare(
        `SELECT rowid, snippet(search_index, 0, '${SEARCH_MARK_START}', '${SEARCH_MARK_END}', '…', 16) AS snippet
         FROM search_index WHERE search_index MATCH ? AND rowid IN (${rowids.map(() => '?').join(',')})`,
      )
      .all(query, ...rowids) as { rowid: number; snippet: string }[];
    for (const row of rows) snippets.set(row.rowid, row.snippet);
  };
  snippetsOf(exact, page.filter((m) => typed.has(m.rowid)).map((m) => m.rowid));
  snippetsOf(fts, page.filter((m) => !typed.has(m.rowid)).map((m) => m.rowid));
  const groups = new Map<number, SearchGroup>();
  for (const { rowid, meetingId, number, plannedDate, plannedMonth, kind, refId } of page) {
    const group = groups.get(meetingId) ?? { meetingId, number, plannedDate, plannedMonth, hits: [] };
    group.hits.push({ kind, refId, snippet: snippets.get(rowid) ?? '' });
    groups.set(meetingId, group);
  }
  return { total: matches.length, groups: [...groups.values()] };
}
