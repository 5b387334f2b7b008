// The one window: sandboxed, context-isolated, no Node, loaded from app://.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const;

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    title: 'Sign-in Doctor',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: { ...WEB_PREFERENCES, preload: join(preloadDir, 'index.cjs') },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
