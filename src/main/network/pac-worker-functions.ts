// The PAC built-in functions the sandbox offers, in place of pac-resolver's: its shExpMatch turned
// the PAC's pattern into a RegExp (unescaped, so "([^X]+)+X" backtracked for minutes on our own
// engine's thread), its myIpAddress opened a TCP connection to 8.8.8.8 without a timeout, and its
// alert printed to our stdout (which is the JSON document of `--json`). These take any argument
// a PAC passes (everything is made a string), build no RegExp from PAC text, and never block:
// the only waits are DNS lookups, one at a time, cached, and a bounded number per PAC.
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';

/** One segment of a glob between two `*`, matched at `at` (`?` is any one character). */
function segmentAt(text: string, at: number, segment: string): boolean {
  if (at < 0 || at + segment.length > text.length) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c !== 63 /* ? */ && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost place in [from, end) where `segment` fits, or -1. */
function findSegment(text: string, segment: string, from: number, end: number): number {
  if (!segment.includes('?')) {
    const at = text.indexOf(segment, from);
    return at >= 0 && at + segment.length <= end ? at : -1;
  }
  for (let at = from; at + segment.length <= end; at++) if (segmentAt(text, at, segment)) return at;
  return -1;
}

/**
 * Shell-style match of the whole `text`: `*` is any run of characters (also none), `?` exactly one,
 * every other character (RegExp metacharacters included) only itself; case-sensitive, like
 * browsers. Greedy leftmost placement of the pieces between the stars, which is exact for globs
 * and never backtracks across a star: O(text + pattern) for patterns without `?` (the search is
 * the engine's indexOf), O(text x longest piece) with `?`. Never exponential.
 */
export function globMatch(text: string, pattern: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return text.length === pattern.length && segmentAt(text, 0, pattern);
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (first.length + last.length > text.length) return false;
  if (!segmentAt(text, 0, first) || !segmentAt(text, text.length - last.length, last)) return false;
  const end = text.length - last.length;
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (!piece) continue;
    const at = findSegment(text, piece, pos, end);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return true;
}

/** "10.1.2.3" -> 32-bit number; anything else (names, IPv6, "1.2.3") -> undefined. */
export function ipv4Number(text: string): number | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** The first IPv4 address of an interface that is up and not loopback; loopback when none. */
export function localIpv4(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string {
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

export const MAX_PAC_DNS_LOOKUPS = 32;
const MAX_DNS_NAME = 253;

export interface PacFunctionOptions {
  /** The lookup behind dnsResolve/isInNet/isResolvable (tests pass a stand-in). */
  resolve4?: (host: string) => Promise<string | undefined>;
  maxLookups?: number;
}

const systemResolve4 = async (host: string) => (await lookup(host, { family: 4 })).address;

/**
 * The sandbox functions of one PAC (one DNS cache and lookup budget per PAC). pac-resolver's
 * weekdayRange, dateRange and timeRange stay: they only compare numbers with the clock.
 */
export function pacFunctions(options: PacFunctionOptions = {}) {
  const resolve4 = options.resolve4 ?? systemResolve4;
  const maxLookups = options.maxLookups ?? MAX_PAC_DNS_LOOKUPS;
  const cache = new Map<string, Promise<string | null>>();
  // One lookup at a time: the system resolver runs on the process's shared thread pool, and a
  // lookup cannot be cancelled, so a PAC can never hold more than one of its threads.
  let queue: Promise<unknown> = Promise.resolve();

  function dnsResolve(host: unknown): Promise<string | null> {
    const name = String(host);
    if (isIPv4(name)) return Promise.resolve(name);
    if (name.length > MAX_DNS_NAME) return Promise.resolve(null); // not a DNS name (and never a huge cache key)
    const known = cache.get(name);
    if (known) return known;
    if (cache.size >= maxLookups) return Promise.reject(new Error(`the PAC file asked for more than ${maxLookups} DNS lookups`));
    const result = queue.then(() => resolve4(name)).then(
      (address) => (address && isIPv4(address) ? address : null),
      () => null,
    );
    queue = result;
    cache.set(name, result);
    return result;
  }

  return {
    shExpMatch: (text: unknown, pattern: unknown): boolean => globMatch(String(text), String(pattern)),
    dnsDomainIs: (host: unknown, domain: unknown): boolean => String(host).endsWith(String(domain)),
    // As Chromium and Firefox: the same name, or `host` is the first labels of `hostdom`.
    localHostOrDomainIs: (host: unknown, hostdom: unknown): boolean => {
      const h = String(host);
      const d = String(hostdom);
      return h === d || d.startsWith(`${h}.`);
    },
    isPlainHostName: (host: unknown): boolean => !String(host).includes('.'),
    dnsDomainLevels: (host: unknown): number => {
      const h = String(host);
      let levels = 0;
      for (let i = h.indexOf('.'); i >= 0; i = h.indexOf('.', i + 1)) levels++;
      return levels;
    },
    dnsResolve: async (host: unknown): Promise<string | null> => dnsResolve(host),
    isResolvable: async (host: unknown): Promise<boolean> => (await dnsResolve(host)) !== null,
    isInNet: async (host: unknown, pattern: unknown, mask: unknown): Promise<boolean> => {
      const net = ipv4Number(String(pattern));
      const bits = ipv4Number(String(mask));
      if (net === undefined || bits === undefined) return false;
      const address = await dnsResolve(host);
      const ip = address === null ? undefined : ipv4Number(address);
      if (ip === undefined) return false;
      // Bitwise AND on 32-bit numbers: >>> 0 keeps them unsigned.
      return ((ip & bits) >>> 0) === ((net & bits) >>> 0);
    },
    myIpAddress: (): string => localIpv4(),
    alert: (): undefined => undefined,
  };
}
