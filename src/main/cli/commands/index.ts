// Every CLI command, in the order --help lists them: the core commands, then each domain's, from
// the one list (src/main/domains.ts). Only metadata is loaded here; a command's run function (and
// with it its domain) is imported when that command runs.
import type { CommandMeta, CommandRun } from '../../common/cli-command';
import { DOMAIN_LIST } from '../../domains';
import type { DomainEntry } from '../../engine/types';
import { CORE_COMMANDS } from './core-commands';

export interface CliCommand extends CommandMeta {
  /** The domain that declares it; undefined for the core commands. */
  domain?: DomainEntry['domain'];
  load(): Promise<CommandRun>;
}

const CORE_RUNS: Record<string, () => Promise<CommandRun>> = {
  diagnose: () => import('./core').then((m) => m.runDiagnose),
  fix: () => import('./core').then((m) => m.runFix),
  undo: () => import('./core').then((m) => m.runUndo),
  history: () => import('./core').then((m) => m.runHistory),
  recover: () => import('./core').then((m) => m.runRecover),
  discard: () => import('./core').then((m) => m.runDiscard),
  schema: () => import('./core').then((m) => m.runSchema),
};

export function commandsOf(list: readonly DomainEntry[]): CliCommand[] {
  const core = CORE_COMMANDS.map((meta): CliCommand => ({
    ...meta,
    load: async () => {
      const load = CORE_RUNS[meta.name];
      if (!load) throw new Error(`the core command ${meta.name} has no run function`);
      return load();
    },
  }));
  const domains = list.flatMap((entry) =>
    entry.commands.map((meta): CliCommand => ({
      ...meta,
      domain: entry.domain,
      load: async () => {
        const run = (await entry.load()).commands[meta.name];
        if (!run) throw new Error(`the ${entry.domain} module has no run function for its command ${meta.name}`);
        return run;
      },
    })),
  );
  return [...core, ...domains];
}

export const ALL_COMMANDS: readonly CliCommand[] = commandsOf(DOMAIN_LIST);
