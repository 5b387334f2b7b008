// Navigation, new windows, webviews, downloads, network requests and permissions, all denied by
// default, driven through the handlers the app layer registers on the (fake) Electron objects.
import { EventEmitter } from 'node:events';
import { app, shell } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElectronFakeExtras } from '../../../support/electron-fake-extra';

vi.mock('electron', async (importOriginal) => {
  const { extendElectronFake } = await import('../../../support/electron-fake-extra');
  return extendElectronFake(await importOriginal());
});

const { guardWebContents, installAppGuards, isBlockedRequest, openExternalSafely } = await import('../../../../src/main/app/hardening');
const electron = (await import('electron')) as unknown as typeof import('../../../support/electron-fake') & ElectronFakeExtras;

function preventable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

const FOREIGN = ['https://evil.example/', 'http://localhost:8080/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other-host/index.html', 'app://x@signin-doctor/', 'data:text/html,<script>1</script>', 'about:blank'];

describe('guardWebContents', () => {
  let contents: InstanceType<typeof electron.FakeWebContents>;
  beforeEach(() => {
    contents = new electron.FakeWebContents();
    guardWebContents(contents as never);
    (shell as unknown as { opened: string[] }).opened.length = 0;
  });

  it('prevents navigation and redirects to anything but our page', () => {
    for (const url of FOREIGN) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = preventable();
        contents.emit(name, event, url);
        expect(event.prevented, `${name} ${url}`).toBe(true);
      }
    }
    const own = preventable();
    contents.emit('will-navigate', own, 'app://signin-doctor/index.html#/history');
    expect(own.prevented).toBe(false);
  });

  it('never attaches a webview', () => {
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('denies every window.open; only allow-listed https pages go to the browser', async () => {
    const urls = ['https://learn.microsoft.com/entra/identity-platform/reference-error-codes', ...FOREIGN, 'ms-settings:network', 'https://learn.microsoft.com.evil.example/', 'https://user@learn.microsoft.com/', 'http://learn.microsoft.com/', 'https://learn.microsoft.com:8443/'];
    for (const url of urls) expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect((shell as unknown as { opened: string[] }).opened).toEqual(['https://learn.microsoft.com/entra/identity-platform/reference-error-codes']);
  });

  it('openExternalSafely reports what it refused', async () => {
    expect(await openExternalSafely('https://aka.ms/mfasetup')).toBe(true);
    expect(await openExternalSafely('ms-settings:network', 'linux')).toBe(false);
    expect(await openExternalSafely('ms-settings:appsfeatures-app?PFN=MSTeams_8wekyb3d8bbwe', 'win32')).toBe(true);
    expect(await openExternalSafely('ms-settings:network" & calc', 'win32')).toBe(false);
    expect(await openExternalSafely('ms-word:ofe|u|https://evil.example/x.docx', 'win32')).toBe(false);
    expect(await openExternalSafely('smb://fileserver/share')).toBe(false);
    expect(await openExternalSafely('https://evil.example/')).toBe(false);
  });
});

describe('installAppGuards', () => {
  installAppGuards();
  const ses = electron.session.defaultSession;

  it('guards every web contents created later', () => {
    const late = new electron.FakeWebContents();
    app.emit('web-contents-created', {}, late);
    const event = preventable();
    late.emit('will-navigate', event, 'https://evil.example/');
    expect(event.prevented).toBe(true);
    expect(late.windowOpenHandler).toBeTypeOf('function');
  });

  it('denies every permission request except clipboard writes from our own page', () => {
    const ask = (permission: string, url: string) => {
      let answer: boolean | undefined;
      ses.permissionRequestHandler!({ getURL: () => url }, permission, (ok) => (answer = ok));
      return answer;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'unknown']) {
      expect(ask(permission, 'app://signin-doctor/index.html'), permission).toBe(false);
    }
    expect(ask('clipboard-sanitized-write', 'app://signin-doctor/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ses.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://signin-doctor')).toBe(true);
    expect(ses.permissionCheckHandler!({}, 'media', 'app://signin-doctor')).toBe(false);
    expect(ses.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(ses.deviceHandler!()).toBe(false);
  });

  it('cancels every network or file request a page makes; our own scheme passes', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      ses.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of ['https://login.microsoftonline.com/', 'http://127.0.0.1:1/', 'wss://evil.example/', 'file:///etc/passwd', 'ftp://x/', '::not a url::']) expect(decide(url), url).toBe(true);
    expect(decide('app://signin-doctor/assets/index.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isBlockedRequest('HTTPS://EVIL.EXAMPLE/')).toBe(true);
  });

  it('cancels every download', () => {
    const event = preventable();
    (ses as unknown as EventEmitter).emit('will-download', event, {}, {});
    expect(event.prevented).toBe(true);
  });
});
