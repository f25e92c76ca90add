import { describe, expect, it, vi } from 'vitest';
import { API_GLOBAL, CALL_NAMES_CHANNEL, channelOf } from '@shared/channels';
import { CALL_NAMES } from '@shared/contract';
import type * as FakeElectron from './fake-electron';

/** The preload from source under the fake `electron`: it asks main for the names, exposes one method each. */
async function loadPreload(answer: unknown): Promise<typeof FakeElectron> {
  vi.resetModules();
  const electron = (await import('./fake-electron')) as typeof FakeElectron;
  electron.renderer.syncAnswers.set(CALL_NAMES_CHANNEL, answer);
  await import('../../electron/preload/index');
  return electron;
}

describe('preload', () => {
  it('exposes exactly one frozen method per call name main gives, each invoking its own channel', async () => {
    const electron = await loadPreload(CALL_NAMES);
    const api = electron.renderer.exposed.get(API_GLOBAL) as Record<string, (input: unknown) => Promise<unknown>>;
    expect([...electron.renderer.exposed.keys()]).toEqual([API_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['settings.update']!({ language: 'fi' });
    expect(electron.renderer.invoked).toEqual([{ channel: channelOf('settings.update'), args: [{ language: 'fi' }] }]);
  });

  it('exposes nothing callable when main refuses the frame (an empty list)', async () => {
    const electron = await loadPreload([]);
    expect(electron.renderer.exposed.get(API_GLOBAL)).toEqual({});
  });
});
