import { describe, expect, it } from 'vitest';
import { runChecks, type CheckProgress } from '../../../../src/main/engine/check-runner';
import type { CheckDefinition } from '../../../../src/main/engine/types';
import { createEngineContext } from '../../../../src/main/engine-context';

const ctx = createEngineContext({ stateDir: '/tmp/unused', env: {} });
const finding = (id: string) => ({ id, domain: 'clock' as const, severity: 'ok' as const, title: id, detail: '', evidence: {}, fixes: [] });

describe('runChecks', () => {
  it('runs checks concurrently; a slow check times out alone and a throwing check becomes a finding', async () => {
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
  });
});
