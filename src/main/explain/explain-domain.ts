// The explain domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const explainDomain: DomainEntry = {
  domain: 'explain',
  commands: [
    {
      name: 'explain',
      summary: 'Explain the sign-in error codes and IDs in a pasted text',
      usage: ['explain [TEXT] [--file F]    (reads standard input when no text is given)'],
      flags: { file: { value: true, help: 'read the error text from a file' } },
      group: 'main',
    },
  ],
  load: () => import('./index').then((m) => m.explainModule),
};
