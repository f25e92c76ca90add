import { create } from 'zustand';
import type {
  Agreement,
  AgreementStart,
  AgreementVersion,
  CompareInput,
  Comparison,
  ExportInput,
  ExportResult,
  GoalKind,
  Member,
  PlannedMeeting,
  PlanUpdate,
  Practicalities,
  VersionSave,
} from '@shared/domain';
import { fresh, write } from '../../lib/calls';
import { forgetField } from '../../lib/saveRegistry';

interface AgreementState {
  loaded: boolean;
  agreement: Agreement | null;
  plan: PlannedMeeting[];
  members: Member[];
  /** Reads the draft, the versions, the plan and the members (waiting for saves on their way). */
  load: () => Promise<void>;
  start: (input: AgreementStart) => Promise<void>;
  savePracticalities: (values: Practicalities) => Promise<void>;
  addGoal: (kind: GoalKind, text: string) => Promise<void>;
  updateGoal: (id: number, text: string) => Promise<void>;
  /** Removes; answers how to put it back. */
  removeGoal: (id: number) => Promise<() => Promise<void>>;
  reorderGoals: (kind: GoalKind, ids: number[]) => Promise<void>;
  addRule: (text: string) => Promise<void>;
  updateRule: (id: number, text: string) => Promise<void>;
  removeRule: (id: number) => Promise<() => Promise<void>>;
  reorderRules: (ids: number[]) => Promise<void>;
  addPlanRow: () => Promise<void>;
  updatePlanRow: (input: PlanUpdate) => Promise<void>;
  cancelPlanRow: (id: number, cancelled: boolean) => Promise<void>;
  removePlanRow: (id: number) => Promise<void>;
  saveVersion: (input: VersionSave) => Promise<AgreementVersion>;
  /** Records or (with null) takes back an acceptance; taking back answers how to record it again. */
  setAcceptance: (versionId: number, memberId: number, acceptedOn: string | null) => Promise<() => Promise<void>>;
  compare: (input: CompareInput) => Promise<Comparison>;
  exportFile: (input: ExportInput) => Promise<ExportResult>;
}

/**
 * The agreement page's data, and the only caller of the API for it. Every change goes through the
 * contract first, then the store re-reads what the page shows (a change to one section can change
 * whether the draft differs from its version), with a fresh read (lib/calls.ts): never one that
 * another save could have overtaken.
 */
export const useAgreementStore = create<AgreementState>()((set, get) => {
  const reread = () =>
    fresh(
      (read) => Promise.all([read('agreement.get'), read('plan.list'), read('members.list')]),
      ([agreement, plan, members]) => set({ loaded: true, agreement, plan, members }),
    );
  /** Runs a write, then brings the snapshot up to date (also after a refusal: it may have been stale). */
  const change = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } finally {
      await reread().catch(() => undefined);
    }
  };
  /** Shows typed text at once; the re-read after the write confirms it (or keeps it, if the write failed). */
  const patchDraft = (patch: (agreement: Agreement) => Agreement) => set((s) => (s.agreement ? { agreement: patch(s.agreement) } : {}));
  const retext = <T extends { id: number; text: string }>(list: T[], id: number, text: string) => list.map((x) => (x.id === id ? { ...x, text } : x));

  return {
    loaded: false,
    agreement: null,
    plan: [],
    members: [],
    load: async () => {
      await reread();
    },
    start: (input) => change(() => write('agreement.start', input)).then(() => undefined),
    savePracticalities: async (values) => {
      patchDraft((a) => ({ ...a, practicalities: values }));
      await change(() => write('agreement.updatePracticalities', values));
    },
    addGoal: (kind, text) => change(() => write('agreement.addGoal', { kind, text })).then(() => undefined),
    updateGoal: async (id, text) => {
      patchDraft((a) => ({ ...a, goals: retext(a.goals, id, text) }));
      await change(() => write('agreement.updateGoal', { id, text }));
    },
    removeGoal: async (id) => {
      const removed = await change(() => write('agreement.removeGoal', { id }));
      forgetField(`goal:${id}`);
      return () => change(() => write('agreement.restoreGoal', removed)).then(() => undefined);
    },
    reorderGoals: (kind, ids) => change(() => write('agreement.reorderGoals', { kind, ids })).then(() => undefined),
    addRule: (text) => change(() => write('agreement.addRule', { text })).then(() => undefined),
    updateRule: async (id, text) => {
      patchDraft((a) => ({ ...a, rules: retext(a.rules, id, text) }));
      await change(() => write('agreement.updateRule', { id, text }));
    },
    removeRule: async (id) => {
      const removed = await change(() => write('agreement.removeRule', { id }));
      forgetField(`rule:${id}`);
      return () => change(() => write('agreement.restoreRule', removed)).then(() => undefined);
    },
    reorderRules: (ids) => change(() => write('agreement.reorderRules', { ids })).then(() => undefined),
    addPlanRow: () => change(() => write('plan.add', { plannedTheme: '', plannedDate: null, plannedMonth: null, place: '', format: null })).then(() => undefined),
    updatePlanRow: async (input) => {
      set((s) => ({ plan: s.plan.map((row) => (row.id === input.id ? { ...row, ...input } : row)) }));
      await change(() => write('plan.update', input));
    },
    cancelPlanRow: (id, cancelled) => change(() => write('plan.cancel', { id, cancelled })).then(() => undefined),
    removePlanRow: async (id) => {
      await change(() => write('plan.remove', { id }));
      forgetField(`plan:${id}`);
    },
    saveVersion: (input) => change(() => write('agreement.saveVersion', input)),
    setAcceptance: async (versionId, memberId, acceptedOn) => {
      const before = get().agreement?.versions.find((v) => v.id === versionId)?.acceptances.find((a) => a.memberId === memberId)?.acceptedOn ?? null;
      await change(() => write('agreement.setAcceptance', { versionId, memberId, acceptedOn }));
      return () => change(() => write('agreement.setAcceptance', { versionId, memberId, acceptedOn: before })).then(() => undefined);
    },
    compare: (input) => fresh((read) => read('agreement.compare', input)),
    exportFile: (input) => fresh((read) => read('agreement.export', input)),
  };
});
