// A failed probe stage, classified in words a technician can act on.
import type { FailureKind } from '../../shared/contract/network';
import { withDeadline } from '../engine/deadline';

export class ProbeFailure extends Error {
  override name = 'ProbeFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly ms?: number,
  ) {
    super(message);
  }
}

const BY_CODE: Record<string, [FailureKind, string]> = {
  ENOTFOUND: ['dns-not-found', 'the name does not resolve (no such host, or no DNS server reachable)'],
  ENODATA: ['dns-not-found', 'the name has no address'],
  EAI_NONAME: ['dns-not-found', 'the name does not resolve'],
  EAI_AGAIN: ['dns-no-answer', 'no DNS server answered (temporary failure)'],
  ESERVFAIL: ['dns-no-answer', 'the DNS server failed to answer'],
  ECONNREFUSED: ['refused', 'connection refused (nothing listens there, or a firewall rejects it)'],
  ENETUNREACH: ['no-route', 'no route to the network'],
  EHOSTUNREACH: ['no-route', 'no route to the host'],
  EADDRNOTAVAIL: ['no-route', 'no usable local address for this destination'],
  ENETDOWN: ['no-route', 'the network is down'],
  ETIMEDOUT: ['timed-out', 'timed out'],
  ECONNRESET: ['reset', 'the connection was reset'],
  EPIPE: ['reset', 'the connection was closed by the other side'],
};

export function classify(error: unknown, fallback: FailureKind = 'failed'): ProbeFailure {
  if (error instanceof ProbeFailure) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? BY_CODE[code] : undefined;
  if (known) return new ProbeFailure(known[0], `${known[1]} (${code})`);
  const message = error instanceof Error ? error.message : String(error);
  return new ProbeFailure(fallback, message.slice(0, 300));
}

export const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/** Rejects with a timed-out ProbeFailure after `ms`, and runs `onTimeout` (destroy the socket). */
export function withProbeDeadline<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  return withDeadline(work, ms, () => {
    onTimeout?.();
    throw new ProbeFailure('timed-out', `${what} timed out after ${ms} ms`, ms);
  });
}
