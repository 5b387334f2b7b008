// The walk over PATHs and the reading of one file, on a real folder tree: name order, only *.json and
// *.zip inside folders (any file named on the command line), folders past the depth limit, links
// followed once (a loop and a second way to a file are skipped), a pipe never opened, and the
// encodings a collected file comes in (UTF-8 with or without a byte-order mark, UTF-16 LE and BE).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMachineFile } from '../../../../src/main/fleet/read-input';
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
      expect(await readMachineFile(join(dir, name)), name).toMatchObject({ ok: true, value: doc, fromZip: false });
    }
  });

  it('refuses what is over the cap, binary or not JSON, by reason', async () => {
    writeFileSync(join(dir, 'big.json'), text);
    const bytes = Buffer.byteLength(text);
    expect(await readMachineFile(join(dir, 'big.json'), undefined, bytes - 1)).toEqual({ ok: false, reason: 'too-large' });
    expect(await readMachineFile(join(dir, 'big.json'), undefined, bytes)).toMatchObject({ ok: true });
    writeFileSync(join(dir, 'nul.json'), Buffer.from('{"a":\u0000}'));
    expect(await readMachineFile(join(dir, 'nul.json'))).toEqual({ ok: false, reason: 'binary' });
    writeFileSync(join(dir, 'cut.json'), text.slice(0, 10));
    expect(await readMachineFile(join(dir, 'cut.json'))).toEqual({ ok: false, reason: 'broken-json' });
    writeFileSync(join(dir, 'zip.json'), Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(await readMachineFile(join(dir, 'zip.json'))).toEqual({ ok: false, reason: 'bad-zip' });
  });
});
