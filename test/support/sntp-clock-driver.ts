// For clock tests whose expected outcome is a timeout (a silent server, a forged reply the client
// ignores while it waits for the real one): the SNTP client's timeouts run on fake setTimeout /
// clearTimeout, and the test moves that clock on by hand only once what must come first has come
// (a peer got its request, the client handled a reply). Sockets, DNS and HTTP stay real. So the
// outcome never depends on the machine's speed, and nobody waits for a real timeout.
import dgram from 'node:dgram';
import { vi } from 'vitest';

export interface SntpClockDriver {
  /**
   * Resolves once the client has handled `n` datagrams from `port` in all, its own 'message'
   * handler included (ours resolves this promise; the test continues after that emit is over).
   */
  handled(port: number, n: number): Promise<void>;
  /** Moves the fake clock on by `ms`, running what falls due. */
  elapse(ms: number): Promise<void>;
  /** Real timers again, and dgram.createSocket as it was. */
  restore(): void;
}

/** Call before the code under test creates its sockets and timers. */
export function driveSntpTimeouts(): SntpClockDriver {
  const counts = new Map<number, number>();
  const waiting = new Set<{ port: number; n: number; resolve(): void }>();
  const realCreate = dgram.createSocket;
  const spy = vi.spyOn(dgram, 'createSocket').mockImplementation(((type: dgram.SocketType, listener?: (msg: Buffer, rinfo: dgram.RemoteInfo) => void) => {
    const socket = realCreate(type, listener);
    socket.on('message', (_msg: Buffer, rinfo: dgram.RemoteInfo) => {
      const n = (counts.get(rinfo.port) ?? 0) + 1;
      counts.set(rinfo.port, n);
      for (const w of waiting) {
        if (w.port === rinfo.port && n >= w.n) {
          waiting.delete(w);
          w.resolve();
        }
      }
    });
    return socket;
  }) as typeof dgram.createSocket);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return {
    handled(port, n) {
      if ((counts.get(port) ?? 0) >= n) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.add({ port, n, resolve }));
    },
    async elapse(ms) {
      await vi.advanceTimersByTimeAsync(ms);
    },
    restore() {
      vi.useRealTimers();
      spy.mockRestore();
    },
  };
}
