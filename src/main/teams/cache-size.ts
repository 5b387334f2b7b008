// Size of a Teams folder (bytes, files, newest write) without blocking the event loop on a large
// tree: a bounded number of lstat calls in flight, a yield to the event loop between batches,
// links counted as links (never followed), and a cap on entries so a pathological tree ends.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

export interface FolderSize {
  bytes: number;
  files: number;
  dirs: number;
  links: number;
  /** ms since epoch of the newest modification seen (0 when empty). */
  newestMs: number;
  /** True when maxEntries was reached: the figures are a lower bound. */
  truncated: boolean;
  /** Entries that could not be read (permission, vanished while walking). */
  unreadable: number;
}

export interface SizeOptions {
  concurrency?: number;
  maxEntries?: number;
  signal?: AbortSignal;
}

export async function folderSize(root: string, options: SizeOptions = {}): Promise<FolderSize> {
  const concurrency = options.concurrency ?? 32;
  const maxEntries = options.maxEntries ?? 1_000_000;
  const size: FolderSize = { bytes: 0, files: 0, dirs: 0, links: 0, newestMs: 0, truncated: false, unreadable: 0 };
  let seen = 0;
  let pending: string[] = [root];
  let first = true;
  while (pending.length) {
    options.signal?.throwIfAborted();
    const batch = pending.splice(0, concurrency);
    const results = await Promise.all(
      batch.map(async (path) => {
        try {
          const info = await lstat(path);
          if (info.mtimeMs > size.newestMs && !first) size.newestMs = info.mtimeMs;
          if (info.isSymbolicLink()) {
            size.links++;
            return [];
          }
          if (info.isDirectory()) {
            if (!first) size.dirs++;
            return (await readdir(path)).map((name) => join(path, name));
          }
          size.files++;
          size.bytes += info.size;
          return [];
        } catch {
          size.unreadable++;
          return [];
        }
      }),
    );
    first = false;
    for (const children of results) {
      if (seen + children.length > maxEntries) {
        size.truncated = true;
        pending = [];
        break;
      }
      seen += children.length;
      pending.push(...children);
    }
    await yieldToLoop();
  }
  return size;
}

