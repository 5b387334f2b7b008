// Asks one SNTP server for the time over UDP: a DNS lookup, then a few samples (each its own
// nonce and timeout); the sample with the smallest round trip wins. A reply from another
// address or with the wrong nonce is noted and ignored (we keep listening), a kiss-o'-death
// stops us asking that server at all, as RFC 4330 requires.
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { decodeReply, encodeRequest, offsetAndDelay, type RejectReason } from './sntp-packet';
import type { ServerAddress } from './server-address';
import { withDeadline } from '../engine/deadline';

export type ServerStatus = 'ok' | 'rejected' | 'timeout' | 'dns-failure' | 'error';

export interface ServerResult {
  server: string;
  host: string;
  port: number;
  address?: string;
  status: ServerStatus;
  offsetMs?: number;
  delayMs?: number;
  stratum?: number;
  refid?: string;
  reason?: RejectReason;
  kissCode?: string;
  /** Human explanation of a rejection or failure. */
  detail?: string;
  samples: number;
}

export interface QueryOptions {
  timeoutMs: number;
  samples: number;
  /** Wall clock used for T1/T4 (tests may skew it); intervals come from the monotonic clock. */
  now?: () => number;
  signal?: AbortSignal;
}

type SampleOutcome =
  | { kind: 'ok'; offsetMs: number; delayMs: number; stratum: number; refid: string }
  | { kind: 'rejected'; reason: RejectReason; detail: string; kissCode?: string }
  | { kind: 'timeout'; detail: string }
  | { kind: 'error'; detail: string };

function sampleOnce(socket: dgram.Socket, address: string, port: number, opts: QueryOptions): Promise<SampleOutcome> {
  const now = opts.now ?? Date.now;
  return new Promise((resolve) => {
    const { packet, nonce } = encodeRequest();
    let ignored: SampleOutcome | undefined;
    const t1 = now();
    const p1 = performance.now();
    const finish = (outcome: SampleOutcome) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('error', onError);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onMessage = (msg: Buffer, rinfo: dgram.RemoteInfo) => {
      const t4 = t1 + (performance.now() - p1);
      if (rinfo.address !== address || rinfo.port !== port) {
        ignored = { kind: 'rejected', reason: 'spoofed-origin', detail: `a reply came from ${rinfo.address}:${rinfo.port}, not the server we asked` };
        return;
      }
      const decoded = decodeReply(msg, nonce, t1);
      if (!decoded.ok) {
        if (decoded.reason === 'spoofed-origin') {
          ignored = { kind: 'rejected', reason: decoded.reason, detail: decoded.detail };
          return; // keep waiting: a forged packet must not silence the real answer
        }
        finish({ kind: 'rejected', reason: decoded.reason, detail: decoded.detail, ...(decoded.kissCode ? { kissCode: decoded.kissCode } : {}) });
        return;
      }
      const r = decoded.reply;
      const { offsetMs, delayMs } = offsetAndDelay(t1, r.receiveMs, r.transmitMs, t4);
      finish({ kind: 'ok', offsetMs, delayMs: Math.max(0, delayMs), stratum: r.stratum, refid: r.refid });
    };
    const onError = (error: Error) => finish({ kind: 'error', detail: error.message });
    const onAbort = () => finish({ kind: 'timeout', detail: 'cancelled' });
    const timer = setTimeout(() => finish(ignored ?? { kind: 'timeout', detail: `no reply within ${opts.timeoutMs} ms (UDP ${port} blocked or the server is down)` }), opts.timeoutMs);
    socket.on('message', onMessage);
    socket.on('error', onError);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    socket.send(packet, port, address, (error) => {
      if (error) finish({ kind: 'error', detail: `could not send: ${error.message}` });
    });
  });
}

/** getaddrinfo has no timeout of its own; on a dead network it can hang far longer than a probe may. */
async function resolveHost(host: string, timeoutMs: number): Promise<{ address: string; family: 4 | 6 } | { error: string }> {
  const literal = isIP(host);
  if (literal) return { address: host, family: literal as 4 | 6 };
  const attempt = lookup(host).then(
    (r) => ({ address: r.address, family: r.family === 6 ? (6 as const) : (4 as const) }),
    (error: NodeJS.ErrnoException) => ({ error: `DNS lookup of ${host} failed (${error.code ?? 'error'})` }),
  );
  return withDeadline<{ address: string; family: 4 | 6 } | { error: string }>(attempt, timeoutMs, () => ({ error: `DNS lookup of ${host} did not answer within ${timeoutMs} ms` }));
}

export async function queryServer(server: ServerAddress, opts: QueryOptions): Promise<ServerResult> {
  const base = { server: server.label, host: server.host, port: server.port, samples: 0 };
  const resolved = await resolveHost(server.host, Math.max(1000, opts.timeoutMs * 2));
  if ('error' in resolved) return { ...base, status: 'dns-failure', detail: resolved.error };
  const socket = dgram.createSocket(resolved.family === 6 ? 'udp6' : 'udp4');
  socket.on('error', () => undefined); // errors are reported per sample
  const outcomes: SampleOutcome[] = [];
  try {
    for (let i = 0; i < Math.max(1, opts.samples) && !opts.signal?.aborted; i++) {
      const outcome = await sampleOnce(socket, resolved.address, server.port, opts);
      outcomes.push(outcome);
      if (outcome.kind === 'rejected' && outcome.reason === 'kiss-o-death') break;
    }
  } finally {
    socket.close();
  }
  const withAddress = { ...base, address: resolved.address, samples: outcomes.length };
  const good = outcomes.filter((o): o is Extract<SampleOutcome, { kind: 'ok' }> => o.kind === 'ok').sort((a, b) => a.delayMs - b.delayMs);
  const best = good[0];
  if (best) return { ...withAddress, status: 'ok', offsetMs: best.offsetMs, delayMs: best.delayMs, stratum: best.stratum, refid: best.refid };
  const rejected = outcomes.find((o): o is Extract<SampleOutcome, { kind: 'rejected' }> => o.kind === 'rejected');
  if (rejected) return { ...withAddress, status: 'rejected', reason: rejected.reason, detail: rejected.detail, ...(rejected.kissCode ? { kissCode: rejected.kissCode } : {}) };
  const error = outcomes.find((o) => o.kind === 'error');
  if (error) return { ...withAddress, status: 'error', detail: error.detail };
  const timeout = outcomes.find((o) => o.kind === 'timeout');
  return { ...withAddress, status: 'timeout', detail: timeout?.detail ?? 'no reply' };
}
