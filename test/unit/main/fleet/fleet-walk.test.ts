// The walk over PATHs and the reading of one file, on a real folder tree: name order, only *.json and
// *.zip inside folders (any file named on the command line), folders past the depth limit, links
// followed once (a loop and a second way to a file are skipped), a pipe never opened, and the
// encodings a collected file comes in (UTF-8 with or without a byte-order mark, UTF-16 LE and BE).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMachineText, readMachineFile } from '../../../../src/main/fleet/read-input';
import { walkInputs, type WalkItem } from '../../../../src/main/fleet/walk-inputs';
import { tempDir } from '../../../support/browser';

async function walk(paths: string[], maxDepth?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const item of walkInputs(paths, maxDepth) as AsyncGenerator<WalkItem>) out.push(item.kind === 'file' ? `file ${item.display}` : item.kind === 'skip' ? `skip ${item.reason} ${item.display}` : 'ignored');
  return out;
}

describe('walking the PATHs', () => {
  it('goes in name order, opens only .json and .zip inside folders, and skips loops, second links, pipes and depth', async () => {
    const root = tempDir('fleet-walk');
    mkdirSync(join(root, 'b/c/d'), { recursive: true });
    writeFileSync(join(root, 'b/2.json'), '{}');
    writeFileSync(join(root, 'b/1.ZIP'), 'x');
    writeFileSync(join(root, 'b/c/d/deep.json'), '{}');
    writeFileSync(join(root, 'a.txt'), 'x');
    symlinkSync('b', join(root, 'link-to-b'));
    symlinkSync(join('b', '2.json'), join(root, 'c.json'));
    execFileSync('/usr/bin/mkfifo', [join(root, 'p.json')]);
    expect(await walk([root], 2)).toEqual([
      'ignored',
      'file b/1.ZIP',
      'file b/2.json',
      'skip too-deep b/c/d',
      'skip seen-already c.json',
      'skip link-loop link-to-b',
      'skip special-file p.json',
    ]);
    // A file named on the command line is read whatever its name; a missing one is unreadable.
    expect(await walk([join(root, 'a.txt'), join(root, 'gone.json')])).toEqual(['file a.txt', 'skip unreadable gone.json']);
  });

  it('does not follow a link out of the folder given: it is skipped and counted, the folder itself may be a link', async () => {
    const base = tempDir('fleet-walk-outside');
    const outside = join(base, 'outside');
    mkdirSync(join(outside, 'deep'), { recursive: true });
    writeFileSync(join(outside, 'secret.json'), '{}');
    writeFileSync(join(outside, 'deep/more.json'), '{}');
    const root = join(base, 'fleet');
    mkdirSync(join(root, 'pc'), { recursive: true });
    writeFileSync(join(root, 'pc/diagnose.json'), '{}');
    symlinkSync(outside, join(root, 'r'));
    symlinkSync(join(outside, 'secret.json'), join(root, 'pc/out.json'));
    symlinkSync('diagnose.json', join(root, 'pc/in.json'));
    const expected = ['file pc/diagnose.json', 'skip seen-already pc/in.json', 'skip link-outside pc/out.json', 'skip link-outside r'];
    expect(await walk([root])).toEqual(expected);
    // Given through a link, the folder is walked as its real self: the same entries inside, the same outside.
    symlinkSync(root, join(base, 'via-link'));
    expect(await walk([join(base, 'via-link')])).toEqual(expected);
    // Named on the command line, the outside file is read: it was given, not found.
    expect(await walk([join(root, 'pc/out.json')])).toEqual(['file out.json']);
  });

  it('a pipe or socket in a walked folder is ignored unless it is named like a machine file', async () => {
    const root = tempDir('fleet-walk-names');
    execFileSync('/usr/bin/mkfifo', [join(root, 'p.fifo'), join(root, 'q.json')]);
    expect(await walk([root])).toEqual(['ignored', 'skip special-file q.json']);
  });
});

describe('reading one file', () => {
  const dir = tempDir('fleet-read');
  const doc = { kind: 'diagnose', note: 'Grüße' };
  const text = JSON.stringify(doc);

  it('reads UTF-8 (with or without a byte-order mark) and UTF-16 (LE and BE, as PowerShell writes it)', async () => {
    const le = Buffer.from(text, 'utf16le');
    const files: Record<string, Buffer> = {
      'plain.json': Buffer.from(text),
      'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le.json': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      'be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
    };
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), content);
      const read = await readMachineFile(join(dir, name));
      expect(read, name).toMatchObject({ ok: true, fromZip: false });
      expect(parseMachineText((read as { text: string }).text), name).toEqual({ ok: true, value: doc });
    }
  });

  it('refuses what is over the cap, binary or not JSON, by reason', async () => {
    writeFileSync(join(dir, 'big.json'), text);
    const bytes = Buffer.byteLength(text);
    expect(await readMachineFile(join(dir, 'big.json'), undefined, bytes - 1)).toEqual({ ok: false, reason: 'too-large' });
    expect(await readMachineFile(join(dir, 'big.json'), undefined, bytes)).toMatchObject({ ok: true });
    writeFileSync(join(dir, 'nul.json'), Buffer.from('{"a":\u0000}'));
    expect(await readMachineFile(join(dir, 'nul.json'))).toEqual({ ok: false, reason: 'binary' });
    expect(parseMachineText(text.slice(0, 10))).toEqual({ ok: false, reason: 'broken-json' });
    writeFileSync(join(dir, 'zip.json'), Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(await readMachineFile(join(dir, 'zip.json'))).toEqual({ ok: false, reason: 'bad-zip' });
  });
});
