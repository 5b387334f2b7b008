// Starting a program that outlives us (a user app such as Teams): the same rules as os/exec.ts —
// absolute path only (never a PATH lookup), an argument array, no shell — and the child is
// detached, gets no stdio of ours (so it never holds our terminal or pipes open) and is unref'd
// (our process can exit while it runs). Spawn failures come back as data: { ok: false, spawnError }.
import { spawn } from 'node:child_process';
import { programForm } from './exec';

export type StartResult = { ok: true; pid: number } | { ok: false; spawnError: string };

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export type StartProgram = (file: string, args: readonly string[], options?: StartOptions) => Promise<StartResult>;

const badCall = (file: unknown, args: unknown): boolean =>
  typeof file !== 'string' || file.length === 0 || file.includes('\0') || !Array.isArray(args) || args.some((a) => typeof a !== 'string' || a.includes('\0'));

export const startDetached: StartProgram = (file, args, options = {}) =>
  new Promise((resolve) => {
    if (badCall(file, args)) {
      resolve({ ok: false, spawnError: 'EINVAL' });
      return;
    }
    const form = programForm(file);
    if (form !== 'absolute') {
      resolve({ ok: false, spawnError: form === 'other-os' ? 'ENOENT' : 'ENOTABS' });
      return;
    }
    let child;
    try {
      child = spawn(file, [...args], {
        detached: true,
        stdio: 'ignore',
        shell: false,
        windowsHide: true,
        env: options.env ?? process.env,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      });
    } catch (error) {
      resolve({ ok: false, spawnError: (error as NodeJS.ErrnoException).code ?? 'EINVAL' });
      return;
    }
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, spawnError: error.code ?? 'UNKNOWN' }));
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true, pid: child.pid! });
    });
  });
