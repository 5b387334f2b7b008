// teams.start: the launcher of each client per OS (exact argument arrays, through a stand-in exec
// at the one boundary on Windows and macOS), refusal while Teams runs, "not installed", and on
// Linux a real detached start of a stand-in Teams by absolute path whose sign-in the watch sees.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import { execFileSafe, type Exec, type ExecResult } from '../../../../src/main/os/exec';
import { startDetached } from '../../../../src/main/os/start-program';
import { watchSignin } from '../../../../src/main/teams/signin-watch';
import { startTeams } from '../../../../src/main/teams/teams-start';
import { tempDir } from '../../../support/browser';
import { startFakeTeams, type FakeProcess } from '../../../support/fake-process';
import { sendControl, standInLauncher, standInLog, waitForFile } from '../../../support/stand-in-teams';
import { buildTeamsTree, type TreePlatform } from '../../../support/teams-tree';

const ok: ExecResult = { code: 0, signal: null, stdout: '', stderr: '', timedOut: false };

/** Records every launcher call and answers it; the process list (ps) still comes from this machine. */
function standInExec(answer: (file: string) => ExecResult = () => ok): { exec: Exec; calls: Array<[string, readonly string[]]> } {
  const calls: Array<[string, readonly string[]]> = [];
  const exec: Exec = async (file, args, options) => {
    if (/\/ps$|tasklist/.test(file)) return execFileSafe(file, args, options);
    calls.push([file, [...args]]);
    return answer(file);
  };
  return { exec, calls };
}

async function treeCtx(platform: TreePlatform, clients: Array<'classic' | 'new' | 'linux'>, exec?: Exec) {
  const tree = await buildTeamsTree(tempDir(`start-${platform}`), platform, { files: 6, clients, logs: 'clean' });
  return { tree, ctx: createEngineContext({ env: tree.env, stateDir: join(tree.base, 'state'), ...(exec ? { exec } : {}) }) };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('teams.start launchers', () => {
  it('Windows, new Teams: explorer.exe from the Windows folder with the package app id', async () => {
    const s = standInExec();
    const { ctx } = await treeCtx('win32', ['new'], s.exec);
    const r = await startTeams(ctx, 'auto');
    expect(s.calls).toEqual([['C:\\Windows\\explorer.exe', ['shell:AppsFolder\\MSTeams_8wekyb3d8bbwe!MSTeams']]]);
    expect(r).toMatchObject({ started: true, client: 'new', launcher: { program: 'C:\\Windows\\explorer.exe', args: ['shell:AppsFolder\\MSTeams_8wekyb3d8bbwe!MSTeams'] } });
  });

  it('Windows, classic Teams: its own Update.exe --processStart Teams.exe', async () => {
    const s = standInExec();
    const { tree, ctx } = await treeCtx('win32', ['classic'], s.exec);
    const r = await startTeams(ctx, 'classic');
    expect(s.calls).toEqual([[`${tree.env.LOCALAPPDATA}\\Microsoft\\Teams\\Update.exe`, ['--processStart', 'Teams.exe']]]);
    expect(r.started).toBe(true);
  });

  it('Windows, classic Teams without its launcher: not installed', async () => {
    const s = standInExec(() => ({ ...ok, code: null, spawnError: 'ENOENT' }));
    const { ctx } = await treeCtx('win32', ['classic'], s.exec);
    expect(await startTeams(ctx, 'auto')).toMatchObject({ started: false, reason: 'not-installed', client: 'classic' });
  });

  it('macOS: /usr/bin/open -b with the bundle id; open failing to find it is not installed', async () => {
    const s = standInExec();
    const { ctx } = await treeCtx('darwin', ['new', 'classic'], s.exec);
    expect(await startTeams(ctx, 'auto')).toMatchObject({ started: true, client: 'new' });
    expect(await startTeams(ctx, 'classic')).toMatchObject({ started: true, client: 'classic' });
    expect(s.calls).toEqual([
      ['/usr/bin/open', ['-b', 'com.microsoft.teams2']],
      ['/usr/bin/open', ['-b', 'com.microsoft.teams']],
    ]);
    const missing = standInExec(() => ({ ...ok, code: 1, stderr: 'Unable to find application named com.microsoft.teams2' }));
    const { ctx: ctx2 } = await treeCtx('darwin', ['new'], missing.exec);
    expect(await startTeams(ctx2, 'auto')).toMatchObject({ started: false, reason: 'not-installed' });
  });

  it('no client installed, or a client that is not installed: not installed, nothing run', async () => {
    const s = standInExec();
    const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32', USERPROFILE: tempDir('start-none'), HOME: tempDir('start-none-h') }, stateDir: '/tmp/unused', exec: s.exec });
    expect(await startTeams(ctx, 'auto')).toMatchObject({ started: false, reason: 'not-installed' });
    const { ctx: ctx2 } = await treeCtx('win32', ['new'], s.exec);
    expect(await startTeams(ctx2, 'classic')).toMatchObject({ started: false, reason: 'not-installed' });
    expect(s.calls).toEqual([]);
  });

  it('refuses while that Teams is already running (a real ms-teams process), and runs no launcher', async () => {
    const fake: FakeProcess = await startFakeTeams('ms-teams');
    cleanups.push(() => fake.stop());
    const s = standInExec();
    const { ctx } = await treeCtx('win32', ['new'], s.exec);
    const r = await startTeams(ctx, 'auto');
    expect(r).toMatchObject({ started: false, reason: 'already-running', client: 'new' });
    expect(r.processes?.map((p) => p.pid)).toContain(fake.pid);
    expect(s.calls).toEqual([]);
  });

  it('Linux: no teams-for-linux in the system folders, or its file missing: not installed', async () => {
    const { ctx } = await treeCtx('linux', ['linux']);
    expect(await startTeams(ctx, 'auto', { linuxLauncher: () => undefined })).toMatchObject({ started: false, reason: 'not-installed' });
    expect(await startTeams(ctx, 'auto', { linuxLauncher: () => '/nonexistent/teams-for-linux' })).toMatchObject({ started: false, reason: 'not-installed', launcher: { program: '/nonexistent/teams-for-linux' } });
  });

  it('Linux: starts the stand-in Teams detached by absolute path; the watch sees its failure, then (a new watch) its success', async () => {
    const { tree, ctx } = await treeCtx('linux', ['linux']);
    const control = join(tree.base, 'control');
    const launcher = standInLauncher(tree.base, 'linux', standInLog('linux', tree.roots.linux![0]!), control);
    const since = new Date().toISOString();
    const r = await startTeams(ctx, 'auto', { linuxLauncher: () => launcher });
    expect(r).toMatchObject({ started: true, client: 'linux', launcher: { program: launcher, args: [] } });
    expect(r.pid).toBeGreaterThan(0);
    cleanups.push(() => {
      try {
        process.kill(r.pid!);
      } catch {
        // already gone
      }
    });
    await waitForFile(join(control, 'ready'));
    const first = watchSignin(ctx, { since, timeoutMs: 120_000, client: 'linux' });
    await sendControl(control, 1, 'failure 53003 11111111-2222-4333-8444-555555555555');
    const failed = await first;
    expect(failed).toMatchObject({ outcome: 'failed', code: '53003', correlationId: '11111111-2222-4333-8444-555555555555' });
    // Only lines after the failure: the next command is read by the stand-in's 20 ms tick at the earliest.
    const second = watchSignin(ctx, { since: failed.at!, timeoutMs: 120_000, client: 'linux' });
    await sendControl(control, 2, 'success');
    expect(await second).toMatchObject({ outcome: 'signed-in' });
  });
});

describe('os/start-program', () => {
  it('refuses a bare name and a malformed call without running anything; a missing program is ENOENT as data', async () => {
    expect(await startDetached('node', [])).toEqual({ ok: false, spawnError: 'ENOTABS' });
    expect(await startDetached('/bin/true', ['a\0b'])).toEqual({ ok: false, spawnError: 'EINVAL' });
    expect(await startDetached('C:\\Windows\\explorer.exe', [])).toEqual({ ok: false, spawnError: 'ENOENT' });
    expect(await startDetached('/nonexistent/program', [])).toEqual({ ok: false, spawnError: 'ENOENT' });
  });

  it('starts a program detached with its arguments as given (no shell) and returns its pid', async () => {
    const dir = tempDir('start-program');
    const marker = join(dir, 'it ran; $(touch pwned)');
    const r = await startDetached(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], "x")', marker]);
    expect(r.ok).toBe(true);
    await waitForFile(marker);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
  });
});
