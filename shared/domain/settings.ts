import { z } from 'zod';
import { StorageStatus } from './storage';

export const LANGUAGES = ['fi', 'en'] as const;
export const Language = z.enum(LANGUAGES, { error: 'invalidLanguage' });
export type Language = z.infer<typeof Language>;

/** User preferences kept in the store. `language: null` means "follow the system". */
export const Settings = z.object({ language: Language.nullable() });
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Why the store could not be opened; the app shows this instead of touching the file. */
export const StoreProblem = z.object({
  kind: z.enum(['notADatabase', 'corrupt', 'locked', 'newerVersion', 'unavailable', 'empty', 'diskFull', 'keyMissing', 'keyUnreadable']),
  path: z.string(),
  detail: z.string(),
  /** True when there was no data file before this start: nothing of the user's is in the file. */
  newStore: z.boolean().optional(),
});
export type StoreProblem = z.infer<typeof StoreProblem>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  dataDir: z.string(),
  databasePath: z.string(),
  /** The operating system's preferred languages, most preferred first (empty in browser mode). */
  systemLocales: z.array(z.string()),
  schemaVersion: z.number().int(),
  storeProblem: StoreProblem.nullable(),
  storage: StorageStatus,
});
export type AppInfo = z.infer<typeof AppInfo>;
