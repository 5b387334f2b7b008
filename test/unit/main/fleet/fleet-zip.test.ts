// report.json out of a support bundle without a zip library: bundles written by the real writer
// (zipBundle, yazl) deflated and stored, and hostile zips: cut short, a lying directory size (a
// zip bomb), an entry over the cap, an encrypted entry, ZIP64 marks, an unknown method.
import { deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { zipBundle } from '../../../../src/main/report/bundle';
import { isZip, readZipEntry } from '../../../../src/main/fleet/zip-entry';

const isReport = (name: string) => name === 'report.json';
const REPORT = JSON.stringify({ schemaVersion: 2, findings: [], padding: 'x'.repeat(5000) });

function storedZip(entries: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name, { compress: false, mtime: new Date('2026-11-23T07:00:00Z') });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}

/** Offsets of the central directory entry of `name` in a zip. */
function centralEntry(zip: Buffer, name: string): number {
  const at = zip.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), 0);
  for (let i = at; i >= 0; i = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) {
    const length = zip.readUInt16LE(i + 28);
    if (zip.toString('utf8', i + 46, i + 46 + length) === name) return i;
  }
  throw new Error(`no ${name}`);
}

describe('reading report.json out of a zip', () => {
  it('reads it from a bundle the real writer made (deflated) and from a stored zip', async () => {
    const bundle = await zipBundle([{ name: 'message-for-it.txt', content: Buffer.from('hello'), summary: '' }, { name: 'report.json', content: Buffer.from(REPORT), summary: '' }], new Date('2026-11-23T07:00:00Z'));
    expect(isZip(bundle)).toBe(true);
    const read = readZipEntry(bundle, isReport, 1024 * 1024);
    expect(read).toEqual({ ok: true, data: Buffer.from(REPORT) });
    const stored = await storedZip({ 'a.txt': 'a', 'report.json': REPORT });
    expect(readZipEntry(stored, isReport, 1024 * 1024)).toEqual({ ok: true, data: Buffer.from(REPORT) });
  });

  it('refuses what is broken or hostile, with the reason, and never inflates past the cap', async () => {
    const bundle = await zipBundle([{ name: 'report.json', content: Buffer.from(REPORT), summary: '' }], new Date('2026-11-23T07:00:00Z'));
    expect(readZipEntry(bundle.subarray(0, bundle.length - 30), isReport, 1 << 20)).toMatchObject({ ok: false, why: expect.stringMatching(/end of central directory/) });
    expect(readZipEntry(bundle.subarray(0, 40), isReport, 1 << 20)).toMatchObject({ ok: false });
    expect(readZipEntry(await storedZip({ 'notes.txt': 'n' }), isReport, 1 << 20)).toEqual({ ok: false, why: 'no report.json in it' });
    expect(readZipEntry(bundle, isReport, 100)).toEqual({ ok: false, why: 'report.json is larger than it may be' });

    // A zip bomb: 50 MB of zeros deflate to a few KB, and the directory claims 100 bytes.
    const bomb = Buffer.from(bundle);
    const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const entry = centralEntry(bomb, 'report.json');
    const local = bomb.readUInt32LE(entry + 42);
    const dataAt = local + 30 + bomb.readUInt16LE(local + 26) + bomb.readUInt16LE(local + 28);
    const rebuilt = Buffer.concat([bomb.subarray(0, dataAt), zeros, bomb.subarray(dataAt + bomb.readUInt32LE(entry + 20))]);
    const shift = zeros.length - bomb.readUInt32LE(entry + 20);
    const newEntry = entry + shift;
    rebuilt.writeUInt32LE(zeros.length, newEntry + 20);
    rebuilt.writeUInt32LE(100, newEntry + 24);
    const eocd = rebuilt.length - 22;
    rebuilt.writeUInt32LE(rebuilt.readUInt32LE(eocd + 16) + shift, eocd + 16);
    expect(readZipEntry(rebuilt, isReport, 1024 * 1024)).toEqual({ ok: false, why: 'report.json does not inflate (damaged, or larger than it may be)' });

    const encrypted = Buffer.from(bundle);
    encrypted.writeUInt16LE(1, centralEntry(encrypted, 'report.json') + 8);
    expect(readZipEntry(encrypted, isReport, 1 << 20)).toEqual({ ok: false, why: 'report.json is encrypted' });
    const method = Buffer.from(bundle);
    method.writeUInt16LE(12, centralEntry(method, 'report.json') + 10);
    expect(readZipEntry(method, isReport, 1 << 20)).toEqual({ ok: false, why: 'report.json uses a compression this reader does not know' });
    const zip64 = Buffer.from(bundle);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16);
    expect(readZipEntry(zip64, isReport, 1 << 20)).toEqual({ ok: false, why: 'ZIP64 is not read' });
    const outside = Buffer.from(bundle);
    outside.writeUInt32LE(outside.length, outside.length - 22 + 16);
    expect(readZipEntry(outside, isReport, 1 << 20)).toEqual({ ok: false, why: 'the central directory is outside the file' });
  });
});
