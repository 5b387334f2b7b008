// The one window: sandboxed, context-isolated, no Node, loaded from app://. The preferences are
// written out literally inside `new BrowserWindow(...)` so Electronegativity (which reads this
// call's object literal, not a spread constant) checks the values that really ship.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export const MAIN_PAGE_URL = `${APP_ORIGIN}/index.html`;

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    title: 'Sign-in Doctor',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would open links in a new window outside setWindowOpenHandler's reach.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // DevTools only in a checkout (npm start); an installed app has none.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(MAIN_PAGE_URL);
  return window;
}

