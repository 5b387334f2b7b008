import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';
import { LINUX_FOLDERS, linuxProgram } from '../../../../src/main/os/programs';
import { listProcesses, matchProcesses, parsePsOutput, parseTasklistCsv, processKey, quitProcesses } from '../../../../src/main/os/processes';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/teams', name), 'utf8');
const ok = (stdout: string): ExecResult => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });

describe('process list parsers (recorded outputs)', () => {
  it('reads macOS ps with full paths and spaces, skipping zombies', () => {
    const list = parsePsOutput(fixture('ps-macos.txt'));
    expect(list.find((p) => p.pid === 1022)?.name).toBe('/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams');
    expect(list.some((p) => p.pid === 1204)).toBe(false);
    const teams = matchProcesses(list, ['MSTeams', 'Microsoft Teams', 'Microsoft Teams Helper']);
    expect(teams.map((p) => p.pid)).toEqual([1022, 1190, 1191]);
    // The audio driver is never mistaken for Teams.
    expect(teams.some((p) => /AudioDevice/.test(p.name))).toBe(false);
  });

  it('reads Linux ps', () => {
    const list = parsePsOutput(fixture('ps-linux.txt'));
    expect(matchProcesses(list, ['teams-for-linux']).map((p) => p.pid)).toEqual([2210, 2244]);
  });

  it('reads tasklist CSV with quotes, thousands separators and a broken line', () => {
    const list = parseTasklistCsv(fixture('tasklist.csv'));
    expect(list.find((p) => p.pid === 777)?.name).toBe('My "quoted" app.exe');
    expect(list).toHaveLength(6); // pid 0 (System Idle Process) and the broken line are skipped
    expect(list.some((p) => p.pid === 0)).toBe(false);
    expect(matchProcesses(list, ['ms-teams']).map((p) => p.pid)).toEqual([11840]);
    expect(matchProcesses(list, ['Teams']).map((p) => p.pid)).toEqual([9120]);
  });

  it('compares names without folders, .exe or case', () => {
    expect(processKey('C:\\Program Files\\WindowsApps\\MSTeams\\ms-teams.EXE')).toBe('ms-teams');
    expect(processKey('/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams')).toBe('msteams');
  });

  it('lists with tasklist on a Windows host and ps elsewhere, and reports a missing tool as data', async () => {
    const calls: string[][] = [];
    const exec: Exec = async (file, args) => {
      calls.push([file, ...args]);
      return file === 'C:\\Windows\\System32\\tasklist.exe' ? ok(fixture('tasklist.csv')) : { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
    };
    const win = await listProcesses(exec, 'win32');
    expect(win.ok && win.processes.length).toBe(6);
    const mac = await listProcesses(exec, 'darwin');
    expect(mac).toEqual({ ok: false, error: 'could not list processes (ps: ENOENT)' });
    await listProcesses(exec, 'linux');
    expect(calls).toEqual([
      ['C:\\Windows\\System32\\tasklist.exe', '/fo', 'csv', '/nh'],
      ['/bin/ps', '-A', '-o', 'pid=,stat=,comm='],
      [linuxProgram('ps'), '-A', '-o', 'pid=,stat=,comm='],
    ]);
    // Linux: ps from a fixed system folder, never found through PATH.
    expect(LINUX_FOLDERS.map((d) => `${d}/ps`)).toContain(calls[2]![0]);
  });

  it('quits on Windows with taskkill: politely first, /F only when forced', async () => {
    const calls: string[][] = [];
    let alive = true;
    const exec: Exec = async (file, args) => {
      calls.push([file, ...args]);
      if (file === 'C:\\Windows\\System32\\taskkill.exe' && args[0] === '/F') alive = false;
      return ok(alive ? '"ms-teams.exe","11840","Console","1","312,508 K"\r\n' : '');
    };
    const polite = await quitProcesses(exec, ['ms-teams'], { host: 'win32', graceMs: 50, pollMs: 10 });
    expect(polite.stillRunning.map((p) => p.pid)).toEqual([11840]);
    expect(calls.filter((c) => c[0]!.endsWith('taskkill.exe'))).toEqual([['C:\\Windows\\System32\\taskkill.exe', '/PID', '11840']]);
    calls.length = 0;
    const forced = await quitProcesses(exec, ['ms-teams'], { host: 'win32', graceMs: 30, pollMs: 10, force: true });
    expect(forced.stillRunning).toEqual([]);
    expect(forced.forced.map((p) => p.pid)).toEqual([11840]);
    expect(calls.filter((c) => c[0]!.endsWith('taskkill.exe'))).toEqual([
      ['C:\\Windows\\System32\\taskkill.exe', '/PID', '11840'],
      ['C:\\Windows\\System32\\taskkill.exe', '/F', '/PID', '11840'],
    ]);
    // Every call named its program by absolute path: the tasklist polls too.
    expect(calls.every((c) => c[0] === 'C:\\Windows\\System32\\tasklist.exe' || c[0] === 'C:\\Windows\\System32\\taskkill.exe')).toBe(true);
  });
});
