import { chmod, mkdir, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../../src/main/engine/journal';
import { ensureStateDir } from '../../../../src/main/engine/state-dir';
import { tempDir } from '../../../support/browser';
import { forgedRecord } from '../../../support/journal-forge';

const posix = process.platform !== 'win32';

describe.runIf(posix)('state folder', () => {
  it('is created owner-only', async () => {
    const dir = join(tempDir('state'), 'a', 'b');
    await ensureStateDir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a folder others can write, a link, and a folder of another user, with the way out', async () => {
    const open = join(tempDir('state-open'), 'state');
    await mkdir(open);
    await chmod(open, 0o777);
    await expect(ensureStateDir(open)).rejects.toThrow(/can be written by other users \(mode 777\).*chmod 700/);
    const link = join(tempDir('state-link'), 'state');
    await symlink(tempDir('state-target'), link);
    await expect(ensureStateDir(link)).rejects.toThrow(/is a link/);
    const mine = tempDir('state-mine');
    const uid = (await stat(mine)).uid;
    await expect(ensureStateDir(mine, { uid: uid + 1 })).rejects.toThrow(/belongs to user \d+, not to you/);
    await expect(ensureStateDir(mine, { uid })).resolves.toBe(mine);
  });

  it('the journal refuses to read or write in an unsafe state folder', async () => {
    const open = tempDir('state-journal');
    await new Journal(open).write(forgedRecord({ runId: '20261120T060000Z-abcdef', fixId: 'explain.save-note', status: 'applied', steps: [] }));
    await chmod(open, 0o775);
    const journal = new Journal(open);
    await expect(journal.list()).rejects.toThrow(/can be written by other users/);
    await expect(journal.read('20261120T060000Z-abcdef')).rejects.toThrow(/can be written by other users/);
    await expect(journal.write(forgedRecord({ runId: '20261120T070000Z-abcdef', fixId: 'explain.save-note', status: 'applied', steps: [] }))).rejects.toThrow(/can be written by other users/);
  });
});
