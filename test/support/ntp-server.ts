// NTP peers for the clock tests, on loopback only:
// - startChrony(): Debian's real chronyd serving NTP on a random port (never touches the system
//   clock: -x, no command port, temp pid/drift files), `local stratum 8` so it answers at once.
// - startScriptedNtp(): a UDP responder whose reply is scripted per request (kiss-o'-death,
//   spoofed origin, garbage, truncated, silence, or a correct reply with a chosen offset).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHRONYD_BIN = '/usr/sbin/chronyd';

export const chronyAvailable = () => existsSync(CHRONYD_BIN);

/** A free UDP port on 127.0.0.1 (bound then released). */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** One raw client-mode request; resolves true when any reply comes back in time. */
function answers(port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    const packet = Buffer.alloc(48);
    packet[0] = 0x23;
    randomBytes(8).copy(packet, 40);
    const done = (ok: boolean) => {
      clearTimeout(t);
      s.close();
      resolve(ok);
    };
    const t = setTimeout(() => done(false), timeoutMs);
    s.once('message', () => done(true));
    s.once('error', () => done(false));
    s.send(packet, port, '127.0.0.1');
  });
}

export interface NtpPeer {
  host: string;
  port: number;
  /** "127.0.0.1:port", as --server takes it. */
  server: string;
  stop(): Promise<void>;
}

/** `port`: a fixed port (ntpdig can only ask port 123); default a free random one. */
export async function startChrony(options: { port?: number } = {}): Promise<NtpPeer & { log(): string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-chrony-'));
  const port = options.port ?? (await freeUdpPort());
  const conf = join(dir, 'chrony.conf');
  writeFileSync(
    conf,
    [`port ${port}`, 'bindaddress 127.0.0.1', 'local stratum 8', 'allow 127.0.0.1', 'cmdport 0', `pidfile ${join(dir, 'chronyd.pid')}`, `driftfile ${join(dir, 'drift')}`, 'user root', ''].join('\n'),
  );
  let log = '';
  const child: ChildProcess = spawn(CHRONYD_BIN, ['-d', '-x', '-f', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', (error) => {
    exited = true;
    log += `\n${error.message}`;
  });
  // chronyd says nothing when it starts serving: ask until it answers (each try waits 300 ms,
  // then asks again). A chronyd that exits fails at once; the give-up is only a backstop, longer
  // than any hook timeout, so the hook's timeout is the real deadline.
  const end = Date.now() + 120_000;
  while (!(await answers(port))) {
    if (exited || Date.now() > end) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`chronyd did not start serving on 127.0.0.1:${port}${exited ? ' (it exited)' : ''}:\n${log}`);
    }
  }
  return {
    host: '127.0.0.1',
    port,
    server: `127.0.0.1:${port}`,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        const finish = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (exited) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}

export type ScriptedBehaviour =
  | { kind: 'offset'; offsetMs: number; stratum?: number }
  | { kind: 'kiss'; code: string }
  | { kind: 'spoofed-origin' }
  /** A forged reply (wrong originate, 1 h off) first, then the real one: the client must wait for the real one. */
  | { kind: 'spoofed-then-real'; offsetMs: number }
  | { kind: 'garbage'; bytes?: number }
  | { kind: 'truncated' }
  | { kind: 'unsynchronised' }
  | { kind: 'silent' };

const NTP_UNIX_OFFSET_S = 2_208_988_800;

function writeTs(buf: Buffer, at: number, ms: number): void {
  const s = Math.floor(ms / 1000);
  buf.writeUInt32BE((s + NTP_UNIX_OFFSET_S) % 2 ** 32, at);
  buf.writeUInt32BE(Math.floor(((ms - s * 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
}

/** A server reply written independently of the code under test (so a codec bug cannot cancel itself out). */
export function serverReply(request: Buffer, trueNowMs: number, opts: { stratum?: number; leap?: number; origin?: Buffer; refid?: string } = {}): Buffer {
  const r = Buffer.alloc(48);
  r[0] = ((opts.leap ?? 0) << 6) | (4 << 3) | 4;
  r[1] = opts.stratum ?? 2;
  r[2] = 6;
  r[3] = 0xec; // precision 2^-20
  r.writeUInt32BE(0x00000100, 4); // root delay ~3.9 ms
  r.writeUInt32BE(0x00000200, 8);
  Buffer.from((opts.refid ?? '').padEnd(4, '\0').slice(0, 4), 'latin1').copy(r, 12);
  if (!opts.refid) Buffer.from([127, 0, 0, 1]).copy(r, 12);
  writeTs(r, 16, trueNowMs - 1000);
  (opts.origin ?? request.subarray(40, 48)).copy(r, 24);
  writeTs(r, 32, trueNowMs);
  writeTs(r, 40, trueNowMs + 0.05);
  return r;
}

export interface ScriptedNtp extends NtpPeer {
  /** Requests received so far. */
  requests: number;
  /** Resolves once `n` requests in all have been received (at once if they have). */
  requestsSeen(n: number): Promise<void>;
  setBehaviour(b: ScriptedBehaviour): void;
}

/** A loopback UDP "time server" whose answers follow a script. `requests` counts what it received. */
export async function startScriptedNtp(behaviour: ScriptedBehaviour, options: { host?: '127.0.0.1' | '::1' } = {}): Promise<ScriptedNtp> {
  const host = options.host ?? '127.0.0.1';
  const socket = dgram.createSocket(host === '::1' ? 'udp6' : 'udp4');
  let current = behaviour;
  const state = { requests: 0 };
  const waiting = new Set<{ n: number; resolve(): void }>();
  socket.on('message', (msg, rinfo) => {
    state.requests++;
    for (const w of waiting) {
      if (state.requests >= w.n) {
        waiting.delete(w);
        w.resolve();
      }
    }
    const reply = (buf: Buffer) => socket.send(buf, rinfo.port, rinfo.address);
    const b = current;
    switch (b.kind) {
      case 'offset':
        return reply(serverReply(msg, Date.now() + b.offsetMs, { stratum: b.stratum ?? 2 }));
      case 'kiss': {
        const r = serverReply(msg, Date.now(), { stratum: 0, refid: b.code });
        r.fill(0, 32, 48); // a KoD carries no time
        return reply(r);
      }
      case 'spoofed-origin':
        return reply(serverReply(msg, Date.now() + 3_600_000, { origin: randomBytes(8) }));
      case 'spoofed-then-real':
        reply(serverReply(msg, Date.now() + 3_600_000, { origin: randomBytes(8) }));
        setTimeout(() => reply(serverReply(msg, Date.now() + b.offsetMs)), 20);
        return undefined;
      case 'garbage':
        return reply(randomBytes(b.bytes ?? 48));
      case 'truncated':
        return reply(serverReply(msg, Date.now()).subarray(0, 40));
      case 'unsynchronised':
        return reply(serverReply(msg, Date.now(), { leap: 3 }));
      case 'silent':
        return undefined;
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  const { port } = socket.address();
  return {
    host,
    port,
    server: host === '::1' ? `[::1]:${port}` : `127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    requestsSeen(n) {
      if (state.requests >= n) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.add({ n, resolve }));
    },
    setBehaviour(b) {
      current = b;
    },
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
