// Step executors of the teams domain besides the built-in fs.rename: quitting Teams (undo: nothing,
// the user starts Teams again) and the dated backup folder a clear moves entries into.
import { lstat, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StepExecutor } from '../engine/types';
import { quitProcesses } from '../os/processes';
import { assertInsideRoots } from '../os/safe-path';

const QuitData = z.object({
  names: z.array(z.string().min(1)).min(1),
  force: z.boolean(),
  graceMs: z.number().int().min(0).max(120_000),
});

/** Quits Teams gracefully, then (only with consent) forces it. Fails, so nothing else runs, if Teams stays. */
export const quitTeamsStep: StepExecutor<z.infer<typeof QuitData>> = {
  kind: 'teams.quit-process',
  data: QuitData,
  async apply(d, ctx) {
    const result = await quitProcesses(ctx.exec, d.names, { force: d.force, graceMs: d.graceMs });
    if (result.stillRunning.length) {
      const list = result.stillRunning.map((p) => `${p.name} ${p.pid}`).join(', ');
      throw new Error(
        d.force
          ? `Teams is still running after a forced quit (${list}); close it from the Task Manager / Activity Monitor and try again`
          : `Teams did not quit within ${Math.round(d.graceMs / 1000)} s (${list}). Quit it yourself, or allow Sign-in Doctor to force it (option force)`,
      );
    }
  },
  // A quit cannot be taken back; starting Teams again is the user's choice.
  undo: async () => undefined,
};

const BackupData = z.object({
  /** The dated backup folder beside the Teams folder (a root of the fix's scope). */
  path: z.string().min(1),
  client: z.string(),
  clientRoot: z.string().min(1),
  /** Kept entries (relative) that verify checks are still in place. */
  kept: z.array(z.string()),
});
export type BackupFolderData = z.infer<typeof BackupData>;

/** True when the tree holds only folders (no files, no links). Links are never followed. */
async function onlyFolders(path: string): Promise<boolean> {
  const info = await lstat(path);
  if (!info.isDirectory() || info.isSymbolicLink()) return false;
  for (const name of await readdir(path)) if (!(await onlyFolders(join(path, name)))) return false;
  return true;
}

async function removeFolders(path: string): Promise<void> {
  for (const name of await readdir(path)) await removeFolders(join(path, name));
  await rmdir(path);
}

/** Creates the backup folder; undo removes it once everything went back (it leaves a non-empty one alone). */
export const backupFolderStep: StepExecutor<BackupFolderData> = {
  kind: 'teams.backup-folder',
  data: BackupData,
  paths: (d) => [{ path: d.path, mayBeRoot: true }],
  async apply(d, ctx) {
    await assertInsideRoots(ctx.roots, d.path, { mayBeRoot: true });
    await mkdir(d.path, { recursive: true });
  },
  async undo(d, ctx) {
    try {
      await assertInsideRoots(ctx.roots, d.path, { mayBeRoot: true });
      if (await onlyFolders(d.path)) await removeFolders(d.path);
    } catch {
      // Gone already, or not removable: an empty leftover folder is harmless, and this cleanup must
      // never turn a successful undo (everything moved back) into a failed one.
    }
  },
  async discard(d, ctx) {
    await assertInsideRoots(ctx.roots, d.path, { mayBeRoot: true });
    await rm(d.path, { recursive: true, force: true });
  },
};

export const teamsSteps = [quitTeamsStep, backupFolderStep];
