import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES_CHANNEL, channelOf } from '@shared/channels';
import { CALL_NAMES } from '@shared/contract';
import type { Envelope } from '@shared/envelope';
import { createSenderCheck, registerIpc, type IpcHost } from '../../electron/main/ipc';
import { call, createTestBackend, makeTempDir, removeTempDirs, storeState, validSetup, type TestBackend } from '../services/helpers';
import * as electron from './fake-electron';

/** ipc.ts from source, under the fake `electron`, against a real backend on a real SQLite file. */
let backend: TestBackend;
let window: electron.FakeBrowserWindow;
let host: IpcHost;

beforeEach(async () => {
  electron.resetFakeElectron();
  await electron.app.whenReady();
  backend = createTestBackend(makeTempDir());
  window = new electron.BrowserWindow();
  await window.loadURL('app://vertaistuki/index.html');
  // The fake stands in for the real window type: ipc.ts uses only what the fake has.
  host = registerIpc(backend, createSenderCheck(() => window as unknown as BrowserWindow, undefined));
});
afterEach(() => {
  backend.close();
  removeTempDirs();
});
afterAll(electron.removeFakeHomes);

const invoke = (name: string, input: unknown, from: { sender: electron.FakeWebContents; senderFrame?: electron.FakeFrame | null } = { sender: window.webContents }) =>
  electron.ipcMain.invoke(channelOf(name), from, input) as Promise<Envelope<unknown>>;

const REFUSED = { ok: false, error: { code: 'unknown_call', message: 'Refused: the call did not come from the app window.' } };

describe('IPC sender check', () => {
  it('answers the main frame of the app window on app://', async () => {
    expect(await invoke('settings.update', { language: 'fi' })).toEqual({ ok: true, value: { language: 'fi' } });
    expect(electron.ipcMain.sendSync(CALL_NAMES_CHANNEL, { sender: window.webContents })).toEqual(CALL_NAMES);
  });

  it('refuses a subframe of the app window, and changes nothing', async () => {
    const subframe = window.webContents.addSubframe('app://vertaistuki/index.html');
    expect(await invoke('settings.update', { language: 'fi' }, { sender: window.webContents, senderFrame: subframe })).toEqual(REFUSED);
    expect(electron.ipcMain.sendSync(CALL_NAMES_CHANNEL, { sender: window.webContents, senderFrame: subframe })).toEqual([]);
    expect(storeState(backend).settings).toEqual({ language: null });
  });

  it('refuses another window, even one showing the app', async () => {
    const other = new electron.BrowserWindow();
    await other.loadURL('app://vertaistuki/index.html');
    expect(await invoke('settings.update', { language: 'fi' }, { sender: other.webContents })).toEqual(REFUSED);
    expect(electron.ipcMain.sendSync(CALL_NAMES_CHANNEL, { sender: other.webContents })).toEqual([]);
    expect(storeState(backend).settings).toEqual({ language: null });
  });

  it.each([
    'file:///opt/Vertaistuki/resources/app.asar/out/renderer/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'app://other/index.html',
    'data:text/html,x',
  ])('refuses the app window when it shows %s', async (url) => {
    window.webContents.mainFrame.url = url;
    expect(await invoke('settings.update', { language: 'fi' })).toEqual(REFUSED);
    expect(storeState(backend).settings).toEqual({ language: null });
  });

  it('refuses a frame that is gone, and every call once the window is closed', async () => {
    expect(await invoke('app.info', undefined, { sender: window.webContents, senderFrame: null })).toEqual(REFUSED);
    const { webContents } = window;
    window.close();
    expect(await invoke('app.info', undefined, { sender: webContents })).toEqual(REFUSED);
  });
});

describe('IPC save dialog', () => {
  const exportInput = { version: null, language: 'fi', format: 'pdf' } as const;
  beforeEach(() => {
    call(backend, 'programme.setup', validSetup());
    call(backend, 'agreement.start', { template: 'fi' });
  });

  it('saves the file where the user chose, with a dialog modal to the app window', async () => {
    const target = join(makeTempDir(), 'Sopimus.pdf');
    electron.dialog.saveAnswers.push({ canceled: false, filePath: target });
    const reply = await invoke('agreement.export', exportInput);
    expect(reply).toEqual({ ok: true, value: { delivery: 'saved', fileName: 'Sopimus.pdf', path: target } });
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [shown] = electron.dialog.saveDialogs;
    expect(shown?.window).toBe(window);
    expect(shown?.options).toMatchObject({ filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(String(shown?.options['defaultPath'])).toMatch(new RegExp(`^${electron.app.getPath('documents')}.+\\.pdf$`));
  });

  it('answers cancelled and writes nothing when the user cancels', async () => {
    const dir = makeTempDir();
    electron.dialog.saveAnswers.push({ canceled: true, filePath: join(dir, 'never.pdf') });
    expect(await invoke('agreement.export', exportInput)).toEqual({ ok: true, value: { delivery: 'cancelled' } });
    expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
  });

  it('answers a clear error when the file cannot be written, and the export can be retried', async () => {
    const dir = makeTempDir();
    const blocked = join(dir, 'a-folder.pdf');
    mkdirSync(blocked); // writing a file over a folder fails
    electron.dialog.saveAnswers.push({ canceled: false, filePath: blocked });
    const reply = await invoke('agreement.export', exportInput);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!reply.ok && reply.error.message).toMatch(/^The file could not be written: EISDIR/);

    electron.dialog.saveAnswers.push({ canceled: false, filePath: join(dir, 'ok.pdf') });
    expect(await invoke('agreement.export', exportInput)).toMatchObject({ ok: true, value: { delivery: 'saved' } });
  });

  it('shows no dialog when the export itself fails, and passes its error on', async () => {
    const reply = await invoke('agreement.export', { version: 99, language: 'fi', format: 'pdf' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(electron.dialog.saveDialogs).toEqual([]);
  });

  it('counts a call as pending until its dialog is answered', async () => {
    let answer: ((value: electron.SaveDialogAnswer) => void) | undefined;
    electron.dialog.saveAnswers.push(() => new Promise((resolve) => (answer = resolve)));
    const reply = invoke('agreement.export', exportInput);
    let settled = false;
    void host.settled().then(() => (settled = true));
    // Pending while the export worker renders the file (no dialog yet) ...
    await electron.settle();
    expect(host.pending()).toBe(1);
    // ... and still while its save dialog is open, once the file has come back from the worker.
    await vi.waitFor(() => expect(electron.dialog.saveDialogs).toHaveLength(1), { timeout: 30_000, interval: 20 });
    await electron.settle();
    expect(host.pending()).toBe(1);
    expect(settled).toBe(false);
    answer!({ canceled: true });
    expect(await reply).toEqual({ ok: true, value: { delivery: 'cancelled' } });
    await electron.settle();
    expect(settled).toBe(true);
    expect(host.pending()).toBe(0);
  });
});
