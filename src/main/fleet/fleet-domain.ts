// The fleet domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const fleetDomain: DomainEntry = {
  domain: 'fleet',
  commands: [
    {
      name: 'fleet',
      summary: 'Summarize many machines: diagnose --json, remediate --json and report.json files (or support bundles) collected by Intune, Jamf, Configuration Manager or Ansible',
      usage: ['fleet summarize PATH... [--json] [--html FILE] [--csv FILE]'],
      flags: {
        html: { value: true, help: 'also write the fleet picture as one self-contained web page (an existing file is never overwritten)' },
        csv: { value: true, help: 'also write one row per machine and finding as CSV (an existing file is never overwritten)' },
      },
      group: 'main',
    },
  ],
  load: () => import('./index').then((m) => m.fleetModule),
};
