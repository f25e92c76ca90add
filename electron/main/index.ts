import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, safeStorage } from 'electron';
import { openDataKey } from './data-key';
import { localDataFolder, moveDataFolder } from './data-folder';
import { createSenderCheck, registerIpc, type IpcHost } from './ipc';
import { readLaunchOptions } from './launch-policy';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { APP_ENTRY } from './protocol-policy';
import { hardenApp } from './security';
import { secureWebPreferences } from './security-policy';
import { createBackend, type Backend } from './services/backend';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Development switches (ELECTRON_RENDERER_URL, DevTools) count only when the app is not packaged. */
const launch = readLaunchOptions({ isPackaged: app.isPackaged, env: process.env, argv: process.argv });

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let ipc: IpcHost | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Vertaistuki',
    backgroundColor: '#f7f6f2',
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs'), { devTools: launch.devTools, platform: process.platform }),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(launch.devServerUrl ?? APP_ENTRY);
  return window;
}

/**
 * No menu bar on Windows and Linux, so Alt+letter reaches meeting mode's shortcuts;
 * macOS keeps the standard app and edit menus (copy and paste live there).
 */
function setApplicationMenu(): void {
  Menu.setApplicationMenu(
    process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null,
  );
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function onReady(): Promise<void> {
  hardenApp({ devServerUrl: launch.devServerUrl, devTools: launch.devTools, platform: process.platform });
  handleAppProtocol(join(here, '../renderer'));
  setApplicationMenu();
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
  ipc = registerIpc(backend, createSenderCheck(() => mainWindow, launch.devServerUrl));
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** The store closes last: a save still on its way (the window's close flush) is answered first. */
function closeBackendWhenSettled(event: Electron.Event): void {
  if (!backend) return;
  if (ipc && ipc.pending() > 0) {
    event.preventDefault();
    void ipc.settled().then(() => app.quit());
    return;
  }
  backend.close();
  backend = null;
}

/** Windows: keep the data out of the roaming profile (moved once from %APPDATA% if it was there). */
function useLocalDataFolder(): void {
  const localData = localDataFolder(process.platform, process.env, app.getName());
  if (!localData) return;
  const roaming = app.getPath('userData');
  app.setPath('userData', localData);
  moveDataFolder(roaming, localData);
}

function start(): void {
  registerAppScheme(); // must happen before ready
  app.enableSandbox();
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeBackendWhenSettled);
  void app.whenReady().then(onReady);
}

if (launch.refusedSwitch) {
  console.error(`Vertaistuki does not start with --${launch.refusedSwitch}: debugging switches work only in a development build.`);
  app.exit(1);
} else {
  useLocalDataFolder(); // before the single-instance lock, which lives in the data folder
  if (app.requestSingleInstanceLock()) start();
  else app.quit();
}
