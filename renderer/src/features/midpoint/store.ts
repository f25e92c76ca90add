import { create } from 'zustand';
import type { MeetingSummary, MidpointState, MidpointVersion } from '@shared/domain';
import { fresh, writeSnapshot } from '../../lib/calls';

interface MidpointStoreState {
  state: MidpointState | null;
  /** The plan's meetings, to choose the check's meeting from. */
  meetings: MeetingSummary[];
  load: () => Promise<void>;
  /** Plans the check for a meeting; null follows the meeting nearest the midpoint again. */
  plan: (meetingId: number | null) => Promise<void>;
  /** The agreement's draft, as it now stands, becomes the next agreed version made from the check. */
  agreeVersion: (input: MidpointVersion) => Promise<void>;
}

/** The mid-point check (väliarviointi), and the only caller of the API for it. */
export const useMidpointStore = create<MidpointStoreState>()((set) => {
  const reread = () =>
    fresh(
      (read) => Promise.all([read('midpoint.get'), read('meetings.overview')]),
      ([state, meetings]) => set({ state, meetings }),
    );
  const apply = (state: MidpointState) => set({ state });
  return {
    state: null,
    meetings: [],
    load: () => reread().then(() => undefined),
    plan: (meetingId) => writeSnapshot('midpoint.plan', { meetingId }, apply, reread).then(() => undefined),
    agreeVersion: (input) => writeSnapshot('midpoint.agreeVersion', input, apply, reread).then(() => undefined),
  };
});
