import type { Database } from 'better-sqlite3';
import { Language, type Settings, type SettingsPatch } from '@shared/domain';
import type { HandlersOf } from '../handlers';

export function getSettings(db: Database): Settings {
  const row = db.prepare(`SELECT value FROM setting WHERE key = 'language'`).get() as { value: string } | undefined;
  const language = Language.safeParse(row?.value);
  return { language: language.success ? language.data : null };
}

export function updateSettings(db: Database, patch: SettingsPatch): Settings {
  return db.transaction(() => {
    if (patch.language === null) db.prepare(`DELETE FROM setting WHERE key = 'language'`).run();
    else if (patch.language !== undefined) {
      db.prepare(`INSERT INTO setting (key, value) VALUES ('language', ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(patch.language);
    }
    return getSettings(db);
  })();
}

export const settingsHandlers = (db: Database): HandlersOf<'settings.get' | 'settings.update'> => ({
  'settings.get': () => getSettings(db),
  'settings.update': (patch) => updateSettings(db, patch),
});
