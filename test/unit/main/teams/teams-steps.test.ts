import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec } from '../../../../src/main/os/exec';
import { linuxProgram, macProgram } from '../../../../src/main/os/programs';
import { backupFolderStep, quitTeamsStep } from '../../../../src/main/teams/teams-steps';
import { tempDir } from '../../../support/browser';

const stepCtx = (exec?: Exec, roots: string[] = []) => ({ ...createEngineContext({ env: {}, stateDir: '/tmp/unused', ...(exec ? { exec } : {}) }), runId: 'r', backupDir: '/tmp/unused', roots });

describe('teams step executors', () => {
  it('backup folder: created only as one of the fix roots; undo removes it only when nothing but folders is left', async () => {
    const base = tempDir('teams-steps');
    const data = backupFolderStep.data.parse({ path: join(base, 'Teams.signin-doctor-backup-r'), client: 'classic', clientRoot: join(base, 'Teams'), kept: [] });
    const ctx = stepCtx(undefined, [join(base, 'Teams'), data.path]);
    await backupFolderStep.apply(data, ctx);
    await backupFolderStep.apply(data, ctx); // again after a crash: fine
    await mkdir(join(data.path, 'Backgrounds', 'Default'), { recursive: true });
    await backupFolderStep.undo(data, ctx);
    expect(existsSync(data.path)).toBe(false);
    await backupFolderStep.undo(data, ctx); // already gone: fine

    await backupFolderStep.apply(data, ctx);
    await writeFile(join(data.path, 'left-behind'), 'x');
    await backupFolderStep.undo(data, ctx); // never deletes a file, never fails the undo
    expect(existsSync(join(data.path, 'left-behind'))).toBe(true);

    // Whatever the data says, a folder outside the roots is never created nor discarded.
    const outside = { ...data, path: join(tempDir('elsewhere'), 'x') };
    await expect(backupFolderStep.apply(outside, ctx)).rejects.toThrow(/outside the folders/);
    expect(existsSync(outside.path)).toBe(false);
    await mkdir(outside.path);
    await expect(backupFolderStep.discard!(outside, ctx)).rejects.toThrow(/outside the folders/);
    expect(existsSync(outside.path)).toBe(true);
  });

  // The pid is above Linux's pid_max (4194304): no real process can be signalled by this test.
  it('quit step: nothing running is success; a Teams that stays fails with the way forward; undo does nothing', async () => {
    const idle: Exec = async () => ({ code: 0, signal: null, stdout: '    1 Ss   init\n', stderr: '', timedOut: false });
    const data = quitTeamsStep.data.parse({ names: ['teams-for-linux'], force: false, graceMs: 0 });
    await quitTeamsStep.apply(data, stepCtx(idle));
    // The process list of the real host, by absolute path: ps (macOS, Linux) or tasklist (Windows).
    const ps = [macProgram('ps'), linuxProgram('ps')];
    const stuck: Exec = async (file) =>
      ps.includes(file) || file === 'C:\\Windows\\System32\\tasklist.exe'
        ? { code: 0, signal: null, stdout: ps.includes(file) ? '4999999 S    teams-for-linux\n' : '"teams-for-linux.exe","4999999","Console","1","1 K"\r\n', stderr: '', timedOut: false }
        : { code: 0, signal: null, stdout: '', stderr: '', timedOut: false };
    await expect(quitTeamsStep.apply(data, stepCtx(stuck))).rejects.toThrow(/did not quit within 0 s \(teams-for-linux 4999999\).*force/);
    await expect(quitTeamsStep.undo(data, stepCtx(stuck))).resolves.toBeUndefined();
    expect(quitTeamsStep.data.safeParse({ names: [], force: false, graceMs: 0 }).success).toBe(false);
  });
});
