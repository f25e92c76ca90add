import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES_CHANNEL } from '@shared/channels';
import { CALL_NAMES, channelOf } from '@shared/contract';
import { fail } from '@shared/envelope';
import type { Backend } from './services/backend';

type TrustCheck = (event: IpcMainInvokeEvent | IpcMainEvent) => boolean;

/** One handler per contract entry. Calls from any frame other than our own window's are refused. */
export function registerIpc(backend: Backend, isTrustedSender: TrustCheck): void {
  ipcMain.on(CALL_NAMES_CHANNEL, (event) => {
    event.returnValue = isTrustedSender(event) ? CALL_NAMES : [];
  });
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('unknown_call', 'Refused: the call did not come from the app window.');
      return backend.dispatch(name, input);
    });
  }
}
