import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES_CHANNEL } from '@shared/channels';
import { CALL_NAMES, channelOf, FILE_CALL_NAMES, type CallName } from '@shared/contract';
import { fail, ok, type Envelope } from '@shared/envelope';
import type { ExportResult } from '@shared/domain';
import type { Backend } from './services/backend';
import { isAppUrl } from './security-policy';

type IpcEvent = IpcMainInvokeEvent | IpcMainEvent;
export type TrustCheck = (event: IpcEvent) => boolean;

/** Calls that answer a file (trait `file` in the contract): the desktop app asks where to save it instead of downloading. */
const FILE_CALLS: ReadonlySet<CallName> = new Set(FILE_CALL_NAMES);

const FILTERS: Record<string, Electron.FileFilter> = {
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.docx': { name: 'Word', extensions: ['docx'] },
  '.vertaistuki': { name: 'Vertaistuki', extensions: ['vertaistuki'] },
};

/**
 * A call is trusted only from the main frame of the app's one window, showing the app's own
 * origin: not another window, not a subframe, not a page the window was somehow made to show.
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null, devServerUrl: string | undefined): TrustCheck {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    const frame = event.senderFrame;
    return (
      event.sender === window.webContents &&
      frame !== null &&
      frame === window.webContents.mainFrame &&
      isAppUrl(frame.url, devServerUrl)
    );
  };
}

async function saveWithDialog(event: IpcMainInvokeEvent, envelope: Envelope<unknown>): Promise<Envelope<ExportResult>> {
  if (!envelope.ok) return envelope;
  const file = envelope.value as ExportResult;
  if (file.delivery !== 'download') return ok(file);
  const window = BrowserWindow.fromWebContents(event.sender);
  const options: Electron.SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), basename(file.fileName)),
    filters: [FILTERS[extname(file.fileName)] ?? { name: file.fileName, extensions: ['*'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return ok({ delivery: 'cancelled' });
  try {
    await writeFile(choice.filePath, Buffer.from(file.base64, 'base64'));
  } catch (error) {
    return fail('internal', `The file could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
  return ok({ delivery: 'saved', fileName: basename(choice.filePath), path: choice.filePath });
}

export interface IpcHost {
  /** Resolves once every call that has started has answered (closing waits for it). */
  settled: () => Promise<void>;
  pending: () => number;
}

/** One handler per contract entry. Calls from any frame other than our own window's are refused. */
export function registerIpc(backend: Backend, isTrustedSender: TrustCheck): IpcHost {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  ipcMain.on(CALL_NAMES_CHANNEL, (event) => {
    event.returnValue = isTrustedSender(event) ? CALL_NAMES : [];
  });
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('unknown_call', 'Refused: the call did not come from the app window.');
      return track(
        backend.call(name, input).then((envelope) => (FILE_CALLS.has(name) ? saveWithDialog(event, envelope) : envelope)),
      );
    });
  }
  return {
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    pending: () => inFlight.size,
  };
}
