import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Runner, type FixProgress } from '../../../../src/main/engine/runner';
import { fsSteps } from '../../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../../src/main/engine-context';
import { saveNoteFix } from '../../../../src/main/explain/save-note-fix';
import { tempDir } from '../../../support/browser';
import { fingerprint, writeTree } from '../../../support/file-tree';
import { moveFilesFix } from '../../../support/move-files-fix';

describe('Runner', () => {
  let base: string;
  let dir: string;
  let runner: Runner;
  let progress: FixProgress[];

  beforeEach(async () => {
    base = tempDir('runner');
    dir = join(base, 'cache');
    await writeTree(dir, { 'a.txt': 'alpha', 'b/c.txt': 'gamma', 'd.bin': 'delta', 'link': { link: '/etc/hostname' } });
    progress = [];
    runner = new Runner({
      ctx: createEngineContext({ stateDir: join(base, 'state'), env: {} }),
      fixes: [moveFilesFix, saveNoteFix],
      steps: fsSteps,
      onProgress: (p) => progress.push(p),
    });
  });

  it('plans without changing anything', async () => {
    const before = await fingerprint(dir);
    const plan = await runner.plan('explain.test-move', { dir });
    expect(plan.steps).toHaveLength(4);
    expect(await fingerprint(dir)).toEqual(before);
    expect(await runner.history()).toEqual([]);
  });

  it('applies, verifies, journals and undoes to a byte-identical tree', async () => {
    const before = await fingerprint(dir);
    const record = await runner.apply('explain.test-move', { dir });
    expect(record.status).toBe('verified');
    expect(record.steps.every((s) => s.state === 'done')).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(progress.some((p) => p.phase === 'apply')).toBe(true);

    const journaled = await runner.get(record.runId);
    expect(journaled.status).toBe('verified');

    const undone = await runner.undo(record.runId);
    expect(undone.status).toBe('undone');
    expect(await fingerprint(dir)).toEqual(before);
    const [summary] = await runner.history();
    expect(summary).toMatchObject({ runId: record.runId, status: 'undone', undoable: false });
  });

  it('rolls back every done step when a step fails mid-way', async () => {
    const before = await fingerprint(dir);
    const record = await runner.apply('explain.test-move', { dir, failAt: 2 });
    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/nothing to move.*rolled back/);
    expect(await fingerprint(dir)).toEqual(before);
    await expect(runner.undo(record.runId)).rejects.toThrow(/nothing to undo/);
  });

  it('refuses an unknown fix, bad options and undo of an unknown run with typed errors', async () => {
    await expect(runner.apply('explain.nope', {})).rejects.toMatchObject({ code: 'not-found' });
    await expect(runner.apply('explain.test-move', { dir: 5 })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(runner.undo('20260101T000000Z-abcdef')).rejects.toMatchObject({ code: 'not-found' });
    await expect(runner.undo('../../etc/passwd')).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('refuses an undo that would overwrite a newer file, and keeps the run undoable', async () => {
    const record = await runner.apply('explain.test-move', { dir });
    await writeFile(join(dir, 'd.bin'), 'new data written after the repair');
    await expect(runner.undo(record.runId)).rejects.toMatchObject({ code: 'failed' });
    // The partial undo was reverted: the new file is untouched and the run can be undone later.
    expect(await readFile(join(dir, 'd.bin'), 'utf8')).toBe('new data written after the repair');
    const again = await runner.get(record.runId);
    expect(again.status).toBe('verified');
    expect(again.error).toMatch(/undo failed and was reverted/);
    expect(await readdir(dir)).toEqual(['d.bin']);
  });

  it('discards backups, after which undo is impossible', async () => {
    const record = await runner.apply('explain.test-move', { dir });
    const backup = `${dir}.backup-${record.runId}`;
    expect((await readdir(backup)).sort()).toEqual(['a.txt', 'b', 'd.bin', 'link']);
    await runner.discard(record.runId);
    await expect(readdir(backup)).resolves.toEqual([]);
    await expect(runner.undo(record.runId)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('prunes backups older than the retention only', async () => {
    const old = new Runner({
      ctx: createEngineContext({ stateDir: join(base, 'state'), env: {}, now: () => new Date('2020-01-01T00:00:00Z') }),
      fixes: [moveFilesFix],
      steps: fsSteps,
    });
    const oldRun = await old.apply('explain.test-move', { dir });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'fresh.txt'), 'x');
    const fresh = await runner.apply('explain.test-move', { dir });
    expect(await runner.prune()).toEqual([oldRun.runId]);
    expect((await runner.get(oldRun.runId)).status).toBe('discarded');
    expect((await runner.get(fresh.runId)).status).toBe('verified');
  });

  it('never journals the pasted text of the save-note fix', async () => {
    const text = 'AADSTS53003 Correlation ID: 0b7c1b8e-6f2e-4c43-9a8e-1d2f3a4b5c6d eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const record = await runner.apply('explain.save-note', { text });
    expect(record.status).toBe('verified');
    const journal = await readFile(join(base, 'state', 'journal', `${record.runId}.json`), 'utf8');
    expect(journal).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(record.options).toEqual({});
    const note = await readFile(join(base, 'state', 'notes', `it-note-${record.runId}.txt`), 'utf8');
    expect(note).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    await runner.undo(record.runId);
    await expect(readdir(join(base, 'state', 'notes'))).resolves.toEqual([]);
  });

  it('runs one change at a time', async () => {
    const other = join(base, 'other');
    await writeTree(other, { 'x.txt': 'x' });
    const [a, b] = await Promise.all([runner.apply('explain.test-move', { dir }), runner.apply('explain.test-move', { dir: other })]);
    expect(a.status).toBe('verified');
    expect(b.status).toBe('verified');
    expect(Date.parse(b.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a.updatedAt));
  });
});
