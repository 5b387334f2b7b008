// The only way this app runs another program: execFile with an argument array (never a shell),
// a timeout, and a cap on how much output is kept. Spawn failures come back as data, not throws,
// so a missing tool (dsregcmd on Linux) is a finding, not a crash.
// Programs are named by absolute path only (os/programs.ts has the table): a bare name would be
// looked up in PATH, which the user controls. Anything else is refused without running:
// spawnError 'ENOTABS'. The other OS's absolute form (C:\Windows\… on Linux, /usr/bin/… on
// Windows, as when SIGNIN_DOCTOR_PLATFORM acts as another OS) is 'ENOENT', also without running:
// that program does not exist here, and C:\usr\bin\… or a file literally named C:\Windows\… must
// never stand in for it.
import { execFile } from 'node:child_process';

export interface ExecOptions {
  timeoutMs?: number;
  /** Bytes of stdout/stderr kept (each); the child is killed beyond it. */
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Aborting kills the child (a check that timed out or was cancelled); the result has spawnError 'ABORT_ERR'. */
  signal?: AbortSignal;
}

export interface ExecResult {
  /** Exit code; null when killed or never started. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /**
   * Spawn error code such as ENOENT or EACCES, when the program could not run at all; also EINVAL
   * (malformed call) and ENOTABS (the program is not an absolute path), both refused before running.
   */
  spawnError?: string;
}

export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const DEFAULT_EXEC_TIMEOUT_MS = 15_000;
export const DEFAULT_EXEC_MAX_BYTES = 4 * 1024 * 1024;

const WINDOWS_ABSOLUTE = /^[A-Za-z]:\\/;

/** How this host would take `file`: runnable (absolute here), another OS's absolute path, or not absolute. */
export function programForm(file: string, host: string = process.platform): 'absolute' | 'other-os' | 'not-absolute' {
  const windows = WINDOWS_ABSOLUTE.test(file);
  const posix = file.startsWith('/');
  if (host === 'win32') return windows ? 'absolute' : posix ? 'other-os' : 'not-absolute';
  return posix ? 'absolute' : windows ? 'other-os' : 'not-absolute';
}

const refused = (spawnError: string): ExecResult => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError });

export const execFileSafe: Exec = (file, args, options = {}) =>
  new Promise((resolve) => {
    if (typeof file !== 'string' || file.length === 0 || file.includes('\0') || !Array.isArray(args) || args.some((a) => typeof a !== 'string' || a.includes('\0'))) {
      resolve(refused('EINVAL'));
      return;
    }
    const form = programForm(file);
    if (form !== 'absolute') {
      resolve(refused(form === 'other-os' ? 'ENOENT' : 'ENOTABS'));
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
        ...(options.signal ? { signal: options.signal } : {}),
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
