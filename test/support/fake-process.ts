// A real process with a Teams name, so process detection and quitting are tested against the OS
// process list: a copy of `sleep` renamed `ms-teams` (quits on SIGTERM like an app asked to quit),
// or a shell script that ignores SIGTERM (a Teams that will not quit: only a forced kill ends it).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tempDir } from './browser';

export interface FakeProcess {
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

function sleepBinary(): string {
  return execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim();
}

/** Resolves once the child has started (its program was executed), or rejects if it could not. */
async function spawned(child: ChildProcess): Promise<void> {
  await once(child, 'spawn'); // rejects with the spawn error instead
}

function listed(name: string, pid: number): boolean {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,comm='], { encoding: 'utf8' });
  return out.split('\n').some((l) => l.trim() === `${pid} ${name}`);
}

/**
 * After 'spawn' the program has been executed, so ps lists it under its new name; the loop only
 * guards a platform where that lags. No give-up of its own: a process that exits is an error at
 * once, and otherwise the test's timeout is the only deadline.
 */
async function waitVisible(name: string, child: ChildProcess): Promise<void> {
  await spawned(child);
  const pid = child.pid!;
  while (!listed(name, pid)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`fake process ${name} ${pid} exited (${child.exitCode ?? child.signalCode}) before ps listed it`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function wrap(child: ChildProcess): FakeProcess {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** `name` defaults to new Teams' process name. */
export async function startFakeTeams(name = 'ms-teams'): Promise<FakeProcess> {
  const file = join(tempDir('fake-teams'), name);
  copyFileSync(sleepBinary(), file);
  chmodSync(file, 0o755);
  const child = spawn(file, ['600'], { stdio: 'ignore' });
  const fake = wrap(child);
  await waitVisible(name, child);
  return fake;
}

/**
 * A Teams that ignores the polite SIGTERM. It is returned only once it has said "ready", which it
 * does after `trap "" TERM`: an earlier SIGTERM would kill the shell before the trap is set. By
 * then the script runs under its own name, so ps lists it.
 */
export async function startStubbornTeams(name = 'ms-teams'): Promise<FakeProcess> {
  const file = join(tempDir('fake-teams'), name);
  writeFileSync(file, '#!/bin/sh\ntrap "" TERM\necho ready\nwhile :; do sleep 0.2; done\n');
  chmodSync(file, 0o755);
  const child = spawn(file, [], { stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
    });
    lines.once('close', () => reject(new Error(`fake process ${name} ended before it was ready`)));
  });
  const fake = wrap(child);
  try {
    await Promise.all([spawned(child), ready]);
  } catch (error) {
    child.kill('SIGKILL'); // nothing to kill when it never started
    throw error;
  }
  return fake;
}
