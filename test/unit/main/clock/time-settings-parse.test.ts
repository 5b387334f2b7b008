// Parsers on recorded command output (test/fixtures/clock), and the reader through a fake exec:
// a missing program gives "unknown", never a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseMacNetworkTime,
  parseMacTimeServer,
  parseMacTimeZone,
  parseRegW32TimeType,
  parseTimedatectlShow,
  parseTzutil,
  parseW32tmConfiguration,
  parseW32tmStatus,
} from '../../../../src/main/clock/time-settings-parse';
import { readTimeSettings } from '../../../../src/main/clock/time-settings';
import type { Exec } from '../../../../src/main/os/exec';

const fx = (name: string) => readFileSync(join(__dirname, '../../../fixtures/clock', name), 'utf8');

describe('Windows', () => {
  it('w32tm /query /status', () => {
    expect(parseW32tmStatus(fx('w32tm-status-synced.txt'))).toEqual({ source: 'time.windows.com', synchronized: true });
    expect(parseW32tmStatus(fx('w32tm-status-cmos.txt'))).toEqual({ source: 'Local CMOS Clock', synchronized: false });
    expect(parseW32tmStatus(fx('w32tm-status-stopped.txt'))).toEqual({ serviceStopped: true, synchronized: false });
  });
  it('w32tm /query /configuration and reg query Type', () => {
    expect(parseW32tmConfiguration(fx('w32tm-configuration-ntp.txt'))).toEqual({ autoTime: 'on', type: 'NTP', ntpServer: 'time.windows.com' });
    expect(parseW32tmConfiguration(fx('w32tm-configuration-nosync.txt')).autoTime).toBe('off');
    expect(parseW32tmConfiguration('garbage')).toEqual({ autoTime: 'unknown' });
    expect(parseRegW32TimeType(fx('reg-w32time-type-nt5ds.txt'))).toBe('on');
    expect(parseRegW32TimeType('ERROR: The system was unable to find the specified registry key or value.')).toBe('unknown');
  });
  it('tzutil /g', () => {
    expect(parseTzutil(fx('tzutil-g.txt'))).toBe('W. Europe Standard Time');
    expect(parseTzutil('')).toBeUndefined();
  });
});

describe('macOS systemsetup', () => {
  it('network time, server, time zone; a refusal is unknown', () => {
    expect(parseMacNetworkTime(fx('systemsetup-networktime-on.txt'))).toBe('on');
    expect(parseMacNetworkTime(fx('systemsetup-networktime-off.txt'))).toBe('off');
    expect(parseMacNetworkTime(fx('systemsetup-not-admin.txt'))).toBe('unknown');
    expect(parseMacTimeServer(fx('systemsetup-timeserver.txt'))).toBe('time.apple.com');
    expect(parseMacTimeZone(fx('systemsetup-timezone.txt'))).toBe('America/New_York');
  });
});

describe('Linux timedatectl show', () => {
  it('NTP yes/no, time zone, synchronised', () => {
    expect(parseTimedatectlShow(fx('timedatectl-show-synced.txt'))).toEqual({ autoTime: 'on', timeZone: 'Europe/Berlin', synchronized: true, canNtp: true });
    expect(parseTimedatectlShow(fx('timedatectl-show-off.txt'))).toMatchObject({ autoTime: 'off', timeZone: 'America/Chicago', synchronized: false });
    expect(parseTimedatectlShow('System has not been booted with systemd as init system (PID 1). Can\'t operate.')).toEqual({ autoTime: 'unknown' });
  });
});

function fakeExec(outputs: Record<string, string | 'ENOENT'>): Exec & { calls: string[][] } {
  const calls: string[][] = [];
  const exec = (async (file: string, args: readonly string[]) => {
    calls.push([file, ...args]);
    const out = outputs[[file, ...args].join(' ')];
    if (out === undefined || out === 'ENOENT') return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
    return { code: 0, signal: null, stdout: out, stderr: '', timedOut: false };
  }) as Exec & { calls: string[][] };
  exec.calls = calls;
  return exec;
}

describe('readTimeSettings', () => {
  it('Windows: configuration + status + tzutil', async () => {
    const exec = fakeExec({
      'C:\\Windows\\System32\\w32tm.exe /query /configuration': fx('w32tm-configuration-ntp.txt'),
      'C:\\Windows\\System32\\w32tm.exe /query /status': fx('w32tm-status-synced.txt'),
      'C:\\Windows\\System32\\tzutil.exe /g': fx('tzutil-g.txt'),
    });
    // A SystemRoot the user set does not move the programs (C:\\Windows is used when it exists; here the app acts as Windows).
    expect(await readTimeSettings({ platform: 'win32', env: { SystemRoot: 'D:\\x' }, exec })).toMatchObject({ autoTime: 'on', timeZone: 'W. Europe Standard Time', timeServer: 'time.windows.com', synchronized: true });
    expect(exec.calls.map((c) => c[0]).sort()).toEqual(['C:\\Windows\\System32\\reg.exe', 'C:\\Windows\\System32\\tzutil.exe', 'C:\\Windows\\System32\\w32tm.exe', 'C:\\Windows\\System32\\w32tm.exe']);
  });
  it('Windows: configured but the service is stopped reads as off', async () => {
    const exec = fakeExec({ 'C:\\Windows\\System32\\w32tm.exe /query /configuration': fx('w32tm-configuration-ntp.txt'), 'C:\\Windows\\System32\\w32tm.exe /query /status': fx('w32tm-status-stopped.txt') });
    expect((await readTimeSettings({ platform: 'win32', env: {}, exec })).autoTime).toBe('off');
  });
  it('macOS through /usr/sbin/systemsetup', async () => {
    const exec = fakeExec({
      '/usr/sbin/systemsetup -getusingnetworktime': fx('systemsetup-networktime-off.txt'),
      '/usr/sbin/systemsetup -getnetworktimeserver': fx('systemsetup-timeserver.txt'),
      '/usr/sbin/systemsetup -gettimezone': fx('systemsetup-timezone.txt'),
    });
    expect(await readTimeSettings({ platform: 'darwin', env: {}, exec })).toMatchObject({ autoTime: 'off', timeZone: 'America/New_York', timeServer: 'time.apple.com' });
  });
  it('every program missing: unknown, no throw', async () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const s = await readTimeSettings({ platform, env: {}, exec: fakeExec({}) });
      expect(s.autoTime).toBe('unknown');
    }
  });
});
