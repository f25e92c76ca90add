import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member } from '@shared/domain';
import { BACKUPS_DIR } from '../../../electron/main/services/storage/backups';
import { call, createTestBackend, makeTempDir, openStoreFile, removeTempDirs, validSetup } from '../helpers';

/**
 * SIGKILL at random moments while a backup or a restore runs: afterwards the store opens, passes
 * integrity_check and holds one whole state. `npm test` kills 5 times per kind; `npm run test:kill`
 * runs the full loop (KILLS=50).
 */
const KILLS = Number(process.env['KILLS'] ?? 5);
const CHILD = resolve(import.meta.dirname, 'kill-child.ts');

afterEach(() => removeTempDirs());

function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the child did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) {
        clearTimeout(timer);
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`the child exited by itself (${code}):\n${output}`))));
  });
}

function prepare() {
  const dataDir = makeTempDir();
  const backend = createTestBackend(dataDir);
  call(backend, 'programme.setup', validSetup());
  call(backend, 'members.add', { name: 'Tila A', role: '', email: '' });
  call(backend, 'storage.backupNow', undefined);
  call(backend, 'members.add', { name: 'Tila B', role: '', email: '' });
  call(backend, 'storage.backupNow', undefined);
  backend.close();
  return dataDir;
}

function checkWhole(dataDir: string): string[] {
  const raw = openStoreFile(join(dataDir, 'vertaistuki.sqlite'), { fileMustExist: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    raw.close();
  }
  const backend = createTestBackend(dataDir);
  try {
    expect(backend.info().storeProblem).toBeNull();
    expect(readdirSync(join(dataDir, BACKUPS_DIR)).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
    expect(call(backend, 'storage.backups', undefined).every((backup) => backup.usable)).toBe(true);
    return (call(backend, 'members.list', undefined) as Member[]).map((member) => member.name);
  } finally {
    backend.close();
  }
}

describe(`SIGKILL during backup and restore (${KILLS} kills each)`, () => {
  for (const mode of ['backup', 'restore'] as const) {
    it(`leaves a working store when killed during ${mode}`, async () => {
      const dataDir = prepare();
      const base = validSetup().members.map((m) => m.name);
      for (let kill = 0; kill < KILLS; kill += 1) {
        await runAndKill([dataDir, mode], Math.floor(Math.random() * 120));
        const names = checkWhole(dataDir);
        expect([[...base, 'Tila A'], [...base, 'Tila A', 'Tila B']]).toContainEqual(names);
      }
    }, 600_000);
  }
});
