import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import { API_GLOBAL, CALL_NAMES } from '@shared/contract';
import type { Language } from '@shared/domain';
import { createBackend, type Backend } from '../../electron/main/services/backend';
import { createI18n, localeOf } from '../../renderer/src/app/i18n';
import { fixedKey } from '../../electron/main/services/storage/keyring';
import { testKeyFor } from '../services/helpers';

/**
 * Component tests talk to the real backend on a real SQLite file: `window.vertaistuki` carries
 * each call through a JSON round trip, as IPC's structured clone would, to the same dispatch.
 */
export interface RealBackend {
  backend: Backend;
  dataDir: string;
  calls: string[];
  /** What the backend logged (unexpected errors), for tests that cause one on purpose. */
  logged: unknown[];
  /** Holds the next call of `name` on its way (see `Hold`). */
  hold: (name: string, where: 'request' | 'answer') => Hold;
  /** Lets every held call through (so that a failed test leaves nothing waiting). */
  releaseHolds: () => void;
  dispose: () => void;
}

/**
 * One call held on its way, so that a test decides the order in which calls reach the store and
 * their answers reach the renderer (as separate HTTP connections in browser mode can cross):
 * `request` keeps the call from the backend until `release()`; `answer` runs it at once and keeps
 * its answer from the renderer until `release()`. `made` resolves when the renderer makes the call,
 * `answered` once its answer has been handed back.
 */
export interface Hold {
  made: Promise<void>;
  answered: Promise<void>;
  release: () => void;
}

function makeHold(): Hold & { gate: Promise<void>; arrive: () => void; deliver: () => void } {
  let release = () => {};
  let arrive = () => {};
  let deliver = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const made = new Promise<void>((done) => (arrive = done));
  const answered = new Promise<void>((done) => (deliver = done));
  return { gate, made, answered, release, arrive, deliver };
}

/**
 * `latencyMs` delays every answer the way IPC and a durable write do, so that a test can act while
 * a save is still on its way (e.g. leave a view and come back before the answer arrives).
 */
export function installRealBackend(options: { dataDir?: string; latencyMs?: number } = {}): RealBackend {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vertaistuki-ui-'));
  const logged: unknown[] = [];
  const backend = createBackend({
    appName: 'Vertaistuki',
    appVersion: '0.0.0-test',
    mode: 'browser',
    dataDir,
    migrationsDir: resolve('electron/main/services/db/migrations'),
    fontsDir: resolve('resources/fonts'),
    systemLocales: ['fi-FI'],
    keys: fixedKey(testKeyFor(dataDir)),
    log: (error) => logged.push(error),
  });
  const calls: string[] = [];
  const holds = new Map<string, { where: 'request' | 'answer'; hold: ReturnType<typeof makeHold> }[]>();
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push(name);
        const held = holds.get(name)?.shift();
        held?.hold.arrive();
        const wire = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
        if (held?.where === 'request') await held.hold.gate;
        const answer = JSON.stringify(await backend.call(name, wire));
        if (options.latencyMs) await new Promise((done) => setTimeout(done, options.latencyMs));
        if (held?.where === 'answer') await held.hold.gate;
        held?.hold.deliver();
        return JSON.parse(answer);
      },
    ]),
  );
  const everyHold: (() => void)[] = [];
  const hold = (name: string, where: 'request' | 'answer'): Hold => {
    const made = makeHold();
    everyHold.push(made.release);
    holds.set(name, [...(holds.get(name) ?? []), { where, hold: made }]);
    return { made: made.made, answered: made.answered, release: made.release };
  };
  Object.defineProperty(window, API_GLOBAL, { value: api, configurable: true });
  return {
    backend,
    dataDir,
    calls,
    logged,
    hold,
    releaseHolds: () => everyHold.forEach((release) => release()),
    dispose: () => {
      backend.close();
      Reflect.deleteProperty(window, API_GLOBAL);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function renderWithI18n(ui: ReactElement, language: Language = 'fi') {
  const i18n = createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <I18nProvider locale={localeOf(language)}>{ui}</I18nProvider>
    </I18nextProvider>,
  );
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'vertaistuki-ui-'));

export const SETUP = {
  programme: {
    name: 'Esihenkilöiden vertaismentorointi',
    organisation: 'Ulosottolaitos',
    facilitatorName: 'Päivi Äijälä',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
  },
  members: [
    { name: 'Önni Mäkelä', role: 'Toimistopäällikkö', email: '' },
    { name: 'Sari Järvinen', role: '', email: 'sari@example.fi' },
  ],
};
