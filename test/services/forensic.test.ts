import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFile } from '../../electron/main/services/db/driver';
import { examineFile, examineFolder, scanFiles } from './forensic';
import { PageAuthError } from './sqlcipher';
import { makeTempDir, removeTempDirs, testKeyFor } from './helpers';

afterEach(removeTempDirs);

/** A database file in `dir` holding `word`, under `key` (plain without one); its log kept. */
function databaseWith(dir: string, name: string, key: Buffer | null, word: string) {
  const db = openFile(join(dir, name), key);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (x TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run(word);
  return db;
}

describe('the examiner of a data folder', () => {
  it('reads what the key decrypts, says how it read each file, and tells raw from decrypted sightings', () => {
    const dir = makeTempDir();
    const key = testKeyFor(dir);
    const store = databaseWith(dir, 'store.sqlite', key, 'salaisuusvarastossa');
    const foreign = databaseWith(dir, 'foreign.sqlite', randomBytes(32), 'toisellaavaimella');
    // A log under another key cannot be decrypted: the examination stops rather than see nothing.
    expect(() => examineFile(join(dir, 'foreign.sqlite-wal'), key)).toThrow(PageAuthError);
    foreign.close(); // folds its log in and removes it
    const plain = databaseWith(dir, 'plain.sqlite', null, 'selvakielinensana');
    writeFileSync(join(dir, 'note.txt'), 'Selvakielinensana myös tekstinä.');

    const files = examineFolder(dir, key);
    const forms = Object.fromEntries(files.map((f) => [f.file.slice(dir.length + 1), f.form]));
    expect(forms).toMatchObject({
      'store.sqlite': 'database',
      'store.sqlite-wal': 'log',
      'store.sqlite-shm': 'bytes',
      'foreign.sqlite': 'bytes', // another key: nothing decrypts, and the test pinning forms notices
      'plain.sqlite': 'bytes',
      'plain.sqlite-wal': 'bytes', // a plain database's log is read as it is
      'note.txt': 'bytes',
    });
    const hits = scanFiles(files, ['salaisuusvarastossa', 'selvakielinensana', 'toisellaavaimella'])
      .map((h) => `${h.file.slice(dir.length + 1)} ${h.seen} ${h.word}`)
      .sort();
    expect(hits).toEqual(['note.txt raw selvakielinensana', 'plain.sqlite-wal raw selvakielinensana', 'store.sqlite-wal decrypted salaisuusvarastossa']);
    for (const db of [store, plain]) db.close();
  });
});
