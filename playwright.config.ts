import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run the real renderer (built with `npm run build:web`) in Chromium against
 * browser mode: the same services on 127.0.0.1, a fresh data folder per test.
 * The machine's Chromium is used (CHROMIUM_PATH, default /usr/bin/chromium); nothing is downloaded.
 */
export default defineConfig({
  testDir: 'test/e2e',
  // The teardown fails the run if a browser-mode server the suite started is still alive.
  globalSetup: './test/e2e/global-setup.ts',
  globalTeardown: './test/e2e/global-teardown.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: process.env['CI'] ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
