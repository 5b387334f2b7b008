// "Start Teams": each client through its own launcher, never a shell, never PATH.
// - New Teams, Windows: explorer.exe shell:AppsFolder\MSTeams_8wekyb3d8bbwe!MSTeams (the package's
//   app id, as the Start menu starts it). Classic: <LOCALAPPDATA>\Microsoft\Teams\Update.exe
//   --processStart Teams.exe (Squirrel's launcher, what its shortcut runs).
// - macOS: /usr/bin/open -b com.microsoft.teams2 (new) or -b com.microsoft.teams (classic).
// - Linux: teams-for-linux from a fixed system folder (os/programs.ts), started detached.
// The Windows and macOS launchers hand over to the app and exit, so they run through ctx.exec (a
// timeout, output captured); teams-for-linux is the app itself, so it is started detached.
// Never while that client runs already (starting it again would only focus it, and the watch
// would then wait for a sign-in that is not coming).
import type { TeamsStart } from '../../shared/contract/teams';
import type { EngineContext } from '../engine/types';
import { userDirs } from '../os/platform';
import { classicTeamsUpdater, commandLine, macProgram, teamsForLinux, windowsExplorer } from '../os/programs';
import { startDetached, type StartProgram } from '../os/start-program';
import { discoverClients, runningTeams } from './teams-clients';
import { NEW_TEAMS_PACKAGE, type ClientId } from './teams-paths';

export const NEW_TEAMS_APP_ID = `${NEW_TEAMS_PACKAGE}!MSTeams`;
export const MAC_BUNDLE_IDS: Record<'new' | 'classic', string> = { new: 'com.microsoft.teams2', classic: 'com.microsoft.teams' };

export interface Launcher {
  program: string;
  args: string[];
  /** 'exec': the launcher hands over and exits; 'detached': it is the app. */
  how: 'exec' | 'detached';
}

export interface StartPorts {
  start?: StartProgram;
  /** teams-for-linux's location (default: the fixed system folders of os/programs.ts). */
  linuxLauncher?: () => string | undefined;
}

/** The launcher of a client on the OS we act as; undefined when this OS has none for it. */
export function launcherFor(ctx: EngineContext, client: ClientId, ports: StartPorts = {}): Launcher | undefined {
  if (ctx.platform === 'win32') {
    if (client === 'new') return { program: windowsExplorer(ctx.env), args: [`shell:AppsFolder\\${NEW_TEAMS_APP_ID}`], how: 'exec' };
    if (client === 'classic') return { program: classicTeamsUpdater(userDirs('win32', ctx.env).localAppData), args: ['--processStart', 'Teams.exe'], how: 'exec' };
    return undefined;
  }
  if (ctx.platform === 'darwin') {
    if (client === 'new' || client === 'classic') return { program: macProgram('open'), args: ['-b', MAC_BUNDLE_IDS[client]], how: 'exec' };
    return undefined;
  }
  if (client !== 'linux') return undefined;
  const program = (ports.linuxLauncher ?? (() => teamsForLinux()))();
  return program ? { program, args: [], how: 'detached' } : undefined;
}

const PREFERENCE: readonly ClientId[] = ['new', 'classic', 'linux'];
const notStarted = (reason: NonNullable<TeamsStart['reason']>, message: string, extra: Partial<TeamsStart> = {}): TeamsStart => ({ started: false, reason, message, ...extra });

export async function startTeams(ctx: EngineContext, choice: 'auto' | ClientId, ports: StartPorts = {}): Promise<TeamsStart> {
  const { defs, clients } = await discoverClients(ctx, { sizes: false });
  const offered = defs.map((d) => d.id);
  let client: ClientId | undefined;
  if (choice === 'auto') client = PREFERENCE.find((id) => clients.some((c) => c.id === id && c.installed));
  else if (offered.includes(choice)) client = clients.some((c) => c.id === choice && c.installed) ? choice : undefined;
  if (!client) {
    const what = choice === 'auto' ? 'No Teams client' : `${choice === 'new' ? 'New Teams' : choice === 'classic' ? 'Classic Teams' : 'Teams for Linux'}`;
    return notStarted('not-installed', `${what} is installed for this user on this computer.`);
  }
  const def = defs.find((d) => d.id === client)!;
  const running = await runningTeams(ctx, [def]);
  if (running.processes.length) {
    return notStarted('already-running', `${def.name} is already running: quit it first, then start it again to sign in afresh.`, { client, processes: running.processes });
  }
  const launcher = launcherFor(ctx, client, ports);
  if (!launcher) return notStarted('not-installed', `${def.name} has no launcher installed in a system folder on this computer.`, { client });
  const shown = { program: launcher.program, args: launcher.args };
  if (launcher.how === 'detached') {
    const r = await (ports.start ?? startDetached)(launcher.program, launcher.args, { env: ctx.env });
    if (!r.ok) {
      return r.spawnError === 'ENOENT'
        ? notStarted('not-installed', `${def.name} is not installed at ${launcher.program}.`, { client, launcher: shown })
        : notStarted('launch-failed', `${def.name} could not be started (${r.spawnError}): ${commandLine(launcher.program, launcher.args)}`, { client, launcher: shown });
    }
    return { started: true, client, launcher: shown, pid: r.pid, message: `Started ${def.name} (pid ${r.pid}).` };
  }
  const r = await ctx.exec(launcher.program, launcher.args, { timeoutMs: 30_000, maxBytes: 64 * 1024 });
  if (r.spawnError === 'ENOENT') return notStarted('not-installed', `${def.name}'s launcher is not installed: ${launcher.program}.`, { client, launcher: shown });
  if (r.spawnError || r.timedOut) return notStarted('launch-failed', `${def.name}'s launcher did not run (${r.spawnError ?? 'timed out'}): ${commandLine(launcher.program, launcher.args)}`, { client, launcher: shown });
  // explorer.exe answers 1 even when it started the app; `open` answers 1 when no app has that bundle id.
  if (ctx.platform === 'darwin' && r.code !== 0) {
    return notStarted('not-installed', `${def.name} is not installed (open: ${(r.stderr || r.stdout).trim().slice(0, 200) || `exit ${r.code}`}).`, { client, launcher: shown });
  }
  if (ctx.platform === 'win32' && client === 'classic' && r.code !== 0) {
    return notStarted('launch-failed', `Classic Teams' launcher answered ${r.code}: ${commandLine(launcher.program, launcher.args)}`, { client, launcher: shown });
  }
  return { started: true, client, launcher: shown, message: `Started ${def.name} through ${commandLine(launcher.program, launcher.args)}.` };
}
