// Built-in step executors for file-system repairs. A rename never follows links and never copies:
// backups are made by renaming on the same volume, so they cost nothing and undo is a rename back.
// Every path is checked against the fix's roots (ctx.roots, recomputed by the runner from the OS
// paths) at the moment it is used, whatever the journal record says.
import { lstat, mkdir, rename, rm, rmdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, fsyncDir } from '../../os/atomic-file';
import { assertInsideRoots } from '../../os/safe-path';
import type { StepContext, StepExecutor } from '../types';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export class CrossVolumeError extends Error {
  override name = 'CrossVolumeError';
}

async function move(from: string, to: string, ctx: StepContext): Promise<void> {
  await assertInsideRoots(ctx.roots, from);
  await assertInsideRoots(ctx.roots, to);
  const [hasFrom, hasTo] = await Promise.all([exists(from), exists(to)]);
  if (!hasFrom && hasTo) return; // already moved (we crashed after the rename, before the journal)
  if (!hasFrom) throw new Error(`nothing to move: ${from} is gone`);
  if (hasTo) throw new Error(`refusing to overwrite ${to}`);
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
      throw new CrossVolumeError(`${from} and ${to} are on different volumes; a backup would need a full copy`, { cause: error });
    }
    throw error;
  }
  await fsyncDir(dirname(to));
  if (dirname(to) !== dirname(from)) await fsyncDir(dirname(from));
}

const RenameData = z.object({ from: z.string().min(1), to: z.string().min(1) });

/** Move `from` to `to` (a backup name). Undo moves it back. */
export const renameStep: StepExecutor<z.infer<typeof RenameData>> = {
  kind: 'fs.rename',
  data: RenameData,
  paths: (d) => [{ path: d.from }, { path: d.to }],
  apply: (d, ctx) => move(d.from, d.to, ctx),
  undo: async (d, ctx) => {
    if (!(await exists(d.to)) && (await exists(d.from))) return; // never applied, or already undone
    await move(d.to, d.from, ctx);
  },
  discard: async (d, ctx) => {
    await assertInsideRoots(ctx.roots, d.to);
    await rm(d.to, { recursive: true, force: true });
  },
};

const MkdirData = z.object({ path: z.string().min(1) });

/** Create an empty folder. Undo removes it only if it is still empty. */
export const mkdirStep: StepExecutor<z.infer<typeof MkdirData>> = {
  kind: 'fs.mkdir',
  data: MkdirData,
  paths: (d) => [{ path: d.path, mayBeRoot: true }],
  apply: async (d, ctx) => {
    await assertInsideRoots(ctx.roots, d.path, { mayBeRoot: true });
    await mkdir(d.path, { recursive: true });
  },
  undo: async (d, ctx) => {
    await assertInsideRoots(ctx.roots, d.path, { mayBeRoot: true });
    try {
      await rmdir(d.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new Error(`cannot remove ${d.path}: it is not empty (${code})`, { cause: error });
    }
  },
};

const WriteFileData = z.object({ path: z.string().min(1), content: z.string(), encoding: z.enum(['utf8', 'base64']).default('utf8') });

/** Create a new file with given content. Refuses to overwrite; undo deletes it only if unchanged. */
export const createFileStep: StepExecutor<z.infer<typeof WriteFileData>> = {
  kind: 'fs.create-file',
  data: WriteFileData,
  paths: (d) => [{ path: d.path }],
  apply: async (d, ctx) => {
    await assertInsideRoots(ctx.roots, d.path);
    const wanted = Buffer.from(d.content, d.encoding);
    if (await exists(d.path)) {
      const current = await readFile(d.path);
      if (current.equals(wanted)) return;
      throw new Error(`refusing to overwrite ${d.path}`);
    }
    await writeFileAtomic(d.path, wanted);
  },
  undo: async (d, ctx) => {
    await assertInsideRoots(ctx.roots, d.path);
    if (!(await exists(d.path))) return;
    const current = await readFile(d.path);
    if (!current.equals(Buffer.from(d.content, d.encoding))) {
      throw new Error(`${d.path} was changed after it was written; leaving it in place`);
    }
    await rm(d.path);
    await fsyncDir(dirname(d.path));
  },
};

export const fsSteps = [renameStep, mkdirStep, createFileStep];
