import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { closeDatabase, openDatabase } from '../../electron/main/services/db/connection';
import { loadMigrations } from '../../electron/main/services/db/migrate';
import { createDispatch } from '../../electron/main/services/dispatch';
import type { Handlers } from '../../electron/main/services/handlers';
import { meetingHandlers } from '../../electron/main/services/meetings/handlers';
import { planHandlers } from '../../electron/main/services/meetings/plan';
import { memberHandlers } from '../../electron/main/services/members/service';
import { programmeHandlers } from '../../electron/main/services/programme/service';
import { summaryHandlers } from '../../electron/main/services/summary/handlers';
import { FONTS_DIR, MIGRATIONS_DIR, testKeyFor } from './helpers';

/**
 * A dispatcher over a store the test holds the connection of, for what the backend does not let a
 * test reach: a shorter busy timeout, a size limit, or handlers of the test's own.
 */
export function openStoreDispatch(dataDir: string, extra: Partial<Handlers> = {}) {
  const path = join(dataDir, 'vertaistuki.sqlite');
  const db = openDatabase({ path, key: testKeyFor(dataDir), migrations: loadMigrations(MIGRATIONS_DIR) });
  const logged: unknown[] = [];
  const handlers = {
    ...programmeHandlers(db),
    ...memberHandlers(db),
    ...planHandlers(db),
    ...meetingHandlers(db),
    ...summaryHandlers(db, { fontsDir: FONTS_DIR }),
    ...extra,
  } as Handlers;
  const { dispatch } = createDispatch(handlers, (error) => logged.push(error), db);
  return { db, path, dispatch, logged, close: () => closeDatabase(db) };
}

/**
 * Another program holding the data file in a write transaction: a separate Node process with its
 * own connection that begins IMMEDIATE, writes, says "locked", and commits after `holdMs`.
 */
export function holdWriteLock(path: string, holdMs: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(${JSON.stringify(path)}, { timeout: 5000 });
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(\`key="x'${testKeyFor(dirname(path)).toString('hex')}'"\`);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO member (name) VALUES ('Toinen ohjelma')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, ${holdMs});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ child, released });
    });
    child.on('exit', (code) => reject(new Error(`The lock holder exited early (${code}).`)));
  });
}
