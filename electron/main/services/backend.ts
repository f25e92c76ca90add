import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo, StoreProblem } from '@shared/domain';
import { fail, ok } from '@shared/envelope';
import { closeDatabase, openDatabase } from './db/connection';
import { StoreOpenError } from './db/errors';
import { loadMigrations, schemaVersion } from './db/migrate';
import { agreementHandlers } from './agreement/handlers';
import { guardClosedProgramme } from './closing/guard';
import { createDispatch, type Dispatch, type DispatchAsync } from './dispatch';
import { guardLockedRound } from './feedback/lock';
import { feedbackHandlers } from './feedback/service';
import type { Handlers } from './handlers';
import { meetingHandlers } from './meetings/handlers';
import { planHandlers } from './meetings/plan';
import { memberHandlers } from './members/service';
import { programmeHandlers } from './programme/service';
import { settingsHandlers } from './settings/service';
import { summaryHandlers } from './summary/handlers';

export const DATABASE_FILE = 'vertaistuki.sqlite';

export interface BackendConfig {
  appName: string;
  appVersion: string;
  mode: AppInfo['mode'];
  dataDir: string;
  migrationsDir: string;
  /** The TTF fonts exports embed (resources/fonts; next to the main bundle when packaged). */
  fontsDir: string;
  systemLocales: string[];
  log?: (error: unknown) => void;
}

export interface Backend {
  /** Answers a call at once (tests and tools); refuses the asynchronous ones. */
  dispatch: Dispatch;
  /** Answers any call; the hosts (IPC, browser mode) use this. */
  call: DispatchAsync;
  info: () => AppInfo;
  close: () => void;
}

// A closed programme is read-only and a locked pass-the-device round lets nothing else through:
// both rules wrap every handler (closing/guard.ts, feedback/lock.ts).
const featureHandlers = (db: Database, config: BackendConfig) => guardLockedRound(db, guardClosedProgramme(db, {
  ...settingsHandlers(db),
  ...programmeHandlers(db),
  ...memberHandlers(db),
  ...planHandlers(db),
  ...agreementHandlers(db, { fontsDir: config.fontsDir }),
  ...feedbackHandlers(db),
  ...meetingHandlers(db),
  ...summaryHandlers(db, { fontsDir: config.fontsDir }),
}));

/**
 * Opens the store and wires every feature's handlers behind one dispatch.
 * If the store cannot be opened, the app still starts: `app.info` explains the problem
 * and every other call answers `store_unavailable`; the file is left untouched.
 */
export function createBackend(config: BackendConfig): Backend {
  const databasePath = join(config.dataDir, DATABASE_FILE);
  let db: Database | null = null;
  let storeProblem: StoreProblem | null = null;
  try {
    db = openDatabase({ path: databasePath, migrations: loadMigrations(config.migrationsDir) });
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    storeProblem = error.problem;
    config.log?.(error);
  }

  const info = (): AppInfo => ({
    name: config.appName,
    version: config.appVersion,
    mode: config.mode,
    dataDir: config.dataDir,
    databasePath,
    systemLocales: config.systemLocales,
    schemaVersion: db ? schemaVersion(db) : 0,
    storeProblem,
  });

  const open = db ? createDispatch({ ...featureHandlers(db, config), 'app.info': info } satisfies Handlers, config.log) : null;
  /** Before the store: app.info always answers; nothing else does without an open store. */
  const gate = (name: string) => {
    if (name === 'app.info') return ok(info());
    if (!open || !db) return fail('store_unavailable', `The data file is not open: ${databasePath}`);
    return null;
  };
  const dispatch: Dispatch = (name, input) => gate(name) ?? open!.dispatch(name, input);
  const call: DispatchAsync = async (name, input) => gate(name) ?? open!.call(name, input);

  return {
    dispatch,
    call,
    info,
    close: () => {
      if (db) closeDatabase(db);
      db = null;
    },
  };
}
