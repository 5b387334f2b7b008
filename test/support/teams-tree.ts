// Realistic Teams profile trees per client and OS in a temp folder, with the environment that makes
// path discovery find them (SIGNIN_DOCTOR_PLATFORM + APPDATA/LOCALAPPDATA/HOME). Thousands of cache
// files, logs with sign-in failures, custom backgrounds, settings files, a link pointing outside the
// profile, and neighbours that must never be touched (the rest of the MSTeams package folder).
import { createHash } from 'node:crypto';
import { mkdir, symlink, writeFile, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type TreePlatform = 'win32' | 'darwin' | 'linux';
export type LogStory = 'conditional-access' | 'loop' | 'clean';

export interface TeamsTree {
  base: string;
  home: string;
  env: NodeJS.ProcessEnv;
  /** Client id -> the folders a cache clear works in. */
  roots: Record<string, string[]>;
  /** A folder outside every Teams root that a link inside the cache points to. */
  outside: string;
  /** Folders beside the roots that must stay untouched (e.g. the MSTeams package's Settings). */
  neighbours: string[];
}

export interface TreeOptions {
  /** Cache files per client (spread over realistic folders). */
  files?: number;
  logs?: LogStory;
  clients?: Array<'classic' | 'new' | 'linux'>;
}

export const CORRELATION_CA = '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
export const CORRELATION_LOOP = '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function bytes(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < size; i += block.length) {
    block.copy(out, i);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

async function put(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** Chromium-style cache folders with `count` files in total. */
async function chromiumCache(root: string, count: number, prefix: string): Promise<void> {
  const folders = [
    ['Cache/Cache_Data', (i: number) => `f_${i.toString(16).padStart(6, '0')}`],
    ['Code Cache/js', (i: number) => `${createHash('md5').update(`${prefix}${i}`).digest('hex').slice(0, 16)}_0`],
    ['GPUCache', (i: number) => `data_${i}`],
    ['IndexedDB/https_teams.microsoft.com_0.indexeddb.leveldb', (i: number) => `${String(i).padStart(6, '0')}.ldb`],
    ['Service Worker/CacheStorage/4b5c6d7e', (i: number) => `${createHash('md5').update(`sw${prefix}${i}`).digest('hex')}_0`],
    ['blob_storage/9c8b7a6d-1234-4f00-9e00-5a4b3c2d1e0f', (i: number) => `blob-${i}`],
  ] as const;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const [folder, name] = folders[i % folders.length]!;
    writes.push(put(join(root, folder, name(Math.floor(i / folders.length))), bytes(`${prefix}-${i}`, 64 + (i % 7) * 97)));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  await put(join(root, 'Local Storage/leveldb/CURRENT'), 'MANIFEST-000001\n');
  await put(join(root, 'Local Storage/leveldb/000003.log'), bytes(`${prefix}-ls`, 2048));
  await put(join(root, 'Cookies'), bytes(`${prefix}-cookies`, 4096));
  await put(join(root, 'Network Persistent State'), '{"net":{"http_server_properties":{"servers":[]}}}');
}

const CA_NEW = (t: string) =>
  `${t} 0x00002a10 <ERR> AuthenticationService: acquireToken failed: {"error":"interaction_required","error_description":"AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance. Trace ID: 0b3c9f4e-8d7a-4b6c-9e5f-1a2b3c4d5e6f Correlation ID: ${CORRELATION_CA} Timestamp: 2026-11-23 06:41:12Z","error_codes":[53003],"suberror":"message_only","correlation_id":"${CORRELATION_CA}"}`;
const LOOP_NEW = (t: string, code: string) => `${t} 0x00002a10 <WARN> TokenBroker: AcquireTokenSilently failed with ${code}, status: InteractionRequired. Correlation ID: ${CORRELATION_LOOP}`;
const INFO_NEW = (t: string, i: number) => `${t} 0x00001f44 <INFO> CoreWebView: navigation ${i} completed in ${20 + (i % 50)} ms`;

function newTeamsLog(story: LogStory, day: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) lines.push(INFO_NEW(`${day}T06:${String(Math.floor(i / 60) + 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000000Z`, i));
  if (story === 'conditional-access') lines.push(CA_NEW(`${day}T06:41:12.345000Z`));
  if (story === 'loop') {
    lines.push(LOOP_NEW(`${day}T06:40:01.000000Z`, 'AADSTS700082'));
    lines.push(LOOP_NEW(`${day}T06:40:31.000000Z`, 'AADSTS700082'));
    lines.push(LOOP_NEW(`${day}T06:41:01.000000Z`, '0xCAA2000B'));
  }
  lines.push(INFO_NEW(`${day}T06:42:00.000000Z`, 999));
  return `${lines.join('\r\n')}\r\n`;
}

function classicLog(story: LogStory): string {
  const t = (h: string) => `Mon Nov 23 2026 ${h} GMT+0000 (Coordinated Universal Time)`;
  const lines = Array.from({ length: 300 }, (_, i) => `${t(`05:${String(Math.floor(i / 60) + 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`)} <4120> -- info -- Teams: heartbeat ${i}`);
  if (story === 'conditional-access') lines.push(`${t('06:35:02')} <4120> -- error -- Sign-in failed. We couldn't sign you in. Error code: 53003 Correlation ID: ${CORRELATION_CA}`);
  if (story === 'loop') for (const h of ['06:30:00', '06:31:00', '06:32:00']) lines.push(`${t(h)} <4120> -- warning -- ADAL: acquireToken failed: AADSTS50173: The provided grant has expired due to it being revoked. Correlation ID: ${CORRELATION_LOOP}`);
  return `${lines.join('\n')}\n`;
}

function linuxLog(story: LogStory): string {
  const lines = Array.from({ length: 200 }, (_, i) => `[2026-11-23 06:${String(Math.floor(i / 60) + 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000] [info]  window: page loaded ${i}`);
  if (story === 'conditional-access') lines.push(`[2026-11-23 06:41:12.345] [error] login: AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: ${CORRELATION_CA}`);
  if (story === 'loop') for (const s of ['01', '31', '59']) lines.push(`[2026-11-23 06:40:${s}.000] [warn]  login: AADSTS700082: The refresh token has expired due to inactivity. Correlation ID: ${CORRELATION_LOOP}`);
  return `${lines.join('\n')}\n`;
}

async function backgrounds(dir: string): Promise<void> {
  await put(join(dir, 'Uploads/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f.png'), bytes('bg1', 3000));
  await put(join(dir, 'Uploads/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f_thumb.png'), bytes('bg1t', 400));
}

async function classicProfile(root: string, files: number, story: LogStory, outside: string): Promise<void> {
  await chromiumCache(root, files, 'classic');
  await put(join(root, 'logs.txt'), classicLog(story));
  await put(join(root, 'old_logs_2026-11-20.txt'), classicLog('clean'));
  await backgrounds(join(root, 'Backgrounds'));
  await put(join(root, 'Backgrounds/Default/office-01.png'), bytes('default-bg', 2000));
  await put(join(root, 'desktop-config.json'), JSON.stringify({ currentWebLanguage: 'en-us', appPreferenceSettings: { openAtLogin: true } }));
  await put(join(root, 'settings.json'), JSON.stringify({ version: '1.7.00.13456', environment: 'Production' }));
  await put(join(root, 'databases/Databases.db'), bytes('db', 8192));
  await put(join(root, 'tmp/.keep'), '');
  await put(join(root, 'storage.json'), '{"appInstallTime":1700000000000}');
  await symlink(outside, join(root, 'shared-link'));
  await symlink(join(outside, 'precious.txt'), join(root, 'Cache', 'outside-file-link'));
}

async function newProfile(root: string, files: number, story: LogStory, outside: string): Promise<void> {
  await chromiumCache(join(root, 'EBWebView/Default'), files, 'new');
  await put(join(root, 'EBWebView/Local State'), '{"browser":{"enabled_labs_experiments":[]}}');
  await put(join(root, 'Logs/MSTeams_2026-11-23_06-40-00.00.log'), newTeamsLog(story, '2026-11-23'));
  await put(join(root, 'Logs/MSTeams_2026-11-22_09-00-00.00.log'), newTeamsLog('clean', '2026-11-22'));
  await utimes(join(root, 'Logs/MSTeams_2026-11-22_09-00-00.00.log'), new Date('2026-11-22T10:00:00Z'), new Date('2026-11-22T10:00:00Z'));
  await backgrounds(join(root, 'Backgrounds'));
  await put(join(root, 'app_settings.json'), JSON.stringify({ theme: 'dark', language: 'en-US' }));
  await put(join(root, 'tmp/update.lock'), '');
  await symlink(outside, join(root, 'EBWebView', 'outside-link'));
}

export async function buildTeamsTree(base: string, platform: TreePlatform, options: TreeOptions = {}): Promise<TeamsTree> {
  const files = options.files ?? 1200;
  const story = options.logs ?? 'conditional-access';
  const home = join(base, 'home');
  const outside = join(base, 'outside');
  await put(join(outside, 'precious.txt'), 'this file lives outside every Teams folder and must never move');
  const roots: Record<string, string[]> = {};
  const neighbours: string[] = [];
  const env: NodeJS.ProcessEnv = { SIGNIN_DOCTOR_PLATFORM: platform, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: join(home, '.config') };
  const clients = options.clients ?? (platform === 'linux' ? ['linux'] : ['classic', 'new']);
  if (platform === 'win32') {
    const appData = join(home, 'AppData', 'Roaming');
    const local = join(home, 'AppData', 'Local');
    Object.assign(env, { APPDATA: appData, LOCALAPPDATA: local });
    if (clients.includes('classic')) {
      roots.classic = [join(appData, 'Microsoft', 'Teams')];
      await classicProfile(roots.classic[0]!, files, story, outside);
    }
    if (clients.includes('new')) {
      const pkg = join(local, 'Packages', 'MSTeams_8wekyb3d8bbwe');
      roots.new = [join(pkg, 'LocalCache', 'Microsoft', 'MSTeams')];
      await newProfile(roots.new[0]!, files, story, outside);
      await put(join(pkg, 'Settings/settings.dat'), bytes('pkg-settings', 1024));
      await put(join(pkg, 'LocalState/state.json'), '{}');
      await put(join(pkg, 'LocalCache/Microsoft/Other/keep.txt'), 'sibling of MSTeams');
      neighbours.push(join(pkg, 'Settings'), join(pkg, 'LocalState'), join(pkg, 'LocalCache', 'Microsoft', 'Other'));
    }
    const accounts = join(local, 'Packages', 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy', 'AC', 'TokenBroker', 'Accounts');
    await put(join(accounts, 'a1b2c3d4e5f60718293a4b5c6d7e8f90.tbacct'), bytes('acct1', 1500));
    await put(join(accounts, '0f9e8d7c6b5a49382716051423324150.tbacct'), bytes('acct2', 1500));
    await put(join(local, 'Packages', 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy', 'Settings', 'settings.dat'), bytes('broker-settings', 512));
    neighbours.push(join(local, 'Packages', 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy', 'Settings'));
  } else if (platform === 'darwin') {
    const lib = join(home, 'Library');
    if (clients.includes('classic')) {
      roots.classic = [join(lib, 'Application Support', 'Microsoft', 'Teams'), join(lib, 'Caches', 'com.microsoft.teams')];
      await classicProfile(roots.classic[0]!, files, story, outside);
      await put(join(roots.classic[1]!, 'Cache.db'), bytes('nscache', 4096));
      await put(join(roots.classic[1]!, 'fsCachedData/4E6F2A1B-0000-4000-8000-000000000001'), bytes('fs1', 900));
    }
    if (clients.includes('new')) {
      const group = join(lib, 'Group Containers', 'UBF8T346G9.com.microsoft.teams');
      const container = join(lib, 'Containers', 'com.microsoft.teams2');
      roots.new = [group, container];
      await put(join(group, 'Library/Application Support/Logs/MSTeams_2026-11-23_06-40-00.00.log'), newTeamsLog(story, '2026-11-23'));
      await chromiumCache(join(group, 'Library/Application Support/Microsoft/MSTeams/EBWebView/WV2Profile_tfw'), Math.floor(files / 2), 'group');
      await put(join(group, '.com.apple.containermanagerd.metadata.plist'), '<?xml version="1.0"?><plist/>');
      const app = join(container, 'Data/Library/Application Support/Microsoft/MSTeams');
      await chromiumCache(join(app, 'EBWebView'), Math.ceil(files / 2), 'container');
      await backgrounds(join(app, 'Backgrounds'));
      await put(join(app, 'app_settings.json'), '{"theme":"default"}');
      await put(join(container, 'Data/Library/Preferences/com.microsoft.teams2.plist'), '<?xml version="1.0"?><plist/>');
      await put(join(container, '.com.apple.containermanagerd.metadata.plist'), '<?xml version="1.0"?><plist/>');
      await mkdir(join(home, 'Desktop'), { recursive: true });
      await put(join(home, 'Desktop', 'my-notes.txt'), 'the user desktop, reached through a container link');
      await symlink('../../../../Desktop', join(container, 'Data', 'Desktop'));
    }
  } else {
    const profile = join(home, '.config', 'teams-for-linux');
    roots.linux = [profile];
    await chromiumCache(profile, files, 'linux');
    await put(join(profile, 'config.json'), '{"closeAppOnCross":true}');
    await put(join(profile, 'logs/main.log'), linuxLog(story));
    await put(join(profile, 'Partitions/teams-4-linux/Preferences'), '{}');
    await symlink(outside, join(profile, 'outside-link'));
  }
  return { base, home, env, roots, outside, neighbours };
}
