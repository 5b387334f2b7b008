// The one window's preferences, as the real BrowserWindow constructor would receive them.
import { BrowserWindow } from '../../../support/electron-fake'; // the module vitest aliases as electron
import { describe, expect, it } from 'vitest';
import { createMainWindow, MAIN_PAGE_URL } from '../../../../src/main/app/window';

describe('createMainWindow', () => {
  const window = createMainWindow('/app/dist/preload') as unknown as { options: { webPreferences: Record<string, unknown> }; loadedUrl?: string };
  const prefs = window.options.webPreferences;

  it('isolates the page: context isolation, sandbox, no Node anywhere, no webview', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps web security on and experimental or extra Blink features off', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, disableBlinkFeatures: 'Auxclick', navigateOnDragDrop: false });
  });

  it('has no DevTools in a packaged build (the fake app reports isPackaged as undefined, i.e. a checkout)', () => {
    expect(prefs.devTools).toBe(true);
  });

  it('loads only our app:// page with the bundled preload', () => {
    expect(window.loadedUrl).toBe('app://signin-doctor/index.html');
    expect(MAIN_PAGE_URL).toBe('app://signin-doctor/index.html');
    expect(prefs.preload).toBe('/app/dist/preload/index.cjs');
    expect(BrowserWindow.created.at(-1)).toBe(window);
  });
});
