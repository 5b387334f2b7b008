// The core commands' metadata (all --help needs): they work on every domain through the service.
// Imports nothing but types, like each domain's <domain>-domain.ts.
import type { CommandMeta } from '../../common/cli-command';

export const CORE_COMMANDS: readonly CommandMeta[] = [
  {
    name: 'diagnose',
    summary: 'Run every check (or some domains) and list the findings',
    usage: ['diagnose [--only teams,clock,network,cac,device]', 'diagnose [--error TEXT | --error-file F] [--no-logs] [--only ...]   (the verdict: ranked causes of the error)'],
    flags: {
      only: { value: true, help: 'comma-separated domains' },
      error: { value: true, help: 'the error text to explain (else the newest sign-in failure of the last 7 days in the Teams logs); never stored' },
      'error-file': { value: true, help: 'read the error text from a file (text, at most 4 MB); never stored' },
      'no-logs': { value: false, help: 'do not read the Teams logs (no log check, no error taken from them)' },
    },
    group: 'main',
  },
  {
    name: 'schema',
    summary: 'Print the JSON Schema of a document scripts read (diagnose, remediate, report)',
    usage: ['schema diagnose|remediate|report|fleet   (JSON Schema draft 2020-12 of diagnose --json, remediate --json, report.json, fleet summarize --json)'],
    flags: {},
    group: 'main',
  },
  {
    name: 'fix',
    summary: 'Preview or apply a repair (backed up, journaled, undoable)',
    usage: ['fix --list', 'fix <fixId> [--dry-run] [--yes] [--<option> VALUE]...', 'fix --plan-id ID --yes   (apply a plan previewed with --dry-run)'],
    flags: {
      'dry-run': { value: false, help: 'show the plan (with its planId) and change nothing' },
      yes: { value: false, help: 'apply without asking (scripts, remote management)' },
      'plan-id': { value: true, help: 'apply exactly the plan a --dry-run printed (refused if the computer changed since)' },
      list: { value: false, help: 'list every fix' },
      file: { value: true, help: 'read a text option (e.g. the error text) from a file' },
  },
  acceptsAnyFlag: true,
  group: 'repair',
  },
  {
    name: 'undo',
    summary: 'Undo a repair by its run id (see history)',
    usage: ['undo <runId> [--keep-both]'],
    flags: { 'keep-both': { value: false, help: 'when the app has written new data since, keep it beside the restored copy' } },
    acceptsAnyFlag: true,
    group: 'repair',
  },
  {
    name: 'history',
    summary: 'List past repairs (newest first), or show one',
    usage: ['history [runId]'],
    flags: {},
    group: 'repair',
  },
  {
    name: 'recover',
    summary: 'Finish or roll back a repair that a crash interrupted',
    usage: ['recover                      (list interrupted runs)', 'recover <runId> --finish | --rollback'],
    flags: { finish: { value: false, help: 'complete the interrupted run' }, rollback: { value: false, help: 'put everything back as before' } },
    group: 'repair',
  },
  {
    name: 'discard',
    summary: 'Delete the backups of a repair (it can no longer be undone)',
    usage: ['discard <runId>'],
    flags: {},
    group: 'repair',
  },
];
