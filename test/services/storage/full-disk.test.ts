import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/services/backend';
import { createTestBackend, makeTempDir, removeTempDirs, testKeyFor } from '../helpers';

/**
 * A first start on a full disk, for real: a 64 KiB tmpfs that already holds the test's key file,
 * filled to the last byte. Needs permission to mount (root, as on CI); elsewhere it is skipped.
 */
const mountPoint = join(makeTempDir('vertaistuki-tinyfs-'), 'disk');
let mounted = false;

beforeAll(() => {
  if (process.platform !== 'linux') return;
  mkdirSync(mountPoint, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  removeTempDirs();
});

function fill(dir: string): void {
  for (let i = 0; ; i += 1) {
    try {
      writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(4096, 1));
    } catch {
      break;
    }
  }
  for (let i = 0; ; i += 1) {
    try {
      writeFileSync(join(dir, `tiny-${i}`), Buffer.alloc(1, 1));
    } catch {
      break;
    }
  }
}

describe('a first start on a full disk', () => {
  it.runIf(process.platform === 'linux')('is reported as a full disk on a new store, leaves no 0-byte file, and starts normally once there is room', () => {
    if (!mounted) {
      console.warn('full-disk test skipped: cannot mount a tmpfs here (needs root)');
      return;
    }
    const dataDir = join(mountPoint, 'data');
    testKeyFor(dataDir);
    fill(mountPoint);

    const backend = createTestBackend(dataDir);

    const problem = backend.info().storeProblem;
    expect(problem).toMatchObject({ kind: 'diskFull', newStore: true, path: join(dataDir, DATABASE_FILE) });
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
    backend.close();

    for (const name of readdirSync(mountPoint)) if (name.startsWith('filler-') || name.startsWith('tiny-')) rmSync(join(mountPoint, name));
    const again = createTestBackend(dataDir);
    expect(again.info().storeProblem).toBeNull();
    again.close();
  });
});
