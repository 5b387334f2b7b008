// The explain domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const explainDomain: DomainEntry = {
  domain: 'explain',
  commands: [
    {
      name: 'explain',
      summary: 'Explain the sign-in error codes and IDs in a pasted text',
      usage: ['explain [TEXT] [--file F]    (reads standard input when no text is given)', 'explain --code CODE          (one code: 53003, 0xCAA2000B, 3399614476, -2147023838, 80043490)'],
      flags: {
        file: { value: true, help: 'read the error text from a file' },
        code: { value: true, help: 'look up one code in any form tools print it (hex, decimal, signed decimal, symbolic name)' },
      },
      group: 'main',
    },
  ],
  load: () => import('./index').then((m) => m.explainModule),
};
