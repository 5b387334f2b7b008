// What the user approves is what runs: apply takes a previewed plan by its planId, re-checks it,
// and runs exactly its steps, once; a change between preview and apply is refused untouched.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_TTL_MS } from '../../../../src/main/engine/plan-store';
import { Runner } from '../../../../src/main/engine/runner';
import { fsSteps } from '../../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../../src/main/engine-context';
import { saveNoteFix } from '../../../../src/main/explain/save-note-fix';
import { tempDir } from '../../../support/browser';
import { fingerprint, writeTree } from '../../../support/file-tree';
import { moveFilesFix } from '../../../support/move-files-fix';

function setup() {
  const base = tempDir('plan-once');
  const dir = join(base, 'cache');
  const stateDir = join(base, 'state');
  let now = new Date('2026-12-01T10:00:00Z').getTime();
  const runner = () => new Runner({ ctx: createEngineContext({ stateDir, env: {}, now: () => new Date(now) }), fixes: [moveFilesFix, saveNoteFix], steps: fsSteps });
  return { base, dir, stateDir, runner, advance: (ms: number) => (now += ms) };
}

describe('plan once, apply exactly that plan', () => {
  it('an unchanged computer runs the previewed steps byte for byte, under the plan id, once', async () => {
    const s = setup();
    await writeTree(s.dir, { 'a.txt': 'alpha', 'b/c.txt': 'gamma' });
    const runner = s.runner();
    const plan = await runner.plan('explain.test-move', { dir: s.dir });
    expect(plan.planId).toMatch(/^\d{8}T\d{6}Z-[a-z0-9]{6}$/);
    const record = await runner.applyPlan(plan.planId!);
    expect(record.status).toBe('verified');
    expect(record.runId).toBe(plan.planId);
    expect(JSON.stringify(record.plan)).toBe(JSON.stringify(plan));
    expect(record.steps.map(({ kind, description, data }) => ({ kind, description, data }))).toEqual(plan.steps);
    await expect(runner.applyPlan(plan.planId!)).rejects.toThrow(/no previewed plan .* applied once/);
  });

  it('a change between preview and apply is refused with "preview again", and nothing is touched', async () => {
    const s = setup();
    await writeTree(s.dir, { 'a.txt': 'alpha', 'b/c.txt': 'gamma' });
    const runner = s.runner();
    const plan = await runner.plan('explain.test-move', { dir: s.dir });
    await writeFile(join(s.dir, 'new.txt'), 'written after the preview');
    const before = await fingerprint(s.dir);
    await expect(runner.applyPlan(plan.planId!)).rejects.toThrow(/this computer changed since you previewed this repair \(now: new\.txt\); nothing was changed: preview again/);
    expect(await fingerprint(s.dir)).toEqual(before);
    expect(await runner.history()).toEqual([]);
    // The stale plan is gone; a fresh preview applies.
    await expect(runner.applyPlan(plan.planId!)).rejects.toThrow(/preview the repair again/);
    expect((await runner.applyPlan((await runner.plan('explain.test-move', { dir: s.dir })).planId!)).status).toBe('verified');
  });

  it('another process applies a plan from the state folder; an edited plan file or an old plan is no plan', async () => {
    const s = setup();
    await writeTree(s.dir, { 'a.txt': 'alpha' });
    const planned = await s.runner().plan('explain.test-move', { dir: s.dir });
    expect((await s.runner().applyPlan(planned.planId!)).status).toBe('verified');

    await writeTree(s.dir, { 'b.txt': 'beta' });
    const edited = await s.runner().plan('explain.test-move', { dir: s.dir });
    const file = join(s.stateDir, 'plans', `${edited.planId}.json`);
    await writeFile(file, (await readFile(file, 'utf8')).replace('b.txt', 'x.txt'));
    await expect(s.runner().applyPlan(edited.planId!)).rejects.toThrow(/no previewed plan/);

    const old = await s.runner().plan('explain.test-move', { dir: s.dir });
    s.advance(PLAN_TTL_MS + 1);
    await expect(s.runner().applyPlan(old.planId!)).rejects.toThrow(/no previewed plan/);
    expect(await fingerprint(s.dir)).toEqual(new Map([['b.txt', expect.any(String)]]));
  });

  it('pasted text is never written with a plan: such a plan applies only in the session that made it', async () => {
    const s = setup();
    const text = 'AADSTS53003 Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
    const runner = s.runner();
    const plan = await runner.plan('explain.save-note', { text });
    for (const name of await readdir(join(s.stateDir, 'plans'))) expect(await readFile(join(s.stateDir, 'plans', name), 'utf8')).not.toContain('AADSTS53003 Correlation');
    await expect(s.runner().applyPlan(plan.planId!)).rejects.toThrow(/made with text, which is never stored; preview and apply it in one go/);
    const again = await runner.plan('explain.save-note', { text });
    expect((await runner.applyPlan(again.planId!)).status).toBe('verified');
  });
});
