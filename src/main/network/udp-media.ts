// Teams media (UDP 3478-3481) as information: a STUN binding request to the media relay on each
// port; an answer with our transaction id means UDP gets out. Blocked UDP makes Teams fall back to
// TCP/443 (worse calls), it does not block sign-in.
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { z } from 'zod';
import type { UdpResultSchema } from '../../shared/contract/network';
import { classify, elapsed, withProbeDeadline } from './probe-failure';

type UdpResult = z.infer<typeof UdpResultSchema>;
const MAGIC_COOKIE = 0x2112a442;

export function stunBindingRequest(txid: Buffer): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16BE(0x0001, 0); // Binding Request
  b.writeUInt16BE(0, 2);
  b.writeUInt32BE(MAGIC_COOKIE, 4);
  txid.copy(b, 8, 0, 12);
  return b;
}

/** A Binding success or error response carrying our transaction id. */
export function isStunResponseFor(msg: Buffer, txid: Buffer): boolean {
  if (msg.length < 20) return false;
  const type = msg.readUInt16BE(0);
  return (type === 0x0101 || type === 0x0111) && msg.readUInt32BE(4) === MAGIC_COOKIE && msg.subarray(8, 20).equals(txid.subarray(0, 12));
}

async function probePort(address: string, host: string, port: number, timeoutMs: number): Promise<UdpResult> {
  const start = performance.now();
  const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
  const txid = randomBytes(12);
  try {
    await withProbeDeadline(
      new Promise<void>((resolve, reject) => {
        socket.on('message', (msg) => {
          if (isStunResponseFor(msg, txid)) resolve();
        });
        socket.on('error', reject);
        socket.send(stunBindingRequest(txid), port, address);
      }),
      timeoutMs,
      `UDP ${port}`,
    );
    return { host, port, ok: true, ms: elapsed(start), message: 'the media relay answered' };
  } catch (error) {
    const f = classify(error);
    return { host, port, ok: false, ms: elapsed(start), message: f.kind === 'timed-out' ? `no answer within ${timeoutMs} ms (UDP blocked, or the relay does not answer)` : f.message };
  } finally {
    socket.close();
  }
}

export async function probeUdpMedia(host: string, ports: readonly number[], dnsTimeoutMs: number, timeoutMs: number): Promise<UdpResult[]> {
  let address = host;
  if (!isIP(host)) {
    try {
      address = (await withProbeDeadline(lookup(host), dnsTimeoutMs, 'DNS lookup')).address;
    } catch (error) {
      const f = classify(error, 'dns-no-answer');
      return ports.map((port) => ({ host, port, ok: false, message: `the relay's name: ${f.message}` }));
    }
  }
  return Promise.all(ports.map((port) => probePort(address, host, port, timeoutMs)));
}
