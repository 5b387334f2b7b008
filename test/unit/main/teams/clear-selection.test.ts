import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, selectEntries } from '../../../../src/main/teams/clear-selection';
import { tempDir } from '../../../support/browser';
import { writeTree } from '../../../support/file-tree';

describe('what a cache clear moves and keeps', () => {
  it('classifies kept paths, their ancestors and the rest (case-insensitive, * within a name)', () => {
    const keep = ['logs.txt', 'old_logs_*.txt', 'Backgrounds/Uploads'];
    expect(classify(keep, ['LOGS.TXT'])).toBe('keep');
    expect(classify(keep, ['old_logs_2026-11-20.txt'])).toBe('keep');
    expect(classify(keep, ['old_logs_x.json'])).toBe('move');
    expect(classify(keep, ['Backgrounds'])).toBe('descend');
    expect(classify(keep, ['Backgrounds', 'Uploads'])).toBe('keep');
    expect(classify(keep, ['Backgrounds', 'Default'])).toBe('move');
    expect(classify(keep, ['Cache'])).toBe('move');
  });

  it('descends only into real folders; links are entries, never followed', async () => {
    const root = join(tempDir('teams-select'), 'Teams');
    await writeTree(root, {
      'Cache/f_000001': 'x',
      'logs.txt': 'log',
      'Backgrounds/Uploads/a.png': 'png',
      'Backgrounds/Default/b.png': 'png',
      'out-link': { link: '/etc' },
      'Other/Backgrounds': 'a file, not the kept folder',
    });
    const sel = await selectEntries(root, ['logs.txt', 'Backgrounds/Uploads', 'Linked/Uploads']);
    expect(sel.moves.map((m) => [m.rel, m.isLink, m.isDir])).toEqual([
      ['Backgrounds/Default', false, true],
      ['Cache', false, true],
      ['Other', false, true],
      ['out-link', true, false],
    ]);
    expect(sel.kept).toEqual(['Backgrounds/Uploads', 'logs.txt']);

    // A link where a kept folder's parent belongs is kept as it is, not descended into.
    const root2 = join(tempDir('teams-select2'), 'Teams');
    await writeTree(root2, { Backgrounds: { link: '/etc' }, Cache: 'x' });
    const sel2 = await selectEntries(root2, ['Backgrounds/Uploads']);
    expect(sel2.kept).toEqual(['Backgrounds']);
    expect(sel2.moves.map((m) => m.rel)).toEqual(['Cache']);
  });
});
