import { create } from 'zustand';
import type { ArchiveState, ExportLogEntry, ExportResult, SummaryDocument, SummarySettings } from '@shared/domain';
import { call } from '../../api';
import { settled } from '../../lib/saveRegistry';

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
  const reread = async () => {
    const [preview, log, archive] = await Promise.all([call('summary.preview'), call('summary.exports'), call('summary.archiveState')]);
    set({ preview, log, archive });
  };
  return {
    settings: null,
    preview: null,
    log: [],
    archive: null,
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
    closeProgramme: async () => {
      await settled();
      await call('summary.archive', { confirm: 'DELETE' });
      await reread();
    },
  };
});
