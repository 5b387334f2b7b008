// teams.cache-clear on real Teams trees (Windows, macOS and Linux layouts in temp folders) through
// the real runner, step executors and process list: round trips are byte-identical, links move as
// links, kept items stay, a running (fake) Teams blocks or is quit, keep-both undo, failure rollback.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, rename, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Runner, type RunnerEvent } from '../../../src/main/engine/runner';
import { fsSteps } from '../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../src/main/engine-context';
import { teamsModule } from '../../../src/main/teams';
import { tempDir } from '../../support/browser';
import { startFakeTeams, startStubbornTeams, type FakeProcess } from '../../support/fake-process';
import { fingerprint } from '../../support/file-tree';
import { buildTeamsTree, type TeamsTree, type TreePlatform } from '../../support/teams-tree';

const fakes: FakeProcess[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.stop()));
});

function runnerFor(tree: TeamsTree, extra: { env?: NodeJS.ProcessEnv; config?: Record<string, unknown> } = {}) {
  const ctx = createEngineContext({ stateDir: join(tree.base, 'state'), env: { PATH: process.env.PATH, ...tree.env, ...extra.env }, config: extra.config ?? { teams: { quitGraceMs: 1500 } } });
  return new Runner({ ctx, fixes: teamsModule.fixes, steps: [...fsSteps, ...teamsModule.steps] });
}

/** Fingerprints of every Teams root's parent (so backups beside the roots are seen too). */
async function snapshot(tree: TeamsTree): Promise<Map<string, string>> {
  return fingerprint(tree.home);
}

describe.each<TreePlatform>(['win32', 'darwin', 'linux'])('teams.cache-clear on a %s tree', (platform) => {
  it('moves the cache into a backup beside it, keeps logs/backgrounds/settings, and undo restores byte-identical', async () => {
    const tree = await buildTeamsTree(tempDir(`teams-${platform}`), platform, { files: 1500 });
    const before = await snapshot(tree);
    const outsideBefore = await fingerprint(tree.outside);
    const runner = runnerFor(tree);

    const plan = await runner.plan('teams.cache-clear', {});
    expect(plan.blockedBy).toBeUndefined();
    expect(plan.undoable).toBe(true);
    expect(plan.changes.join('\n')).toMatch(/Cache/);
    expect(plan.keeps.join('\n')).toMatch(platform === 'linux' ? /config\.json/ : /Backgrounds\/Uploads/);
    expect(await snapshot(tree)).toEqual(before); // a plan changes nothing

    const record = await runner.apply('teams.cache-clear', {});
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('verified');
    expect(record.verify?.message).toMatch(/fresh/);

    for (const [client, roots] of Object.entries(tree.roots)) {
      for (const root of roots) {
        const left = (await readdir(root)).sort();
        const backup = `${root}.signin-doctor-backup-${record.runId}`;
        expect(existsSync(backup), `${client} backup beside ${root}`).toBe(true);
        expect(left).not.toContain('Cache');
        expect(left).not.toContain('EBWebView');
        if (platform === 'win32' && client === 'classic') {
          expect(left).toEqual(['Backgrounds', 'desktop-config.json', 'logs.txt', 'old_logs_2026-11-20.txt', 'settings.json']);
          expect(await readdir(join(root, 'Backgrounds'))).toEqual(['Uploads']);
          expect(existsSync(join(backup, 'Backgrounds', 'Default', 'office-01.png'))).toBe(true);
        }
        if (platform === 'win32' && client === 'new') expect(left).toEqual(['Backgrounds', 'Logs', 'app_settings.json']);
      }
    }
    // Links moved as links: their targets are untouched.
    expect(await fingerprint(tree.outside)).toEqual(outsideBefore);
    for (const n of tree.neighbours) expect(before.get(n.slice(tree.home.length + 1)), n).toBe('dir');

    const undone = await runner.undo(record.runId);
    expect(undone.status).toBe('undone');
    expect(await snapshot(tree)).toEqual(before);
    expect(await fingerprint(tree.outside)).toEqual(outsideBefore);
  });
});

describe('teams.cache-clear safety', () => {
  it('never touches the MSTeams package folder around LocalCache\\Microsoft\\MSTeams', async () => {
    const tree = await buildTeamsTree(tempDir('teams-pkg'), 'win32', { files: 200, clients: ['new'] });
    const pkg = dirname(dirname(dirname(tree.roots.new![0]!)));
    const before = await fingerprint(pkg);
    const record = await runnerFor(tree).apply('teams.cache-clear', { client: 'new' });
    expect(record.status).toBe('verified');
    const after = await fingerprint(pkg);
    for (const key of ['Settings/settings.dat', 'LocalState/state.json', 'LocalCache/Microsoft/Other/keep.txt']) expect(after.get(key)).toBe(before.get(key));
    for (const step of record.steps.filter((s) => s.kind === 'fs.rename')) {
      expect(String(step.data.from).startsWith(tree.roots.new![0]! + '/')).toBe(true);
    }
  });

  it('refuses a Teams folder that is itself a link, and changes nothing', async () => {
    const tree = await buildTeamsTree(tempDir('teams-rootlink'), 'win32', { files: 50, clients: ['classic'] });
    const root = tree.roots.classic![0]!;
    const real = join(tree.base, 'elsewhere-teams');
    await rename(root, real);
    await symlink(real, root);
    const before = await fingerprint(real);
    const runner = runnerFor(tree);
    const plan = await runner.plan('teams.cache-clear', {});
    expect(plan.blockedBy).toMatch(/link/);
    await expect(runner.apply('teams.cache-clear', {})).rejects.toThrow(/link/);
    expect(await fingerprint(real)).toEqual(before);
  });

  it('a kept folder replaced by a link pointing outside is left alone; its target is never touched', async () => {
    const tree = await buildTeamsTree(tempDir('teams-swap'), 'linux', { files: 30 });
    const root = tree.roots.linux![0]!;
    const runner = runnerFor(tree);
    const record = await runner.apply('teams.cache-clear', {});
    await runner.undo(record.runId);
    // Now replace the kept logs folder by a link pointing outside and clear again: the link is kept
    // as it is, never followed, and nothing outside moves.
    await rm(join(root, 'logs'), { recursive: true });
    await symlink(tree.outside, join(root, 'logs'));
    const outsideBefore = await fingerprint(tree.outside);
    const again = await runner.apply('teams.cache-clear', {});
    expect(again.status).toBe('verified');
    expect(await fingerprint(tree.outside)).toEqual(outsideBefore);
  });

  it('blocks while Teams runs; with quitTeams it quits the (fake) ms-teams process first', async () => {
    const tree = await buildTeamsTree(tempDir('teams-running'), 'win32', { files: 100 });
    const fake = await startFakeTeams('ms-teams');
    fakes.push(fake);
    const runner = runnerFor(tree);
    const blocked = await runner.plan('teams.cache-clear', {});
    expect(blocked.blockedBy).toMatch(new RegExp(`Teams is running \\(ms-teams ${fake.pid}\\)`));
    expect(blocked.needsClosed).toEqual(['Classic Teams', 'New Teams']);

    const plan = await runner.plan('teams.cache-clear', { quitTeams: 'true' });
    expect(plan.blockedBy).toBeUndefined();
    expect(plan.steps[0]!.kind).toBe('teams.quit-process');
    expect(plan.changes[0]).toMatch(/not forced/);
    const record = await runner.apply('teams.cache-clear', { quitTeams: true });
    expect(record.status).toBe('verified');
    await fake.exited;
    expect(fake.child.signalCode).toBe('SIGTERM');
  });

  it('a Teams that ignores the polite quit is forced only with consent; without it nothing changes', async () => {
    const tree = await buildTeamsTree(tempDir('teams-stubborn'), 'win32', { files: 100, clients: ['new'] });
    const before = await snapshot(tree);
    const fake = await startStubbornTeams('ms-teams');
    fakes.push(fake);
    const runner = runnerFor(tree, { config: { teams: { quitGraceMs: 600 } } });
    const refused = await runner.apply('teams.cache-clear', { quitTeams: true });
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/did not quit.*force/);
    expect(await snapshot(tree)).toEqual(before);
    expect(fake.child.exitCode).toBeNull();

    const forced = await runner.apply('teams.cache-clear', { quitTeams: true, force: true });
    expect(forced.status).toBe('verified');
    await fake.exited;
    expect(fake.child.signalCode).toBe('SIGKILL');
  });

  it('undo refuses while Teams runs, asks before overwriting new data, and keeps both on request', async () => {
    const tree = await buildTeamsTree(tempDir('teams-keepboth'), 'win32', { files: 200, clients: ['new'] });
    const before = await snapshot(tree);
    const runner = runnerFor(tree);
    const record = await runner.apply('teams.cache-clear', {});
    const root = tree.roots.new![0]!;

    const fake = await startFakeTeams('ms-teams');
    fakes.push(fake);
    await expect(runner.undo(record.runId)).rejects.toThrow(/Teams is running/);
    await fake.stop();

    // Teams started again meanwhile and wrote a fresh profile.
    await mkdir(join(root, 'EBWebView', 'Default'), { recursive: true });
    await writeFile(join(root, 'EBWebView', 'Default', 'Cookies'), 'new session');
    await expect(runner.undo(record.runId)).rejects.toThrow(/keep both/);
    expect(existsSync(join(root, 'EBWebView', 'Default', 'Cookies'))).toBe(true);

    const undone = await runner.undo(record.runId, { keepBoth: true });
    expect(undone.status).toBe('undone');
    expect(await snapshot(tree).then((m) => new Map([...m].filter(([k]) => !k.includes('.signin-doctor-newer-'))))).toEqual(before);
    const newer = `${root}.signin-doctor-newer-${record.runId}`;
    expect(await readFile(join(newer, 'EBWebView', 'Default', 'Cookies'), 'utf8')).toBe('new session');
  });

  it('a failure midway (an obstacle in the backup) rolls the whole clear back', async () => {
    const tree = await buildTeamsTree(tempDir('teams-fail'), 'win32', { files: 300, clients: ['classic'] });
    const before = await snapshot(tree);
    const stateDir = join(tree.base, 'state');
    const ctx = createEngineContext({ stateDir, env: { PATH: process.env.PATH, ...tree.env }, config: {} });
    // When three steps are done, put a file where a later step must move its entry: like a locked
    // file or a permission error, that rename fails mid-way. The runner awaits its probe, so the
    // obstacle is in place before the next step starts.
    let obstacle = '';
    const probe = async (event: RunnerEvent) => {
      if (obstacle || event.kind !== 'journal-write') return;
      const steps = event.record.steps;
      if (steps.filter((s) => s.state === 'done').length < 3) return;
      const pending = steps.filter((s) => s.kind === 'fs.rename' && s.state === 'pending').at(-1);
      if (!pending) return;
      obstacle = String(pending.data.to);
      await mkdir(dirname(obstacle), { recursive: true });
      await writeFile(obstacle, 'in the way');
    };
    const runner = new Runner({ ctx, fixes: teamsModule.fixes, steps: [...fsSteps, ...teamsModule.steps], probe });
    const record = await runner.apply('teams.cache-clear', {});
    expect(obstacle).not.toBe('');
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/refusing to overwrite.*rolled back/);
    await rm(obstacle);
    const after = new Map([...(await snapshot(tree))].filter(([k]) => !k.includes('.signin-doctor-backup-')));
    expect(after).toEqual(before);
  });

  it('a permission error midway (a folder that cannot be moved) rolls the whole clear back', async ({ skip }) => {
    const tree = await buildTeamsTree(tempDir('teams-perm'), 'win32', { files: 300, clients: ['classic'] });
    const before = await snapshot(tree);
    const locked = join(tree.roots.classic![0]!, 'databases');
    // As root, permissions do not stop a rename: make the folder immutable instead (chattr +i, EPERM).
    const root = process.getuid?.() === 0;
    if (root) {
      try {
        execFileSync('chattr', ['+i', locked], { stdio: 'ignore' });
      } catch {
        skip('running as root and this file system has no immutable flag (chattr +i)');
      }
    } else await chmod(locked, 0o555);
    try {
      const record = await runnerFor(tree).apply('teams.cache-clear', {});
      expect(record.status).toBe('failed');
      const failedAt = record.steps.findIndex((s) => s.error);
      expect(record.steps[failedAt]!.description).toBe('Move databases');
      expect(failedAt).toBeGreaterThan(5); // midway: earlier moves had happened and were undone
      expect(record.steps.slice(0, failedAt + 1).every((s) => s.state === 'undone')).toBe(true);
      expect(record.steps.slice(failedAt + 1).every((s) => s.state === 'pending')).toBe(true);
      expect(record.error).toMatch(/(EPERM|EACCES).*every change was rolled back/);
    } finally {
      if (root) execFileSync('chattr', ['-i', locked]);
      else await chmod(locked, 0o755);
    }
    expect(new Map([...(await snapshot(tree))].filter(([k]) => !k.includes('.signin-doctor-backup-')))).toEqual(before);
  });

  it('never attempts a cross-volume backup: a mount point inside or as the Teams folder blocks the plan', async ({ skip }) => {
    const tree = await buildTeamsTree(tempDir('teams-xdev'), 'linux', { files: 30 });
    const root = tree.roots.linux![0]!;
    const mount = (dir: string) => {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    const before = await fingerprint(root);
    if (!mount(join(root, 'GPUCache'))) skip('mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN)');
    try {
      await writeFile(join(root, 'GPUCache', 'data_0'), 'on another volume');
      const runner = runnerFor(tree);
      const plan = await runner.plan('teams.cache-clear', {});
      expect(plan.blockedBy).toMatch(/GPUCache is on another volume \(a mount point\): moving it would need a copy; say so and ask/);
      await expect(runner.apply('teams.cache-clear', {})).rejects.toThrow(/another volume/);
      expect([...(await fingerprint(root)).keys()].filter((k) => !k.startsWith('GPUCache/'))).toEqual([...before.keys()].filter((k) => !k.startsWith('GPUCache/')));
    } finally {
      execFileSync('umount', [join(root, 'GPUCache')]);
    }
    const whole = join(tree.base, 'whole');
    await mkdir(join(whole, 'teams-for-linux'), { recursive: true });
    if (!mount(join(whole, 'teams-for-linux'))) return;
    try {
      await writeFile(join(whole, 'teams-for-linux', 'Cookies'), 'x');
      const plan = await runnerFor({ ...tree, env: { ...tree.env, XDG_CONFIG_HOME: whole } }).plan('teams.cache-clear', {});
      expect(plan.blockedBy).toMatch(/different volume.*full copy/);
    } finally {
      execFileSync('umount', [join(whole, 'teams-for-linux')]);
    }
  });

  it('discarding a run deletes its backup folder and only that', async () => {
    const tree = await buildTeamsTree(tempDir('teams-discard'), 'linux', { files: 40 });
    const root = tree.roots.linux![0]!;
    const runner = runnerFor(tree);
    const record = await runner.apply('teams.cache-clear', {});
    const kept = await fingerprint(root);
    const outside = await fingerprint(tree.outside);
    await runner.discard(record.runId);
    expect(existsSync(`${root}.signin-doctor-backup-${record.runId}`)).toBe(false);
    expect(await fingerprint(root)).toEqual(kept);
    expect(await fingerprint(tree.outside)).toEqual(outside);
  });

  it('plans to keep everything when there is nothing to clear', async () => {
    const tree = await buildTeamsTree(tempDir('teams-empty'), 'linux', { files: 10 });
    const root = tree.roots.linux![0]!;
    for (const name of await readdir(root)) if (!['logs', 'config.json'].includes(name)) await rm(join(root, name), { recursive: true });
    const plan = await runnerFor(tree).plan('teams.cache-clear', {});
    expect(plan.blockedBy).toMatch(/nothing to clear/);
  });
});
