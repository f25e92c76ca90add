import type { Database } from 'better-sqlite3';
import type { ClosingDeleted, ClosingKept, ClosingPlan } from '@shared/domain';

/**
 * What closing the programme deletes and what it keeps, table by table. The same list drives the
 * deletion (closing/shred.ts) and what the facilitator is shown before confirming
 * (`summary.closingPlan`), so the promise and the act cannot drift apart; a test checks the
 * database against it after closing, and that every table is on one side or the other.
 * The first table of each entry is the one counted for the facilitator.
 */
export const CLOSING_DELETES: readonly { key: ClosingDeleted; tables: readonly string[] }[] = [
  { key: 'notes', tables: ['meeting_note'] },
  { key: 'absenceReasons', tables: ['absence_reason'] },
  { key: 'actions', tables: ['action'] },
  { key: 'tasks', tables: ['task'] },
  // every respondent's submission with its scores, choices and open answers
  { key: 'feedbackAnswers', tables: ['feedback_response', 'feedback_answer'] },
];

export const CLOSING_KEEPS: readonly { key: ClosingKept; tables: readonly string[] }[] = [
  { key: 'programme', tables: ['programme'] },
  // names, roles and e-mail addresses
  { key: 'members', tables: ['member'] },
  { key: 'agreement', tables: ['agreement_version', 'agreement', 'agreement_goal', 'agreement_rule', 'agreement_acceptance'] },
  // dates, places, planned themes and their history; the reflection prompts chosen for meetings
  // and what each meeting last went out to a calendar as (the plan's own facts)
  { key: 'meetingPlan', tables: ['meeting', 'meeting_plan_change', 'meeting_prompt', 'calendar_event'] },
  // present or absent, without reasons
  { key: 'attendance', tables: ['attendance'] },
  { key: 'themes', tables: ['theme', 'meeting_theme'] },
  { key: 'ideas', tables: ['idea_to_forward'] },
  // which rounds and surveys were held, named or anonymous, and their questions; no answers
  { key: 'surveys', tables: ['feedback_survey', 'feedback_question', 'midpoint_check'] },
  { key: 'decision', tables: ['continuation_decision'] },
  // the frozen summary, its settings and conclusions, and the export log
  { key: 'summary', tables: ['export_log', 'summary_settings', 'summary_archive'] },
  { key: 'settings', tables: ['setting'] },
];

/** Derived from the tables above and rebuilt when closing: afterwards it indexes themes and ideas only. */
export const SEARCH_INDEX = 'search_index';
/** The search index's own bookkeeping (which notes to re-index); emptied with the notes. */
export const SEARCH_TABLES = [SEARCH_INDEX, 'search_pending_note'] as const;

const countOf = (db: Database, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

export function closingPlan(db: Database): ClosingPlan {
  return {
    deleted: CLOSING_DELETES.map(({ key, tables }) => ({ key, count: countOf(db, tables[0]!) })),
    kept: CLOSING_KEEPS.map(({ key, tables }) => ({ key, count: countOf(db, tables[0]!) })),
  };
}
