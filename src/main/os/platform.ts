// Which OS we act as, and where that OS keeps user folders. SIGNIN_DOCTOR_PLATFORM lets tests
// (and support staff reproducing a case) make path discovery behave like another OS, using the
// usual environment variables, against real folders on this machine.
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Platform = 'win32' | 'darwin' | 'linux';
export const PLATFORMS: readonly Platform[] = ['win32', 'darwin', 'linux'];

export function detectPlatform(env: NodeJS.ProcessEnv = process.env, real: string = process.platform): Platform {
  const forced = env.SIGNIN_DOCTOR_PLATFORM;
  if (forced !== undefined && forced !== '') {
    if ((PLATFORMS as readonly string[]).includes(forced)) return forced as Platform;
    throw new Error(`SIGNIN_DOCTOR_PLATFORM must be one of ${PLATFORMS.join(', ')} (got "${forced}")`);
  }
  return real === 'win32' || real === 'darwin' ? real : 'linux';
}

export interface UserDirs {
  home: string;
  /** Windows %APPDATA% (Roaming). */
  appData: string;
  /** Windows %LOCALAPPDATA%. */
  localAppData: string;
  /** macOS ~/Library. */
  library: string;
  /** XDG config home (~/.config). */
  xdgConfig: string;
  /** XDG state home (~/.local/state). */
  xdgState: string;
}

export function userDirs(platform: Platform, env: NodeJS.ProcessEnv = process.env): UserDirs {
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || env.HOME || env.USERPROFILE || homedir();
  return {
    home,
    appData: env.APPDATA || join(home, 'AppData', 'Roaming'),
    localAppData: env.LOCALAPPDATA || join(home, 'AppData', 'Local'),
    library: join(home, 'Library'),
    xdgConfig: env.XDG_CONFIG_HOME || join(home, '.config'),
    xdgState: env.XDG_STATE_HOME || join(home, '.local', 'state'),
  };
}

/** Where the journal and backups live unless --state-dir says otherwise. */
export function defaultStateDir(platform: Platform, env: NodeJS.ProcessEnv = process.env): string {
  const dirs = userDirs(platform, env);
  if (platform === 'win32') return join(dirs.appData, 'Sign-in Doctor');
  if (platform === 'darwin') return join(dirs.library, 'Application Support', 'Sign-in Doctor');
  return join(dirs.xdgState, 'signin-doctor');
}
