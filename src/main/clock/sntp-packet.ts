// SNTP (RFC 4330) request encoding and reply validation. The request's transmit timestamp is a
// random nonce, not our clock: a reply counts only if its originate timestamp echoes those exact
// 8 bytes, so an off-path sender cannot forge an answer (and our clock is not disclosed).
import { randomBytes } from 'node:crypto';
import { readTimestamp } from './ntp-time';

export const NTP_PACKET_LENGTH = 48;
/** NTP's MAXDISP: a root delay or dispersion beyond 16 s means the server's time is not usable. */
const MAX_ROOT_MS = 16_000;

export type RejectReason =
  | 'truncated'
  | 'spoofed-origin'
  | 'not-server-mode'
  | 'bad-version'
  | 'kiss-o-death'
  | 'unsynchronised'
  | 'bad-stratum'
  | 'zero-transmit'
  | 'bad-root-distance'
  | 'bad-timestamps';

export interface SntpRequest {
  packet: Buffer;
  /** The 8 nonce bytes the server must echo as originate timestamp. */
  nonce: Buffer;
}

export interface SntpReply {
  leap: number;
  version: number;
  stratum: number;
  /** Reference id: a 4-letter source for stratum 1 ("GPS", "LOCL"), an IPv4 address (or IPv6 hash) above. */
  refid: string;
  rootDelayMs: number;
  rootDispersionMs: number;
  /** Server receive (T2) and transmit (T3) times, Unix ms. */
  receiveMs: number;
  transmitMs: number;
}

export type DecodeResult = { ok: true; reply: SntpReply } | { ok: false; reason: RejectReason; detail: string; kissCode?: string };

export function encodeRequest(nonce: Buffer = randomBytes(8)): SntpRequest {
  const packet = Buffer.alloc(NTP_PACKET_LENGTH);
  packet[0] = (0 << 6) | (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
  nonce.copy(packet, 40, 0, 8);
  return { packet, nonce: Buffer.from(nonce.subarray(0, 8)) };
}

/** Printable ASCII of a kiss code or stratum-1 refid; anything else is shown as hex. */
function asciiCode(bytes: Buffer): string {
  const text = bytes.toString('latin1').replace(/\0+$/, '');
  return /^[\x20-\x7e]{1,4}$/.test(text) ? text.trim() : `0x${bytes.toString('hex')}`;
}

function refidOf(stratum: number, bytes: Buffer): string {
  if (stratum <= 1) return asciiCode(bytes);
  return [...bytes].join('.');
}

/** Signed 16.16 fixed point (root delay) / unsigned (root dispersion), in ms. */
const fixed1616 = (buf: Buffer, at: number, signed: boolean) => ((signed ? buf.readInt32BE(at) : buf.readUInt32BE(at)) / 65536) * 1000;

/**
 * Validates a reply against our request. Every check of RFC 4330 §5 applies; the origin check
 * comes first so an unauthenticated sender can neither spoof a time nor a kiss-o'-death.
 */
export function decodeReply(buf: Buffer, nonce: Buffer, pivotMs: number): DecodeResult {
  if (buf.length < NTP_PACKET_LENGTH) return { ok: false, reason: 'truncated', detail: `reply of ${buf.length} bytes, an NTP packet has at least ${NTP_PACKET_LENGTH}` };
  if (!buf.subarray(24, 32).equals(nonce)) return { ok: false, reason: 'spoofed-origin', detail: 'the originate timestamp is not the one we sent (spoofed or stale reply)' };
  const leap = buf[0]! >> 6;
  const version = (buf[0]! >> 3) & 7;
  const mode = buf[0]! & 7;
  const stratum = buf[1]!;
  if (mode !== 4) return { ok: false, reason: 'not-server-mode', detail: `mode ${mode}, a server reply has mode 4` };
  if (version < 1 || version > 4) return { ok: false, reason: 'bad-version', detail: `NTP version ${version}` };
  if (stratum === 0) {
    const kissCode = asciiCode(buf.subarray(12, 16));
    return { ok: false, reason: 'kiss-o-death', kissCode, detail: `kiss-o'-death ${kissCode}${KISS_MEANING[kissCode] ? ` (${KISS_MEANING[kissCode]})` : ''}` };
  }
  if (leap === 3) return { ok: false, reason: 'unsynchronised', detail: 'leap indicator 3: the server says its own clock is not synchronised' };
  if (stratum > 15) return { ok: false, reason: 'bad-stratum', detail: `stratum ${stratum} (16 and above mean unsynchronised)` };
  if (buf.readUInt32BE(40) === 0 && buf.readUInt32BE(44) === 0) return { ok: false, reason: 'zero-transmit', detail: 'the transmit timestamp is zero' };
  if (buf.readUInt32BE(32) === 0 && buf.readUInt32BE(36) === 0) return { ok: false, reason: 'bad-timestamps', detail: 'the receive timestamp is zero' };
  const rootDelayMs = fixed1616(buf, 4, true);
  const rootDispersionMs = fixed1616(buf, 8, false);
  if (rootDelayMs < 0 || rootDelayMs > MAX_ROOT_MS || rootDispersionMs > MAX_ROOT_MS) {
    return { ok: false, reason: 'bad-root-distance', detail: `root delay ${rootDelayMs.toFixed(1)} ms / dispersion ${rootDispersionMs.toFixed(1)} ms is not sane` };
  }
  const receiveMs = readTimestamp(buf, 32, pivotMs);
  const transmitMs = readTimestamp(buf, 40, pivotMs);
  if (transmitMs < receiveMs) return { ok: false, reason: 'bad-timestamps', detail: 'the server says it answered before it received our request' };
  return { ok: true, reply: { leap, version, stratum, refid: refidOf(stratum, buf.subarray(12, 16)), rootDelayMs, rootDispersionMs, receiveMs, transmitMs } };
}

export const KISS_MEANING: Record<string, string> = {
  RATE: 'we asked too often; the server asks us to slow down',
  DENY: 'the server refuses to serve us',
  RSTR: 'access restricted by the server',
  AUTH: 'authentication failed',
  CRYP: 'cryptographic authentication failed',
  NKEY: 'no key found',
  STEP: 'the server is stepping its clock',
  INIT: 'the server has not synchronised yet',
};

/** RFC 4330: offset = ((T2 - T1) + (T3 - T4)) / 2, delay = (T4 - T1) - (T3 - T2). */
export function offsetAndDelay(t1: number, t2: number, t3: number, t4: number): { offsetMs: number; delayMs: number } {
  return { offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2) };
}
