/**
 * Run by kill.test.ts as its own process (`node --import tsx`), to be killed with SIGKILL at a
 * random moment: backs up, or restores one of two backups, over and over.
 */
import { createTestBackend } from '../helpers';

const [dataDir, mode] = process.argv.slice(2) as [string, 'backup' | 'restore'];
const backend = createTestBackend(dataDir);
/** The second newest copy: each restore's safety copy becomes the newest, so the states alternate. */
const secondNewest = () => {
  const listed = backend.dispatch('storage.backups', undefined);
  return listed.ok ? (listed.value as { id: string }[])[1]?.id ?? '' : '';
};
for (let round = 0; ; round += 1) {
  const result =
    mode === 'backup' ? backend.dispatch('storage.backupNow', undefined) : backend.dispatch('storage.restoreBackup', { id: secondNewest() });
  if (!result.ok) {
    console.error(JSON.stringify(result.error));
    process.exit(1);
  }
  if (round === 0) console.log('READY');
}
