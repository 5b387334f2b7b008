// network.dns-flush: empties the OS DNS cache. Nothing to back up and nothing to undo: the cache
// refills itself with fresh answers on the next lookups (the plan says so).
import { z } from 'zod';
import { networkFixOptions } from '../../shared/contract/network';
import type { FixDefinition } from '../engine/types';
import { linuxProgram } from '../os/programs';
import { CLOUD_DEFINITIONS } from './endpoints';
import { IT_WARNING } from './network-findings';
import { networkSettings } from './network-config';
import { dnsFlushDescription } from './network-steps';
import { probeDns } from './probe-dns';

const NoOptions = networkFixOptions['network.dns-flush'];

export const dnsFlushFix: FixDefinition<z.infer<typeof NoOptions>> = {
  id: 'network.dns-flush',
  domain: 'network',
  title: 'Flush the DNS cache',
  description: 'Empties the operating system DNS cache so stale answers for the sign-in hosts are asked again. Nothing to undo.',
  options: NoOptions,
  scope: (ctx) => ({ stepKinds: ['network.dns-flush'], roots: [], check: (step) => (step.data.platform === ctx.platform ? undefined : 'its step was planned for another OS') }),
  async plan(ctx) {
    const base = {
      fixId: this.id,
      title: this.title,
      summary: 'Empties the DNS cache of this computer; the next lookups ask the DNS server again.',
      changes: ['Cached DNS answers are forgotten (all sites, not only Microsoft).'],
      keeps: ['Network, proxy and hosts-file settings are not touched.'],
      needsAdmin: ctx.platform === 'darwin',
      needsClosed: [],
      undoable: false,
      undoDescription: 'Nothing to undo: the cache simply refills with fresh answers on the next lookups.',
      warnings: [IT_WARNING],
      steps: [{ kind: 'network.dns-flush', description: dnsFlushDescription(ctx.platform), data: { platform: ctx.platform } }],
    };
    if (ctx.platform === 'linux') {
      const probe = await ctx.exec(linuxProgram('resolvectl'), ['--version'], { timeoutMs: 5000 });
      if (probe.spawnError === 'ENOENT') {
        return { ...base, steps: [], blockedBy: 'resolvectl (systemd-resolved) is not installed: this system does not keep a systemd DNS cache. If it runs nscd or dnsmasq, restarting that service empties its cache.' };
      }
    }
    return base;
  },
  async verify(ctx) {
    const host = networkSettings(ctx).endpoints[0]?.host ?? CLOUD_DEFINITIONS.worldwide.endpoints[0]!.host;
    try {
      const r = await probeDns(host, 3000);
      return { ok: true, message: `The cache was flushed; ${host} now resolves to ${r.addresses.join(', ')}.`, findings: [] };
    } catch (error) {
      return { ok: true, message: `The cache was flushed; ${host} still does not resolve (${error instanceof Error ? error.message : String(error)}): the DNS server itself does not answer for it.`, findings: [] };
    }
  },
};
