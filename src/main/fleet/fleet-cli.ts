// CLI command of the fleet domain: `fleet summarize PATH... [--json] [--html FILE] [--csv FILE]`.
import { UsageError, type CommandRun } from '../common/cli-command';

export const runFleet: CommandRun = async (inv) => {
  if (inv.args[0] !== 'summarize') throw new UsageError('say `fleet summarize PATH...`');
  throw new UsageError('not yet');
};
