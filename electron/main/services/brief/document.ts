import type { Database } from 'better-sqlite3';
import { promptText, type AgreementLanguage, type MeetingFormat, type PromptMoment } from '@shared/domain';
import { AppError } from '../errors';
import type { Block, ExportDocument } from '../export/model';
import { listVersions, snapshotOf } from '../agreement/service';
import { formatDate, formatWhen } from '@shared/vocabulary';
import { AGREEMENT_LABELS } from '../agreement/labels';
import { promptsFor } from '../prompts/service';
import { BRIEF_LABELS, BRIEF_STEPS, type BriefLabels } from './labels';

/**
 * The meeting brief: one page for the facilitator before a meeting. CONFIDENTIAL (it holds the
 * group's actions, tasks and who will be away), marked so on every page, and made for the
 * facilitator only: nothing in the management summary imports this folder, and a structure test
 * keeps it so (test/services/brief.test.ts). Notes, absence reasons and feedback are not read.
 */
interface MeetingRow {
  id: number;
  number: number;
  plannedTheme: string;
  plannedDate: string | null;
  plannedMonth: string | null;
  startTime: string | null;
  plannedMinutes: number;
  place: string;
  format: MeetingFormat | null;
}

/** How a meeting's time is usually shared between its steps (meeting mode's steps), in percent. */
const STEP_SHARE = { checkin: 15, theme: 50, actions: 15, ideas: 5, feedback: 10, next: 5 } as const;

/** Each step's share of `minutes`, in whole five minutes (at least five), adding up to the total where it can. */
export function stepMinutes(minutes: number): Record<(typeof BRIEF_STEPS)[number], number> {
  const rounded = BRIEF_STEPS.map((step) => Math.max(5, Math.round((minutes * STEP_SHARE[step]) / 100 / 5) * 5));
  const theme = BRIEF_STEPS.indexOf('theme');
  rounded[theme] = Math.max(5, rounded[theme]! + minutes - rounded.reduce((sum, m) => sum + m, 0));
  return Object.fromEntries(BRIEF_STEPS.map((step, i) => [step, rounded[i]!])) as Record<(typeof BRIEF_STEPS)[number], number>;
}

function meetingOf(db: Database, id: number): MeetingRow {
  const row = db
    .prepare(
      `SELECT id, number, planned_theme AS plannedTheme, planned_date AS plannedDate, planned_month AS plannedMonth,
         start_time AS startTime, planned_minutes AS plannedMinutes, place, format FROM meeting WHERE id = ?`,
    )
    .get(id) as MeetingRow | undefined;
  if (!row) throw new AppError('not_found', `No meeting with id ${id}.`);
  return row;
}

/** The ground rules the group agreed on (the latest agreed version), else the draft's; none before an agreement. */
function groundRules(db: Database): string[] {
  if (!db.prepare('SELECT 1 FROM agreement WHERE id = 1').get()) return [];
  const latest = listVersions(db).at(-1);
  return snapshotOf(db, latest?.number ?? null).rules.map((rule) => rule.text);
}

/** Open actions agreed in earlier meetings, with their owners (CONFIDENTIAL). */
function carriedActions(db: Database, number: number) {
  return db
    .prepare(
      `SELECT a.text, mb.name AS owner, a.due_date AS dueDate, m.number AS fromMeeting
       FROM action a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN member mb ON mb.id = a.owner_member_id
       WHERE m.number < ? AND a.status = 'open' ORDER BY m.number, a.id`,
    )
    .all(number) as { text: string; owner: string | null; dueDate: string | null; fromMeeting: number }[];
}

/** The between-meeting tasks agreed in the previous meeting that took place or is planned (not cancelled). */
function previousTasks(db: Database, number: number): { from: number; tasks: string[] } | null {
  const previous = db
    .prepare(`SELECT id, number FROM meeting WHERE number < ? AND status <> 'cancelled' ORDER BY number DESC LIMIT 1`)
    .get(number) as { id: number; number: number } | undefined;
  if (!previous) return null;
  const tasks = db.prepare('SELECT text FROM task WHERE meeting_id = ? ORDER BY position, id').pluck().all(previous.id) as string[];
  return { from: previous.number, tasks };
}

/** Members marked away for this meeting, by name only (never the reason). */
const awayNames = (db: Database, meetingId: number) =>
  db
    .prepare('SELECT mb.name FROM attendance a JOIN member mb ON mb.id = a.member_id WHERE a.meeting_id = ? AND a.present = 0 ORDER BY mb.name')
    .pluck()
    .all(meetingId) as string[];

function whenText(m: MeetingRow, language: AgreementLanguage): string {
  const day = formatWhen(m, language);
  return m.startTime ? `${day} ${m.startTime}` : day;
}

const list = (items: string[], empty: string): Block => (items.length > 0 ? { type: 'list', items } : { type: 'paragraph', text: empty, tone: 'muted' });

function promptBlocks(db: Database, meetingId: number, moment: PromptMoment, heading: string, l: BriefLabels, language: AgreementLanguage): Block[] {
  const items = promptsFor(db, meetingId)
    .filter((p) => p.moment === moment)
    .map((p) => promptText(p, language));
  return [{ type: 'heading', text: heading, level: 2 }, list(items, l.noPrompts)];
}

export function briefDocument(db: Database, meetingId: number, language: AgreementLanguage): ExportDocument {
  const l = BRIEF_LABELS[language];
  const m = meetingOf(db, meetingId);
  const programme = db.prepare('SELECT name FROM programme WHERE id = 1').pluck().get() as string | undefined;
  const steps = stepMinutes(m.plannedMinutes);
  const carried = carriedActions(db, m.number);
  const tasks = previousTasks(db, m.number);
  const place = [m.place, m.format ? AGREEMENT_LABELS[language].formats[m.format] : ''].filter(Boolean).join(' · ');
  const blocks: Block[] = [
    { type: 'title', text: l.title(m.number) },
    ...(programme ? [{ type: 'subtitle' as const, text: programme }] : []),
    { type: 'notice', text: l.notice },
    { type: 'field', label: l.theme, value: m.plannedTheme || l.noTheme },
    { type: 'field', label: l.when, value: whenText(m, language) },
    ...(place ? [{ type: 'field' as const, label: l.place, value: place }] : []),
    { type: 'field', label: l.length, value: l.minutes(m.plannedMinutes) },
    { type: 'heading', text: l.steps, level: 2 },
    {
      type: 'table',
      columns: [
        { header: l.stepColumn, width: 6 },
        { header: l.minutesColumn, width: 2 },
      ],
      rows: BRIEF_STEPS.map((step) => [l.stepNames[step], l.minutes(steps[step])]),
    },
    ...promptBlocks(db, m.id, 'checkin', l.checkin, l, language),
    { type: 'heading', text: l.rules, level: 2 },
    ...(groundRules(db).length > 0 ? [{ type: 'list' as const, items: groundRules(db), ordered: true }] : [list([], l.noRules)]),
    { type: 'heading', text: l.carried, level: 2 },
    carried.length === 0
      ? { type: 'paragraph', text: l.noCarried, tone: 'muted' }
      : {
          type: 'table',
          columns: [
            { header: l.actionColumn, width: 7 },
            { header: l.ownerColumn, width: 3 },
            { header: l.dueColumn, width: 2 },
            { header: l.fromColumn, width: 1 },
          ],
          rows: carried.map((a) => [a.text, a.owner ?? l.wholeGroup, a.dueDate ? formatDate(a.dueDate, language) : l.noDue, String(a.fromMeeting)]),
        },
    { type: 'heading', text: tasks ? l.tasks(tasks.from) : l.tasks(m.number - 1), level: 2 },
    list(tasks?.tasks ?? [], l.noTasks),
    { type: 'heading', text: l.absent, level: 2 },
    list(awayNames(db, m.id), l.noAbsent),
    ...promptBlocks(db, m.id, 'closing', l.closing, l, language),
  ];
  return {
    title: `${l.title(m.number)}${programme ? ` – ${programme}` : ''}`,
    language: language === 'fi' ? 'fi-FI' : 'en-GB',
    blocks,
    pageLabel: l.pageLabel,
    watermark: l.watermark,
    runningHead: `${l.watermark} · ${l.title(m.number)}`,
  };
}
