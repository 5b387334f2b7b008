// NTP timestamps (64-bit: seconds since 1900 + 32-bit fraction) to and from Unix milliseconds.
// The seconds field wraps every 2^32 s (era 0 ends in February 2036), so a timestamp is read in
// the era that puts it closest to a pivot (our own clock): correct within ±68 years of it.

export const NTP_UNIX_OFFSET_S = 2_208_988_800;
const ERA_MS = 2 ** 32 * 1000;

export function ntpToUnixMs(seconds: number, fraction: number, pivotMs: number): number {
  const base = (seconds - NTP_UNIX_OFFSET_S) * 1000 + (fraction / 2 ** 32) * 1000;
  const era = Math.round((pivotMs - base) / ERA_MS);
  return base + era * ERA_MS;
}

export function unixMsToNtp(ms: number): { seconds: number; fraction: number } {
  const totalS = Math.floor(ms / 1000);
  const seconds = (((totalS + NTP_UNIX_OFFSET_S) % 2 ** 32) + 2 ** 32) % 2 ** 32;
  const fraction = Math.floor(((ms - totalS * 1000) / 1000) * 2 ** 32) >>> 0;
  return { seconds, fraction };
}

export function readTimestamp(buf: Buffer, at: number, pivotMs: number): number {
  return ntpToUnixMs(buf.readUInt32BE(at), buf.readUInt32BE(at + 4), pivotMs);
}

export function writeTimestamp(buf: Buffer, at: number, ms: number): void {
  const { seconds, fraction } = unixMsToNtp(ms);
  buf.writeUInt32BE(seconds, at);
  buf.writeUInt32BE(fraction, at + 4);
}
