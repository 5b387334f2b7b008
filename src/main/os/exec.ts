// The only way this app runs another program: execFile with an argument array (never a shell),
// a timeout, and a cap on how much output is kept. Spawn failures come back as data, not throws,
// so a missing tool (dsregcmd on Linux) is a finding, not a crash.
import { execFile } from 'node:child_process';

export interface ExecOptions {
  timeoutMs?: number;
  /** Bytes of stdout/stderr kept (each); the child is killed beyond it. */
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
}

export interface ExecResult {
  /** Exit code; null when killed or never started. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Spawn error code such as ENOENT or EACCES, when the program could not run at all. */
  spawnError?: string;
}

export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const DEFAULT_EXEC_TIMEOUT_MS = 15_000;
export const DEFAULT_EXEC_MAX_BYTES = 4 * 1024 * 1024;

export const execFileSafe: Exec = (file, args, options = {}) =>
  new Promise((resolve) => {
    if (typeof file !== 'string' || file.length === 0 || !Array.isArray(args) || args.some((a) => typeof a !== 'string')) {
      resolve({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'EINVAL' });
      return;
    }
    const child = execFile(
      file,
      [...args],
      {
        timeout: options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS,
        maxBuffer: options.maxBytes ?? DEFAULT_EXEC_MAX_BYTES,
        env: options.env ?? process.env,
        cwd: options.cwd,
        windowsHide: true,
        shell: false,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: unknown }) | null;
        const spawnError = err && typeof err.code === 'string' && err.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? err.code : undefined;
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
          signal: err?.signal ?? null,
          stdout: String(stdout ?? ''),
          stderr: String(stderr ?? ''),
          timedOut: Boolean(err?.killed && err.signal === 'SIGTERM' && !spawnError),
          ...(spawnError ? { spawnError } : {}),
        });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
