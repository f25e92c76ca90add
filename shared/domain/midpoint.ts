import { z } from 'zod';
import { AgreementVersion, VersionSave } from './agreement';
import { recordId } from './fields';

/**
 * The mid-point check (väliarviointi): a short check by the group around the middle of the
 * programme (are our goals still right, is the rhythm right, what should change). It is held in
 * one meeting, planned automatically for the meeting nearest the programme's midpoint unless the
 * facilitator chooses another. Its answers are a feedback instrument ('midpoint'); its outcome can
 * become a new agreed version of the agreement.
 */
export const MidpointState = z.object({
  /** The day halfway between the programme's start and end. */
  midpointDate: z.string(),
  /** The meeting nearest that day (not cancelled, dated), if there is one. */
  automaticMeetingId: recordId.nullable(),
  /** The facilitator's own choice, or null to follow the automatic one. */
  chosenMeetingId: recordId.nullable(),
  /** The meeting the check is planned for (or was held in, once started). */
  meetingId: recordId.nullable(),
  meetingNumber: z.number().int().nullable(),
  /** Once the check has started, its meeting no longer changes. */
  started: z.boolean(),
  /** The check has been ended: its outcome can go into the agreement. */
  ended: z.boolean(),
  /** The agreed version made from the check's outcome. */
  version: AgreementVersion.nullable(),
});
export type MidpointState = z.infer<typeof MidpointState>;

/** Plan the check for this meeting; null goes back to the meeting nearest the midpoint. */
export const MidpointPlan = z.object({ meetingId: recordId.nullable() });
export type MidpointPlan = z.infer<typeof MidpointPlan>;

/** The outcome agreed: the draft as it now stands becomes the next agreed version, with this note. */
export const MidpointVersion = VersionSave;
export type MidpointVersion = z.infer<typeof MidpointVersion>;
