import { writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES_CHANNEL } from '@shared/channels';
import { CALL_NAMES, channelOf, FILE_CALL_NAMES, type CallName } from '@shared/contract';
import { fail, ok, type Envelope } from '@shared/envelope';
import type { ExportResult } from '@shared/domain';
import type { Backend } from './services/backend';

type TrustCheck = (event: IpcMainInvokeEvent | IpcMainEvent) => boolean;

/** Calls that answer a file (trait `file` in the contract): the desktop app asks where to save it instead of downloading. */
const FILE_CALLS: ReadonlySet<CallName> = new Set(FILE_CALL_NAMES);

const FILTERS: Record<string, Electron.FileFilter> = {
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.docx': { name: 'Word', extensions: ['docx'] },
  '.vertaistuki': { name: 'Vertaistuki', extensions: ['vertaistuki'] },
};

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

/** One handler per contract entry. Calls from any frame other than our own window's are refused. */
export function registerIpc(backend: Backend, isTrustedSender: TrustCheck): void {
  ipcMain.on(CALL_NAMES_CHANNEL, (event) => {
    event.returnValue = isTrustedSender(event) ? CALL_NAMES : [];
  });
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('unknown_call', 'Refused: the call did not come from the app window.');
      const envelope = await backend.call(name, input);
      return FILE_CALLS.has(name) ? saveWithDialog(event, envelope) : envelope;
    });
  }
}
