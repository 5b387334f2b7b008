// The service loads a domain's module on the first call that needs it, once: `<domain>.<verb>`
// loads that domain only, diagnose.run the domains it checks, the repair calls (fix.*, history.*,
// journal.*, app.info) every domain. The list is the real one, each load counted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_LIST } from '../../../src/main/domains';
import { createEngineContext } from '../../../src/main/engine-context';
import type { DomainEntry } from '../../../src/main/engine/types';
import { createService } from '../../../src/main/service';
import { tempDir } from '../../support/browser';

function counted() {
  const loads: string[] = [];
  const list: DomainEntry[] = DOMAIN_LIST.map((entry) => ({
    ...entry,
    load: () => {
      loads.push(entry.domain);
      return entry.load();
    },
  }));
  const service = createService(createEngineContext({ stateDir: join(tempDir('service-lazy'), 'state'), env: { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: tempDir('service-lazy-home') } }), undefined, { domains: list });
  return { service, loads };
}

describe('the service loads domains on first use', () => {
  it('loads nothing until a call needs it, then only that domain, once', async () => {
    const { service, loads } = counted();
    expect(loads).toEqual([]);
    // Invalid input is refused by the contract before any domain loads.
    expect(await service.invoke('explain.text', { text: 5 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await service.invoke('shell.open-external', { url: 'https://evil.example/' })).toEqual({ ok: true, value: { opened: false } });
    expect(loads).toEqual([]);
    const first = await service.invoke('explain.text', { text: 'AADSTS53003' });
    expect(first.ok).toBe(true);
    await service.invoke('explain.lookup', { code: '53003' });
    await service.invoke('explain.text', { text: 'AADSTS50076' });
    expect(loads).toEqual(['explain']);
    await service.close();
  });

  it('diagnose.run loads the domains it checks; a repair call loads them all, each once', async () => {
    const { service, loads } = counted();
    const diagnosis = await service.invoke('diagnose.run', { only: ['teams'] });
    expect(diagnosis.ok && diagnosis.value.domains).toEqual(['teams']);
    expect(loads).toEqual(['teams']);
    const fixes = await service.invoke('fix.list', {});
    expect(fixes.ok && fixes.value.map((f) => f.id)).toContain('explain.save-note');
    expect([...loads].sort()).toEqual([...DOMAIN_LIST.map((e) => e.domain)].sort());
    await service.invoke('history.list', {});
    await service.invoke('app.info', {});
    await service.invoke('teams.status', { sizes: false });
    expect(loads).toHaveLength(DOMAIN_LIST.length);
    await service.close();
  });

  it('a module that fails to load is a failed call, and is tried again on the next one', async () => {
    let attempts = 0;
    const broken: DomainEntry = {
      domain: 'clock',
      commands: [],
      load: async () => {
        attempts++;
        throw new Error('cannot load the clock module');
      },
    };
    const service = createService(createEngineContext({ stateDir: join(tempDir('service-lazy'), 'state'), env: {} }), undefined, { domains: [broken] });
    expect(await service.invoke('clock.measure', {})).toEqual({ ok: false, error: { code: 'failed', message: 'cannot load the clock module' } });
    expect(await service.invoke('clock.measure', {})).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(attempts).toBe(2);
    // A call of a domain that is not in the list has no handler.
    expect(await service.invoke('explain.lookup', { code: '53003' })).toMatchObject({ ok: false, error: { code: 'internal', message: 'no handler for explain.lookup' } });
  });
});
