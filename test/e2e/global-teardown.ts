import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

/** Processes whose command line names `marker` (Linux: /proc; elsewhere nothing can be checked). */
export function processesNaming(marker: string): { pid: number; commandLine: string }[] {
  if (!existsSync('/proc')) return [];
  const found: { pid: number; commandLine: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (commandLine.includes(marker)) found.push({ pid: Number(entry), commandLine });
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/**
 * The suite fails if a browser-mode server it started is still running: an orphan would keep a
 * database open (and a port) after the run. Such servers are ended here so the machine is clean.
 */
export default function globalTeardown(): void {
  const runDir = process.env['VERTAISTUKI_E2E_RUN_DIR'];
  if (!runDir) return;
  const alive = processesNaming(runDir);
  for (const { pid } of alive) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(runDir, { recursive: true, force: true });
  if (alive.length > 0) {
    throw new Error(`Browser-mode servers started by the suite were still running:\n${alive.map((p) => `${p.pid}: ${p.commandLine}`).join('\n')}`);
  }
}
