// The one list of the domains this build knows. The service (calls, checks, fixes, steps), the CLI
// (commands and --help) and the GUI (through the service) all iterate it; adding a domain means
// its folder and one line here (and, for screens and cards, src/renderer/domains/index.ts).
// Each entry is light (a domain's name and its commands' metadata); the module with its checks,
// fixes, steps, handlers and command runs is imported on first use.
import type { Domain } from '../shared/model';
import type { DomainEntry } from './engine/types';
import { explainDomain } from './explain/explain-domain';
import { teamsDomain } from './teams/teams-domain';
import { cacDomain } from './cac/cac-domain';
import { clockDomain } from './clock/clock-domain';
import { networkDomain } from './network/network-domain';
import { deviceDomain } from './device/device-domain';
import { reportDomain } from './report/report-domain';
import { remediateDomain } from './remediate/remediate-domain';
import { fleetDomain } from './fleet/fleet-domain';

export const DOMAIN_LIST: readonly DomainEntry[] = [explainDomain, teamsDomain, cacDomain, clockDomain, networkDomain, deviceDomain, reportDomain, remediateDomain, fleetDomain];

/** The entry of a call (`teams.status`), a fix or finding id (`teams.cache-clear`): its prefix. */
export function entryOf(id: string, list: readonly DomainEntry[] = DOMAIN_LIST): DomainEntry | undefined {
  const dot = id.indexOf('.');
  const prefix = dot > 0 ? id.slice(0, dot) : id;
  return list.find((e) => e.domain === prefix);
}

export function domainsOf(list: readonly DomainEntry[] = DOMAIN_LIST): Domain[] {
  return list.map((e) => e.domain);
}

/** The domains with checks: what `diagnose --only` may name. */
export function checkedDomains(list: readonly DomainEntry[] = DOMAIN_LIST): Domain[] {
  return list.filter((e) => e.checks).map((e) => e.domain);
}

/** CLI: the option a fix reads from standard input when it is not given (the fix's own declaration). */
export async function stdinOptionOf(fixId: string, list: readonly DomainEntry[] = DOMAIN_LIST): Promise<string | undefined> {
  const entry = entryOf(fixId, list);
  if (!entry) return undefined;
  const module = await entry.load();
  return module.fixes.find((f) => f.id === fixId)?.stdinOption;
}
