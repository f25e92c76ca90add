import { z } from 'zod';
import { LIMITS, isoDate, optionalLine, requiredLine } from './fields';
import { MemberFields } from './members';

/** The pilot (programme) this installation serves: one group, one bounded period. */
const ProgrammeShape = z.object({
  name: requiredLine(LIMITS.name),
  organisation: optionalLine(LIMITS.name),
  facilitatorName: requiredLine(LIMITS.personName),
  startDate: isoDate,
  endDate: isoDate,
});

const endNotBeforeStart = <T extends { startDate: string; endDate: string }>(value: T) =>
  value.endDate >= value.startDate;

export const ProgrammeFields = ProgrammeShape.refine(endNotBeforeStart, {
  path: ['endDate'],
  error: 'endBeforeStart',
});
export type ProgrammeFields = z.infer<typeof ProgrammeFields>;

export const Programme = ProgrammeShape.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the programme was closed and archived; from then on it is read-only. Null while open. */
  archivedAt: z.string().nullable(),
});
export type Programme = z.infer<typeof Programme>;

export const MAX_MEMBERS = 20;

/** First-run set-up: the programme and its first members, saved together or not at all. */
export const SetupInput = z.object({
  programme: ProgrammeFields,
  members: z.array(MemberFields).max(MAX_MEMBERS, { error: 'tooManyMembers' }),
});
export type SetupInput = z.infer<typeof SetupInput>;
