import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppInfo, StorageStatus, StoreProblem } from '@shared/domain';
import { fail, ok } from '@shared/envelope';
import { StoreOpenError } from './db/errors';
import { problemOf } from './db/connection';
import { loadMigrations, schemaVersion } from './db/migrate';
import { agreementHandlers } from './agreement/handlers';
import { briefHandlers } from './brief/handlers';
import { calendarHandlers } from './calendar/service';
import { guardClosedProgramme } from './closing/guard';
import { createDispatch, type Dispatch, type DispatchAsync } from './dispatch';
import { guardLockedRound } from './feedback/lock';
import { feedbackHandlers } from './feedback/service';
import { healthHandlers } from './health/facts';
import type { Handlers } from './handlers';
import { meetingHandlers } from './meetings/handlers';
import { planHandlers } from './meetings/plan';
import { memberHandlers } from './members/service';
import { midpointHandlers } from './midpoint/service';
import { programmeHandlers } from './programme/service';
import { promptHandlers } from './prompts/service';
import { settingsHandlers } from './settings/service';
import type { DataKey } from './db/driver';
import type { ScryptParams } from './storage/crypto';
import { storageHandlers } from './storage/handlers';
import type { KeyAccess } from './storage/keyring';
import { createStoreSession } from './storage/session';
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
  /** Where the store's key comes from: data-key.ts in the desktop app, a key file in browser mode and tests. */
  keys: KeyAccess;
  log?: (error: unknown) => void;
  /** Test seam: cheaper scrypt for export files. */
  exportScrypt?: ScryptParams;
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
// both rules wrap every handler (closing/guard.ts, feedback/lock.ts). The storage calls (backups,
// export, restore) reach the whole store, so the lock covers them too; closing does not.
const featureHandlers = (db: Database, config: BackendConfig, storage: ReturnType<typeof storageHandlers>) => guardLockedRound(db, {
  ...guardClosedProgramme(db, {
    ...settingsHandlers(db),
    ...programmeHandlers(db),
    ...memberHandlers(db),
    ...planHandlers(db),
    ...agreementHandlers(db, { fontsDir: config.fontsDir }),
    ...feedbackHandlers(db),
    ...meetingHandlers(db),
    ...summaryHandlers(db, { fontsDir: config.fontsDir }),
    // issue 12: the facilitator's tools (none of them reaches the management summary)
    ...promptHandlers(db),
    ...midpointHandlers(db),
    ...calendarHandlers(db),
    ...briefHandlers(db, { fontsDir: config.fontsDir }),
    ...healthHandlers(db),
  }),
  ...storage,
});

/** Calls that answer while the store is locked or waiting for its first passphrase. */
const WITHOUT_STORE = new Set(['app.info', 'storage.status', 'storage.unlock', 'storage.choosePassphrase']);

/**
 * Opens the store and wires every feature's handlers behind one dispatch.
 * The store may start locked (the app lock, or no keyring to keep the key): then `app.info` says so
 * and only the storage calls that unlock it answer. If the store cannot be opened, the app still
 * starts: `app.info` explains the problem and every other call answers `store_unavailable`; the
 * file is left untouched.
 */
export function createBackend(config: BackendConfig): Backend {
  const databasePath = join(config.dataDir, DATABASE_FILE);
  const session = createStoreSession(databasePath, loadMigrations(config.migrationsDir));
  const { keys } = config;
  let storeProblem: StoreProblem | null = null;
  let waiting: Pick<StorageStatus, 'state' | 'reason'> = { state: 'unavailable', reason: null };
  let open: ReturnType<typeof createDispatch> | null = null;

  const status = (): StorageStatus => ({ ...waiting, ...keys.status() });

  const info = (): AppInfo => {
    const db = session.db();
    return {
      name: config.appName,
      version: config.appVersion,
      mode: config.mode,
      dataDir: config.dataDir,
      databasePath,
      systemLocales: config.systemLocales,
      schemaVersion: db ? schemaVersion(db) : 0,
      storeProblem,
      storage: status(),
    };
  };

  const bind = () => {
    const db = session.db();
    open = db ? createDispatch({ ...featureHandlers(db, config, storage), 'app.info': info } satisfies Handlers, config.log, db) : null;
    waiting = db ? { state: 'open', reason: null } : waiting;
  };

  /** Opens with a key; a store that cannot be used becomes the reported problem, untouched. */
  const openWith = (key: DataKey) => {
    try {
      session.open(key);
      storeProblem = null;
    } catch (error) {
      storeProblem = (error instanceof StoreOpenError ? error : problemOf(error, databasePath)).problem;
      waiting = { state: 'unavailable', reason: null };
      config.log?.(error);
    }
    bind();
  };

  const lock = () => {
    session.close();
    open = null;
    waiting = { state: 'locked', reason: keys.status().appLock.on ? 'appLock' : (keys.start.kind === 'locked' ? keys.start.reason : 'noKeyring') };
  };

  const storage = storageHandlers({
    session,
    keys,
    appVersion: config.appVersion,
    status,
    openWith,
    reopened: bind,
    lock,
    ...(config.exportScrypt ? { exportScrypt: config.exportScrypt } : {}),
  });
  /** While there is no store: only what unlocks it. */
  const withoutStore = createDispatch({ ...storage, 'app.info': info } as unknown as Handlers, config.log);

  const start = keys.start;
  if (start.kind === 'key') openWith(start.key);
  else if (start.kind === 'problem') {
    storeProblem = { kind: start.problem, path: databasePath, detail: start.detail };
    config.log?.(new Error(start.detail));
  } else waiting = { state: start.kind, reason: start.reason };

  const gate = (name: string) => {
    if (name === 'app.info') return ok(info());
    if (open) return null;
    if (!storeProblem && WITHOUT_STORE.has(name)) return null;
    return fail('store_unavailable', storeProblem ? `The data file is not open: ${databasePath}` : 'The data is locked.');
  };
  const dispatch: Dispatch = (name, input) => gate(name) ?? (open ?? withoutStore).dispatch(name, input);
  const call: DispatchAsync = async (name, input) => gate(name) ?? (open ?? withoutStore).call(name, input);

  return {
    dispatch,
    call,
    info,
    close: () => {
      session.close();
      open = null;
    },
  };
}
