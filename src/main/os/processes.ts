// Which programs are running, and quitting them politely. The process list always comes from the
// machine we really run on (`ps` on macOS/Linux, `tasklist` on Windows, by absolute path from
// os/programs.ts), whatever OS path discovery acts as: a test tree that acts as Windows still sees a
// real `ms-teams` process on this host.
// Names are compared without folders and without `.exe`, case-insensitively.
import type { Exec } from './exec';
import { linuxProgram, macProgram, windowsProgram } from './programs';

export interface ProcessInfo {
  pid: number;
  /** As the OS reports it (`ms-teams.exe`, `/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams`). */
  name: string;
}

export type HostOs = 'win32' | 'darwin' | 'linux';

export type ProcessList = { ok: true; processes: ProcessInfo[] } | { ok: false; error: string };

export function hostOs(real: string = process.platform): HostOs {
  return real === 'win32' || real === 'darwin' ? real : 'linux';
}

/** `ms-teams.exe` -> `ms-teams`; `/…/MacOS/MSTeams` -> `msteams`. */
export function processKey(name: string): string {
  const base = name.trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/\.exe$/i, '').toLowerCase();
}

/** `ps -A -o pid=,stat=,comm=`: "  123 Ss   /path/to/name with spaces". Zombies (Z) have exited: skipped. */
export function parsePsOutput(text: string): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d{1,10})\s+([A-Za-z<>+|]+)\s+(.+?)\s*$/.exec(line);
    if (!m || m[2]!.startsWith('Z')) continue;
    const pid = Number(m[1]);
    if (Number.isSafeInteger(pid) && pid > 0) out.push({ pid, name: m[3]! });
  }
  return out;
}

/** One CSV record with quoted fields ("a","b"), doubled quotes inside. */
function csvFields(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '"') return undefined;
    let value = '';
    i++;
    for (;;) {
      if (i >= line.length) return undefined;
      if (line[i] === '"') {
        if (line[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += line[i];
      i++;
    }
    fields.push(value);
    if (i < line.length) {
      if (line[i] !== ',') return undefined;
      i++;
    }
  }
  return fields;
}

/** `tasklist /fo csv /nh`: "Image Name","PID","Session Name","Session#","Mem Usage". */
export function parseTasklistCsv(text: string): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const fields = csvFields(line);
    if (!fields || fields.length < 2) continue;
    const pid = Number(fields[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && fields[0]) out.push({ pid, name: fields[0] });
  }
  return out;
}

export async function listProcesses(exec: Exec, host: HostOs = hostOs()): Promise<ProcessList> {
  const result =
    host === 'win32'
      ? await exec(windowsProgram('tasklist'), ['/fo', 'csv', '/nh'], { timeoutMs: 10_000 })
      : await exec(host === 'darwin' ? macProgram('ps') : linuxProgram('ps'), ['-A', '-o', 'pid=,stat=,comm='], { timeoutMs: 10_000 });
  if (result.spawnError || result.code !== 0) {
    const why = result.spawnError ?? (result.timedOut ? 'timed out' : `exit code ${result.code}`);
    return { ok: false, error: `could not list processes (${host === 'win32' ? 'tasklist' : 'ps'}: ${why})` };
  }
  return { ok: true, processes: host === 'win32' ? parseTasklistCsv(result.stdout) : parsePsOutput(result.stdout) };
}

/** Processes whose name is one of `names` (compared by processKey). */
export function matchProcesses(processes: readonly ProcessInfo[], names: readonly string[]): ProcessInfo[] {
  const wanted = new Set(names.map(processKey));
  return processes.filter((p) => wanted.has(processKey(p.name)));
}

export interface QuitOptions {
  host?: HostOs;
  /** How long a graceful quit may take before we give up or force. */
  graceMs?: number;
  /** Kill what did not quit gracefully. Only with the user's consent. */
  force?: boolean;
  pollMs?: number;
}

export interface QuitResult {
  quit: ProcessInfo[];
  forced: ProcessInfo[];
  stillRunning: ProcessInfo[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signal(exec: Exec, host: HostOs, p: ProcessInfo, force: boolean): Promise<void> {
  if (host === 'win32') {
    // Without /F taskkill asks the window to close (WM_CLOSE), as the user clicking Quit would.
    await exec(windowsProgram('taskkill'), force ? ['/F', '/PID', String(p.pid)] : ['/PID', String(p.pid)], { timeoutMs: 10_000 });
    return;
  }
  try {
    process.kill(p.pid, force ? 'SIGKILL' : 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Quits every running process named `names`: graceful first, then (only when `force`) a kill.
 * The list is read again before each signal so a recycled pid of another program is never hit.
 */
export async function quitProcesses(exec: Exec, names: readonly string[], options: QuitOptions = {}): Promise<QuitResult> {
  const host = options.host ?? hostOs();
  const graceMs = options.graceMs ?? 10_000;
  const pollMs = options.pollMs ?? 200;
  const running = async () => {
    const list = await listProcesses(exec, host);
    if (!list.ok) throw new Error(list.error);
    return matchProcesses(list.processes, names);
  };
  const first = await running();
  for (const p of first) await signal(exec, host, p, false);
  let left = first;
  for (let waited = 0; left.length && waited < graceMs; waited += pollMs) {
    await sleep(pollMs);
    left = await running();
  }
  const forced: ProcessInfo[] = [];
  if (left.length && options.force) {
    for (const p of left) {
      await signal(exec, host, p, true);
      forced.push(p);
    }
    for (let waited = 0; left.length && waited < 5_000; waited += pollMs) {
      await sleep(pollMs);
      left = await running();
    }
  }
  const leftPids = new Set(left.map((p) => p.pid));
  return { quit: first.filter((p) => !leftPids.has(p.pid) && !forced.some((f) => f.pid === p.pid)), forced: forced.filter((p) => !leftPids.has(p.pid)), stillRunning: left };
}
