// PIV and legacy CAC command APDUs and status words (NIST SP 800-73-4; GSC-IS for CAC).
export const PIV_AID = Uint8Array.from([0xa0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00]);
/** GSC-IS CAC applets probed when PIV is absent. */
export const CAC_AIDS: readonly Uint8Array[] = [0x00, 0x01, 0x02].map((last) => Uint8Array.from([0xa0, 0x00, 0x00, 0x00, 0x79, 0x01, last]));

export const OBJECT_TAGS = {
  ccc: 0x5fc107,
  chuid: 0x5fc102,
  discovery: 0x7e,
} as const;

export const CERT_SLOTS = [
  { slot: '9a', tag: 0x5fc105, name: 'PIV Authentication' },
  { slot: '9c', tag: 0x5fc10a, name: 'Digital Signature' },
  { slot: '9d', tag: 0x5fc10b, name: 'Key Management' },
  { slot: '9e', tag: 0x5fc101, name: 'Card Authentication' },
] as const;

export function selectAid(aid: Uint8Array): Uint8Array {
  return Uint8Array.from([0x00, 0xa4, 0x04, 0x00, aid.length, ...aid, 0x00]);
}

/** GET DATA with the object's tag in a 5C list (1 or 3 tag bytes). */
export function getData(tag: number): Uint8Array {
  const tagBytes = tag > 0xff ? [(tag >> 16) & 0xff, (tag >> 8) & 0xff, tag & 0xff] : [tag];
  return Uint8Array.from([0x00, 0xcb, 0x3f, 0xff, tagBytes.length + 2, 0x5c, tagBytes.length, ...tagBytes, 0x00]);
}

export function getResponse(le: number): Uint8Array {
  return Uint8Array.from([0x00, 0xc0, 0x00, 0x00, le & 0xff]);
}

/** The same command with Le replaced (after 6Cxx). Short APDUs only: Le is the last byte. */
export function withLe(apdu: Uint8Array, le: number): Uint8Array {
  const out = Uint8Array.from(apdu);
  // Case 2 (4 header bytes + Le) or case 4 (header, Lc, data, Le): Le is last either way.
  if (out.length === 4) return Uint8Array.from([...out, le & 0xff]);
  out[out.length - 1] = le & 0xff;
  return out;
}

export interface Response {
  data: Uint8Array;
  sw: number;
}

export function splitResponse(raw: Uint8Array): Response {
  if (raw.length < 2) throw new RangeError(`card answered ${raw.length} byte(s); a response needs a 2-byte status word`);
  return { data: raw.subarray(0, raw.length - 2), sw: (raw[raw.length - 2]! << 8) | raw[raw.length - 1]! };
}

export const SW = {
  OK: 0x9000,
  NOT_FOUND: 0x6a82,
  SECURITY: 0x6982,
} as const;

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}
