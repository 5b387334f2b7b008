// The one pcscd the tests use: reuse a running one, or start `pcscd -f -a -i` (foreground, APDU
// log, info level; as root and without udev the vpcd driver from /etc/reader.conf.d/vpcd is
// loaded). A pcscd we start is ready when it prints "daemon ready" (after its readers, vpcd's
// included, are set up); one that exits first fails at once. stop()/restart() exist for the
// supervisor test; stop() waits for our pcscd's exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
export const VPCD_PORT = 35963;
const PCSCD_BIN = '/usr/sbin/pcscd';
/** Only a backstop for what has no event (a pcscd someone else runs): longer than any hook timeout. */
const BACKSTOP_MS = 120_000;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitUntil(what: string, test: () => Promise<boolean> | boolean, timeoutMs = BACKSTOP_MS): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function runningPid(): number | undefined {
  try {
    // pcscd writes "1234\n\0": parse the digits, or a running pcscd is never seen (and a second one started).
    const pid = Number.parseInt(readFileSync('/run/pcscd/pcscd.pid', 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    // A pcscd that exited under an init that does not reap (containers) is a zombie: not running.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return undefined;
    return pid;
  } catch {
    return undefined;
  }
}

export interface Pcscd {
  /** True when this test process started it (and will stop it at the end). */
  ownedByUs: boolean;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it only when we started it. */
  release(): Promise<void>;
}

export function pcscdAvailable(): boolean {
  return existsSync('/usr/sbin/pcscd') && existsSync('/usr/lib/pcsc/drivers/serial/libifdvpcd.so');
}

export async function startPcscd(): Promise<Pcscd> {
  let child: ChildProcess | undefined;
  let exited: Promise<void> | undefined;
  const ownedAtStart = runningPid() === undefined;
  async function launch() {
    // Absolute path: CI runs as root without systemd, and /usr/sbin may not be on a test's PATH.
    const c = spawn(PCSCD_BIN, ['-f', '-a', '-i'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    const recent: string[] = []; // the last lines, for the error message
    const ready = new Promise<void>((resolve, reject) => {
      for (const stream of [c.stdout!, c.stderr!]) {
        // Read everything, always: with -a every APDU is logged, and a full pipe would stall pcscd.
        createInterface({ input: stream }).on('line', (line) => {
          recent.push(line);
          if (recent.length > 30) recent.shift();
          if (/daemon ready/.test(line)) resolve();
        });
      }
      c.once('error', (e) => reject(new Error(`cannot start ${PCSCD_BIN}: ${e.message} (apt-get install pcscd vsmartcard-vpcd)`)));
      c.once('exit', (code, signal) => reject(new Error(`${PCSCD_BIN} exited (${code ?? signal}) before it was ready:\n${recent.join('\n')}`)));
    });
    await ready;
    // Said after its readers are set up; both are there by now (checked, not waited for).
    await waitUntil('pcscd socket', () => existsSync(PCSCD_SOCKET) && runningPid() !== undefined);
    await waitUntil('vpcd port 35963', () => portOpen(VPCD_PORT));
  }
  async function stop() {
    const ours = child;
    const pid = ours?.pid ?? runningPid();
    if (!pid) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (ours && exited) await exited;
    else await waitUntil('pcscd to stop', () => !existsSync(PCSCD_SOCKET) || runningPid() === undefined);
    child = undefined;
    exited = undefined;
  }
  if (ownedAtStart) await launch();
  else await waitUntil('vpcd port 35963', () => portOpen(VPCD_PORT));
  return {
    ownedByUs: ownedAtStart,
    stop,
    async restart() {
      await stop();
      await launch();
    },
    async release() {
      if (ownedAtStart) await stop();
    },
  };
}
