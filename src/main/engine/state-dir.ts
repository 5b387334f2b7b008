// The state folder holds the journal, its key and the backups. Whoever can write into it can make
// the runner touch files, so it must belong to the user running us and nobody else may write in it.
import { lstat, mkdir } from 'node:fs/promises';

export class UnsafeStateDirError extends Error {
  override name = 'UnsafeStateDirError';
}

export interface StateDirOwner {
  /** Our user id; undefined where the OS has none (Windows: ACLs are not checked here). */
  uid: number | undefined;
}

const currentOwner = (): StateDirOwner => ({ uid: typeof process.getuid === 'function' ? process.getuid() : undefined });

/**
 * Creates the folder (0700) when it is missing; refuses one that is a link, not a folder, owned by
 * another user, or writable by group or others. Returns the folder.
 */
export async function ensureStateDir(dir: string, owner: StateDirOwner = currentOwner()): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (info.isSymbolicLink()) throw new UnsafeStateDirError(`the state folder ${dir} is a link; Sign-in Doctor keeps its journal only in a real folder`);
  if (!info.isDirectory()) throw new UnsafeStateDirError(`the state folder ${dir} is not a folder`);
  if (owner.uid === undefined) return dir;
  if (info.uid !== owner.uid) {
    throw new UnsafeStateDirError(`the state folder ${dir} belongs to user ${info.uid}, not to you (${owner.uid}): its journal could make repairs touch your files. Remove it or use your own (--state-dir).`);
  }
  if ((info.mode & 0o022) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
    throw new UnsafeStateDirError(`the state folder ${dir} can be written by other users (mode ${mode}): its journal could make repairs touch your files. Run: chmod 700 '${dir}'`);
  }
  return dir;
}
