import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One folder for this run's data folders. Every browser-mode server the suite starts names its
 * data folder on its command line, so the teardown can find any of them still alive, however it
 * was started and whoever its parent was. Workers inherit the variable.
 */
export default function globalSetup(): void {
  process.env['VERTAISTUKI_E2E_RUN_DIR'] = mkdtempSync(join(tmpdir(), 'vertaistuki-e2e-run-'));
}
