// The teams domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const teamsDomain: DomainEntry = {
  domain: 'teams',
  commands: [
    {
      name: 'teams',
      summary: 'Teams clients, running state, cache sizes and sign-in failures in their logs',
      usage: ['teams [--no-sizes]', 'teams --official-reset'],
      flags: {
        'no-sizes': { value: false, help: 'skip measuring the cache folders (faster on huge profiles)' },
        'official-reset': { value: false, help: 'new Teams on Windows: how to use Windows\' own Reset (last resort; not undoable)' },
      },
      group: 'domain',
    },
  ],
  load: () => import('./index').then((m) => m.teamsModule),
};
