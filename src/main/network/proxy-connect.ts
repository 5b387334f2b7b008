// HTTP CONNECT through a proxy: the tunnel the TLS handshake then runs in. A 407 is reported as
// "proxy authentication required" (with the scheme the proxy asks for), never as a network fault.
import type { Socket } from 'node:net';
import { ProbeFailure, classify, elapsed, withProbeDeadline } from './probe-failure';
import type { ProxyAddress } from './proxy-rules';

const MAX_HEADER_BYTES = 16 * 1024;

export interface ConnectResult {
  status: number;
  ms: number;
}

function readHead(socket: Socket): Promise<{ head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        cleanup();
        resolve({ head: buffer.subarray(0, end).toString('latin1'), rest: buffer.subarray(end + 4) });
      } else if (buffer.length > MAX_HEADER_BYTES) {
        cleanup();
        reject(new ProbeFailure('proxy-refused', 'the proxy sent an oversized answer to CONNECT'));
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new ProbeFailure('reset', 'the proxy closed the connection without answering CONNECT'));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('error', onError);
  });
}

/** Sends CONNECT host:port on an open socket to the proxy; resolves when the tunnel is up. */
export async function proxyConnect(socket: Socket, proxy: ProxyAddress, host: string, port: number, timeoutMs: number): Promise<ConnectResult> {
  const start = performance.now();
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`, 'User-Agent: signin-doctor'];
  if (proxy.username !== undefined) {
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64')}`);
  }
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  let head: string;
  let rest: Buffer;
  try {
    ({ head, rest } = await withProbeDeadline(readHead(socket), timeoutMs, 'the proxy CONNECT', () => socket.destroy()));
  } catch (error) {
    const failure = classify(error);
    throw new ProbeFailure(failure.kind, `proxy CONNECT: ${failure.message}`, elapsed(start));
  }
  const statusLine = head.split('\r\n', 1)[0] ?? '';
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!m) throw new ProbeFailure('proxy-refused', `the proxy answered CONNECT with something that is not HTTP: ${statusLine.slice(0, 80)}`, elapsed(start));
  const status = Number(m[1]);
  if (status === 407) {
    const scheme = /^proxy-authenticate:\s*(\S+)/im.exec(head)?.[1];
    throw new ProbeFailure(
      'proxy-auth-required',
      `proxy authentication required (HTTP 407${scheme ? `, the proxy asks for ${scheme}` : ''})${proxy.username !== undefined ? ': the credentials given were refused' : ''}`,
      elapsed(start),
    );
  }
  if (status < 200 || status > 299) throw new ProbeFailure('proxy-refused', `the proxy refused the tunnel: ${statusLine.slice(0, 120)}`, elapsed(start));
  if (rest.length) socket.unshift(rest);
  return { status, ms: elapsed(start) };
}
