import { z } from 'zod';
import { GoalAdd, RuleAdd } from './agreement';
import { isoDate, recordId } from './fields';
import { ActionFields, ActionStatus, ItemAdd, MeetingDetail, ThemeAdd } from './meetings';

/**
 * Undo for removals. Removing an item the facilitator wrote answers the row exactly as it was
 * stored; giving that back to the matching `restore` call puts it back as it was (the same id,
 * place in its list, owner, due date, review and timestamps). The store checks everything it
 * refers to still exists, and each text field is the same schema as when it was first added.
 */
const position = z.number({ error: 'invalidPosition' }).int({ error: 'invalidPosition' }).min(-1_000_000).max(1_000_000);
const timestamp = z
  .string({ error: 'invalidTimestamp' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, { error: 'invalidTimestamp' });

export const RemovedAction = z.object({
  id: recordId,
  meetingId: recordId,
  text: ActionFields.shape.text,
  ownerMemberId: recordId.nullable(),
  dueDate: isoDate.nullable(),
  status: ActionStatus,
  reviewedInId: recordId.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type RemovedAction = z.infer<typeof RemovedAction>;

/** A between-meeting task or an idea to forward. */
export const RemovedItem = z.object({ id: recordId, meetingId: recordId, text: ItemAdd.shape.text, position });
export type RemovedItem = z.infer<typeof RemovedItem>;

/** A theme taken off a meeting (the theme itself is forgotten when no meeting uses it). */
export const RemovedTheme = z.object({ meetingId: recordId, themeId: recordId, name: ThemeAdd.shape.name, position });
export type RemovedTheme = z.infer<typeof RemovedTheme>;
export const ThemeRemoved = z.object({ detail: MeetingDetail, removed: RemovedTheme });

export const RemovedGoal = GoalAdd.extend({ id: recordId, position });
export type RemovedGoal = z.infer<typeof RemovedGoal>;
export const RemovedRule = RuleAdd.extend({ id: recordId, position });
export type RemovedRule = z.infer<typeof RemovedRule>;
