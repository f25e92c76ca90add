import { create } from 'zustand';
import type { MeetingPrompt, PromptMoment } from '@shared/domain';
import { fresh, write } from '../../lib/calls';

interface PromptsState {
  /** The open meeting's chosen prompts, check-in first. */
  meetingId: number | null;
  prompts: MeetingPrompt[];
  load: (meetingId: number) => Promise<void>;
  /** A prompt from the bank (`bankKey`) or the facilitator's own (`text`). */
  add: (meetingId: number, moment: PromptMoment, choice: { bankKey: string } | { text: string }) => Promise<void>;
  /** Rewords one of the facilitator's own prompts (an autosave: the answer holds only what it wrote). */
  update: (id: number, text: string) => Promise<void>;
  /** Removes a prompt; resolves with an Undo that puts it back. */
  remove: (id: number) => Promise<() => Promise<void>>;
}

/**
 * Reflection prompts chosen for a meeting, and the only caller of the API for them. A write's
 * answer (the meeting's whole list) is not applied: the list is read afresh after it (lib/calls.ts).
 */
export const usePromptsStore = create<PromptsState>()((set, get) => {
  const reread = (meetingId: number) => fresh((read) => read('prompts.forMeeting', { meetingId }), (prompts) => set({ meetingId, prompts }));
  return {
    meetingId: null,
    prompts: [],
    load: (meetingId) => {
      if (get().meetingId !== meetingId) set({ meetingId, prompts: [] });
      return reread(meetingId).then(() => undefined);
    },
    add: async (meetingId, moment, choice) => {
      const input = 'bankKey' in choice ? { meetingId, moment, bankKey: choice.bankKey, text: '' } : { meetingId, moment, bankKey: null, text: choice.text };
      await write('prompts.add', input);
      await reread(meetingId);
    },
    update: async (id, text) => {
      const saved = await write('prompts.update', { id, text });
      set((s) => ({ prompts: s.prompts.map((p) => (p.id === saved.id ? saved : p)) }));
    },
    remove: async (id) => {
      const { removed } = await write('prompts.remove', { id });
      await reread(removed.meetingId);
      return async () => {
        await write('prompts.restore', removed);
        await reread(removed.meetingId);
      };
    },
  };
});
