import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];

/** Process boundaries, enforced: what each part of the tree may import. */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(['electron', 'better-sqlite3', 'react', 'react-*', ...NODE_BUILTINS], 'shared/ is pure TypeScript: no Node, no Electron, no DOM libraries.'),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(['electron', 'better-sqlite3', ...NODE_BUILTINS, '**/electron/**'], 'The renderer has no Node or Electron: reach main through src/api.ts.'),
    },
  },
  {
    // No older answer over newer text: stores reach main only through lib/calls.ts (`fresh` reads,
    // `write`, `writeSnapshot`), which keeps an answer that a write may have overtaken out of their
    // snapshots. (Feature components are held to the stricter rule below.)
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/lib/calls.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api', '**/api.ts'],
              importNames: ['call'],
              message: 'Reach main through lib/calls.ts: read with fresh(), write with write() or writeSnapshot().',
            },
          ],
        },
      ],
    },
  },
  {
    // One owner for data from main: a feature's zustand store (a .ts file) is the only caller of the
    // API; components read the store and write through its actions, so no form shows a stale snapshot.
    files: ['renderer/src/features/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api', '**/api.ts'],
              allowTypeImports: true,
              message: "Components do not call the API: use the feature's store, which keeps its data up to date.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/main/browser-mode/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: forbid(['electron', '**/renderer/**'], 'Services are Electron-free so that tests and browser mode run them as they are.'),
  },
  {
    // Confidentiality by construction: the management summary reaches meeting data only through
    // its own sources.ts and other features only through their shareable doors.
    files: ['electron/main/services/summary/**/*.ts'],
    rules: forbid(
      [
        'electron',
        '**/renderer/**',
        '../meetings/*',
        '../members/*',
        '../feedback/*',
        '!../feedback/shareable',
        '!../feedback/decision',
        '../agreement/*',
        '!../agreement/goals',
      ],
      'The summary may read only shareable data: its own sources.ts, feedback/shareable, feedback/decision and agreement/goals.',
    ),
  },
  {
    // One SQLite driver, loaded in one module (db/driver.ts): the encrypted store's. Types are fine.
    files: ['electron/main/**/*.ts', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    ignores: ['electron/main/services/db/driver.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Open databases through electron/main/services/db/driver.ts (openFile), the one module that loads the driver.',
          })),
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'better-sqlite3', ...NODE_BUILTINS, '@shared/contract', '@shared/domain*'],
              allowTypeImports: true,
              message: 'The sandboxed preload bundles only electron and @shared/channels; types are fine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/*.ts', '*.{js,ts,mjs}', 'scripts/**', 'test/**', 'bench/**'],
    languageOptions: { globals: globals.node },
  },
);
