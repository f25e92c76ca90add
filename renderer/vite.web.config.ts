import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { rendererCsp } from './vite.plugins';

/**
 * Browser mode: the same renderer, built with mode `web` so that the shim standing in for the
 * preload API is compiled in. The Electron build never contains it (see test/config/bundles.test.ts).
 */
export default defineConfig({
  root: import.meta.dirname,
  mode: 'web',
  base: './',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../shared') } },
  plugins: [react(), rendererCsp()],
  build: { outDir: resolve(import.meta.dirname, '../out/web'), emptyOutDir: true },
});
