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
  dispose: () => void;
}

export function installRealBackend(options: { dataDir?: string } = {}): RealBackend {
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
  const api = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push(name);
        const wire = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
        return JSON.parse(JSON.stringify(await backend.call(name, wire)));
      },
    ]),
  );
  Object.defineProperty(window, API_GLOBAL, { value: api, configurable: true });
  return {
    backend,
    dataDir,
    calls,
    logged,
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
