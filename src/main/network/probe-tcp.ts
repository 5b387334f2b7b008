// A TCP connection with its own timeout; the socket stays open for TLS or a proxy CONNECT.
import { connect, type Socket } from 'node:net';
import { ProbeFailure, classify, elapsed, withProbeDeadline } from './probe-failure';

export interface TcpResult {
  socket: Socket;
  ms: number;
}

export async function connectTcp(host: string, port: number, timeoutMs: number): Promise<TcpResult> {
  const start = performance.now();
  const socket = connect({ host, port });
  socket.setNoDelay(true);
  let onError: (e: Error) => void = () => undefined;
  try {
    await withProbeDeadline(
      new Promise<void>((resolve, reject) => {
        onError = reject;
        socket.once('connect', () => resolve());
        socket.on('error', onError);
      }),
      timeoutMs,
      `TCP connect to ${host}:${port}`,
      () => socket.destroy(),
    );
    socket.off('error', onError);
    socket.on('error', () => undefined); // later errors surface through the next stage
    return { socket, ms: elapsed(start) };
  } catch (error) {
    socket.destroy();
    const failure = classify(error);
    throw new ProbeFailure(failure.kind, failure.message, elapsed(start));
  }
}
