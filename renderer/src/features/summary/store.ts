import { create } from 'zustand';
import type { ArchiveState, ExportLogEntry, SummaryDocument, SummarySettings } from '@shared/domain';
import { call } from '../../api';

interface SummaryState {
  settings: SummarySettings | null;
  preview: SummaryDocument | null;
  log: ExportLogEntry[];
  archive: ArchiveState | null;
  /** Loads the settings once, then the document, log and archive state. */
  load: () => Promise<void>;
  /** Re-reads what an export or closing can change: the document, the export log, the archive state. */
  refresh: () => Promise<void>;
  /** Re-reads the document only: all a change of settings affects. */
  refreshPreview: () => Promise<void>;
}

export const useSummaryStore = create<SummaryState>()((set, get) => ({
  settings: null,
  preview: null,
  log: [],
  archive: null,
  load: async () => {
    set({ settings: await call('summary.settings') });
    await get().refresh();
  },
  refresh: async () => {
    const [preview, log, archive] = await Promise.all([call('summary.preview'), call('summary.exports'), call('summary.archiveState')]);
    set({ preview, log, archive });
  },
  refreshPreview: async () => set({ preview: await call('summary.preview') }),
}));
