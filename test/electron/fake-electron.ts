import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small hand-written stand-in for the `electron` module, so that main-process code (index.ts,
 * ipc.ts, security.ts, protocol.ts, the preload) runs in plain Node under vitest without the
 * Electron binary. The `electron` vitest project aliases `electron` to this file (vitest.config.ts).
 *
 * Each test that imports main's entry should call `vi.resetModules()` first: the next import of
 * `electron` (or of this file) then gets fresh state. `resetFakeElectron()` does the same for
 * tests that keep their modules.
 *
 * It records what main asks for (handlers, listeners, windows, loaded URLs) and lets tests play
 * the other side (emit events, invoke IPC, answer dialogs). It models Electron's documented
 * behaviour only where a test depends on it; everything else is absent, so that a call main
 * makes to an API this fake lacks fails loudly instead of passing silently.
 */

// ---------- events ----------

/** Electron's Event: `preventDefault()` and `defaultPrevented`. */
export class FakeEvent {
  defaultPrevented = false;
  returnValue: unknown = undefined;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

// ---------- frames, web contents, windows ----------

let nextId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  webRTCIPHandlingPolicy = 'default';
  devToolsOpened = false;
  destroyed = false;
  readonly session: FakeSession;

  constructor(ses: FakeSession) {
    super();
    this.session = ses;
    state.allContents.push(this);
    // Electron emits this on the app for every new page, before it loads anything.
    app.emit('web-contents-created', new FakeEvent(), this);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRTCIPHandlingPolicy = policy;
  }
  getWebRTCIPHandlingPolicy(): string {
    return this.webRTCIPHandlingPolicy;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  openDevTools(): void {
    this.devToolsOpened = true;
    this.emit('devtools-opened');
  }
  closeDevTools(): void {
    this.devToolsOpened = false;
    this.emit('devtools-closed');
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** A subframe of this page (for sender checks). */
  addSubframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame);
  }
  /** Test side: emit an event that main may cancel; tells whether it did. */
  emitCancellable(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows.filter((window) => !window.destroyed);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return state.windows.find((window) => window.webContents === contents && !window.destroyed) ?? null;
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return state.windows.find((window) => window.focused && !window.destroyed) ?? null;
  }

  readonly id = nextId++;
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  readonly webContents: FakeWebContents;
  loaded: { kind: 'url' | 'file'; target: string }[] = [];
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(session.defaultSession);
    state.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push({ kind: 'url', target: url });
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.loaded.push({ kind: 'file', target: file });
    this.webContents.mainFrame.url = `file://${file}`;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /**
   * Like Electron: 'close' may be cancelled (the page's beforeunload does it through
   * `preventClose`); otherwise the window is destroyed, 'closed' follows, and when it was the last
   * window the app emits 'window-all-closed'.
   */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented || this.preventClose) return;
    this.destroy();
  }
  /** Test side: the page's beforeunload handler keeps the window open. */
  preventClose = false;
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

// ---------- session ----------

type Listener<A extends unknown[]> = ((...args: A) => void) | null;

export interface RequestDetails {
  url: string;
  resourceType?: string;
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener<[unknown, string, (granted: boolean) => void, unknown]> = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  displayMediaRequestHandler: Listener<[unknown, (streams: unknown) => void]> = null;
  bluetoothPairingHandler: Listener<[unknown, (response: unknown) => void]> = null;
  beforeRequest: Listener<[RequestDetails, (response: { cancel?: boolean }) => void]> = null;
  headersReceived: Listener<[unknown, (response: unknown) => void]> = null;
  spellCheckerEnabled = true;
  spellCheckerLanguages: string[] = ['en-US'];
  /** Electron's default: Chromium's CDN. */
  spellCheckerDictionaryDownloadURL = 'https://redirector.gvt1.com/edgedl/chrome/dict/';
  /** Electron's default: the system's proxy settings (which may name a PAC script or WPAD). */
  proxy: Record<string, unknown> = { mode: 'system' };
  preloads: string[] = [];
  readonly protocol = protocol;
  readonly webRequest = {
    onBeforeRequest: (handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler;
    },
    onHeadersReceived: (handler: FakeSession['headersReceived']) => {
      this.headersReceived = handler;
    },
  };

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaRequestHandler']): void {
    this.displayMediaRequestHandler = handler;
  }
  setBluetoothPairingHandler(handler: FakeSession['bluetoothPairingHandler']): void {
    this.bluetoothPairingHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }
  isSpellCheckerEnabled(): boolean {
    return this.spellCheckerEnabled;
  }
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = [...languages];
  }
  getSpellCheckerLanguages(): string[] {
    return [...this.spellCheckerLanguages];
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadURL = url;
  }
  setProxy(config: Record<string, unknown>): Promise<void> {
    this.proxy = { ...config };
    return Promise.resolve();
  }
  setPreloads(preloads: string[]): void {
    this.preloads = [...preloads];
  }
  getPreloads(): string[] {
    return [...this.preloads];
  }

  /** Test side: what the request filter decides for a URL (true = the request goes out). */
  requestAllowed(url: string, resourceType = 'other'): boolean {
    if (!this.beforeRequest) return true; // no filter: Electron lets every request through
    let cancel: boolean | undefined;
    this.beforeRequest({ url, resourceType }, (response) => {
      cancel = response.cancel;
    });
    return cancel !== true;
  }
  /** Test side: emit a session event that main may cancel; tells whether it did. */
  emitCancellable(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

// ---------- app ----------

/** Every fake app's home folder (userData, documents) lives under this one, per test process. */
const FAKE_HOMES = join(tmpdir(), `vertaistuki-fake-electron-${process.pid}`);

/** Call from afterAll: removes every fake home folder this process made. */
export function removeFakeHomes(): void {
  rmSync(FAKE_HOMES, { recursive: true, force: true });
}

export class FakeCommandLine {
  switches = new Map<string, string>();
  appendSwitch(name: string, value = ''): void {
    this.switches.set(name, value);
  }
  hasSwitch(name: string): boolean {
    return this.switches.has(name);
  }
  getSwitchValue(name: string): string {
    return this.switches.get(name) ?? '';
  }
  removeSwitch(name: string): void {
    this.switches.delete(name);
  }
}

export class FakeApp extends EventEmitter {
  /** Set before importing main's entry (it reads this at load time). */
  isPackaged = false;
  name = 'Vertaistuki';
  version = '0.0.0-test';
  ready = false;
  /** What `requestSingleInstanceLock()` answers: false means another instance holds the lock. */
  gotSingleInstanceLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  exitCode: number | null = null;
  hostResolver: Record<string, unknown> | null = null;
  readonly commandLine = new FakeCommandLine();
  readonly paths: Record<string, string>;
  preferredSystemLanguages = ['fi-FI', 'en-GB'];

  constructor() {
    super();
    mkdirSync(FAKE_HOMES, { recursive: true });
    const home = mkdtempSync(join(FAKE_HOMES, 'home-'));
    this.paths = { userData: join(home, 'userData'), documents: join(home, 'documents'), temp: tmpdir(), home };
    // Electron creates userData on start; a real home has a documents folder.
    mkdirSync(this.paths['userData']!);
    mkdirSync(this.paths['documents']!);
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return this.version;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`fake electron: no path '${name}'`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path;
  }
  getPreferredSystemLanguages(): string[] {
    return [...this.preferredSystemLanguages];
  }
  getLocale(): string {
    return 'fi';
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Resolves on the next turn, after the entry module's synchronous code, like Electron's ready. */
  whenReady(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        if (!this.ready) {
          this.ready = true;
          this.emit('ready');
        }
        resolve();
      }),
    );
  }
  requestSingleInstanceLock(): boolean {
    return this.gotSingleInstanceLock;
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('fake electron: enableSandbox must be called before ready');
    this.sandboxEnabled = true;
  }
  configureHostResolver(options: Record<string, unknown>): void {
    if (!this.ready) throw new Error('fake electron: configureHostResolver must be called after ready');
    this.hostResolver = { ...options };
  }
  /** Like Electron: 'before-quit', then 'will-quit' (cancellable), then 'quit'. */
  quit(): void {
    this.quitCalls += 1;
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    const will = new FakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.emit('quit', new FakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  /** Test side: another launch of the app (Electron emits this on the first instance). */
  launchSecondInstance(argv: string[] = []): void {
    this.emit('second-instance', new FakeEvent(), argv, process.cwd());
  }
}

// ---------- ipc ----------

export interface FakeIpcEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
  returnValue?: unknown;
}

type InvokeHandler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test side: what `ipcRenderer.invoke` from this frame would get. */
  async invoke(channel: string, from: { sender: FakeWebContents; senderFrame?: FakeFrame | null }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: from.sender, senderFrame: from.senderFrame === undefined ? from.sender.mainFrame : from.senderFrame }, ...args);
  }
  /** Test side: what `ipcRenderer.sendSync` from this frame would get. */
  sendSync(channel: string, from: { sender: FakeWebContents; senderFrame?: FakeFrame | null }, ...args: unknown[]): unknown {
    const event: FakeIpcEvent = { sender: from.sender, senderFrame: from.senderFrame === undefined ? from.sender.mainFrame : from.senderFrame };
    this.emit(channel, event, ...args);
    return event.returnValue;
  }
}

// ---------- dialog ----------

export interface SaveDialogAnswer {
  canceled: boolean;
  filePath?: string;
}

export class FakeDialog {
  /** Every save dialog shown: the window it was modal to (or null) and its options. */
  saveDialogs: { window: FakeBrowserWindow | null; options: Record<string, unknown> }[] = [];
  /** The next answers, in order; the default cancels. A function may answer later (a pending dialog). */
  saveAnswers: (SaveDialogAnswer | (() => Promise<SaveDialogAnswer>))[] = [];
  errorBoxes: { title: string; content: string }[] = [];

  showSaveDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<SaveDialogAnswer> {
    const window = windowOrOptions instanceof FakeBrowserWindow ? windowOrOptions : null;
    const options = (window ? maybeOptions : windowOrOptions) as Record<string, unknown>;
    this.saveDialogs.push({ window, options });
    const answer = this.saveAnswers.shift() ?? { canceled: true };
    return typeof answer === 'function' ? answer() : Promise.resolve(answer);
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

// ---------- protocol ----------

export interface SchemePrivileges {
  scheme: string;
  privileges?: Record<string, boolean>;
}

export class FakeProtocol {
  privileged: SchemePrivileges[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: SchemePrivileges[]): void {
    if (app.isReady()) throw new Error('fake electron: registerSchemesAsPrivileged must be called before ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.isReady()) throw new Error('fake electron: protocol.handle must be called after ready');
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  /** Test side: what the page gets for a URL of a handled scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`fake electron: no handler for ${scheme}:`);
    // Node's Request accepts only http(s) URLs, so the request carries the URL as Electron's does.
    const request = new Request('http://placeholder.invalid/', init);
    Object.defineProperty(request, 'url', { value: url });
    return handler(request);
  }
}

// ---------- safeStorage ----------

/**
 * Encryption that round-trips and is visibly not plain text. `available` and `backend` let a test
 * play a Linux machine without a keyring ('basic_text'), where Electron's encryption is no real protection.
 */
export class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' = 'gnome_libsecret';
  usePlainText = false;
  private static readonly MARK = Buffer.from('FAKE-SAFESTORAGE:');

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): FakeSafeStorage['backend'] {
    if (!app.isReady()) throw new Error('fake electron: getSelectedStorageBackend must be called after ready');
    return this.backend;
  }
  setUsePlainTextEncryption(value: boolean): void {
    this.usePlainText = value;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a);
    return Buffer.concat([FakeSafeStorage.MARK, body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (!encrypted.subarray(0, FakeSafeStorage.MARK.length).equals(FakeSafeStorage.MARK)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return Buffer.from(encrypted.subarray(FakeSafeStorage.MARK.length).map((byte) => byte ^ 0x5a)).toString('utf8');
  }
  // The asynchronous API (Electron 45's recommended one); same behaviour, answered on a later tick.
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    return this.encryptString(plainText);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    return { shouldReEncrypt: false, result: this.decryptString(encrypted) };
  }
}

// ---------- menu, preload side, the rest ----------

export class FakeMenu {
  static applicationMenu: FakeMenu | null | undefined = undefined;
  constructor(readonly template: unknown[]) {}
  static buildFromTemplate(template: unknown[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }
  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.applicationMenu ?? null;
  }
}

/** The preload's side: what it exposes and what it sends. */
export class FakeRenderer {
  exposed = new Map<string, unknown>();
  /** What main answers to `sendSync` (set by the test). */
  syncAnswers = new Map<string, unknown>();
  invoked: { channel: string; args: unknown[] }[] = [];
  readonly contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      this.exposed.set(key, api);
    },
  };
  readonly ipcRenderer = {
    sendSync: (channel: string) => this.syncAnswers.get(channel),
    invoke: (channel: string, ...args: unknown[]) => {
      this.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
  };
}

/** Records any use; the app must never call these (no network, no shell escapes). */
export const forbiddenCalls: string[] = [];
const forbidden = (name: string) => () => {
  forbiddenCalls.push(name);
  throw new Error(`fake electron: ${name} must not be used`);
};

// ---------- the module's exports, with fresh state on reset ----------

interface State {
  windows: FakeBrowserWindow[];
  allContents: FakeWebContents[];
}

const state: State = { windows: [], allContents: [] };

export let app = new FakeApp();
export let protocol = new FakeProtocol();
export let session = { defaultSession: new FakeSession() };
export let ipcMain = new FakeIpcMain();
export let dialog = new FakeDialog();
export let safeStorage = new FakeSafeStorage();
export let renderer = new FakeRenderer();
export let contextBridge = renderer.contextBridge;
export let ipcRenderer = renderer.ipcRenderer;
export const BrowserWindow = FakeBrowserWindow;
export const Menu = FakeMenu;
export const webContents = {
  getAllWebContents: () => state.allContents.filter((contents) => !contents.destroyed),
  fromId: (id: number) => state.allContents.find((contents) => contents.id === id),
};
export const shell = { openExternal: forbidden('shell.openExternal'), openPath: forbidden('shell.openPath') };
export const net = { request: forbidden('net.request'), fetch: forbidden('net.fetch') };
export const crashReporter = { start: forbidden('crashReporter.start') };
export const autoUpdater = { checkForUpdates: forbidden('autoUpdater.checkForUpdates'), setFeedURL: forbidden('autoUpdater.setFeedURL') };

/** Fresh state for tests that do not reset their modules. */
export function resetFakeElectron(): void {
  state.windows.length = 0;
  state.allContents.length = 0;
  forbiddenCalls.length = 0;
  app = new FakeApp();
  protocol = new FakeProtocol();
  session = { defaultSession: new FakeSession() };
  ipcMain = new FakeIpcMain();
  dialog = new FakeDialog();
  safeStorage = new FakeSafeStorage();
  renderer = new FakeRenderer();
  contextBridge = renderer.contextBridge;
  ipcRenderer = renderer.ipcRenderer;
  FakeMenu.applicationMenu = undefined;
}

/** Lets pending promise callbacks and `whenReady` (setImmediate) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

export default {
  get app() {
    return app;
  },
  get protocol() {
    return protocol;
  },
  get session() {
    return session;
  },
  get ipcMain() {
    return ipcMain;
  },
  get dialog() {
    return dialog;
  },
  get safeStorage() {
    return safeStorage;
  },
  get contextBridge() {
    return contextBridge;
  },
  get ipcRenderer() {
    return ipcRenderer;
  },
  BrowserWindow,
  Menu,
  webContents,
  shell,
  net,
  crashReporter,
  autoUpdater,
};
