// Unattended mode (remediate): an action runs directly when the process already has the rights
// (root, SYSTEM) and is refused otherwise; pkexec, osascript and the UAC launcher are never started.
// The exec records every program; the user id is injected (this file's module state enters the
// one-way mode, so it has a file of its own).
import { describe, expect, it } from 'vitest';
import { describeElevation, enterUnattendedMode, inUnattendedMode, runElevated } from '../../../../src/main/os/elevate';
import type { Exec } from '../../../../src/main/os/exec';
import { detectRunContext, parseWhoamiGroups } from '../../../../src/main/os/run-context';

const host = { onWindows: false, exists: (p: string) => p === '/usr/bin/chronyc' || p === '/usr/bin/pkexec' };

function recorder(code = 0) {
  const ran: string[][] = [];
  const exec: Exec = async (file, args) => {
    ran.push([file, ...args]);
    return { code, signal: null, stdout: '', stderr: '', timedOut: false };
  };
  return { exec, ran };
}

describe('unattended elevation', () => {
  it('before the mode: the prompt (pkexec) as always', async () => {
    const { exec, ran } = recorder();
    await runElevated({ platform: 'linux', exec }, 'clock.resync', { server: 'time.example.org' }, { host });
    expect(ran[0]![0]).toMatch(/pkexec$/);
  });

  it('in the mode: refused without rights (nothing runs), run directly with them', async () => {
    enterUnattendedMode();
    expect(inUnattendedMode()).toBe(true);
    const user = recorder();
    await expect(runElevated({ platform: 'linux', exec: user.exec }, 'clock.resync', { server: 'time.example.org' }, { host, runContext: { uid: 1000, host } })).rejects.toThrow(/never asks for them \(uid 1000\)/);
    expect(user.ran).toEqual([]);
    const root = recorder();
    const r = await runElevated({ platform: 'linux', exec: root.exec }, 'clock.resync', { server: 'time.example.org' }, { host, runContext: { uid: 0, host } });
    expect(r).toMatchObject({ ok: true, cancelled: false });
    expect(root.ran).toEqual([['/usr/bin/chronyc', 'makestep']]);
    expect(describeElevation('linux', 'clock.resync', { server: 'time.example.org' }, { host })).toBe('Unattended: runs only as root or SYSTEM (never asks): /usr/bin/chronyc makestep');
  });

  it('bad arguments are still refused before anything runs', async () => {
    const { exec, ran } = recorder();
    await expect(runElevated({ platform: 'linux', exec }, 'clock.resync', { server: '-oProxyCommand=x' }, { host, runContext: { uid: 0, host } })).rejects.toThrow(/invalid arguments/);
    expect(ran).toEqual([]);
  });
});

describe('run context', () => {
  it('reads the integrity level of whoami /groups', () => {
    expect(parseWhoamiGroups('"Mandatory Label\\System Mandatory Level","Label","S-1-16-16384",""')).toMatchObject({ kind: 'system', elevated: true });
    expect(parseWhoamiGroups('"BUILTIN\\Administrators","Alias","S-1-5-32-544","Enabled group"\r\n"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""')).toMatchObject({ kind: 'user', elevated: true });
    expect(parseWhoamiGroups('"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""')).toEqual({ kind: 'user', elevated: false, level: 'Medium' });
  });

  it('Windows: whoami that cannot run means the user, not elevated; POSIX: the user id', async () => {
    const failing: Exec = async () => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
    expect(await detectRunContext('win32', failing, {}, { host })).toMatchObject({ kind: 'user', elevated: false });
    const { exec, ran } = recorder();
    await detectRunContext('win32', exec, { SystemRoot: 'D:\\Evil' }, { host: { onWindows: true, exists: () => true } });
    expect(ran[0]).toEqual(['C:\\Windows\\System32\\whoami.exe', '/groups', '/fo', 'csv', '/nh']);
    expect(await detectRunContext('linux', exec, {}, { uid: 0, host })).toEqual({ kind: 'system', elevated: true, how: 'uid 0 (root)' });
    expect(await detectRunContext('darwin', exec, {}, { uid: 501, host })).toEqual({ kind: 'user', elevated: false, how: 'uid 501' });
  });
});
