import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertEntryInside, isInside, realRoot } from '../../../../src/main/os/safe-path';
import { tempDir } from '../../../support/browser';

describe('safe paths', () => {
  it('isInside handles prefixes and parents', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
  });

  it('refuses a root that is a link, and entries whose parent resolves outside', async () => {
    const base = tempDir('safe');
    const root = join(base, 'root');
    const outside = join(base, 'outside');
    await mkdir(join(root, 'inner'), { recursive: true });
    await mkdir(outside);
    await symlink(root, join(base, 'root-link'));
    await symlink(outside, join(root, 'escape'));
    await expect(realRoot(join(base, 'root-link'))).rejects.toThrow(/link/);
    await expect(realRoot('relative/path')).rejects.toThrow(/absolute/);
    await expect(assertEntryInside(root, join(root, 'inner'))).resolves.toBeUndefined();
    // The link itself may be moved (as a link)...
    await expect(assertEntryInside(root, join(root, 'escape'))).resolves.toBeUndefined();
    // ...but nothing *through* it.
    await expect(assertEntryInside(root, join(root, 'escape', 'file'))).rejects.toThrow(/outside/);
    await expect(assertEntryInside(root, join(root, '..', 'outside', 'x'))).rejects.toThrow(/outside/);
    await expect(assertEntryInside(root, root)).rejects.toThrow(/root itself/);
    // Not-yet-existing folders inside the root are fine.
    await expect(assertEntryInside(root, join(root, 'new', 'deeper', 'x'))).resolves.toBeUndefined();
  });
});
