import { create } from 'zustand';
import type { Health } from '@shared/domain';
import { fresh } from '../../lib/calls';

interface HealthState {
  health: Health | null;
  load: () => Promise<void>;
}

/** The programme's health and early warnings (the facilitator's only), and the only caller of the API for them. */
export const useHealthStore = create<HealthState>()((set) => ({
  health: null,
  load: () => fresh((read) => read('health.overview'), (health) => set({ health })).then(() => undefined),
}));
