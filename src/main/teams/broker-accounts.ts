// Windows: the Web Account Manager broker's cached accounts. The reset moves the entries of
// TokenBroker\Accounts into a dated backup beside it (same volume, undo renames back); the
// BrokerPlugin package folder itself is never touched.
import { lstat, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Step } from '../../shared/model';
import type { FixContext } from '../engine/types';
import { realRoot } from '../os/safe-path';
import type { BackupFolderData } from './teams-steps';
import { tokenBrokerAccounts } from './teams-paths';

export interface BrokerPlan {
  accounts: string;
  steps: Step[];
  changes: string[];
  blockedBy?: string;
}

export const brokerBackupPath = (accounts: string, runId: string) => `${accounts}.signin-doctor-backup-${runId}`;

export async function planBrokerAccounts(ctx: FixContext): Promise<BrokerPlan> {
  const accounts = tokenBrokerAccounts(ctx.env);
  const parent = dirname(accounts);
  try {
    await lstat(accounts);
  } catch {
    return { accounts, steps: [], changes: [], blockedBy: `No broker account cache found at ${accounts}: there is nothing to reset.` };
  }
  try {
    await realRoot(accounts);
    await realRoot(parent);
  } catch (error) {
    return { accounts, steps: [], changes: [], blockedBy: `${(error as Error).message}. Sign-in Doctor only moves entries of the real folder.` };
  }
  const [a, p] = await Promise.all([stat(accounts), stat(parent)]);
  if (a.dev !== p.dev) return { accounts, steps: [], changes: [], blockedBy: `${accounts} is on another volume than ${parent}: a backup would need a copy; say so and ask.` };
  const names = (await readdir(accounts)).sort();
  if (!names.length) return { accounts, steps: [], changes: [], blockedBy: `${accounts} is already empty: there is nothing to reset.` };
  const backup = brokerBackupPath(accounts, ctx.runId);
  const folder: BackupFolderData = { path: backup, client: 'broker', clientRoot: accounts, kept: [] };
  const steps: Step[] = [{ kind: 'teams.backup-folder', description: `Create the backup folder ${backup}`, data: folder }];
  for (const name of names) {
    const info = await lstat(join(accounts, name));
    if (info.dev !== a.dev) return { accounts, steps: [], changes: [], blockedBy: `${join(accounts, name)} is on another volume: moving it would need a copy; say so and ask.` };
    steps.push({ kind: 'fs.rename', description: `Move broker account entry ${name}`, data: { from: join(accounts, name), to: join(backup, name) } });
  }
  return {
    accounts,
    steps,
    changes: [`Move the ${names.length} cached broker account entr${names.length === 1 ? 'y' : 'ies'} of ${accounts} into ${backup} (Teams and Office sign out and ask you to sign in again)`],
  };
}
