// The files `fleet summarize` reads, one at a time: each PATH given, and every file of a given folder
// walked recursively in name order. Links are followed inside the folder given only (a link to `/`
// or a home folder is skipped, not walked), a folder is walked once (a link back into one already
// walked is a loop) and a file is read once; pipes, sockets and devices are never opened. In walked
// folders only *.json and *.zip are candidates; a file named on the command line is read whatever its name.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { FleetSkipReason } from '../../shared/contract/fleet';

/** Folders nested deeper than this below a PATH are not walked (collected trees are a few levels deep). */
export const MAX_WALK_DEPTH = 32;

export type WalkItem =
  | { kind: 'file'; path: string; display: string; dev: number; ino: number }
  | { kind: 'skip'; path: string; display: string; reason: FleetSkipReason }
  | { kind: 'ignored'; path: string };

const CANDIDATE = /\.(json|zip)$/i;

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Walks the PATHs. `display` names a file for people: its path inside the folder given (so a
 * collector's `PC-0042/diagnose.json` keeps the machine's folder), or the name of a file given.
 */
export async function* walkInputs(paths: readonly string[], maxDepth = MAX_WALK_DEPTH): AsyncGenerator<WalkItem> {
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  /** `realRoot`: the real path of the folder given; a walked entry must resolve inside it. */
  async function* visit(path: string, display: string, depth: number, explicit: boolean, root: string, realRoot: string): AsyncGenerator<WalkItem> {
    let info;
    try {
      if (!explicit) {
        const real = await realpath(path);
        if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
          yield { kind: 'skip', path, display, reason: 'link-outside' };
          return;
        }
      }
      info = await stat(path, { bigint: false });
    } catch (error) {
      yield { kind: 'skip', path, display, reason: errnoOf(error) === 'ELOOP' ? 'link-loop' : 'unreadable' };
      return;
    }
    const key = `${info.dev}:${info.ino}`;
    if (info.isDirectory()) {
      if (seenDirs.has(key)) {
        yield { kind: 'skip', path, display, reason: 'link-loop' };
        return;
      }
      if (depth > maxDepth) {
        yield { kind: 'skip', path, display, reason: 'too-deep' };
        return;
      }
      seenDirs.add(key);
      let names: string[];
      try {
        // Name order, so a run over the same tree reads the same files in the same order.
        names = (await readdir(path)).sort();
      } catch {
        yield { kind: 'skip', path, display, reason: 'unreadable' };
        return;
      }
      for (const name of names) {
        const child = join(path, name);
        yield* visit(child, relative(root, child) || name, depth + 1, false, root, realRoot);
      }
      return;
    }
    // The name first: a pipe or socket in a walked folder is only a skipped machine file if it is named like one.
    if (!explicit && !CANDIDATE.test(path)) {
      yield { kind: 'ignored', path };
      return;
    }
    if (!info.isFile()) {
      yield { kind: 'skip', path, display, reason: 'special-file' };
      return;
    }
    if (seenFiles.has(key)) {
      yield { kind: 'skip', path, display, reason: 'seen-already' };
      return;
    }
    seenFiles.add(key);
    yield { kind: 'file', path, display, dev: info.dev, ino: info.ino };
  }

  for (const path of paths) {
    let isDir = false;
    let realRoot = path;
    try {
      isDir = (await stat(path)).isDirectory();
      realRoot = await realpath(path);
    } catch {
      // visit() reports it.
    }
    // A folder's files are named inside it (`PC-0042/diagnose.json` under the folder given); a file by its name.
    yield* visit(path, basename(path), 0, !isDir, isDir ? path : '', realRoot);
  }
}
