import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererCsp } from './renderer/vite.plugins';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

/** Migrations and the fonts exports embed are read from disk, so they travel next to the main bundle. */
const copyMigrations = (): Plugin => ({
  name: 'vertaistuki:copy-runtime-files',
  writeBundle() {
    const from = (path: string) => resolve(import.meta.dirname, path);
    cpSync(from('electron/main/services/db/migrations'), from('out/main/migrations'), { recursive: true });
    cpSync(from('resources/fonts'), from('out/main/fonts'), { recursive: true });
  },
});

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [copyMigrations()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Exports render on a worker thread; its entry sits next to index.js (export/runner.ts).
          'export-worker': resolve(import.meta.dirname, 'electron/main/services/export/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot load modules: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias },
    plugins: [react(), rendererCsp()],
    // es2021: no class static blocks, which Electronegativity's scope analysis cannot read (npm test scans this output).
    build: { target: 'es2021', rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } } },
  },
});
