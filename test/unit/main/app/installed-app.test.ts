// The installed app (app.isPackaged) ignores the test switches of the environment, and `--cli`
// switches to CLI mode only as the first argument; the installed CLI refuses --state-dir.
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cliArguments } from '../../../../src/main/app/cli-mode';
import { INVOKE_CHANNEL } from '../../../../src/main/app/ipc';
import { TEST_ENV_SWITCHES, withoutTestSwitches } from '../../../../src/main/engine-context';
import { tempDir } from '../../../support/browser';
import { runCliInProcess } from '../../../support/cli';
import type { ElectronFakeExtras } from '../../../support/electron-fake-extra';
import { runCli } from '../../../../src/main/cli/run-cli';

vi.mock('electron', async (importOriginal) => {
  const { extendElectronFake } = await import('../../../support/electron-fake-extra');
  return extendElectronFake(await importOriginal());
});

type Electron = typeof import('../../../support/electron-fake') & ElectronFakeExtras;

const saved = Object.fromEntries(['XDG_STATE_HOME', ...TEST_ENV_SWITCHES].map((k) => [k, process.env[k]]));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('test switches in the installed app', () => {
  it('--cli counts only as the first argument', () => {
    expect(cliArguments(['/opt/Sign-in Doctor/signin-doctor', '--cli', 'diagnose', '--json'], true)).toEqual(['diagnose', '--json']);
    expect(cliArguments(['/opt/Sign-in Doctor/signin-doctor', 'https://evil.example/--cli', '--cli', 'fix'], true)).toBeUndefined();
    expect(cliArguments(['/opt/Sign-in Doctor/signin-doctor', '--inspect', '--cli', 'fix'], true)).toBeUndefined();
    expect(cliArguments(['/opt/Sign-in Doctor/signin-doctor'], true)).toBeUndefined();
    // From a checkout (`electron . --cli …`) the app folder comes first.
    expect(cliArguments(['/usr/lib/electron', '.', '--cli', 'history'], false)).toEqual(['history']);
    expect(cliArguments(['/usr/lib/electron', '--cli', 'history'], false)).toBeUndefined();
  });

  it('drops exactly the test switches from the environment', () => {
    const env = { HOME: '/home/a', PATH: '/usr/bin', SIGNIN_DOCTOR_STATE_DIR: '/tmp/x', SIGNIN_DOCTOR_CONFIG: '/tmp/c.json', SIGNIN_DOCTOR_PLATFORM: 'win32', SIGNIN_DOCTOR_TEST_HOLD_AT: '3' };
    expect(withoutTestSwitches(env)).toEqual({ HOME: '/home/a', PATH: '/usr/bin' });
    expect(env.SIGNIN_DOCTOR_STATE_DIR).toBe('/tmp/x'); // a copy: the process environment is not changed
  });

  it('the installed CLI refuses --state-dir; a checkout accepts it', async () => {
    const dir = tempDir('installed-cli');
    let err = '';
    const io = { out: () => undefined, err: (t: string) => void (err += t), readStdin: async () => '', stdinIsTTY: true, stdoutIsTTY: false, confirm: async () => false, env: {} };
    expect(await runCli(['history', '--state-dir', dir], io, undefined, { installed: true })).toBe(2);
    expect(err).toMatch(/--state-dir is a testing switch/);
    expect((await runCliInProcess(['history', '--state-dir', dir])).code).toBe(0);
  });

  it('the installed GUI ignores SIGNIN_DOCTOR_STATE_DIR and SIGNIN_DOCTOR_PLATFORM', async () => {
    const root = tempDir('installed-gui');
    process.env.XDG_STATE_HOME = join(root, 'xdg-state');
    process.env.SIGNIN_DOCTOR_STATE_DIR = join(root, 'planted-state');
    process.env.SIGNIN_DOCTOR_PLATFORM = 'win32';
    const electron = (await import('electron')) as unknown as Electron;
    electron.logsDir.value = join(root, 'logs');
    expect((electron.app as unknown as { isPackaged: boolean }).isPackaged).toBe(true);
    const before = electron.BrowserWindow.created.length;
    await import('../../../../src/main/app/main');
    const handlers = (electron.ipcMain as unknown as { handlers: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>> }).handlers;
    await vi.waitFor(() => expect(handlers.has(INVOKE_CHANNEL) && electron.BrowserWindow.created.length > before).toBe(true), { timeout: 60_000 });
    const window = electron.BrowserWindow.created.at(-1)!;
    const info = await handlers.get(INVOKE_CHANNEL)!({ sender: window.webContents, senderFrame: { url: 'app://signin-doctor/index.html', parent: null } }, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { platform: process.platform === 'darwin' ? 'darwin' : process.platform === 'win32' ? 'win32' : 'linux' } });
    if (process.platform === 'linux') expect(info).toMatchObject({ value: { stateDir: join(root, 'xdg-state', 'signin-doctor') } });
  });
});

describe('debugging switches in the installed app', () => {
  it('finds a remote-debugging switch anywhere before --', async () => {
    const { debuggingSwitch } = await import('../../../../src/main/app/debug-switches');
    expect(debuggingSwitch(['/opt/sd/signin-doctor', '--remote-debugging-port=9222'])).toBe('--remote-debugging-port');
    expect(debuggingSwitch(['/opt/sd/signin-doctor', '--cli', 'explain', '--remote-debugging-pipe'])).toBe('--remote-debugging-pipe');
    expect(debuggingSwitch(['/opt/sd/signin-doctor', '--cli', 'explain', '--', '--remote-debugging-port=1'])).toBeUndefined();
    expect(debuggingSwitch(['/opt/sd/signin-doctor', '--cli', 'diagnose', '--json'])).toBeUndefined();
  });

  it('the installed app exits at once, before any window or CLI, when started with one', async () => {
    vi.resetModules();
    const electron = (await import('electron')) as unknown as Electron;
    const saved = process.argv;
    process.argv = ['/opt/sd/signin-doctor', '--remote-debugging-port=9222'];
    const windows = electron.BrowserWindow.created.length;
    const before = electron.calls.length;
    try {
      await import('../../../../src/main/app/main');
    } finally {
      process.argv = saved;
    }
    const calls = electron.calls.slice(before);
    expect(calls).toContain('exit:2');
    expect(calls).not.toContain('requestSingleInstanceLock');
    expect(electron.BrowserWindow.created.length).toBe(windows);
  });
});
