// A test-only fix that moves every entry of a folder into a backup beside it, one fs.rename step
// per entry: enough steps for crash tests to kill the process between any two of them.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { FixDefinition } from '../../src/main/engine/types';

const Options = z.object({ dir: z.string(), failAt: z.coerce.number().int().optional() });

export const moveFilesFix: FixDefinition<z.infer<typeof Options>> = {
  id: 'explain.test-move',
  domain: 'explain',
  title: 'Test: move files aside',
  description: 'Moves every entry of a folder into a backup folder beside it.',
  options: Options,
  // A test fix may take its folder from its options; real fixes derive their roots from the OS paths.
  scope: (ctx, { dir }) => ({ stepKinds: ['fs.rename'], roots: dir ? [dir, `${dir}.backup-${ctx.runId}`] : [] }),
  async plan(ctx, { dir, failAt }) {
    const names = (await readdir(dir)).sort();
    const backup = `${dir}.backup-${ctx.runId}`;
    const steps = names.map((name) => ({ kind: 'fs.rename', description: `Move ${name}`, data: { from: join(dir, name), to: join(backup, name) } }));
    // failAt plants a step whose source does not exist, so it fails at a known point.
    if (failAt !== undefined) steps.splice(failAt, 0, { kind: 'fs.rename', description: 'Missing', data: { from: join(dir, '__missing__'), to: join(backup, '__missing__') } });
    return { fixId: 'explain.test-move', title: 'Test: move files aside', summary: `${names.length} entries`, changes: names, keeps: [], steps, needsAdmin: false, needsClosed: [], undoable: true, undoDescription: 'renames back', warnings: [] };
  },
  async verify(_ctx, { dir }) {
    const left = await readdir(dir);
    return { ok: left.length === 0, message: `${left.length} entries left`, findings: [] };
  },
};
