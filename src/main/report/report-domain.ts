// The report domain in the one list (src/main/domains.ts): its commands' metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const reportDomain: DomainEntry = {
  domain: 'report',
  commands: [
    {
      name: 'report',
      summary: 'Write the support bundle for IT (zip), or print the message for IT',
      usage: ['report --out FILE.zip [--include-personal] [--error FILE|- | --error-file FILE] [--only DOMAINS]', 'report --message [--include-personal] [--error FILE|-]'],
      flags: {
        out: { value: true, help: 'where to write the support bundle (an existing file is never overwritten)' },
        message: { value: false, help: 'print the message for IT instead of writing a bundle' },
        'include-personal': { value: false, help: 'keep user names, e-mail addresses, device names, home paths and IP addresses (tokens and passwords are removed anyway)' },
        error: { value: true, help: 'a file with the error text to explain in the report (- for standard input)' },
        'error-file': { value: true, help: 'the same as --error FILE: a file with the error text (never copied into the bundle as is)' },
        only: { value: true, help: 'check only these domains (comma-separated)' },
      },
      group: 'main',
    },
  ],
  load: () => import('./index').then((m) => m.reportModule),
};
