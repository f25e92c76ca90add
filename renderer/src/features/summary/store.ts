import { create } from 'zustand';
import type { ArchiveState, ClosingPlan, ExportLogEntry, ExportResult, SummaryDocument, SummarySettings } from '@shared/domain';
import { call } from '../../api';
import { useAppStore } from '../../app/store';
import { flushAll, settled } from '../../lib/saveRegistry';

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
  const reread = async () => {
    const [preview, log, archive] = await Promise.all([call('summary.preview'), call('summary.exports'), call('summary.archiveState')]);
    set({ preview, log, archive });
  };
  return {
    settings: null,
    preview: null,
    log: [],
    archive: null,
    closingPlan: null,
    load: async () => {
      await settled();
      set({ settings: await call('summary.settings') });
      await reread();
    },
    saveSettings: async (settings) => {
      set({ settings });
      set({ settings: await call('summary.saveSettings', settings) });
      set({ preview: await call('summary.preview') });
    },
    exportSummary: async (format) => {
      await settled();
      try {
        return await call('summary.export', { format });
      } finally {
        await reread().catch(() => undefined);
      }
    },
    loadClosingPlan: async () => {
      await settled();
      set({ closingPlan: await call('summary.closingPlan') });
    },
    closeProgramme: async () => {
      // What was typed anywhere is stored first: after closing, nothing can change any more.
      await flushAll();
      await settled();
      try {
        await call('summary.archive', { confirm: 'DELETE' });
      } finally {
        // Even a wipe that could not finish has closed the programme: every view becomes read-only.
        await Promise.all([reread(), useAppStore.getState().refreshProgramme(), get().loadClosingPlan()]).catch(() => undefined);
      }
    },
  };
});
