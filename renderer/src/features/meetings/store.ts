import { create } from 'zustand';
import type {
  Action,
  ActionAdd,
  ActionFilter,
  ActionStatus,
  ActionUpdate,
  Item,
  MeetingDetail,
  MeetingFormat,
  MeetingSummary,
  PlannedMeeting,
  SearchResult,
  Theme,
} from '@shared/domain';
import { fresh, write, writeSnapshot } from '../../lib/calls';
import { forgetField } from '../../lib/saveRegistry';

export type ItemKind = 'task' | 'idea';
const ITEM_CALLS = { task: 'tasks', idea: 'ideas' } as const;
const ITEM_LIST = { task: 'tasks', idea: 'ideas' } as const;

/** The meeting's basic facts as its form holds them. */
export interface DetailsValues {
  plannedDate: string;
  startTime: string;
  plannedMinutes: string;
  place: string;
  format: string;
  plannedTheme: string;
}

/** Puts an item back where it was (by id order of the list it came from). */
const withItem = <T extends { id: number }>(list: T[], item: T, index: number): T[] =>
  list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list.slice(0, index), item, ...list.slice(index)];
const replaceAction = (list: Action[], action: Action) => list.map((a) => (a.id === action.id ? action : a));

interface MeetingsState {
  overview: MeetingSummary[];
  loaded: boolean;
  openId: number | null;
  detail: MeetingDetail | null;
  live: boolean;
  /** The main menu's choices the page has seen (see MeetingsPage's useListOnMenuChoice). */
  seenVisits: number;
  /** Every theme used so far, for one-press suggestions. */
  themes: Theme[];
  /** The action list page's actions, for its current filter. */
  actionList: Action[];
  loadOverview: () => Promise<void>;
  addMeeting: () => Promise<PlannedMeeting>;
  open: (id: number, live?: boolean) => Promise<void>;
  close: () => void;
  setLive: (live: boolean) => void;
  /** Re-reads the open meeting. */
  refresh: () => Promise<void>;
  saveNotes: (id: number, notes: string) => Promise<void>;
  saveDetails: (id: number, values: DetailsValues) => Promise<void>;
  setHeld: (id: number, held: boolean) => Promise<void>;
  setCancelled: (id: number, cancelled: boolean) => Promise<void>;
  setAttendance: (meetingId: number, memberId: number, present: boolean | null, absenceReason: string) => Promise<void>;
  setNext: (meetingId: number, plannedDate: string | null, plannedTheme: string) => Promise<void>;
  loadThemes: () => Promise<void>;
  addTheme: (meetingId: number, name: string) => Promise<void>;
  /** Removes the theme from the meeting; answers how to put it back. */
  removeTheme: (meetingId: number, themeId: number) => Promise<() => Promise<void>>;
  addAction: (input: ActionAdd) => Promise<void>;
  updateAction: (input: ActionUpdate) => Promise<void>;
  reviewAction: (id: number, status: ActionStatus, reviewedInId: number) => Promise<void>;
  removeAction: (id: number) => Promise<() => Promise<void>>;
  addItem: (kind: ItemKind, meetingId: number, text: string) => Promise<void>;
  updateItem: (kind: ItemKind, id: number, text: string) => Promise<void>;
  removeItem: (kind: ItemKind, id: number) => Promise<() => Promise<void>>;
  listActions: (filter: ActionFilter) => Promise<void>;
  search: (query: string) => Promise<SearchResult>;
}

/**
 * The meetings feature's data, and the only caller of the API for it. Every write goes through
 * here and brings the snapshot up to date from its answer; an answer that carries more than the
 * write itself (the whole meeting, every mark) goes in only when no other write could have
 * overtaken it, else the meeting is read again (lib/calls.ts).
 */
export const useMeetingsStore = create<MeetingsState>()((set, get) => {
  /** Changes the open meeting, if it is the one the answer is about. */
  const patch = (id: number, change: (detail: MeetingDetail) => MeetingDetail) =>
    set((s) => (s.detail?.id === id ? { detail: change(s.detail) } : {}));
  const apply = (detail: MeetingDetail) => patch(detail.id, () => detail);
  /** An action changed: wherever the open meeting and the action list show it. */
  const putAction = (action: Action) =>
    set((s) => ({
      detail: s.detail && { ...s.detail, actions: replaceAction(s.detail.actions, action), carriedOver: replaceAction(s.detail.carriedOver, action) },
      actionList: replaceAction(s.actionList, action),
    }));
  const putItem = (kind: ItemKind, item: Item, index = Number.MAX_SAFE_INTEGER) =>
    patch(item.meetingId, (d) => ({ ...d, [ITEM_LIST[kind]]: withItem(d[ITEM_LIST[kind]], item, index) }));
  /** The action list page's filter, to read the same list again. */
  let lastFilter: ActionFilter | null = null;
  /** The open meeting and the action list, read again (an answer may have been overtaken). */
  const reread = async () => {
    await get().refresh();
    if (lastFilter) await get().listActions(lastFilter);
  };

  return {
    overview: [],
    loaded: false,
    openId: null,
    detail: null,
    live: false,
    seenVisits: 0,
    themes: [],
    actionList: [],
    loadOverview: async () => {
      await fresh((read) => read('meetings.overview'), (overview) => set({ overview, loaded: true }));
    },
    addMeeting: () => write('plan.add', { plannedDate: null, plannedMonth: null, plannedTheme: '', place: '', format: null }),
    open: async (id, live = false) => {
      await fresh((read) => read('meetings.get', { id }), (detail) => set({ openId: id, detail, live }));
    },
    close: () => {
      set({ openId: null, detail: null, live: false });
      void get().loadOverview();
    },
    setLive: (live) => set({ live }),
    refresh: async () => {
      const id = get().openId;
      if (id === null) return;
      await fresh((read) => read('meetings.get', { id }), (detail) => set((s) => (s.openId === id ? { detail } : {})));
    },
    saveNotes: async (id, notes) => {
      // The store holds the newest text at once, and keeps it if the save fails.
      patch(id, (d) => ({ ...d, notes }));
      await write('meetings.saveNotes', { id, notes });
      patch(id, (d) => ({ ...d, notes }));
    },
    saveDetails: async (id, values) => {
      const current = get().detail;
      if (!current || current.id !== id) return;
      const format = values.format === '' ? null : (values.format as MeetingFormat);
      await write('plan.update', {
        id,
        number: current.number,
        plannedDate: values.plannedDate || null,
        plannedMonth: values.plannedDate ? null : current.plannedMonth,
        plannedTheme: values.plannedTheme,
        place: values.place,
        format,
      });
      const timing = { id, startTime: values.startTime || null, plannedMinutes: Number(values.plannedMinutes) };
      await writeSnapshot('meetings.setTiming', timing, apply, reread);
    },
    setHeld: async (id, held) => void (await writeSnapshot('meetings.setHeld', { id, held }, apply, reread)),
    setCancelled: async (id, cancelled) => {
      await write('plan.cancel', { id, cancelled });
      await get().refresh();
    },
    setAttendance: async (meetingId, memberId, present, absenceReason) => {
      const input = { meetingId, memberId, present, absenceReason };
      await writeSnapshot('meetings.setAttendance', input, (attendance) => patch(meetingId, (d) => ({ ...d, attendance })), reread);
    },
    setNext: async (meetingId, plannedDate, plannedTheme) =>
      void (await writeSnapshot('meetings.setNext', { meetingId, plannedDate, plannedTheme }, apply, reread)),
    loadThemes: async () => {
      await fresh((read) => read('themes.list'), (themes) => set({ themes }));
    },
    addTheme: async (meetingId, name) => {
      await writeSnapshot('themes.addToMeeting', { meetingId, name }, apply, reread);
      void get().loadThemes();
    },
    removeTheme: async (meetingId, themeId) => {
      const { removed } = await writeSnapshot('themes.removeFromMeeting', { meetingId, themeId }, ({ detail }) => apply(detail), reread);
      return async () => {
        await writeSnapshot('themes.restoreToMeeting', removed, apply, reread);
        void get().loadThemes();
      };
    },
    addAction: async (input) => {
      const action = await write('actions.add', input);
      patch(input.meetingId, (d) => ({ ...d, actions: [...d.actions, action] }));
    },
    updateAction: async (input) => {
      const current = [...(get().detail?.actions ?? []), ...get().actionList].find((a) => a.id === input.id);
      if (current) putAction({ ...current, ...input });
      await writeSnapshot('actions.update', input, putAction, reread);
    },
    reviewAction: async (id, status, reviewedInId) => void (await writeSnapshot('actions.setStatus', { id, status, reviewedInId }, putAction, reread)),
    removeAction: async (id) => {
      const removed = await write('actions.remove', { id });
      forgetField(`action:${id}`);
      const index = get().detail?.actions.findIndex((a) => a.id === id) ?? -1;
      set((s) => ({
        detail: s.detail && { ...s.detail, actions: s.detail.actions.filter((a) => a.id !== id), carriedOver: s.detail.carriedOver.filter((a) => a.id !== id) },
        actionList: s.actionList.filter((a) => a.id !== id),
      }));
      return async () => {
        const action = await write('actions.restore', removed);
        patch(action.meetingId, (d) => ({ ...d, actions: withItem(d.actions, action, index) }));
        if (get().detail?.id !== action.meetingId) await get().refresh();
      };
    },
    addItem: async (kind, meetingId, text) => putItem(kind, await write(`${ITEM_CALLS[kind]}.add`, { meetingId, text })),
    updateItem: async (kind, id, text) => {
      const meetingId = get().detail?.id;
      if (meetingId !== undefined) putItem(kind, { id, meetingId, text });
      putItem(kind, await write(`${ITEM_CALLS[kind]}.update`, { id, text }));
    },
    removeItem: async (kind, id) => {
      const removed = await write(`${ITEM_CALLS[kind]}.remove`, { id });
      forgetField(`${kind}:${id}`);
      const index = get().detail?.[ITEM_LIST[kind]].findIndex((item) => item.id === id) ?? -1;
      patch(removed.meetingId, (d) => ({ ...d, [ITEM_LIST[kind]]: d[ITEM_LIST[kind]].filter((item) => item.id !== id) }));
      return async () => putItem(kind, await write(`${ITEM_CALLS[kind]}.restore`, removed), index);
    },
    listActions: async (filter) => {
      lastFilter = filter;
      await fresh((read) => read('actions.list', filter), (actionList) => set(lastFilter === filter ? { actionList } : {}));
    },
    search: (query) => fresh((read) => read('search.query', { query })),
  };
});
