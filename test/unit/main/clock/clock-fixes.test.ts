// The fixes with a fake exec at the one boundary: the exact elevated commands, undo turning
// automatic time back off only when we turned it on, resync's honest no-op undo, and that a
// server option never reaches a command line unless it is a plain host name.
import { describe, expect, it } from 'vitest';
import { autoTimeOnFix, resyncFix } from '../../../../src/main/clock/clock-fixes';
import { networkTimeOnStep, resyncStep } from '../../../../src/main/clock/clock-steps';
import type { StepContext } from '../../../../src/main/engine/types';
import type { Exec } from '../../../../src/main/os/exec';
import type { Platform } from '../../../../src/main/os/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fx = (name: string) => readFileSync(join(__dirname, '../../../fixtures/clock', name), 'utf8');

function fakeExec(reads: Record<string, string>, code = 0): Exec & { calls: string[][] } {
  const calls: string[][] = [];
  const exec = (async (file: string, args: readonly string[]) => {
    calls.push([file, ...args]);
    const out = reads[[file, ...args].join(' ')];
    if (out !== undefined) return { code: 0, signal: null, stdout: out, stderr: '', timedOut: false };
    return { code, signal: null, stdout: '', stderr: code ? 'failed' : '', timedOut: false };
  }) as Exec & { calls: string[][] };
  exec.calls = calls;
  return exec;
}

const ctxFor = (platform: Platform, exec: Exec, config: Record<string, unknown> = {}) =>
  ({ platform, env: { SystemRoot: 'C:\\Windows' }, exec, stateDir: '/nonexistent', config, now: () => new Date(), runId: 'r1', backupDir: '/nonexistent/b', roots: [] }) as unknown as StepContext;

const elevatedCalls = (exec: { calls: string[][] }) => exec.calls.filter((c) => c[0] === '/usr/bin/pkexec' || c[0] === '/usr/bin/osascript' || c[0]!.endsWith('powershell.exe'));

describe('clock.auto-time-on', () => {
  it('Linux, off before: the plan records it; apply runs pkexec timedatectl set-ntp true; undo sets it false', async () => {
    const exec = fakeExec({ '/usr/bin/timedatectl show': fx('timedatectl-show-off.txt') });
    const ctx = ctxFor('linux', exec);
    const plan = await autoTimeOnFix.plan(ctx, {});
    expect(plan.needsAdmin).toBe(true);
    expect(plan.undoable).toBe(true);
    expect(plan.steps).toEqual([{ kind: 'clock.network-time-on', description: expect.any(String), data: { priorAutoTime: 'off' } }]);
    expect(plan.changes.join('\n')).toContain('then runs only: /usr/bin/timedatectl set-ntp true');
    const data = networkTimeOnStep.data.parse(plan.steps[0]!.data);
    await networkTimeOnStep.apply(data, ctx);
    await networkTimeOnStep.undo(data, ctx);
    expect(elevatedCalls(exec)).toEqual([
      ['/usr/bin/pkexec', '/usr/bin/timedatectl', 'set-ntp', 'true'],
      ['/usr/bin/pkexec', '/usr/bin/timedatectl', 'set-ntp', 'false'],
    ]);
  });

  it('on before: undo leaves it on (no command)', async () => {
    const exec = fakeExec({ '/usr/bin/timedatectl show': fx('timedatectl-show-synced.txt') });
    const ctx = ctxFor('linux', exec);
    const plan = await autoTimeOnFix.plan(ctx, {});
    const data = networkTimeOnStep.data.parse(plan.steps[0]!.data);
    expect(data.priorAutoTime).toBe('on');
    await networkTimeOnStep.undo(data, ctx);
    expect(elevatedCalls(exec)).toEqual([]);
    expect(plan.undoDescription).toMatch(/leaves it on/);
  });

  it('macOS: osascript runs systemsetup -setusingnetworktime on, then off on undo', async () => {
    const exec = fakeExec({ '/usr/sbin/systemsetup -getusingnetworktime': 'Network Time: Off\n' });
    const ctx = ctxFor('darwin', exec);
    const data = networkTimeOnStep.data.parse((await autoTimeOnFix.plan(ctx, {})).steps[0]!.data);
    await networkTimeOnStep.apply(data, ctx);
    await networkTimeOnStep.undo(data, ctx);
    const calls = elevatedCalls(exec);
    expect(calls.map((c) => c.slice(-3))).toEqual([
      ['/usr/sbin/systemsetup', '-setusingnetworktime', 'on'],
      ['/usr/sbin/systemsetup', '-setusingnetworktime', 'off'],
    ]);
  });

  it('Windows: the UAC launcher runs w32tm /config /syncfromflags:manual /update', async () => {
    const exec = fakeExec({ 'C:\\Windows\\System32\\w32tm.exe /query /configuration': fx('w32tm-configuration-nosync.txt') });
    const ctx = ctxFor('win32', exec);
    const data = networkTimeOnStep.data.parse((await autoTimeOnFix.plan(ctx, {})).steps[0]!.data);
    await networkTimeOnStep.apply(data, ctx);
    const script = Buffer.from(elevatedCalls(exec)[0]!.at(-1)!, 'base64').toString('utf16le');
    expect(script).toContain("-FilePath 'C:\\Windows\\System32\\w32tm.exe' -ArgumentList @('/config','/syncfromflags:manual','/update') -Verb RunAs");
  });

  it('a dismissed prompt fails the step clearly', async () => {
    await expect(networkTimeOnStep.apply({ priorAutoTime: 'off' }, ctxFor('linux', fakeExec({}, 126)))).rejects.toThrow(/dismissed/);
  });
});

describe('clock.resync', () => {
  it('not undoable, and its undo runs nothing', async () => {
    const exec = fakeExec({});
    const ctx = ctxFor('linux', exec);
    const plan = await resyncFix.plan(ctx, {});
    expect(plan.undoable).toBe(false);
    expect(plan.undoDescription).toMatch(/corrected clock is not restored/);
    await resyncStep.apply(resyncStep.data.parse(plan.steps[0]!.data), ctx);
    await resyncStep.undo(resyncStep.data.parse(plan.steps[0]!.data), ctx);
    expect(elevatedCalls(exec)).toEqual([['/usr/bin/pkexec', '/usr/bin/chronyc', 'makestep']]);
  });

  it('macOS: sntp -sS with the chosen server; a hostile server text is refused before anything runs', async () => {
    const exec = fakeExec({});
    const ctx = ctxFor('darwin', exec);
    const plan = await resyncFix.plan(ctx, resyncFix.options.parse({ server: 'time.apple.com' }));
    await resyncStep.apply(resyncStep.data.parse(plan.steps[0]!.data), ctx);
    expect(elevatedCalls(exec)[0]!.slice(-3)).toEqual(['/usr/bin/sntp', '-sS', 'time.apple.com']);
    for (const hostile of ['-d; rm -rf /', 'a b', '$(reboot)', "x' & quit", '--help']) {
      expect(resyncFix.options.safeParse({ server: hostile }).success, hostile).toBe(false);
      expect(resyncStep.data.safeParse({ server: hostile }).success, hostile).toBe(false);
    }
    expect(exec.calls.flat().join(' ')).not.toMatch(/rm -rf|reboot|quit/);
  });

  it('the default server comes from the configured list (without its port)', async () => {
    const plan = await resyncFix.plan(ctxFor('darwin', fakeExec({}), { clock: { servers: ['ntp.example.org:123'] } }), {});
    expect(plan.steps[0]!.data).toEqual({ server: 'ntp.example.org' });
  });

  it('Windows: the plan shows the full path of what gets admin rights, and a user-set SystemRoot does not change it', async () => {
    for (const SystemRoot of ['C:\\Windows', 'C:\\Users\\eve\\evil', '\\\\server\\share', 'D:\\x']) {
      const exec = fakeExec({});
      const ctx = Object.assign(ctxFor('win32', exec), { env: { SystemRoot, windir: SystemRoot } });
      const plan = await resyncFix.plan(ctx, {});
      expect(plan.changes).toContain('Windows asks for permission (UAC), then runs only: C:\\Windows\\System32\\w32tm.exe /resync /force');
      await resyncStep.apply(resyncStep.data.parse(plan.steps[0]!.data), ctx);
      const [launcher] = elevatedCalls(exec);
      expect(launcher![0]).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
      expect(Buffer.from(launcher!.at(-1)!, 'base64').toString('utf16le')).toContain("-FilePath 'C:\\Windows\\System32\\w32tm.exe' -ArgumentList @('/resync','/force') -Verb RunAs");
    }
  });
});
