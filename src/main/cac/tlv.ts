// BER-TLV as PIV uses it (tags of 1-3 bytes, lengths up to 3 bytes). Every read is bounds-checked:
// a hostile card's truncated or oversized TLV becomes a TlvError, never an out-of-range slice.
export class TlvError extends Error {
  override name = 'TlvError';
}

export interface Tlv {
  tag: number;
  value: Uint8Array;
}

/** A PIV object is never larger than this (SP 800-73-4 caps containers well below 64 KB). */
export const MAX_TLV_LENGTH = 0xffff;

function readTag(buf: Uint8Array, pos: number): { tag: number; next: number } {
  if (pos >= buf.length) throw new TlvError('truncated TLV: missing tag');
  let tag = buf[pos]!;
  let next = pos + 1;
  if ((tag & 0x1f) === 0x1f) {
    // Multi-byte tag: continuation bit 0x80 on every byte but the last; PIV uses at most 3 bytes.
    for (let i = 0; ; i++) {
      if (next >= buf.length) throw new TlvError('truncated TLV: multi-byte tag');
      if (i >= 2) throw new TlvError('TLV tag longer than 3 bytes');
      const b = buf[next++]!;
      tag = (tag << 8) | b;
      if ((b & 0x80) === 0) break;
    }
  }
  return { tag, next };
}

function readLength(buf: Uint8Array, pos: number): { length: number; next: number } {
  if (pos >= buf.length) throw new TlvError('truncated TLV: missing length');
  const first = buf[pos]!;
  if (first < 0x80) return { length: first, next: pos + 1 };
  const count = first & 0x7f;
  if (count === 0 || count > 3) throw new TlvError(`unsupported TLV length form 0x${first.toString(16)}`);
  if (pos + 1 + count > buf.length) throw new TlvError('truncated TLV: length bytes');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + buf[pos + 1 + i]!;
  if (length > MAX_TLV_LENGTH) throw new TlvError(`TLV length ${length} is too large`);
  return { length, next: pos + 1 + count };
}

/** Parses consecutive TLVs at one level. Padding bytes 0x00/0xFF between objects are skipped. */
export function parseTlvs(buf: Uint8Array, maxItems = 256): Tlv[] {
  const out: Tlv[] = [];
  let pos = 0;
  while (pos < buf.length) {
    if (buf[pos] === 0x00 || buf[pos] === 0xff) {
      pos++;
      continue;
    }
    if (out.length >= maxItems) throw new TlvError(`more than ${maxItems} TLV items`);
    const { tag, next } = readTag(buf, pos);
    const { length, next: valueStart } = readLength(buf, next);
    if (valueStart + length > buf.length) throw new TlvError(`truncated TLV: tag ${tag.toString(16)} wants ${length} bytes, ${buf.length - valueStart} left`);
    out.push({ tag, value: buf.subarray(valueStart, valueStart + length) });
    pos = valueStart + length;
  }
  return out;
}

/** The single outer TLV that must start the buffer (trailing bytes are ignored, as cards pad). */
export function parseOuter(buf: Uint8Array, expectedTag: number): Uint8Array {
  const { tag, next } = readTag(buf, 0);
  if (tag !== expectedTag) throw new TlvError(`expected tag ${expectedTag.toString(16)}, got ${tag.toString(16)}`);
  const { length, next: valueStart } = readLength(buf, next);
  if (valueStart + length > buf.length) throw new TlvError(`truncated TLV: tag ${tag.toString(16)} wants ${length} bytes, ${buf.length - valueStart} left`);
  return buf.subarray(valueStart, valueStart + length);
}

export function findTag(items: readonly Tlv[], tag: number): Uint8Array | undefined {
  return items.find((t) => t.tag === tag)?.value;
}

/** Encodes one TLV (used for command data and by the test card). */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes: number[] = [];
  for (let t = tag; t > 0; t = Math.floor(t / 256)) tagBytes.unshift(t & 0xff);
  if (tagBytes.length === 0) tagBytes.push(0);
  const len = value.length;
  const lenBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(tagBytes.length + lenBytes.length + len);
  out.set(tagBytes, 0);
  out.set(lenBytes, tagBytes.length);
  out.set(value, tagBytes.length + lenBytes.length);
  return out;
}
