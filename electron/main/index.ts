import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu, safeStorage, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { openDataKey } from './data-key';
import { localDataFolder, moveDataFolder } from './data-folder';
import { registerIpc } from './ipc';
import { hardenApp } from './security';
import { isAppUrl, secureWebPreferences } from './security-policy';
import { createBackend, type Backend } from './services/backend';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
/** Everything the window may load lives under the app's own folder (inside the asar when packaged). */
const appRoot = `${pathToFileURL(join(here, '..')).href}/`;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Vertaistuki',
    backgroundColor: '#f7f6f2',
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(here, '../renderer/index.html'));
  return window;
}

const isTrustedSender = (event: IpcMainInvokeEvent | IpcMainEvent): boolean =>
  mainWindow !== null &&
  event.sender === mainWindow.webContents &&
  event.senderFrame !== null &&
  event.senderFrame === mainWindow.webContents.mainFrame &&
  isAppUrl(event.senderFrame.url, appRoot, devServerUrl);

// Windows: keep the data out of the roaming profile (moved once from %APPDATA% if it was there).
const localData = localDataFolder(process.platform, process.env, app.getName());
if (localData) {
  const roaming = app.getPath('userData');
  app.setPath('userData', localData);
  moveDataFolder(roaming, localData);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(async () => {
    hardenApp(appRoot, devServerUrl);
    // No menu bar on Windows and Linux, so Alt+letter reaches meeting mode's shortcuts;
    // macOS keeps the standard app and edit menus (copy and paste live there).
    Menu.setApplicationMenu(
      process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null,
    );
    const keys = await openDataKey({ safeStorage, platform: process.platform, dataDir: app.getPath('userData') });
    backend = createBackend({
      appName: app.getName(),
      appVersion: app.getVersion(),
      mode: 'desktop',
      dataDir: app.getPath('userData'),
      migrationsDir: join(here, 'migrations'),
      fontsDir: join(here, 'fonts'),
      systemLocales: app.getPreferredSystemLanguages(),
      keys,
      log: (error) => console.error(error),
    });
    registerIpc(backend, isTrustedSender);
    mainWindow = createWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
}
