// Guards for every path a repair touches: resolve with realpath, stay inside an approved root,
// and refuse a root that is itself a link (it could point anywhere).
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of an existing root that is a directory and not a symbolic link or junction. */
export async function realRoot(root: string): Promise<string> {
  if (!isAbsolute(root)) throw new UnsafePathError(`root must be absolute: ${root}`);
  const info = await lstat(root);
  if (info.isSymbolicLink()) throw new UnsafePathError(`refusing a root that is a link: ${root}`);
  if (!info.isDirectory()) throw new UnsafePathError(`root is not a folder: ${root}`);
  return realpath(root);
}

/**
 * Checks that `path` (which may itself be a link, or not exist yet) lives inside `root`:
 * its parent folder's real path must be inside the root's real path. The entry itself is not
 * followed, so a link inside the root is handled as the link, never as its target.
 */
export async function assertEntryInside(root: string, path: string): Promise<void> {
  const base = await realRoot(root);
  const full = resolve(path);
  if (full === resolve(root)) throw new UnsafePathError(`refusing to move the root itself: ${root}`);
  const parent = await realpathOfNearest(dirname(full));
  if (!isInside(base, parent)) throw new UnsafePathError(`outside the approved folder ${root}: ${path}`);
}

/** realpath of a folder that may not exist yet: resolve its nearest existing ancestor, then re-append the rest. */
async function realpathOfNearest(dir: string): Promise<string> {
  const rest: string[] = [];
  let current = dir;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = dirname(current);
      if (parent === current) throw error;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** A root's real path: the folder itself when it exists (never a link), else its nearest existing ancestor's. */
async function realRootOrNearest(root: string): Promise<string | undefined> {
  try {
    const info = await lstat(root);
    if (info.isSymbolicLink() || !info.isDirectory()) return undefined;
    return await realpath(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return realpathOfNearest(root);
  }
}

/**
 * Checks that the entry `path` (not followed if it is a link; it need not exist) lives inside one
 * of `roots` (a backup root may not exist yet). With `mayBeRoot` the entry may be a root itself.
 */
export async function assertInsideRoots(roots: readonly string[], path: string, options: { mayBeRoot?: boolean } = {}): Promise<void> {
  if (!isAbsolute(path)) throw new UnsafePathError(`not an absolute path: ${path.slice(0, 200)}`);
  const full = resolve(path);
  const entry = join(await realpathOfNearest(dirname(full)), basename(full));
  for (const root of roots) {
    if (!isAbsolute(root)) continue;
    const base = await realRootOrNearest(resolve(root));
    if (base === undefined) continue;
    if (entry === base ? options.mayBeRoot === true : isInside(base, entry)) return;
  }
  throw new UnsafePathError(`outside the folders this repair may touch: ${path.slice(0, 200)}`);
}

/** The same rule without touching the disk, for checking a whole record before any step runs. */
export function isInsideRootsLexically(roots: readonly string[], path: string, mayBeRoot = false): boolean {
  if (!isAbsolute(path)) return false;
  const full = resolve(path);
  return roots.some((root) => isAbsolute(root) && (full === resolve(root) ? mayBeRoot : isInside(resolve(root), full)));
}
