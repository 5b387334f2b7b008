import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../../src/main/engine/journal';
import type { RunRecord } from '../../../../src/shared/model';
import { tempDir } from '../../../support/browser';

const record = (runId: string): RunRecord => ({
  schema: 1,
  runId,
  fixId: 'explain.save-note',
  status: 'applying',
  startedAt: '2026-11-23T06:00:00.000Z',
  updatedAt: '2026-11-23T06:00:00.000Z',
  plan: { fixId: 'explain.save-note', title: 't', summary: 's', changes: [], keeps: [], steps: [], needsAdmin: false, needsClosed: [], undoable: true, undoDescription: 'u', warnings: [] },
  options: {},
  steps: [],
  undoSteps: [],
});

describe('Journal', () => {
  it('writes atomically, reads back, lists newest first', async () => {
    const journal = new Journal(tempDir('journal'));
    await journal.write(record('20261123T060000Z-aaaaaa'));
    await journal.write(record('20261123T070000Z-bbbbbb'));
    const { records, problems } = await journal.list();
    expect(records.map((r) => r.runId)).toEqual(['20261123T070000Z-bbbbbb', '20261123T060000Z-aaaaaa']);
    expect(problems).toEqual([]);
    expect((await readdir(journal.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('reports corrupt records and cleans temp files left by a crash, never failing the list', async () => {
    const state = tempDir('journal-bad');
    const journal = new Journal(state);
    await mkdir(journal.dir, { recursive: true });
    await journal.write(record('20261123T060000Z-aaaaaa'));
    await writeFile(join(journal.dir, '20261123T080000Z-cccccc.json'), '{"schema":1, "runId": trunc');
    await writeFile(join(journal.dir, '20261123T090000Z-dddddd.json'), JSON.stringify({ schema: 2 }));
    await writeFile(join(journal.dir, '.20261123T060000Z-aaaaaa.json.1234.tmp'), 'half');
    await writeFile(join(journal.dir, 'unrelated.txt'), 'x');
    const { records, problems } = await journal.list();
    expect(records).toHaveLength(1);
    expect(problems.map((p) => p.file).sort()).toEqual(['20261123T080000Z-cccccc.json', '20261123T090000Z-dddddd.json']);
    expect(await readdir(journal.dir)).not.toContain('.20261123T060000Z-aaaaaa.json.1234.tmp');
  });

  it('refuses run ids that could escape the journal folder', async () => {
    const journal = new Journal(tempDir('journal-ids'));
    await expect(journal.read('../../etc/passwd')).rejects.toThrow(/not a run id/);
    await expect(journal.write(record('../x'))).rejects.toThrow(/not a run id/);
  });
});
