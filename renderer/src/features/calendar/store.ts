import { create } from 'zustand';
import type { AgreementLanguage, CalendarPreview, ExportResult } from '@shared/domain';
import { fresh, write, writesAnswered } from '../../lib/calls';

interface CalendarState {
  preview: CalendarPreview | null;
  /** What the next calendar file would say, compared with the last one sent. */
  load: (language: AgreementLanguage) => Promise<void>;
  /** Makes the .ics file (recording what each event said) and reads the preview again. */
  exportFile: (language: AgreementLanguage) => Promise<ExportResult>;
}

/** The meeting plan as a calendar file, and the only caller of the API for it. */
export const useCalendarStore = create<CalendarState>()((set) => {
  const load = (language: AgreementLanguage) => fresh((read) => read('calendar.preview', { language }), (preview) => set({ preview })).then(() => undefined);
  return {
    preview: null,
    load,
    exportFile: async (language) => {
      await writesAnswered(); // the file holds every change of the plan on its way
      try {
        return await write('calendar.export', { language });
      } finally {
        await load(language).catch(() => undefined);
      }
    },
  };
});
