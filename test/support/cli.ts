// Runs the CLI two ways: in-process (fast, for most tests) and as the built dist/cli.js in a
// child process (for the real contract: stdout/stderr/exit code, kill -9 crash tests).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runCli } from '../../src/main/cli/run-cli';

export const CLI_PATH = join(__dirname, '../../dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliInProcess(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; confirm?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: options.stdin === undefined,
    stdoutIsTTY: false,
    confirm: async () => options.confirm ?? false,
    env: { ...process.env, ...options.env },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export function runBuiltCli(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_PATH, ...argv], { env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

/** Starts the built CLI without waiting (crash tests kill it mid-run). */
export function spawnBuiltCli(argv: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [CLI_PATH, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
