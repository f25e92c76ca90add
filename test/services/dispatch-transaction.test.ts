import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/main/services/errors';
import { expectFail, expectOk, makeTempDir, openStoreFile, removeTempDirs, sqliteErrorCode, validSetup } from './helpers';
import { openStoreDispatch } from './store';

/**
 * Architecture lesson 3: the dispatcher runs each synchronous call in one transaction begun
 * IMMEDIATE, so a failed call leaves nothing behind by construction, whatever its handler does.
 */
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeTempDirs();
});

const memberCount = (db: Database) => (db.prepare('SELECT count(*) AS n FROM member').get() as { n: number }).n;

function storeWith(extra: Parameters<typeof openStoreDispatch>[1]) {
  const store = openStoreDispatch(makeTempDir(), extra);
  closers.push(store.close);
  expectOk(store.dispatch('programme.setup', validSetup()));
  return store;
}

describe('one transaction per call', () => {
  it('undoes the writes of a handler that fails half-way, even one that opens no transaction itself', () => {
    const store = storeWith({
      'members.add': () => {
        store.db.prepare("INSERT INTO member (name) VALUES ('Puolivälissä')").run();
        throw new Error('the second half failed');
      },
    });
    expectFail(store.dispatch('members.add', { name: 'Aino', role: '', email: '' }), 'internal');
    expect(memberCount(store.db)).toBe(3);
  });

  it("undoes the services' own transactions too: they nest as savepoints", () => {
    const store = storeWith({
      'members.add': (input) => {
        store.db.transaction(() => store.db.prepare('INSERT INTO member (name) VALUES (?)').run(input.name))();
        throw new AppError('conflict', 'refused after the first write');
      },
    });
    expectFail(store.dispatch('members.add', { name: 'Aino', role: '', email: '' }), 'conflict');
    expect(memberCount(store.db)).toBe(3);
  });

  it('begins IMMEDIATE: while a call runs, it holds the write lock, so no other writer slips in between its reads and writes', () => {
    let other = '';
    const store = storeWith({
      'members.list': () => {
        const second = openStoreFile(store.path, { timeout: 0 });
        try {
          other = sqliteErrorCode(() => second.exec('BEGIN IMMEDIATE'));
        } finally {
          second.close();
        }
        return [];
      },
    });
    expectOk(store.dispatch('members.list', undefined));
    expect(other).toBe('SQLITE_BUSY');
  });
});
