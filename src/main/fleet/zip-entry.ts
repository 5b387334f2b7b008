// One file out of a zip (report.json out of a support bundle), without a zip library: the bundles are
// written by yazl (stored or deflated entries, no ZIP64 for files this small), so the end record, the
// central directory and one local header are all there is to read. The zip is hostile: every offset
// is bounds-checked, encrypted, ZIP64 and unknown methods are refused, and inflating stops at `maxBytes`.
import { inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** More entries than a support bundle ever has is not a bundle. */
const MAX_ENTRIES = 1000;

export type ZipEntryResult = { ok: true; data: Buffer } | { ok: false; why: string };

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SEARCH);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The first entry whose name `wanted` accepts, inflated; or why not. */
export function readZipEntry(buf: Buffer, wanted: (name: string) => boolean, maxBytes: number): ZipEntryResult {
  if (buf.length < 22) return { ok: false, why: 'too short to be a zip' };
  const end = findEnd(buf);
  if (end < 0) return { ok: false, why: 'no end of central directory (cut short?)' };
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, why: 'ZIP64 is not read' };
  if (count > MAX_ENTRIES) return { ok: false, why: 'too many entries for a support bundle' };
  if (offset + size > end) return { ok: false, why: 'the central directory is outside the file' };
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, why: 'a damaged central directory' };
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLength > end) return { ok: false, why: 'a damaged central directory' };
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (flags & 0x1) return { ok: false, why: `${name} is encrypted` };
    if (uncompressed > maxBytes) return { ok: false, why: `${name} is larger than it may be` };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return { ok: false, why: 'a damaged local header' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return { ok: false, why: `${name} is cut short` };
    const raw = buf.subarray(start, start + compressed);
    if (method === 0) return raw.length === uncompressed ? { ok: true, data: Buffer.from(raw) } : { ok: false, why: `${name} has the wrong size` };
    if (method !== 8) return { ok: false, why: `${name} uses a compression this reader does not know` };
    try {
      // The size in the directory may lie: inflating stops at the cap either way (no zip bomb).
      const data = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
      return data.length === uncompressed ? { ok: true, data } : { ok: false, why: `${name} has the wrong size` };
    } catch {
      return { ok: false, why: `${name} does not inflate (damaged, or larger than it may be)` };
    }
  }
  return { ok: false, why: 'no report.json in it' };
}
