// What a cache clear moves and what it keeps inside one Teams folder. Kept paths may be nested
// (`Backgrounds/Uploads`): their ancestors are descended into and only their other entries move.
// Links are never descended into or followed: a link is an entry like any other and moves as a link.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface SelectedEntry {
  /** '/'-separated path relative to the root. */
  rel: string;
  isLink: boolean;
  isDir: boolean;
  /** Device number: a rename only works when it equals the root's. */
  dev: number;
}

export interface Selection {
  moves: SelectedEntry[];
  /** Kept paths that exist (relative, '/'-separated). */
  kept: string[];
}

function segmentMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern.toLowerCase() === name.toLowerCase();
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(name);
}

function prefixMatches(pattern: string[], segs: string[]): boolean {
  return segs.every((s, i) => pattern[i] !== undefined && segmentMatches(pattern[i]!, s));
}

export function classify(keep: readonly string[], segs: string[]): 'keep' | 'descend' | 'move' {
  const patterns = keep.map((k) => k.split('/').filter(Boolean));
  if (patterns.some((p) => p.length === segs.length && prefixMatches(p, segs))) return 'keep';
  if (patterns.some((p) => p.length > segs.length && prefixMatches(p, segs))) return 'descend';
  return 'move';
}

export async function selectEntries(root: string, keep: readonly string[]): Promise<Selection> {
  const moves: SelectedEntry[] = [];
  const kept: string[] = [];
  async function walk(segs: string[]): Promise<void> {
    const dir = join(root, ...segs);
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const child = [...segs, name];
      const info = await lstat(join(dir, name));
      const verdict = classify(keep, child);
      const rel = child.join('/');
      if (verdict === 'keep') kept.push(rel);
      else if (verdict === 'descend') {
        // Only a real folder is descended; a link or file where a kept folder's parent belongs is left alone.
        if (info.isDirectory() && !info.isSymbolicLink()) await walk(child);
        else kept.push(rel);
      } else moves.push({ rel, isLink: info.isSymbolicLink(), isDir: info.isDirectory(), dev: info.dev });
    }
  }
  await walk([]);
  return { moves, kept };
}
