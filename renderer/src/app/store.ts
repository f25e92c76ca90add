import { create } from 'zustand';
import type { AppInfo, Language, Programme, ProgrammeFields, SetupInput, Settings } from '@shared/domain';
import { fresh, write, writeSnapshot, type Read } from '../lib/calls';
import { pickLanguage } from './i18n';

interface AppState {
  status: 'loading' | 'ready' | 'failed';
  info: AppInfo | null;
  settings: Settings;
  programme: Programme | null;
  language: Language;
  /** The id of the section on screen (see sections.tsx). */
  section: string;
  /**
   * How many times a section was chosen from the main menu: a page that remembers where it was
   * inside itself (an open meeting) goes back to its start when chosen again, as the menu promises.
   */
  visits: number;
  /** Meeting mode hides the navigation so that only the meeting is on screen. */
  focusMode: boolean;
  load: () => Promise<void>;
  setLanguage: (language: Language | null) => Promise<void>;
  /** First start: creates the programme and its members together. */
  setUp: (input: SetupInput) => Promise<void>;
  /** The programme's details (an autosave): the snapshot follows the store's answer. */
  updateProgramme: (fields: ProgrammeFields) => Promise<void>;
  /** Reads the programme again (closing it changes it: it becomes archived and read-only). */
  refreshProgramme: () => Promise<void>;
  navigate: (section: string) => void;
  setFocusMode: (on: boolean) => void;
}

/** The system's languages: from the OS in the desktop app; in browser mode the browser is the OS. */
const systemLocalesOf = (info: AppInfo | null): readonly string[] =>
  info && info.systemLocales.length > 0 ? info.systemLocales : navigator.languages;

/**
 * What the first screen needs, asked for in one round trip rather than two: the settings and the
 * programme go out with `app.info`, not after its answer. When the store is not open (a problem, or
 * locked), main refuses those two (`store_unavailable`, nothing changes) and they are not used.
 */
async function startReads(read: Read): Promise<{ info: AppInfo; rest: [Settings, Programme | null] | null }> {
  const info = read('app.info');
  const rest = Promise.all([read('settings.get'), read('programme.get')]);
  rest.catch(() => undefined); // refused while the store is not open: not an unhandled rejection
  const answered = await info;
  if (answered.storeProblem || answered.storage.state !== 'open') return { info: answered, rest: null };
  return { info: answered, rest: await rest };
}

/** App-wide state: what the store said at start-up, the language, and where the user is. */
export const useAppStore = create<AppState>()((set, get) => ({
  status: 'loading',
  info: null,
  settings: { language: null },
  programme: null,
  language: 'en',
  section: 'group',
  visits: 0,
  focusMode: false,
  load: async () => {
    try {
      const { info, rest } = await fresh(startReads);
      if (!rest) {
        set({ status: 'ready', info, language: pickLanguage(null, systemLocalesOf(info)) });
        return;
      }
      const [settings, programme] = rest;
      set({ status: 'ready', info, settings, programme, language: pickLanguage(settings.language, systemLocalesOf(info)) });
    } catch {
      set({ status: 'failed' });
    }
  },
  setLanguage: async (language) => {
    const settings = await write('settings.update', { language });
    set({ settings, language: pickLanguage(settings.language, systemLocalesOf(get().info)) });
  },
  setUp: async (input) => set({ programme: await write('programme.setup', input) }),
  updateProgramme: async (fields) => {
    // The store holds what was typed at once, and keeps it if the save fails.
    set((s) => (s.programme ? { programme: { ...s.programme, ...fields } } : {}));
    const reread = () => fresh((read) => read('programme.get'), (programme) => set({ programme }));
    await writeSnapshot('programme.update', fields, (programme) => set({ programme }), reread);
  },
  refreshProgramme: async () => void (await fresh((read) => read('programme.get'), (programme) => set({ programme }))),
  navigate: (section) => set((s) => ({ section, visits: s.visits + 1 })),
  setFocusMode: (focusMode) => set({ focusMode }),
}));

/** When the programme was closed and archived (everything is read-only from then on); null while open. */
export const useArchivedAt = (): string | null => useAppStore((s) => s.programme?.archivedAt ?? null);
