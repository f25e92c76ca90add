import { z } from 'zod';
import { LIMITS, isoDate, optionalEmail, optionalLine, recordId, requiredLine } from './fields';

export const MemberFields = z.object({
  name: requiredLine(LIMITS.personName),
  role: optionalLine(LIMITS.role),
  email: optionalEmail,
});
export type MemberFields = z.infer<typeof MemberFields>;

export const Member = MemberFields.extend({
  id: recordId,
  /** The date the member left the group; null while they are a member. */
  leftOn: isoDate.nullable(),
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberUpdate = MemberFields.extend({ id: recordId });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const MemberLeftInput = z.object({ id: recordId, leftOn: isoDate.nullable() });
export type MemberLeftInput = z.infer<typeof MemberLeftInput>;

export const MemberRef = z.object({ id: recordId });
export type MemberRef = z.infer<typeof MemberRef>;
