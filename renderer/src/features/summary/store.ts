import { create } from 'zustand';
import type { ArchiveState, ClosingPlan, ExportLogEntry, ExportResult, SummaryDocument, SummarySettings } from '@shared/domain';
import { useAppStore } from '../../app/store';
import { fresh, write, writesAnswered } from '../../lib/calls';
import { flushAll } from '../../lib/saveRegistry';

interface SummaryState {
  settings: SummarySettings | null;
  preview: SummaryDocument | null;
  log: ExportLogEntry[];
  archive: ArchiveState | null;
  /** What closing deletes and keeps, with how many of each there are now. */
  closingPlan: ClosingPlan | null;
  /** Reads the settings, the document, the log and the archive state (waiting for saves on their way). */
  load: () => Promise<void>;
  /** Saves the settings (an autosave) and re-reads the document, all a change of settings affects. */
  saveSettings: (settings: SummarySettings) => Promise<void>;
  exportSummary: (format: 'pdf' | 'docx') => Promise<ExportResult>;
  loadClosingPlan: () => Promise<void>;
  /**
   * Closes the programme: answers only once the confidential material is deleted and the file
   * wiped (or throws `wipe_incomplete`: closed, but the wipe must be finished by calling again).
   */
  closeProgramme: () => Promise<void>;
}

/** The management summary's data, and the only caller of the API for it. */
export const useSummaryStore = create<SummaryState>()((set, get) => {
  /** What an export or closing can change: the document, the export log, the archive state. */
  const reread = () =>
    fresh(
      (read) => Promise.all([read('summary.preview'), read('summary.exports'), read('summary.archiveState')]),
      ([preview, log, archive]) => set({ preview, log, archive }),
    );
  return {
    settings: null,
    preview: null,
    log: [],
    archive: null,
    closingPlan: null,
    load: async () => {
      await fresh((read) => read('summary.settings'), (settings) => set({ settings }));
      await reread();
    },
    saveSettings: async (settings) => {
      // The settings card is one form: the answer holds only what it saved.
      set({ settings });
      set({ settings: await write('summary.saveSettings', settings) });
      await fresh((read) => read('summary.preview'), (preview) => set({ preview }));
    },
    exportSummary: async (format) => {
      await writesAnswered(); // the document holds every save on its way
      try {
        return await write('summary.export', { format });
      } finally {
        await reread().catch(() => undefined);
      }
    },
    loadClosingPlan: async () => void (await fresh((read) => read('summary.closingPlan'), (closingPlan) => set({ closingPlan }))),
    closeProgramme: async () => {
      // What was typed anywhere is stored first: after closing, nothing can change any more.
      await flushAll();
      await writesAnswered();
      try {
        await write('summary.archive', { confirm: 'DELETE' });
      } finally {
        // Even a wipe that could not finish has closed the programme: every view becomes read-only.
        await Promise.all([reread(), useAppStore.getState().refreshProgramme(), get().loadClosingPlan()]).catch(() => undefined);
      }
    },
  };
});
