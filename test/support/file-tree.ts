// Builds file trees and fingerprints them (path -> sha256 or link target), so tests can prove
// that nothing was lost or changed: every file is in its original place or in the backup.
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export type TreeSpec = Record<string, string | { link: string }>;

export async function writeTree(root: string, spec: TreeSpec): Promise<void> {
  for (const [path, content] of Object.entries(spec)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    if (typeof content === 'string') await writeFile(full, content);
    else await symlink(content.link, full);
  }
}

/** path (relative to root) -> 'file:<sha256>' | 'link:<target>' | 'dir'. Links are never followed. */
export async function fingerprint(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(dir: string): Promise<void> {
    for (const name of await readdir(dir)) {
      const full = join(dir, name);
      const rel = relative(root, full);
      const info = await lstat(full);
      if (info.isSymbolicLink()) out.set(rel, `link:${await readlink(full)}`);
      else if (info.isDirectory()) {
        out.set(rel, 'dir');
        await walk(full);
      } else out.set(rel, `file:${createHash('sha256').update(await readFile(full)).digest('hex')}`);
    }
  }
  await walk(root);
  return out;
}
