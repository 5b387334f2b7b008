// Every program this app runs, by absolute path: the one table. os/exec.ts refuses a program that
// is not an absolute path, so a bare name ("reg", "ps") can never be looked up in PATH, and no
// environment variable a user controls can choose which file runs.
//
// Windows: programs live in <Windows folder>\System32. The Windows folder is the fixed C:\Windows
// (lead's decision, issue 10): SystemRoot and windir are per-user environment variables that any
// standard user can point at a folder they write to, so programs that get administrator rights
// never use them. On a real Windows host C:\Windows must exist and hold System32; if it does not,
// elevated actions are blocked with a message saying why. Programs run with the user's own rights
// may then fall back to SystemRoot when it is a plain drive folder (^[A-Za-z]:\\[A-Za-z0-9_-]{1,32}$):
// they could run anything of the user's anyway. When the app only acts as Windows on another OS
// (SIGNIN_DOCTOR_PLATFORM=win32, tests) C:\Windows is used without a check.
// macOS: fixed paths of the programs Apple ships on the sealed system volume.
// Linux: the first of /usr/bin, /bin, /usr/sbin, /sbin (root-owned, never PATH) that holds the
// program; when none does, /usr/bin/<name> (running it then fails with ENOENT: "not installed").
import { statSync } from 'node:fs';

export const WINDOWS_FOLDER = 'C:\\Windows';
const PLAIN_SYSTEM_ROOT = /^[A-Za-z]:\\[A-Za-z0-9_-]{1,32}$/;

/** Path below the Windows folder. */
export const WINDOWS_PROGRAMS = {
  certutil: 'System32\\certutil.exe',
  dsregcmd: 'System32\\dsregcmd.exe',
  ipconfig: 'System32\\ipconfig.exe',
  netsh: 'System32\\netsh.exe',
  powershell: 'System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  reg: 'System32\\reg.exe',
  taskkill: 'System32\\taskkill.exe',
  tasklist: 'System32\\tasklist.exe',
  tzutil: 'System32\\tzutil.exe',
  w32tm: 'System32\\w32tm.exe',
  whoami: 'System32\\whoami.exe',
} as const;

export const MAC_PROGRAMS = {
  'app-sso': '/usr/bin/app-sso',
  dscacheutil: '/usr/bin/dscacheutil',
  killall: '/usr/bin/killall',
  open: '/usr/bin/open',
  osascript: '/usr/bin/osascript',
  ps: '/bin/ps',
  scutil: '/usr/sbin/scutil',
  security: '/usr/bin/security',
  sntp: '/usr/bin/sntp',
  sw_vers: '/usr/bin/sw_vers',
  systemsetup: '/usr/sbin/systemsetup',
} as const;

export const LINUX_PROGRAMS = ['certutil', 'chronyc', 'gsettings', 'pkexec', 'ps', 'resolvectl', 'systemctl', 'timedatectl'] as const;
/** Searched in this order; all are owned by root. PATH is never read. */
export const LINUX_FOLDERS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'] as const;

export type WindowsProgram = keyof typeof WINDOWS_PROGRAMS;
export type MacProgram = keyof typeof MAC_PROGRAMS;
export type LinuxProgram = (typeof LINUX_PROGRAMS)[number];

/** What we need to know of the machine we really run on. Injectable for tests. */
export interface HostProbe {
  /** A real Windows host (not SIGNIN_DOCTOR_PLATFORM=win32 on another OS). */
  onWindows: boolean;
  /** Whether this path exists (a folder for the Windows check, a file for the Linux lookup). */
  exists(path: string): boolean;
}

const statKind = (path: string, kind: 'dir' | 'file'): boolean => {
  try {
    const s = statSync(path);
    return kind === 'dir' ? s.isDirectory() : s.isFile();
  } catch {
    return false;
  }
};

export const REAL_HOST: HostProbe = { onWindows: process.platform === 'win32', exists: (path) => statKind(path, 'dir') };
const realFile = (path: string) => statKind(path, 'file');

export type WindowsFolder = { folder: string; problem?: undefined } | { folder?: undefined; problem: string };

/**
 * The Windows folder programs are run from. `elevated`: the fixed C:\Windows or a problem, never the
 * environment. Otherwise C:\Windows, or a plain-drive-folder SystemRoot when C:\Windows is missing.
 */
export function resolveWindowsFolder(host: HostProbe, use: 'elevated' | 'ordinary', env: NodeJS.ProcessEnv = {}): WindowsFolder {
  if (!host.onWindows) return { folder: WINDOWS_FOLDER };
  if (host.exists(WINDOWS_FOLDER) && host.exists(`${WINDOWS_FOLDER}\\System32`)) return { folder: WINDOWS_FOLDER };
  const problem = `${WINDOWS_FOLDER}\\System32 was not found on this computer. Programs that get administrator rights are run only from there (the SystemRoot and windir environment variables can be changed by any user, so they are never trusted for this); ask IT to make this change.`;
  if (use === 'elevated') return { problem };
  const root = env.SystemRoot ?? env.SYSTEMROOT;
  return { folder: root && PLAIN_SYSTEM_ROOT.test(root) ? root : WINDOWS_FOLDER };
}

/** A Windows program run with the user's own rights. */
export function windowsProgram(name: WindowsProgram, env: NodeJS.ProcessEnv = process.env, host: HostProbe = REAL_HOST): string {
  return `${resolveWindowsFolder(host, 'ordinary', env).folder ?? WINDOWS_FOLDER}\\${WINDOWS_PROGRAMS[name]}`;
}

/** A Windows program for an elevated action (or the UAC launcher): C:\Windows only. */
export function elevatedWindowsProgram(name: WindowsProgram, host: HostProbe = REAL_HOST): { path: string; problem?: undefined } | { path?: undefined; problem: string } {
  const r = resolveWindowsFolder(host, 'elevated');
  return r.folder !== undefined ? { path: `${r.folder}\\${WINDOWS_PROGRAMS[name]}` } : { problem: r.problem };
}

export function macProgram(name: MacProgram): string {
  return MAC_PROGRAMS[name];
}

export function linuxProgram(name: LinuxProgram, exists: (path: string) => boolean = realFile): string {
  for (const folder of LINUX_FOLDERS) {
    const path = `${folder}/${name}`;
    if (exists(path)) return path;
  }
  return `${LINUX_FOLDERS[0]}/${name}`;
}

/** A command as plans and messages show it: the full program path, then the arguments. */
export const commandLine = (file: string, args: readonly string[]) => [file, ...args].join(' ');

// ---- Launchers of user apps (Teams): started with the user's own rights, never elevated ----

/** explorer.exe sits in the Windows folder itself (not System32); it starts packaged apps by their AppsFolder id. */
export function windowsExplorer(env: NodeJS.ProcessEnv = process.env, host: HostProbe = REAL_HOST): string {
  return `${resolveWindowsFolder(host, 'ordinary', env).folder ?? WINDOWS_FOLDER}\\explorer.exe`;
}

/**
 * Classic Teams' own launcher, `<LOCALAPPDATA>\\Microsoft\\Teams\\Update.exe` (Squirrel): it lives in the
 * user's profile, so the user's own LOCALAPPDATA names it. Run with the user's rights only, like
 * the Start menu shortcut the installer creates.
 */
export function classicTeamsUpdater(localAppData: string): string {
  return `${localAppData.replace(/[\\/]+$/, '')}\\Microsoft\\Teams\\Update.exe`;
}

/**
 * teams-for-linux from fixed, root-owned install locations (deb/rpm, the /opt bundle, snap,
 * system flatpak), first that exists; never PATH and never the user's home.
 */
export const TEAMS_FOR_LINUX_PATHS = [
  '/usr/bin/teams-for-linux',
  '/opt/teams-for-linux/teams-for-linux',
  '/snap/bin/teams-for-linux',
  '/var/lib/flatpak/exports/bin/com.github.IsmaelMartinez.teams_for_linux',
] as const;

export function teamsForLinux(exists: (path: string) => boolean = realFile, candidates: readonly string[] = TEAMS_FOR_LINUX_PATHS): string | undefined {
  return candidates.find((path) => exists(path));
}
