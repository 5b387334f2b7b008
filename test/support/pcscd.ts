// The one pcscd the tests use: reuse a running one, or start `pcscd -f -a` (foreground, APDU log;
// as root and without udev the vpcd driver from /etc/reader.conf.d/vpcd is loaded). Waits for
// /run/pcscd/pcscd.comm and vpcd's TCP port 35963. stop()/restart() exist for the supervisor test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
export const VPCD_PORT = 35963;
const PCSCD_BIN = '/usr/sbin/pcscd';

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

async function waitUntil(what: string, test: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
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
  const ownedAtStart = runningPid() === undefined;
  async function launch() {
    // Absolute path: CI runs as root without systemd, and /usr/sbin may not be on a test's PATH.
    const c = spawn(PCSCD_BIN, ['-f', '-a'], { stdio: 'ignore' });
    child = c;
    let failed: Error | undefined;
    c.once('error', (e) => (failed = e));
    await waitUntil('pcscd socket', () => {
      if (failed) throw new Error(`cannot start ${PCSCD_BIN}: ${failed.message} (apt-get install pcscd vsmartcard-vpcd)`);
      return existsSync(PCSCD_SOCKET) && runningPid() !== undefined;
    });
    await waitUntil('vpcd port 35963', () => portOpen(VPCD_PORT));
  }
  async function stop() {
    const pid = child?.pid ?? runningPid();
    if (!pid) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await waitUntil('pcscd to stop', () => !existsSync(PCSCD_SOCKET) || runningPid() === undefined, 10_000);
    child = undefined;
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
