// Where each Teams client keeps its profile, cache and logs, per OS (facts from Microsoft's "Clear
// the Teams client cache" and the shared reference), and which of its items a cache clear keeps.
import { join } from 'node:path';
import type { Platform } from '../os/platform';
import { userDirs } from '../os/platform';

export const CLIENT_IDS = ['classic', 'new', 'linux'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

export interface TeamsRoot {
  /** A folder whose contents a cache clear moves aside (never the folder's parent). */
  path: string;
  /** Paths inside `path` that are kept ('/'-separated, case-insensitive, `*` matches within a name). */
  keep: string[];
}

export interface LogSource {
  dir: string;
  /** File names to read in `dir`. */
  pattern: RegExp;
}

export interface TeamsClientDef {
  id: ClientId;
  name: string;
  roots: TeamsRoot[];
  logs: LogSource[];
  /** Process names (without .exe) that use these folders. */
  processNames: string[];
  /** A JSON file with a "version" field, when the client writes one. */
  versionFile?: string;
}

/** New Teams' package folder: only LocalCache\Microsoft\MSTeams inside it is ever touched. */
export const NEW_TEAMS_PACKAGE = 'MSTeams_8wekyb3d8bbwe';
export const BROKER_PACKAGE = 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy';

// Kept by every clear: logs (Microsoft warns clearing deletes them), custom backgrounds, settings files.
const CLASSIC_KEEP = ['logs.txt', 'old_logs_*.txt', 'Backgrounds/Uploads', 'desktop-config.json', 'settings.json'];
const NEW_KEEP = ['Logs', 'Backgrounds/Uploads', 'app_settings.json', 'settings.json'];
// macOS sandbox containers: the container's own metadata is not cache.
const CONTAINER_META = '.com.apple.containermanagerd.metadata.plist';

export function teamsClients(platform: Platform, env: NodeJS.ProcessEnv): TeamsClientDef[] {
  const dirs = userDirs(platform, env);
  if (platform === 'win32') {
    const classic = join(dirs.appData, 'Microsoft', 'Teams');
    const fresh = join(dirs.localAppData, 'Packages', NEW_TEAMS_PACKAGE, 'LocalCache', 'Microsoft', 'MSTeams');
    return [
      {
        id: 'classic',
        name: 'Classic Teams',
        roots: [{ path: classic, keep: CLASSIC_KEEP }],
        logs: [{ dir: classic, pattern: /^(?:old_)?logs.*\.txt$/i }],
        processNames: ['Teams'],
        versionFile: join(classic, 'settings.json'),
      },
      {
        id: 'new',
        name: 'New Teams',
        roots: [{ path: fresh, keep: NEW_KEEP }],
        logs: [{ dir: join(fresh, 'Logs'), pattern: /^MSTeams.*\.log$/i }],
        processNames: ['ms-teams'],
      },
    ];
  }
  if (platform === 'darwin') {
    const classic = join(dirs.library, 'Application Support', 'Microsoft', 'Teams');
    const group = join(dirs.library, 'Group Containers', 'UBF8T346G9.com.microsoft.teams');
    const container = join(dirs.library, 'Containers', 'com.microsoft.teams2');
    const appData = 'Data/Library/Application Support/Microsoft/MSTeams';
    return [
      {
        id: 'classic',
        name: 'Classic Teams',
        roots: [
          { path: classic, keep: CLASSIC_KEEP },
          { path: join(dirs.library, 'Caches', 'com.microsoft.teams'), keep: [] },
        ],
        logs: [{ dir: classic, pattern: /^(?:old_)?logs.*\.txt$/i }],
        processNames: ['Microsoft Teams', 'Microsoft Teams classic', 'Microsoft Teams Helper', 'Microsoft Teams Helper (Renderer)', 'Microsoft Teams Helper (GPU)'],
        versionFile: join(classic, 'settings.json'),
      },
      {
        id: 'new',
        name: 'New Teams',
        roots: [
          { path: group, keep: ['Library/Application Support/Logs', CONTAINER_META] },
          { path: container, keep: [`${appData}/Logs`, `${appData}/Backgrounds/Uploads`, `${appData}/app_settings.json`, 'Data/Library/Preferences', CONTAINER_META] },
        ],
        logs: [{ dir: join(group, 'Library', 'Application Support', 'Logs'), pattern: /^MSTeams.*\.log$/i }],
        // Never MSTeamsAudioDevice: it is a system audio driver, not the app.
        processNames: ['MSTeams', 'Microsoft Teams (work or school)'],
      },
    ];
  }
  const profile = join(dirs.xdgConfig, 'teams-for-linux');
  return [
    {
      id: 'linux',
      name: 'Teams for Linux (community client)',
      roots: [{ path: profile, keep: ['logs', 'config.json'] }],
      logs: [{ dir: join(profile, 'logs'), pattern: /\.log$/i }],
      processNames: ['teams-for-linux'],
    },
  ];
}

/** `%LOCALAPPDATA%\Packages\Microsoft.AAD.BrokerPlugin_…\AC\TokenBroker\Accounts` (Windows only). */
export function tokenBrokerAccounts(env: NodeJS.ProcessEnv): string {
  return join(userDirs('win32', env).localAppData, 'Packages', BROKER_PACKAGE, 'AC', 'TokenBroker', 'Accounts');
}

/** Process names of every Teams client of this OS (for "is Teams running"). */
export function allTeamsProcessNames(platform: Platform, env: NodeJS.ProcessEnv): string[] {
  return teamsClients(platform, env).flatMap((c) => c.processNames);
}
