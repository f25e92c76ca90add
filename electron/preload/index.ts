import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CALL_NAMES_CHANNEL, channelOf } from '@shared/channels';
import type { VertaistukiApi } from '@shared/contract';

/**
 * Exposes one named method per contract entry and nothing else: the renderer cannot choose a
 * channel and never sees ipcRenderer. The names come from main, which derives them from the
 * contract, so the sandboxed preload needs no copy of the schemas.
 */
const names = ipcRenderer.sendSync(CALL_NAMES_CHANNEL) as string[];

const api = Object.fromEntries(
  names.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
) as VertaistukiApi;

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(api));
