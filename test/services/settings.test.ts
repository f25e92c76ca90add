import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestBackend, dumpDatabase, expectFail, makeTempDir, removeTempDirs, type TestBackend, openStoreFile } from './helpers';

const backends: TestBackend[] = [];
function newBackend(dataDir = makeTempDir()): TestBackend {
  const backend = createTestBackend(dataDir);
  backends.push(backend);
  return backend;
}

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  removeTempDirs();
});

const settingRows = (backend: TestBackend) => dumpDatabase(backend.databasePath).rows.setting;

describe('settings', () => {
  it('has no language by default (follow the system)', () => {
    const backend = newBackend();
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: null });
    expect(settingRows(backend)).toEqual([]);
  });

  it("sets 'fi', then 'en', then back to null", () => {
    const backend = newBackend();

    expect(call(backend, 'settings.update', { language: 'fi' })).toEqual({ language: 'fi' });
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: 'fi' });

    expect(call(backend, 'settings.update', { language: 'en' })).toEqual({ language: 'en' });
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: 'en' });
    expect(settingRows(backend)).toEqual([{ key: 'language', value: 'en' }]);

    expect(call(backend, 'settings.update', { language: null })).toEqual({ language: null });
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: null });
    expect(settingRows(backend)).toEqual([]);
  });

  it('leaves the language alone for an empty patch', () => {
    const backend = newBackend();
    call(backend, 'settings.update', { language: 'fi' });
    expect(call(backend, 'settings.update', {})).toEqual({ language: 'fi' });
  });

  it.each([
    [{ language: 'sv' }, 'language', 'invalidLanguage'],
    [{ language: 'FI' }, 'language', 'invalidLanguage'],
    [{ language: '' }, 'language', 'invalidLanguage'],
  ])('rejects %j with invalid_input and keeps the old value', (patch, path, message) => {
    const backend = newBackend();
    call(backend, 'settings.update', { language: 'fi' });

    const error = expectFail(backend.dispatch('settings.update', patch), 'invalid_input');

    expect(error.issues).toEqual([{ path, message }]);
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: 'fi' });
    expect(settingRows(backend)).toEqual([{ key: 'language', value: 'fi' }]);
  });

  it('rejects unknown keys (strict patch) and keeps the old value', () => {
    const backend = newBackend();
    call(backend, 'settings.update', { language: 'en' });
    const error = expectFail(backend.dispatch('settings.update', { language: 'fi', theme: 'dark' }), 'invalid_input');
    expect(error.issues?.length).toBe(1);
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: 'en' });
  });

  it('rejects a missing patch', () => {
    const backend = newBackend();
    expectFail(backend.dispatch('settings.update', undefined), 'invalid_input');
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: null });
  });

  it('keeps the language across a restart', () => {
    const dataDir = makeTempDir();
    const first = createTestBackend(dataDir);
    call(first, 'settings.update', { language: 'en' });
    first.close();
    expect(call(newBackend(dataDir), 'settings.get', undefined)).toEqual({ language: 'en' });
  });

  it('treats an unknown stored value as "follow the system"', () => {
    const backend = newBackend();
    const other = openStoreFile(backend.databasePath, { fileMustExist: true });
    try {
      other.prepare(`INSERT INTO setting (key, value) VALUES ('language', 'sv')`).run();
    } finally {
      other.close();
    }
    expect(call(backend, 'settings.get', undefined)).toEqual({ language: null });
    expect(call(backend, 'settings.update', { language: 'fi' })).toEqual({ language: 'fi' });
  });
});
