// Runs the CLI two ways: in-process (fast, for most tests) and as the built dist/cli.js in a
// child process (for the real contract: stdout/stderr/exit code, kill -9 crash tests).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runCli } from '../../src/main/cli/run-cli';

export const CLI_PATH = join(__dirname, '../../dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `onOut` sees stdout as it is written (a test can act on a line while the command still runs). */
export async function runCliInProcess(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; confirm?: boolean; onOut?: (text: string) => void } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => {
      stdout += t;
      options.onOut?.(t);
    },
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

/** `timeoutMs` only ends a CLI that hangs: by default longer than any test timeout, which is the real deadline. */
export function runBuiltCli(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_PATH, ...argv], { env: { ...process.env, ...options.env }, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
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

/**
 * The lines of an output stream as they arrive. `waitFor` resolves at the first line (already seen
 * or still to come) that matches, and rejects when the stream ends without one, naming what came:
 * a test synchronises on what the program printed, never on time.
 */
export class LineLog {
  readonly lines: string[] = [];
  private partial = '';
  private ended = false;
  private readonly waiting = new Set<{ match(line: string): boolean; resolve(line: string): void; reject(error: Error): void; what: string }>();

  /** Feeds raw text (split into lines here). */
  write(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const line of parts) this.push(line);
  }

  /** Feeds one whole line. */
  push(line: string): void {
    this.lines.push(line);
    for (const w of this.waiting) {
      if (w.match(line)) {
        this.waiting.delete(w);
        w.resolve(line);
      }
    }
  }

  end(): void {
    if (this.partial) this.push(this.partial);
    this.partial = '';
    this.ended = true;
    for (const w of this.waiting) w.reject(new Error(`the output ended without ${w.what}; it was:\n${this.lines.join('\n')}`));
    this.waiting.clear();
  }

  waitFor(match: (line: string) => boolean, what = 'the expected line'): Promise<string> {
    const seen = this.lines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    if (this.ended) return Promise.reject(new Error(`the output ended without ${what}; it was:\n${this.lines.join('\n')}`));
    return new Promise((resolve, reject) => this.waiting.add({ match, resolve, reject, what }));
  }
}

/** The built CLI, started, with its stdout as a LineLog and its exit code. */
export function watchBuiltCli(argv: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; stdout: LineLog; stderr: () => string; exit: Promise<number | null> } {
  const child = spawnBuiltCli(argv, env);
  const stdout = new LineLog();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => stdout.push(line));
  lines.once('close', () => stdout.end());
  // 'close' comes after the exit and the end of its output streams.
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout, stderr: () => stderr, exit };
}
