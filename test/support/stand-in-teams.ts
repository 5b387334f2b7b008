// Drives test/support/stand-in-teams-client.mjs, a stand-in Teams that writes real-looking log lines
// into a tree's log file on command: either as a child of the test (commands on its stdin, reports
// on its stdout) or started by the code under test by absolute path through a wrapper script
// (commands as files in a control folder, reports as files). Every send resolves on the stand-in's
// own report that the line is on disk: tests synchronise on it, never on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LineLog } from './cli';

export type StandInClient = 'new' | 'classic' | 'linux';
export const STAND_IN_SCRIPT = join(__dirname, 'stand-in-teams-client.mjs');

/** The log file a stand-in writes for a client in a tree built by teams-tree.ts (its root folders). */
export function standInLog(client: StandInClient, root: string): string {
  if (client === 'new') return join(root, 'Logs', 'MSTeams_2030-01-01_00-00-00.00.log');
  if (client === 'classic') return join(root, 'logs.txt');
  return join(root, 'logs', 'main.log');
}

export interface StandIn {
  child: ChildProcess;
  /** Sends one command; resolves with the stand-in's report once the line is written. */
  send(command: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startStandIn(client: StandInClient, log: string): Promise<StandIn> {
  const child = spawn(process.execPath, [STAND_IN_SCRIPT, '--client', client, '--log', log], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = new LineLog();
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (l) => out.push(l));
  lines.once('close', () => out.end());
  const exited = once(child, 'exit');
  await out.waitFor((l) => l === 'ready', 'the stand-in saying ready');
  let sent = 0;
  return {
    child,
    async send(command) {
      const n = ++sent;
      child.stdin!.write(`${command}\n`);
      return out.waitFor((l) => l.endsWith(` ${n}`) && l.startsWith('wrote '), `its report of write ${n}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.stdin!.end();
      await exited;
    },
  };
}

/** A launcher file (absolute path) that runs the stand-in with a control folder; what teams.start runs in tests. */
export function standInLauncher(dir: string, client: StandInClient, log: string, control: string): string {
  const file = join(dir, 'teams-for-linux');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(file, `#!/bin/sh\nexec ${q(process.execPath)} ${q(STAND_IN_SCRIPT)} --client ${client} --log ${q(log)} --control ${q(control)}\n`);
  chmodSync(file, 0o755);
  mkdirSync(control, { recursive: true });
  return file;
}

/** Waits for a file the stand-in writes (its report); the test's timeout is the only deadline. */
export async function waitForFile(path: string): Promise<void> {
  while (!existsSync(path)) await new Promise((r) => setTimeout(r, 20));
}

/** Sends command `n` (1, 2, …) through the control folder and waits for the stand-in's report. */
export async function sendControl(control: string, n: number, command: string): Promise<void> {
  writeFileSync(join(control, `cmd-${n}.tmp`), command);
  // Renamed into place so the stand-in never reads half a command.
  renameSync(join(control, `cmd-${n}.tmp`), join(control, `cmd-${n}`));
  await waitForFile(join(control, `done-${n}`));
}
