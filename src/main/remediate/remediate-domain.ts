// The remediate domain in the one list (src/main/domains.ts): its command's metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const remediateDomain: DomainEntry = {
  domain: 'remediate',
  commands: [
    {
      name: 'remediate',
      summary: 'For Intune, Jamf, Configuration Manager: find what may be repaired unattended, or repair it (one line, exit code)',
      usage: ['remediate --detect [--policy FILE]   (exit 1: something to repair)', 'remediate --apply [--policy FILE]    (exit 0: all repaired and verified)'],
      flags: {
        detect: { value: false, help: 'run the checks and print one line: the problems, the newest sign-in error, what it would repair; changes nothing' },
        apply: { value: false, help: 'apply those repairs (journaled, verified, undoable from history); never asks anything' },
        policy: { value: true, help: 'JSON file: which repairs may run unattended (default: the Teams cache clear and sign-in reset)' },
      },
      group: 'main',
    },
  ],
  load: () => import('./index').then((m) => m.remediateModule),
};
