import { expect, it } from 'vitest';
import { launchMain, theWindow } from './main-harness';
it('smoke', async () => {
  const electron = await launchMain();
  const win = theWindow(electron);
  console.log(win.loaded, electron.app.paths);
  expect(await electron.ipcMain.invoke('vertaistuki:app.info', { sender: win.webContents })).toMatchObject({ ok: true });
});
