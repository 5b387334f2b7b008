// The main process start-up with the fake Electron: single-instance lock, sandbox for every
// renderer, guards before the window, the log in the OS log folder, and no crash reporter.
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronFakeExtras } from '../../../support/electron-fake-extra';
import { tempDir } from '../../../support/browser';

vi.mock('electron', async (importOriginal) => {
  const { extendElectronFake } = await import('../../../support/electron-fake-extra');
  return extendElectronFake(await importOriginal());
});

type Electron = typeof import('../../../support/electron-fake') & ElectronFakeExtras;
const electron = (await import('electron')) as unknown as Electron;
const savedStateDir = process.env.SIGNIN_DOCTOR_STATE_DIR;
afterAll(() => {
  if (savedStateDir === undefined) delete process.env.SIGNIN_DOCTOR_STATE_DIR;
  else process.env.SIGNIN_DOCTOR_STATE_DIR = savedStateDir;
});

/** Waits for the fake's events (see electron-fake.ts fakeEvents) until `condition` holds; no deadline but the test's. */
async function until(fake: Electron, event: 'window' | 'handler' | 'call', condition: () => boolean) {
  while (!condition()) await once(fake.fakeEvents, event);
}

describe('main process start-up', () => {
  it('takes the lock, sandboxes, guards, logs, opens the app:// window, never starts the crash reporter', async () => {
    const root = tempDir('main');
    electron.logsDir.value = join(root, 'logs');
    process.env.SIGNIN_DOCTOR_STATE_DIR = join(root, 'state');
    const windowsBefore = electron.BrowserWindow.created.length;

    await import('../../../../src/main/app/main');
    expect(electron.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
    expect(electron.protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true, standard: true }) })]);

    await until(electron, 'window', () => electron.BrowserWindow.created.length > windowsBefore);
    const window = electron.BrowserWindow.created.at(-1)!;
    expect(window.loadedUrl).toBe('app://signin-doctor/index.html');
    expect(electron.session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(electron.session.defaultSession.beforeRequest).toBeTypeOf('function');
    await until(electron, 'handler', () => electron.ipcMain.handlers.has('signin-doctor:invoke'));

    expect(electron.calls).toContain('setAppLogsPath');
    const logFile = join(root, 'logs', 'main.log');
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toMatch(/\[info\]\s+Sign-in Doctor 0\.0\.0-test starting on/);
    expect(electron.crashReporter.started).toBe(0);
    expect(electron.calls).not.toContain('quit');
  });

  it('a second instance quits at once and opens nothing', async () => {
    vi.resetModules();
    const fresh = (await import('electron')) as unknown as Electron;
    fresh.lock.value = false;
    const windowsBefore = fresh.BrowserWindow.created.length;
    const callsBefore = fresh.calls.length;
    await import('../../../../src/main/app/main');
    const calls = fresh.calls.slice(callsBefore);
    expect(calls).toContain('quit');
    // A window is only ever opened from app.whenReady(): never asked for, so nothing opens later.
    expect(calls).not.toContain('whenReady');
    expect(fresh.BrowserWindow.created.length).toBe(windowsBefore);
    expect(fresh.crashReporter.started).toBe(0);
  });
});

describe('the installed app as the CLI (--cli)', () => {
  async function startWith(args: string[]) {
    vi.resetModules();
    const fresh = (await import('electron')) as unknown as Electron;
    fresh.calls.length = 0;
    const windowsBefore = fresh.BrowserWindow.created.length;
    const savedArgv = process.argv;
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    process.argv = ['/opt/Sign-in Doctor/signin-doctor', '--cli', ...args];
    try {
      await import('../../../../src/main/app/main');
      await until(fresh, 'call', () => fresh.calls.some((c) => c.startsWith('exit:')));
    } finally {
      process.argv = savedArgv;
      write.mockRestore();
    }
    return { fresh, stdout: written.join(''), newWindows: fresh.BrowserWindow.created.length - windowsBefore };
  }

  it('runs one command, prints its JSON and exits with its code, without a window or the instance lock', async () => {
    process.env.SIGNIN_DOCTOR_STATE_DIR = join(tempDir('main-cli'), 'state');
    const { fresh, stdout, newWindows } = await startWith(['explain', 'AADSTS53003: Access has been blocked by Conditional Access policies.', '--json']);
    expect(fresh.calls).toContain('exit:0');
    expect(fresh.calls).not.toContain('requestSingleInstanceLock');
    expect(newWindows).toBe(0);
    const result = JSON.parse(stdout) as { codes: Array<{ code: string; entry: { name: string } }> };
    expect(result.codes[0]).toMatchObject({ code: '53003', entry: { name: 'BlockedByConditionalAccess' } });
  });

  it('bad usage exits 2', async () => {
    const { fresh } = await startWith(['no-such-command']);
    expect(fresh.calls).toContain('exit:2');
  });
});
