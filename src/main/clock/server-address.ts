// Parses a time server given as `host`, `host:port`, an IPv4 literal, an IPv6 literal or `[v6]:port`.
// Anything else (spaces, quotes, a leading "-", a port out of range) is refused with a reason.
import { isIP } from 'node:net';

export const NTP_PORT = 123;

export interface ServerAddress {
  /** As the user wrote it, for reports. */
  label: string;
  host: string;
  port: number;
}

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_RE = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`);

function port(text: string | undefined): number | undefined {
  if (text === undefined) return NTP_PORT;
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

export function parseServerAddress(input: string): ServerAddress | { error: string } {
  const label = input.trim();
  if (!label || label.length > 300) return { error: 'empty or too long' };
  let host: string;
  let portText: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(label);
  if (bracket) {
    host = bracket[1]!;
    portText = bracket[2];
    if (isIP(host) !== 6) return { error: `${label}: not an IPv6 address in brackets` };
  } else if (isIP(label) === 6) {
    host = label;
  } else {
    const parts = label.split(':');
    if (parts.length > 2) return { error: `${label}: write an IPv6 address with a port as [address]:port` };
    host = parts[0]!;
    portText = parts[1];
    if (isIP(host) !== 4 && (!HOSTNAME_RE.test(host) || /^[\d.]+$/.test(host))) return { error: `${label}: not a host name or IP address` };
  }
  const p = port(portText);
  if (p === undefined) return { error: `${label}: the port must be a number from 1 to 65535` };
  return { label, host, port: p };
}
