import { symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSize } from '../../../../src/main/teams/cache-size';
import { formatBytes } from '../../../../src/shared/format-bytes';
import { tempDir } from '../../../support/browser';
import { writeTree } from '../../../support/file-tree';

describe('folder size', () => {
  it('counts bytes and files, links as links (never their target), and keeps the event loop free', async () => {
    const base = tempDir('teams-size');
    const root = join(base, 'Teams');
    const spec: Record<string, string> = {};
    for (let i = 0; i < 500; i++) spec[`Cache/d${i % 10}/f${i}`] = 'x'.repeat(i % 13);
    await writeTree(root, spec);
    await writeFile(join(base, 'big-outside'), '');
    await truncate(join(base, 'big-outside'), 5 * 1024 ** 3);
    await symlink(join(base, 'big-outside'), join(root, 'link-to-big'));
    await symlink(base, join(root, 'loop'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const size = await folderSize(root, { concurrency: 8 });
    clearInterval(timer);
    const expectedBytes = Array.from({ length: 500 }, (_, i) => i % 13).reduce((a, b) => a + b, 0);
    expect(size).toMatchObject({ bytes: expectedBytes, files: 500, dirs: 11, links: 2, truncated: false, unreadable: 0 });
    expect(size.newestMs).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0); // timers ran while the walk was going on
  });

  it('stops at maxEntries and says the figures are a lower bound', async () => {
    const root = join(tempDir('teams-size-cap'), 'Teams');
    await writeTree(root, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`a/f${i}`, 'x'])));
    const size = await folderSize(root, { maxEntries: 20 });
    expect(size.truncated).toBe(true);
    expect(size.files).toBeLessThan(50);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
  });
});
