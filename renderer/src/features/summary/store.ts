import { create } from 'zustand';
import type { ArchiveState, ExportLogEntry, ExportResult, SummaryDocument, SummarySettings } from '@shared/domain';
import { fresh, write, writesAnswered } from '../../lib/calls';

interface SummaryState {
  settings: SummarySettings | null;
  preview: SummaryDocument | null;
  log: ExportLogEntry[];
  archive: ArchiveState | null;
  /** Reads the settings, the document, the log and the archive state (waiting for saves on their way). */
  load: () => Promise<void>;
  /** Saves the settings (an autosave) and re-reads the document, all a change of settings affects. */
  saveSettings: (settings: SummarySettings) => Promise<void>;
  exportSummary: (format: 'pdf' | 'docx') => Promise<ExportResult>;
  closeProgramme: () => Promise<void>;
}

/** The management summary's data, and the only caller of the API for it. */
export const useSummaryStore = create<SummaryState>()((set) => {
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
    closeProgramme: async () => {
      await writesAnswered();
      await write('summary.archive', { confirm: 'DELETE' });
      await reread();
    },
  };
});
