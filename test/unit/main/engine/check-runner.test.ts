import { describe, expect, it } from 'vitest';
import { EvidenceSchemaError, evidenceValidation, runChecks, type CheckProgress } from '../../../../src/main/engine/check-runner';
import type { CheckDefinition } from '../../../../src/main/engine/types';
import { createEngineContext } from '../../../../src/main/engine-context';

const ctx = createEngineContext({ stateDir: '/tmp/unused', env: {} });
const finding = (id: string) => ({ id, domain: 'clock' as const, severity: 'ok' as const, title: id, detail: '', evidence: {}, fixes: [] });

/** Runs fn as production does: findings whose evidence does not fit are kept (these tests plant made-up ids). */
async function asInProduction<T>(fn: () => Promise<T>): Promise<T> {
  const before = evidenceValidation.strict;
  evidenceValidation.strict = false;
  try {
    return await fn();
  } finally {
    evidenceValidation.strict = before;
  }
}

describe('runChecks', () => {
  it('runs checks concurrently; a slow check times out alone and a throwing check becomes a finding', () => asInProduction(async () => {
    let aborted = false;
    const checks: CheckDefinition[] = [
      { id: 'clock.fast', domain: 'clock', title: 'Fast', run: async () => [finding('clock.fast')] },
      {
        id: 'clock.slow',
        domain: 'clock',
        title: 'Slow',
        timeoutMs: 50,
        run: (c) =>
          new Promise((resolve) => {
            c.signal.addEventListener('abort', () => {
              aborted = true;
            });
            setTimeout(() => resolve([finding('clock.slow')]), 5_000).unref();
          }),
      },
      { id: 'clock.broken', domain: 'clock', title: 'Broken', run: async () => { throw new Error('boom'); } },
      { id: 'clock.malformed', domain: 'clock', title: 'Malformed', run: async () => [{ id: 'NOT VALID' } as never] },
    ];
    const progress: CheckProgress[] = [];
    const findings = await runChecks(checks, ctx, (p) => progress.push(p));
    expect(aborted).toBe(true);
    const byId = Object.fromEntries(findings.map((f) => [f.id, f]));
    expect(byId['clock.fast']?.severity).toBe('ok');
    expect(byId['clock.slow-error']?.title).toMatch(/timed out/);
    expect(byId['clock.broken-error']?.detail).toBe('boom');
    expect(byId['clock.malformed-error']?.title).toMatch(/bad result/);
    expect(progress.filter((p) => p.state === 'finished').map((p) => p.done).sort()).toEqual([1, 2, 3, 4]);
  }));

  const autoTime = { id: 'clock.auto-time', domain: 'clock' as const, severity: 'ok' as const, title: 'Automatic time is on', detail: '', fixes: [] };

  it('under vitest a finding without a schema, or whose evidence does not fit it, fails the run loudly', async () => {
    expect(evidenceValidation.strict).toBe(true);
    const good: CheckDefinition = { id: 'clock.good', domain: 'clock', title: 'Good', run: async () => [{ ...autoTime, evidence: { autoTime: 'on', source: 'timedatectl' } }] };
    expect((await runChecks([good], ctx)).map((f) => f.id)).toEqual(['clock.auto-time']);
    const misspelt: CheckDefinition = { id: 'clock.bad', domain: 'clock', title: 'Bad', run: async () => [{ ...autoTime, evidence: { autoTime: 'on', sorce: 'timedatectl' } }] };
    await expect(runChecks([misspelt], ctx)).rejects.toThrow(EvidenceSchemaError);
    await expect(runChecks([misspelt], ctx)).rejects.toThrow(/clock\.auto-time: evidence does not match its schema/);
    const wrongType: CheckDefinition = { id: 'clock.bad', domain: 'clock', title: 'Bad', run: async () => [{ ...autoTime, evidence: { autoTime: 'yes', source: 'timedatectl' } }] };
    await expect(runChecks([wrongType], ctx)).rejects.toThrow(/autoTime/);
    const unknown: CheckDefinition = { id: 'clock.bad', domain: 'clock', title: 'Bad', run: async () => [finding('clock.made-up')] };
    await expect(runChecks([unknown], ctx)).rejects.toThrow(/clock\.made-up: no evidence schema/);
  });

  it('in production the same findings are kept as they are (a real finding is never lost to a schema slip)', () => asInProduction(async () => {
    const misspelt = { ...autoTime, evidence: { autoTime: 'on', sorce: 'timedatectl' } };
    const check: CheckDefinition = { id: 'clock.bad', domain: 'clock', title: 'Bad', run: async () => [misspelt, finding('clock.made-up')] };
    expect(await runChecks([check], ctx)).toEqual([misspelt, finding('clock.made-up')]);
  }));

  it('the problem findings of the runner itself fit their shared schema', async () => {
    const broken: CheckDefinition = { id: 'clock.broken', domain: 'clock', title: 'Broken', run: async () => { throw new Error('boom'); } };
    expect(await runChecks([broken], ctx)).toMatchObject([{ id: 'clock.broken-error', evidence: { check: 'clock.broken' } }]);
  });
});
