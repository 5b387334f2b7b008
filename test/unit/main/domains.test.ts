// The one list (src/main/domains.ts) is complete and consistent with the contract: every domain of
// the model is in it once; each module is the domain its entry says, provides checks, fixes and
// steps of its own domain, a handler for exactly its calls of the contract, and a run function for
// exactly the commands its entry declares; every contract call has exactly one handler (a domain's
// or the core's); every CLI command belongs to a domain or to the core.
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../src/main/cli/commands';
import { CORE_COMMANDS } from '../../../src/main/cli/commands/core-commands';
import { createCoreHandlers } from '../../../src/main/core-handlers';
import { DOMAIN_LIST } from '../../../src/main/domains';
import type { DomainDeps } from '../../../src/main/engine/types';
import type { ServiceDeps } from '../../../src/main/service-types';
import { CALL_NAMES } from '../../../src/shared/contract';
import { DOMAINS } from '../../../src/shared/model';

const deps = {
  ctx: { platform: 'linux', env: {}, stateDir: '/nonexistent', config: {}, exec: async () => ({ stdout: '', stderr: '', code: 0 }), now: () => new Date() },
  host: { openExternal: async () => false },
  domains: DOMAINS,
  checks: async () => [],
  call: async () => {
    throw new Error('not in this test');
  },
  emit: () => undefined,
  onClose: () => undefined,
  runner: async () => {
    throw new Error('not in this test');
  },
} as unknown as ServiceDeps & DomainDeps;

describe('the one list of domains', () => {
  it('holds every domain of the model once, in the model\'s order', () => {
    expect(DOMAIN_LIST.map((e) => e.domain)).toEqual([...DOMAINS]);
  });

  it('every module matches its entry and the contract', async () => {
    const owner = new Map<string, string>();
    for (const name of Object.keys(createCoreHandlers(deps))) owner.set(name, 'core');
    for (const entry of DOMAIN_LIST) {
      const module = await entry.load();
      expect(module.domain).toBe(entry.domain);
      for (const c of module.checks) expect(c.domain, c.id).toBe(entry.domain);
      // The light entry says whether the domain has checks (diagnose --only reads it without loading the module).
      expect(entry.checks === true, `${entry.domain} entry.checks`).toBe(module.checks.length > 0);
      for (const f of module.fixes) {
        expect(f.domain, f.id).toBe(entry.domain);
        expect(f.id.startsWith(`${entry.domain}.`), f.id).toBe(true);
      }
      expect(new Set(module.steps.map((s) => s.kind)).size, `${entry.domain} step kinds`).toBe(module.steps.length);
      const handlers = Object.keys(module.handlers(deps));
      for (const name of handlers) {
        expect(name.startsWith(`${entry.domain}.`), `${entry.domain} handles ${name}`).toBe(true);
        expect(owner.get(name), `${name} has two handlers`).toBeUndefined();
        owner.set(name, entry.domain);
      }
      expect(Object.keys(module.commands).sort(), `${entry.domain} commands`).toEqual(entry.commands.map((c) => c.name).sort());
    }
    // Every call of the contract has exactly one handler, and no handler is outside the contract.
    expect([...owner.keys()].sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) {
      const prefix = name.slice(0, name.indexOf('.'));
      if ((DOMAINS as readonly string[]).includes(prefix)) expect(owner.get(name), name).toBe(prefix);
      else expect(owner.get(name), name).toBe('core');
    }
  });

  it('every CLI command belongs to a domain of the list or to the core, and names are unique', () => {
    const names = ALL_COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of ALL_COMMANDS) {
      if (c.domain === undefined) expect(CORE_COMMANDS.map((m) => m.name), c.name).toContain(c.name);
      else expect(DOMAIN_LIST.find((e) => e.domain === c.domain)!.commands.map((m) => m.name), c.name).toContain(c.name);
    }
    expect(names.sort()).toEqual([...CORE_COMMANDS.map((m) => m.name), ...DOMAIN_LIST.flatMap((e) => e.commands.map((m) => m.name))].sort());
  });

  it('each command\'s run function loads (from its domain\'s module, or the core\'s file)', async () => {
    for (const c of ALL_COMMANDS) expect(typeof (await c.load()), c.name).toBe('function');
  });
});
