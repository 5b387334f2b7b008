// "Try signing in again": after a repair, watch the Teams logs for the next sign-in outcome.
// Event-driven: fs.watch on each client's log folder (or, while it does not exist yet, the
// nearest existing parent, so its creation is seen); every change re-reads a bounded tail of the
// few newest log files and looks for the first outcome after `since`. A slow poll stands in only
// where fs.watch is unavailable. It ends at the first outcome, at the timeout, on abort, or when
// the service closes — and always closes what it opened.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SigninOutcome } from '../../shared/contract/teams';
import { SIGNIN_WATCH_MAX_MS } from '../../shared/contract/teams';
import { badInput } from '../common/errors';
import type { EngineContext } from '../engine/types';
import { readTail } from './log-scan';
import { firstOutcome, type SigninOutcomeLine } from './signin-outcome';
import { teamsClients, type ClientId, type LogSource, type TeamsClientDef } from './teams-paths';

export interface WatchHandle {
  close(): void;
}
/** Calls `onChange` on any change in `dir`; throws when the OS cannot watch (the watch then polls). */
export type WatchFactory = (dir: string, onChange: () => void) => WatchHandle;

export const fsWatchFactory: WatchFactory = (dir, onChange) => {
  const watcher: FSWatcher = watch(dir, { persistent: false }, () => onChange());
  watcher.on('error', () => onChange());
  return { close: () => watcher.close() };
};

export interface WatchOptions {
  watchFactory?: WatchFactory;
  signal?: AbortSignal;
  /** The fallback poll's period (only without fs.watch). */
  pollMs?: number;
}

export interface WatchInput {
  since?: string | undefined;
  timeoutMs: number;
  client: 'auto' | ClientId;
}

/** Bounds of one re-read: newest files per source, bytes per file. */
export const WATCH_BOUNDS = { filesPerSource: 3, bytesPerFile: 512 * 1024 };
const MTIME_SLACK_MS = 2_000;

interface Source {
  client: ClientId;
  log: LogSource;
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The log folder itself, else its parent or grandparent while the folder does not exist yet. */
async function watchTarget(dir: string): Promise<string | undefined> {
  for (let d = dir, i = 0; i < 3; i++, d = dirname(d)) if (await isDir(d)) return d;
  return undefined;
}

async function outcomeOf(source: Source, sinceMs: number, seen: Map<string, string>): Promise<SigninOutcomeLine | undefined> {
  let names: string[];
  try {
    names = await readdir(source.log.dir);
  } catch {
    return undefined;
  }
  const files: Array<{ path: string; size: number; mtimeMs: number }> = [];
  for (const name of names.filter((n) => source.log.pattern.test(n))) {
    const path = join(source.log.dir, name);
    try {
      const info = await stat(path);
      if (info.isFile() && info.mtimeMs >= sinceMs - MTIME_SLACK_MS) files.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    } catch {
      // vanished between readdir and stat: rotated away
    }
  }
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  let best: SigninOutcomeLine | undefined;
  for (const file of files.slice(0, WATCH_BOUNDS.filesPerSource)) {
    const stamp = `${file.size}:${file.mtimeMs}`;
    if (seen.get(file.path) === stamp) continue;
    try {
      const text = await readTail(file.path, file.size, WATCH_BOUNDS.bytesPerFile);
      seen.set(file.path, stamp);
      const found = firstOutcome(text, source.client, file.path, sinceMs);
      if (found && (!best || found.at < best.at)) best = found;
    } catch {
      // unreadable now (locked, rotated): the next change reads it again
    }
  }
  return best;
}

function toOutcome(line: SigninOutcomeLine | undefined, watched: string[], mode: 'watch' | 'poll'): SigninOutcome {
  if (!line) return { outcome: 'no-answer', watched, mode };
  const code = line.code;
  return {
    outcome: line.outcome,
    at: line.at,
    ...(code ? { code: code.code, display: code.display, conditionalAccess: code.conditionalAccess, ...(code.name ? { name: code.name } : {}), ...(code.meaning ? { meaning: code.meaning } : {}) } : {}),
    ...(line.correlationId ? { correlationId: line.correlationId } : {}),
    file: line.file,
    client: line.client,
    watched,
    mode,
  };
}

function clientsOf(ctx: EngineContext, choice: WatchInput['client']): TeamsClientDef[] {
  const defs = teamsClients(ctx.platform, ctx.env);
  if (choice === 'auto') return defs;
  const def = defs.filter((d) => d.id === choice);
  if (!def.length) throw badInput(`Teams client "${choice}" does not exist on ${ctx.platform}; choose ${defs.map((d) => d.id).join(', ')} or auto`);
  return def;
}

export async function watchSignin(ctx: EngineContext, input: WatchInput, options: WatchOptions = {}): Promise<SigninOutcome> {
  const sinceMs = input.since !== undefined ? Date.parse(input.since) : ctx.now().getTime();
  if (!Number.isFinite(sinceMs)) throw badInput(`since is not a time: ${input.since}`);
  const timeoutMs = Math.min(Math.max(1, Math.floor(input.timeoutMs)), SIGNIN_WATCH_MAX_MS);
  const sources: Source[] = clientsOf(ctx, input.client).flatMap((d) => d.logs.map((log) => ({ client: d.id, log })));
  const factory = options.watchFactory ?? fsWatchFactory;
  const handles = new Map<string, WatchHandle>();
  const seen = new Map<string, string>();
  let mode: 'watch' | 'poll' = 'watch';
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let settle!: (line: SigninOutcomeLine | undefined) => void;
  const done = new Promise<SigninOutcomeLine | undefined>((resolve) => (settle = resolve));
  let finished = false;
  let scanning = false;
  let again = false;

  const finish = (line: SigninOutcomeLine | undefined) => {
    if (finished) return;
    finished = true;
    settle(line);
  };

  const ensureWatchers = async () => {
    for (const source of sources) {
      if (finished) return;
      const target = await watchTarget(source.log.dir);
      if (!target || handles.has(target) || mode === 'poll') continue;
      try {
        handles.set(target, factory(target, () => void scan()));
      } catch {
        mode = 'poll'; // fs.watch unavailable here (ENOSYS, a network share, no inotify left)
      }
    }
  };

  const scan = async (): Promise<void> => {
    if (finished) return;
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      do {
        again = false;
        await ensureWatchers(); // a log folder created since is watched from now on
        startPoll();
        let best: SigninOutcomeLine | undefined;
        for (const source of sources) {
          const found = await outcomeOf(source, sinceMs, seen);
          if (found && (!best || found.at < best.at)) best = found;
        }
        if (best) finish(best);
      } while (again && !finished);
    } finally {
      scanning = false;
    }
  };

  const startPoll = () => {
    if (mode === 'poll' && !poll && !finished) poll = setInterval(() => void scan(), options.pollMs ?? 2_000);
  };
  const onAbort = () => finish(undefined);
  try {
    if (options.signal?.aborted) return toOutcome(undefined, [], mode);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => finish(undefined), timeoutMs);
    await ensureWatchers();
    if (!handles.size) mode = 'poll'; // nothing to watch yet (no folder at all) or fs.watch unavailable
    startPoll();
    void scan(); // lines written between `since` and now
    const line = await done;
    return toOutcome(line, [...handles.keys()], mode);
  } finally {
    finished = true;
    clearTimeout(timer);
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onAbort);
    for (const h of handles.values()) h.close();
    handles.clear();
  }
}
