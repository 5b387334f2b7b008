// App-wide guards from Electron's security checklist: no navigation, no new windows, no webviews,
// no downloads, no request to the network or file:// from any page, every permission request
// denied (except writing the clipboard from our own page), and only allow-listed https pages
// opened in the user's browser.
import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl, isAllowedSettingsUri } from '../common/external-links';
import { isAppUrl } from './app-protocol';

export const isOwnUrl = isAppUrl;

/**
 * The host's openExternal: allow-listed https pages, and on Windows the Settings deep links a fix
 * may open (teams.official-reset). The renderer's shell.open-external call is https-only before it
 * gets here (core-handlers.ts).
 */
export async function openExternalSafely(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const allowed = isAllowedExternalUrl(url) || (platform === 'win32' && isAllowedSettingsUri(url));
  if (!allowed) return false;
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
    if (isAllowedExternalUrl(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function isAllowedPermission(permission: string, url: string): boolean {
  return permission === 'clipboard-sanitized-write' && isOwnUrl(url);
}

// Schemes a page may never fetch: the app has no remote content and reads no local file by URL.
// (Checks that need the network run in the main process through Node, not through a page.)
const BLOCKED_REQUEST_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequest(url: string): boolean {
  try {
    return BLOCKED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

export function installAppGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  const ses = session.defaultSession;
  // Only "write to the clipboard" (the Copy message for IT button), only for our own page.
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(isAllowedPermission(permission, wc?.getURL() ?? '')));
  ses.setPermissionCheckHandler((_wc, permission, origin) => isAllowedPermission(permission, origin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
  ses.on('will-download', (event) => event.preventDefault());
}
