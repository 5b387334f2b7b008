// DNS as the OS resolves it for apps (getaddrinfo: hosts file, then DNS), with a timeout.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ProbeFailure, classify, elapsed, withProbeDeadline } from './probe-failure';

export interface DnsResult {
  addresses: string[];
  ms: number;
}

export async function probeDns(host: string, timeoutMs: number): Promise<DnsResult> {
  if (isIP(host)) return { addresses: [host], ms: 0 };
  const start = performance.now();
  try {
    const answers = await withProbeDeadline(lookup(host, { all: true, verbatim: true }), timeoutMs, 'DNS lookup');
    if (!answers.length) throw new ProbeFailure('dns-not-found', 'the name has no address');
    return { addresses: answers.map((a) => a.address), ms: elapsed(start) };
  } catch (error) {
    const failure = classify(error, 'dns-no-answer');
    throw new ProbeFailure(failure.kind, failure.message, elapsed(start));
  }
}
