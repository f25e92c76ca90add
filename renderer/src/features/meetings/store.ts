import { create } from 'zustand';
import type { MeetingDetail, MeetingSummary } from '@shared/domain';
import { call } from '../../api';

interface MeetingsState {
  overview: MeetingSummary[];
  loaded: boolean;
  openId: number | null;
  detail: MeetingDetail | null;
  live: boolean;
  loadOverview: () => Promise<void>;
  open: (id: number, live?: boolean) => Promise<void>;
  close: () => void;
  setLive: (live: boolean) => void;
  /** Re-reads the open meeting (after a change that returns only the changed item). */
  refresh: () => Promise<void>;
  apply: (detail: MeetingDetail) => void;
}

/** The meetings feature: the overview, the meeting on screen, and whether meeting mode is on. */
export const useMeetingsStore = create<MeetingsState>()((set, get) => ({
  overview: [],
  loaded: false,
  openId: null,
  detail: null,
  live: false,
  loadOverview: async () => set({ overview: await call('meetings.overview'), loaded: true }),
  open: async (id, live = false) => {
    const detail = await call('meetings.get', { id });
    set({ openId: id, detail, live });
  },
  close: () => {
    set({ openId: null, detail: null, live: false });
    void get().loadOverview();
  },
  setLive: (live) => set({ live }),
  refresh: async () => {
    const id = get().openId;
    if (id !== null) set({ detail: await call('meetings.get', { id }) });
  },
  apply: (detail) => set({ detail }),
}));
