import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, calls } from '../../../src/shared/contract';
import { createEngineContext } from '../../../src/main/engine-context';
import { createService } from '../../../src/main/service';
import { tempDir } from '../../support/browser';
import { previewAndApply } from '../../support/apply-fix';

function service() {
  const opened: string[] = [];
  const svc = createService(createEngineContext({ stateDir: join(tempDir('service'), 'state'), env: {} }), {
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
  });
  return { svc, opened };
}

describe('service.invoke', () => {
  it('knows every call of the contract (handlers are complete by type) and documents each', async () => {
    const { svc } = service();
    for (const name of CALL_NAMES) {
      expect(calls[name].doc.length, name).toBeGreaterThan(10);
      expect(await svc.invoke(name, Symbol('not json')), name).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
  });

  it('rejects invalid input with a typed error before the handler runs', async () => {
    const { svc } = service();
    const runner = await svc.runner();
    const apply = vi.spyOn(runner, 'applyPlan');
    const plan = vi.spyOn(runner, 'plan');
    const undo = vi.spyOn(runner, 'undo');
    const bad: Array<[string, unknown]> = [
      ['fix.plan', { fixId: 'Not An Id!' }],
      ['fix.plan', { fixId: 'explain.save-note', options: { text: { nested: true } } }],
      ['fix.plan', { fixId: 'explain.save-note', extra: 1 }],
      // apply takes a previewed plan only, never a fix id and options
      ['fix.apply', { fixId: 'explain.save-note', options: { text: 'AADSTS53003' } }],
      ['fix.apply', { planId: 5 }],
      ['fix.apply', { planId: 'x'.repeat(500) }],
      ['fix.apply', null],
      ['fix.undo', { runId: 'x'.repeat(500) }],
      ['explain.text', { text: 5 }],
      ['explain.text', { text: 'x'.repeat(4 * 1024 * 1024 + 1) }],
      ['diagnose.run', { only: ['kitchen'] }],
    ];
    for (const [name, input] of bad) {
      const result = await svc.invoke(name, input);
      expect(result, `${name} ${JSON.stringify(input)?.slice(0, 60)}`).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(apply).not.toHaveBeenCalled();
    expect(plan).not.toHaveBeenCalled();
    expect(undo).not.toHaveBeenCalled();
  });

  it('answers unknown calls and prototype names with unknown-call', async () => {
    const { svc } = service();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(await svc.invoke(name as string, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('maps engine errors to contract codes', async () => {
    const { svc } = service();
    expect(await svc.invoke('fix.plan', { fixId: 'teams.does-not-exist' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await svc.invoke('fix.undo', { runId: '20260101T000000Z-abcdef' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await svc.invoke('journal.recover', { runId: 'garbage', action: 'finish' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('runs a fix end to end and emits progress events', async () => {
    const { svc } = service();
    const events: string[] = [];
    svc.subscribe((name) => events.push(name));
    const applied = await previewAndApply(svc, 'explain.save-note', { text: 'AADSTS53003' });
    expect(applied.ok).toBe(true);
    expect(events).toContain('fix-progress');
    const history = await svc.invoke('history.list', {});
    expect(history.ok && history.value).toHaveLength(1);
  });

  it('opens only allow-listed https pages', async () => {
    const { svc, opened } = service();
    expect(await svc.invoke('shell.open-external', { url: 'https://learn.microsoft.com/entra/identity/conditional-access/' })).toEqual({ ok: true, value: { opened: true } });
    expect(await svc.invoke('shell.open-external', { url: 'https://evil.example/' })).toEqual({ ok: true, value: { opened: false } });
    expect(await svc.invoke('shell.open-external', { url: 'http://learn.microsoft.com/' })).toEqual({ ok: true, value: { opened: false } });
    expect(await svc.invoke('shell.open-external', { url: 'file:///etc/passwd' })).toMatchObject({ ok: true, value: { opened: false } });
    expect(opened).toEqual(['https://learn.microsoft.com/entra/identity/conditional-access/']);
  });
});
