// Small rules shared by every proxy source: which proxy a "ProxyServer" string names for a scheme,
// how credentials are hidden for display, and whether a host is on a bypass list.
import { isIP } from 'node:net';

export type BypassStyle = 'wininet' | 'env' | 'gnome' | 'macos';

/** A proxy address as we use it: host, port and (env/config only) credentials. */
export interface ProxyAddress {
  host: string;
  port: number;
  username?: string;
  password?: string;
}

/** WinINET / WinHTTP server strings: "host:port" or "http=h:p;https=h:p;socks=h:p". */
export function proxyForScheme(server: string | undefined, scheme: 'http' | 'https'): string | undefined {
  if (!server) return undefined;
  const entries = server.split(/[;\s]+/).filter(Boolean);
  if (!entries.some((e) => e.includes('='))) return entries[0]?.replace(/^https?:\/\//i, '');
  const match = entries.find((e) => e.toLowerCase().startsWith(`${scheme}=`));
  return match?.slice(scheme.length + 1).replace(/^https?:\/\//i, '');
}

/** "host:port", "http://user:pass@host:port/" or "[::1]:8080" -> address; undefined when unusable. */
export function parseProxyAddress(text: string | undefined, defaultPort = 8080): ProxyAddress | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : defaultPort;
  return {
    host,
    port,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/** For display and evidence: never the credentials. */
export function displayProxy(text: string | undefined): string | undefined {
  if (!text) return text;
  return text.replace(/(\/\/)[^/@\s]*@/, '$1***@');
}

export function formatAddress(a: ProxyAddress): string {
  return `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** "10.0.0.0/8" or macOS's short form "169.254/16". */
function inCidr(host: string, pattern: string): boolean {
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,3})\/(\d{1,2})$/.exec(pattern);
  if (!m || isIP(host) !== 4) return false;
  const parts = m[1]!.split('.');
  while (parts.length < 4) parts.push('0');
  const bits = Number(m[2]);
  if (bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((ipv4ToInt(host) & mask) >>> 0) === ((ipv4ToInt(parts.join('.')) & mask) >>> 0);
}

/** True when `host` (port `port`) must be reached directly according to the bypass list. */
export function bypasses(host: string, port: number, patterns: readonly string[], style: BypassStyle): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const raw of patterns) {
    let p = raw.trim().toLowerCase();
    if (!p) continue;
    if (p === '<local>') {
      if (style === 'wininet' && !h.includes('.') && isIP(h) === 0) return true;
      continue;
    }
    if (p === '*') return true;
    const portMatch = /^(.+):(\d+)$/.exec(p);
    if (portMatch && !p.includes('/') && isIP(p) === 0) {
      if (Number(portMatch[2]) !== port) continue;
      p = portMatch[1]!;
    }
    if (p.includes('/')) {
      if (inCidr(h, p)) return true;
      continue;
    }
    if (p.includes('*')) {
      if (globToRegExp(p).test(h)) return true;
      continue;
    }
    if (style === 'env' || style === 'macos') {
      const bare = p.replace(/^\./, '');
      if (h === bare || h.endsWith(`.${bare}`)) return true;
      continue;
    }
    if (h === p) return true;
  }
  return false;
}

/** WinINET's ProxyOverride / WinHTTP's bypass list: entries separated by ";" (spaces tolerated). */
export function splitBypassList(text: string | undefined): string[] {
  return (text ?? '').split(/[;,\s]+/).map((s) => s.trim()).filter(Boolean);
}
