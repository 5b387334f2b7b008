// One clock measurement: every server at once, the agreeing answers' median as the verdict, and
// the HTTPS Date header only when no server answered at all.
import { performance } from 'node:perf_hooks';
import type { ClockMeasurement } from '../../shared/contract/clock';
import { badInput } from '../common/errors';
import { agree } from './agreement';
import type { ClockSettings } from './clock-config';
import { httpsDateOffset } from './https-date';
import { parseServerAddress, type ServerAddress } from './server-address';
import { queryServer, type ServerResult } from './sntp-client';

/** Parses every server or throws bad-input naming the first bad one. */
export function parseServers(servers: readonly string[]): ServerAddress[] {
  return servers.map((s) => {
    const parsed = parseServerAddress(s);
    if ('error' in parsed) throw badInput(`bad time server ${JSON.stringify(s.slice(0, 80))}: ${parsed.error}`);
    return parsed;
  });
}

export async function measureClock(settings: ClockSettings, options: { now?: () => number; signal?: AbortSignal } = {}): Promise<ClockMeasurement> {
  const started = performance.now();
  const now = options.now ?? Date.now;
  const addresses = parseServers(settings.servers);
  const query = { timeoutMs: settings.timeoutMs, samples: settings.samples, now, ...(options.signal ? { signal: options.signal } : {}) };
  const servers: ServerResult[] = await Promise.all(addresses.map((a) => queryServer(a, query)));
  const answers = servers.flatMap((s) => (s.status === 'ok' && s.offsetMs !== undefined ? [{ server: s.server, offsetMs: s.offsetMs, delayMs: s.delayMs ?? 0 }] : []));
  const agreement = agree(answers, settings.toleranceMs);
  const base = { servers, measuredAt: new Date(now()).toISOString() };
  if (agreement) {
    return { ...base, method: 'sntp', offsetMs: agreement.offsetMs, agreeing: agreement.agreeing, disagreeing: agreement.disagreeing, durationMs: Math.round(performance.now() - started) };
  }
  const httpsDate = await httpsDateOffset(settings.dateUrl, { timeoutMs: Math.max(settings.timeoutMs, 3000), now, ...(options.signal ? { signal: options.signal } : {}) });
  const fallback = httpsDate.ok && httpsDate.offsetMs !== undefined;
  return {
    ...base,
    method: fallback ? 'https-date' : 'none',
    ...(fallback ? { offsetMs: httpsDate.offsetMs } : {}),
    agreeing: [],
    disagreeing: [],
    httpsDate,
    durationMs: Math.round(performance.now() - started),
  };
}
