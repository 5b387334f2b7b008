// The cac domain in the one list (src/main/domains.ts): its commands' metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const cacDomain: DomainEntry = {
  domain: 'cac',
  checks: true,
  commands: [
    {
      name: 'cac',
      summary: 'Check the smart card (CAC) reader, the card and its certificates; --watch for live events',
      usage: [
        'cac [--reader NAME]               service, readers, and the card\'s certificates and chain',
        'cac --watch [--count N] [--seconds S]   live reader/card/service events (with --json: NDJSON, one object per line)',
      ],
      flags: {
        reader: { value: true, help: 'the reader to read (default: the first with a card)' },
        watch: { value: false, help: 'print reader, card and service events as they happen' },
        count: { value: true, help: 'with --watch: stop after N events' },
        seconds: { value: true, help: 'with --watch: stop after S seconds' },
      },
      group: 'domain',
    },
  ],
  load: () => import('./index').then((m) => m.cacModule),
};
