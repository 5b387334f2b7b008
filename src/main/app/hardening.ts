// App-wide guards from Electron's security checklist: no navigation, no new windows, no webviews,
// every permission request denied, and only allow-listed https pages opened in the browser.
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../external-links';
import { isAppUrl } from './app-protocol';

export const isOwnUrl = isAppUrl;

export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function isAllowedPermission(permission: string, url: string): boolean {
  return permission === 'clipboard-sanitized-write' && isOwnUrl(url);
}

export function installAppGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  const ses = session.defaultSession;
  // Only "write to the clipboard" (the Copy message for IT button), only for our own page.
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(isAllowedPermission(permission, wc.getURL())));
  ses.setPermissionCheckHandler((_wc, permission, origin) => isAllowedPermission(permission, origin));
  ses.setDevicePermissionHandler(() => false);
}
