import type { Database } from 'better-sqlite3';
import { MAX_PROMPTS_PER_MOMENT, type MeetingPrompt, type PromptAdd, type PromptUpdate, type RemovedPrompt } from '@shared/domain';
import { AppError, fieldError } from '../errors';
import type { HandlersOf } from '../handlers';
import { requireMeeting } from '../meetings/queries';

/**
 * Reflection prompts chosen for a meeting: from the app's bank (worded by the app in the language
 * of the screen or the brief) or the facilitator's own. They belong to the meeting's preparation,
 * so a cancelled meeting refuses none and a removed one takes them along.
 */
const COLUMNS = 'id, meeting_id AS meetingId, moment, bank_key AS bankKey, text, position';

export function promptsFor(db: Database, meetingId: number): MeetingPrompt[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM meeting_prompt WHERE meeting_id = ? ORDER BY CASE moment WHEN 'checkin' THEN 0 ELSE 1 END, position, id`)
    .all(meetingId) as MeetingPrompt[];
}

function getPrompt(db: Database, id: number): MeetingPrompt {
  const row = db.prepare(`SELECT ${COLUMNS} FROM meeting_prompt WHERE id = ?`).get(id) as MeetingPrompt | undefined;
  if (!row) throw new AppError('not_found', `No prompt with id ${id}.`);
  return row;
}

function requireRoom(db: Database, meetingId: number, moment: string): void {
  const { count } = db.prepare('SELECT count(*) AS count FROM meeting_prompt WHERE meeting_id = ? AND moment = ?').get(meetingId, moment) as { count: number };
  if (count >= MAX_PROMPTS_PER_MOMENT) throw fieldError('moment', 'tooManyPrompts', `A round has room for at most ${MAX_PROMPTS_PER_MOMENT} prompts.`);
}

function requireNotChosen(db: Database, input: { meetingId: number; moment: string; bankKey: string | null }): void {
  if (input.bankKey === null) return;
  const taken = db.prepare('SELECT 1 FROM meeting_prompt WHERE meeting_id = ? AND moment = ? AND bank_key = ?').get(input.meetingId, input.moment, input.bankKey);
  if (taken) throw fieldError('bankKey', 'promptChosen', 'This prompt has already been chosen for this round.');
}

export function addPrompt(db: Database, input: PromptAdd): MeetingPrompt[] {
  return db.transaction(() => {
    requireMeeting(db, input.meetingId);
    requireRoom(db, input.meetingId, input.moment);
    requireNotChosen(db, input);
    const { next } = db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM meeting_prompt WHERE meeting_id = ? AND moment = ?')
      .get(input.meetingId, input.moment) as { next: number };
    db.prepare('INSERT INTO meeting_prompt (meeting_id, moment, bank_key, text, position) VALUES (?, ?, ?, ?, ?)').run(
      input.meetingId,
      input.moment,
      input.bankKey,
      input.bankKey === null ? input.text : '',
      next,
    );
    return promptsFor(db, input.meetingId);
  })();
}

/** Rewords one of the facilitator's own prompts; the bank's wording belongs to the app. */
export function updatePrompt(db: Database, { id, text }: PromptUpdate): MeetingPrompt {
  return db.transaction(() => {
    const prompt = getPrompt(db, id);
    if (prompt.bankKey !== null) throw new AppError('conflict', 'A prompt from the bank is worded by the app; add your own instead.', [{ path: 'text', message: 'bankPromptFixed' }]);
    db.prepare('UPDATE meeting_prompt SET text = ? WHERE id = ?').run(text, id);
    return getPrompt(db, id);
  })();
}

/** Removes a prompt and answers it as it was, so that Undo can put it back. */
export function removePrompt(db: Database, { id }: { id: number }): { prompts: MeetingPrompt[]; removed: RemovedPrompt } {
  return db.transaction(() => {
    const removed = getPrompt(db, id) as RemovedPrompt;
    db.prepare('DELETE FROM meeting_prompt WHERE id = ?').run(id);
    return { prompts: promptsFor(db, removed.meetingId), removed };
  })();
}

/** Undo: the prompt comes back with its id and place, if its meeting and room for it are still there. */
export function restorePrompt(db: Database, row: RemovedPrompt): MeetingPrompt[] {
  return db.transaction(() => {
    requireMeeting(db, row.meetingId);
    if (db.prepare('SELECT 1 FROM meeting_prompt WHERE id = ?').get(row.id)) throw new AppError('conflict', `Prompt ${row.id} is already there.`);
    requireRoom(db, row.meetingId, row.moment);
    requireNotChosen(db, row);
    db.prepare('INSERT INTO meeting_prompt (id, meeting_id, moment, bank_key, text, position) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.meetingId,
      row.moment,
      row.bankKey,
      row.text,
      row.position,
    );
    return promptsFor(db, row.meetingId);
  })();
}

export const promptHandlers = (db: Database): HandlersOf<'prompts.forMeeting' | 'prompts.add' | 'prompts.update' | 'prompts.remove' | 'prompts.restore'> => ({
  'prompts.forMeeting': ({ meetingId }) => {
    requireMeeting(db, meetingId);
    return promptsFor(db, meetingId);
  },
  'prompts.add': (input) => addPrompt(db, input),
  'prompts.update': (input) => updatePrompt(db, input),
  'prompts.remove': (input) => removePrompt(db, input),
  'prompts.restore': (input) => restorePrompt(db, input),
});
