import { create } from 'zustand';
import type { AgreementLanguage, ExportResult, SummaryDocument } from '@shared/domain';
import { fresh, writesAnswered } from '../../lib/calls';

interface BriefState {
  /** The brief on screen: the same document model the PDF prints. */
  document: SummaryDocument | null;
  load: (meetingId: number, language: AgreementLanguage) => Promise<void>;
  exportPdf: (meetingId: number, language: AgreementLanguage) => Promise<ExportResult>;
  clear: () => void;
}

/** The meeting brief (confidential, for the facilitator only), and the only caller of the API for it. */
export const useBriefStore = create<BriefState>()((set) => ({
  document: null,
  load: (meetingId, language) => fresh((read) => read('brief.get', { meetingId, language }), (document) => set({ document })).then(() => undefined),
  exportPdf: async (meetingId, language) => {
    await writesAnswered(); // the PDF holds every save on its way
    return fresh((read) => read('brief.export', { meetingId, language }));
  },
  clear: () => set({ document: null }),
}));
