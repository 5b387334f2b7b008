// The teams domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const teamsDomain: DomainEntry = {
  domain: 'teams',
  checks: true,
  commands: [
    {
      name: 'teams',
      summary: 'Teams clients, running state, cache sizes and sign-in failures in their logs',
      usage: ['teams [--no-sizes]', 'teams --official-reset', 'teams --start [--client auto|new|classic|linux]', 'teams --watch-signin [--timeout S] [--since ISO-TIME] [--client auto|new|classic|linux]'],
      flags: {
        start: { value: false, help: 'start Teams through its own launcher (not when it runs already) and say how' },
        'watch-signin': { value: false, help: 'watch the Teams logs for the next sign-in: signed in, failed (with the code), or no answer (with --start: start Teams first)' },
        timeout: { value: true, help: 'with --watch-signin: seconds to wait, 1 to 120 (default 120)' },
        since: { value: true, help: 'with --watch-signin: only log lines after this ISO time count (default: now)' },
        client: { value: true, help: 'with --start / --watch-signin: auto (default), new, classic or linux' },
        'no-sizes': { value: false, help: 'skip measuring the cache folders (faster on huge profiles)' },
        'official-reset': { value: false, help: 'new Teams on Windows: how to use Windows\' own Reset (last resort; not undoable)' },
      },
      group: 'domain',
    },
  ],
  load: () => import('./index').then((m) => m.teamsModule),
};
