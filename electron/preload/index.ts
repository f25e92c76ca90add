import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CALL_NAMES, channelOf } from '@shared/calls';
import type { VertaistukiApi } from '@shared/contract';

/**
 * Exposes one named method per contract entry and nothing else: the renderer cannot
 * choose a channel, and never sees ipcRenderer itself.
 */
const api = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
) as VertaistukiApi;

contextBridge.exposeInMainWorld(API_GLOBAL, api);
