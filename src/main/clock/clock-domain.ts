// The clock domain in the one list (src/main/domains.ts): its commands' metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const clockDomain: DomainEntry = {
  domain: 'clock',
  checks: true,
  commands: [
    {
      name: 'clock',
      summary: 'Measure the clock against NTP servers (HTTPS Date fallback); automatic time and time zone',
      usage: ['clock [--server host[:port]]...   (default servers and the Date URL can be set in --config under "clock")'],
      flags: { server: { value: true, repeat: true, help: 'a time server to ask instead of the defaults: name, IPv4, IPv6 or [v6]:port (repeat for more)' } },
      group: 'domain',
    },
  ],
  load: () => import('./index').then((m) => m.clockModule),
};
