// A real process with a Teams name, so process detection and quitting are tested against the OS
// process list: a copy of `sleep` renamed `ms-teams` (quits on SIGTERM like an app asked to quit),
// or a shell script that ignores SIGTERM (a Teams that will not quit: only a forced kill ends it).
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
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

async function waitVisible(name: string, pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const out = execFileSync('ps', ['-A', '-o', 'pid=,comm='], { encoding: 'utf8' });
    if (out.split('\n').some((l) => l.trim() === `${pid} ${name}`)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`fake process ${name} ${pid} did not appear in ps`);
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
  await waitVisible(name, fake.pid);
  return fake;
}

/** A Teams that ignores the polite SIGTERM. */
export async function startStubbornTeams(name = 'ms-teams'): Promise<FakeProcess> {
  const file = join(tempDir('fake-teams'), name);
  writeFileSync(file, '#!/bin/sh\ntrap "" TERM\nwhile :; do sleep 0.2; done\n');
  chmodSync(file, 0o755);
  const child = spawn(file, [], { stdio: 'ignore' });
  const fake = wrap(child);
  await waitVisible(name, fake.pid);
  return fake;
}
