import { z } from 'zod';
import { MeetingRef, PlanAdd, PlanCancel, PlannedMeeting, PlanUpdate } from '../domain/plan';
import { noInput, type ContractPart } from './part';

/** The meeting plan: the agreement's view of the meetings (one set of records with them). */
export const planCalls = {
  'plan.list': { input: noInput, output: z.array(PlannedMeeting) },
  'plan.add': { input: PlanAdd, output: PlannedMeeting },
  'plan.update': { input: PlanUpdate, output: PlannedMeeting },
  'plan.cancel': { input: PlanCancel, output: PlannedMeeting },
  'plan.remove': { input: MeetingRef, output: MeetingRef },
} as const satisfies ContractPart;
