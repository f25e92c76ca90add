import { z } from 'zod';
import {
  Action,
  ActionAdd,
  ActionFilter,
  ActionStatusInput,
  ActionUpdate,
  AttendanceInput,
  AttendanceMark,
  Item,
  ItemAdd,
  ItemUpdate,
  MeetingDetail,
  MeetingHeld,
  MeetingNotes,
  MeetingSummary,
  MeetingTiming,
  NextMeetingInput,
  SearchResult,
  SearchQuery,
  Theme,
  ThemeAdd,
  ThemeRemove,
} from '../domain/meetings';
import { IdRef as ItemRef } from '../domain/fields';
import { RemovedAction, RemovedItem, RemovedTheme, ThemeRemoved } from '../domain/restore';
import { MeetingRef } from '../domain/plan';
import { noInput, type ContractPart } from './part';

const Saved = z.object({ savedAt: z.string() });

/** Meetings: what the facilitator records during and after each meeting. */
export const meetingCalls = {
  'meetings.overview': { input: noInput, output: z.array(MeetingSummary) },
  'meetings.get': { input: MeetingRef, output: MeetingDetail },
  'meetings.setTiming': { input: MeetingTiming, output: MeetingDetail },
  'meetings.setHeld': { input: MeetingHeld, output: MeetingDetail },
  'meetings.saveNotes': { input: MeetingNotes, output: Saved },
  'meetings.setAttendance': { input: AttendanceInput, output: z.array(AttendanceMark) },
  'meetings.setNext': { input: NextMeetingInput, output: MeetingDetail },
  'themes.list': { input: noInput, output: z.array(Theme) },
  'themes.addToMeeting': { input: ThemeAdd, output: MeetingDetail },
  'themes.removeFromMeeting': { input: ThemeRemove, output: ThemeRemoved },
  'themes.restoreToMeeting': { input: RemovedTheme, output: MeetingDetail },
  'actions.list': { input: ActionFilter, output: z.array(Action) },
  'actions.add': { input: ActionAdd, output: Action },
  'actions.update': { input: ActionUpdate, output: Action },
  'actions.setStatus': { input: ActionStatusInput, output: Action },
  'actions.remove': { input: ItemRef, output: RemovedAction },
  'actions.restore': { input: RemovedAction, output: Action },
  'tasks.add': { input: ItemAdd, output: Item },
  'tasks.update': { input: ItemUpdate, output: Item },
  'tasks.remove': { input: ItemRef, output: RemovedItem },
  'tasks.restore': { input: RemovedItem, output: Item },
  'ideas.add': { input: ItemAdd, output: Item },
  'ideas.update': { input: ItemUpdate, output: Item },
  'ideas.remove': { input: ItemRef, output: RemovedItem },
  'ideas.restore': { input: RemovedItem, output: Item },
  'search.query': { input: SearchQuery, output: SearchResult },
} as const satisfies ContractPart;
