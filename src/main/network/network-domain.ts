// The network domain in the one list (src/main/domains.ts): its commands' metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const networkDomain: DomainEntry = {
  domain: 'network',
  checks: true,
  commands: [
    {
      name: 'network',
      summary: 'Proxy, VPN and reachability of the Microsoft sign-in endpoints (DNS, TCP, TLS chain, HTTP)',
      usage: ['network [--cloud worldwide|gcch|dod]   (endpoints, proxy and roots can be set in --config under "network")'],
      flags: { cloud: { value: true, help: 'the Microsoft cloud: worldwide (also GCC), gcch (GCC High) or dod' } },
      group: 'domain',
    },
  ],
  load: () => import('./index').then((m) => m.networkModule),
};
