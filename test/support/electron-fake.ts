// The fake `electron` module every test gets (vitest alias): the Electron binary cannot be
// downloaded here. It records what our app/ code registers so tests can drive it.
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/**
 * What the app code did, as events a test can await instead of polling: 'window' (a BrowserWindow
 * was created), 'handler' (ipcMain.handle registered a channel), 'call' (a call electron-fake-extra
 * records: app.exit, app.quit...). Emitted after the record is updated.
 */
export const fakeEvents = new EventEmitter();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
    fakeEvents.emit('handler', channel);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    return { ok: true, value: null };
  },
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  url = 'app://signin-doctor/index.html';
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl?: string;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
    fakeEvents.emit('window', this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    this.opened.push(url);
  },
};

function fakeSession() {
  return {
    permissionRequestHandler: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheckHandler: undefined as undefined | ((wc: unknown, permission: string, origin: string) => boolean),
    deviceHandler: undefined as undefined | (() => boolean),
    setPermissionRequestHandler(h: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: (wc: unknown, permission: string, origin: string) => boolean) {
      this.permissionCheckHandler = h;
    },
    setDevicePermissionHandler(h: () => boolean) {
      this.deviceHandler = h;
    },
    async resolveProxy() {
      return 'DIRECT';
    },
  };
}

export const session = { defaultSession: fakeSession() };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const app = Object.assign(new EventEmitter(), {
  enableSandbox() {},
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise<void>(() => undefined),
  quit() {},
  getPath: () => '/nonexistent',
});

export const dialog = {
  async showSaveDialog() {
    return { canceled: true, filePath: undefined };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
};

export type WebContents = FakeWebContents;
export type IpcMainInvokeEvent = { sender: FakeWebContents; senderFrame: { url: string; parent: unknown } | null };

export default { app, BrowserWindow, contextBridge, dialog, fakeEvents, ipcMain, ipcRenderer, protocol, session, shell };
