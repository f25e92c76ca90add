import { create } from 'zustand';
import type { Agreement, AgreementStart, Member, PlannedMeeting } from '@shared/domain';
import { call } from '../../api';

interface AgreementState {
  loaded: boolean;
  agreement: Agreement | null;
  plan: PlannedMeeting[];
  members: Member[];
  /** Reads the draft, the versions, the plan and the members again (after any change). */
  load: () => Promise<void>;
  start: (input: AgreementStart) => Promise<void>;
  /** Runs a change through the contract, then refreshes what the page shows from the store. */
  change: <T>(action: () => Promise<T>) => Promise<T>;
}

/** The agreement page's view of the store; every change goes through the contract first. */
export const useAgreementStore = create<AgreementState>()((set, get) => ({
  loaded: false,
  agreement: null,
  plan: [],
  members: [],
  load: async () => {
    const [agreement, plan, members] = await Promise.all([call('agreement.get'), call('plan.list'), call('members.list')]);
    set({ loaded: true, agreement, plan, members });
  },
  start: async (input) => {
    await call('agreement.start', input);
    await get().load();
  },
  change: async (action) => {
    try {
      return await action();
    } finally {
      await get().load().catch(() => undefined);
    }
  },
}));
