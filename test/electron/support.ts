// Shared by the Electron tests: the binaries the launcher found, temp folders, a clean environment
// and a child-process runner that waits for the process to exit (never for time to pass).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** The stock Electron of node_modules/electron (runs the built app in dist/), or undefined. */
export const STOCK_ELECTRON = process.env.SIGNIN_DOCTOR_E2E_ELECTRON || undefined;
/** The executable electron-builder --dir made (fuses flipped, app.asar), or undefined. */
export const PACKAGED_APP = process.env.SIGNIN_DOCTOR_E2E_PACKAGED || undefined;

/** src/main/app/window.ts MAIN_PAGE_URL (that module imports electron, so it is not imported here). */
export const MAIN_PAGE_URL = 'app://signin-doctor/index.html';

const made: string[] = [];
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sd-electron-${label}-`));
  made.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

/**
 * The environment for an app under test: this process's, without anything that would change how
 * Electron or the app starts (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, our test switches), plus extra.
 */
export function appEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(ELECTRON_RUN_AS_NODE|NODE_OPTIONS|SIGNIN_DOCTOR_.*)$/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/**
 * The folders a packaged app takes its state folder from (src/main/os/platform.ts
 * defaultStateDir): the installed app ignores SIGNIN_DOCTOR_STATE_DIR, so these point it at home.
 */
export function packagedHomeEnv(home: string): Record<string, string> {
  if (process.platform === 'win32') return { APPDATA: join(home, 'Roaming'), LOCALAPPDATA: join(home, 'Local') };
  if (process.platform === 'darwin') return { HOME: home };
  return { XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; resolves with its exit code and output. */
export function run(executable: string, args: readonly string[], env: Record<string, string>): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(executable, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** stdout must be exactly one JSON document (the CLI contract): parse it whole. */
export function oneJsonDocument(out: Exit): unknown {
  try {
    return JSON.parse(out.stdout);
  } catch (error) {
    throw new Error(`stdout is not one JSON document (${(error as Error).message}); exit ${out.code}\nstdout: ${out.stdout.slice(0, 2000)}\nstderr: ${out.stderr.slice(0, 2000)}`, { cause: error });
  }
}
