// Which Teams clients are installed (their profile folder exists), how big their folders are,
// which version wrote them (where readable) and whether they are running.
import { lstat, readFile } from 'node:fs/promises';
import type { TeamsClientStatus } from '../../shared/contract/teams';
import type { EngineContext } from '../engine/types';
import { listProcesses, matchProcesses, type ProcessInfo } from '../os/processes';
import { folderSize } from './cache-size';
import { teamsClients, type TeamsClientDef } from './teams-paths';

export interface ClientDiscovery {
  defs: TeamsClientDef[];
  clients: TeamsClientStatus[];
  processListError?: string;
}

async function folderKind(path: string): Promise<{ exists: boolean; isLink: boolean }> {
  try {
    const info = await lstat(path);
    return { exists: info.isDirectory() || info.isSymbolicLink(), isLink: info.isSymbolicLink() };
  } catch {
    return { exists: false, isLink: false };
  }
}

async function readVersion(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > 1024 * 1024) return undefined;
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' && /^[0-9][0-9A-Za-z.+-]{0,40}$/.test(version) ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Running processes of the given client definitions ('unknown' when the list cannot be read). */
export async function runningTeams(ctx: EngineContext, defs: readonly TeamsClientDef[]): Promise<{ processes: ProcessInfo[]; error?: string }> {
  const list = await listProcesses(ctx.exec);
  if (!list.ok) return { processes: [], error: list.error };
  return { processes: matchProcesses(list.processes, defs.flatMap((d) => d.processNames)) };
}

export async function discoverClients(ctx: EngineContext, options: { sizes?: boolean; signal?: AbortSignal } = {}): Promise<ClientDiscovery> {
  const defs = teamsClients(ctx.platform, ctx.env);
  const list = await listProcesses(ctx.exec);
  const clients: TeamsClientStatus[] = [];
  for (const def of defs) {
    const folders: TeamsClientStatus['folders'] = [];
    for (const root of def.roots) {
      const kind = await folderKind(root.path);
      const folder: TeamsClientStatus['folders'][number] = { path: root.path, ...kind };
      if (kind.exists && !kind.isLink && options.sizes !== false) {
        const size = await folderSize(root.path, { ...(options.signal ? { signal: options.signal } : {}) });
        folder.bytes = size.bytes;
        folder.files = size.files;
        if (size.newestMs) folder.newest = new Date(size.newestMs).toISOString();
        if (size.truncated) folder.truncated = true;
      }
      folders.push(folder);
    }
    const processes = list.ok ? matchProcesses(list.processes, def.processNames) : [];
    const version = await readVersion(def.versionFile);
    clients.push({
      id: def.id,
      name: def.name,
      // The first folder is the profile: without it the client is not installed for this user.
      installed: folders[0]?.exists ?? false,
      folders,
      ...(version ? { version } : {}),
      running: list.ok ? (processes.length ? 'yes' : 'no') : 'unknown',
      processes,
    });
  }
  return { defs, clients, ...(list.ok ? {} : { processListError: list.error }) };
}
