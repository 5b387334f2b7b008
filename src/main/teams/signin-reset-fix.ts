// teams.signin-reset: ends a stale-token sign-in loop (700082, 50173, 0xCAA2…) by removing the
// cached Microsoft sign-in: macOS keychain identity items, Windows broker accounts. It is never
// the remedy for a Conditional Access block (53003): findings never offer it for one, and the plan
// warns when the logs show one.
import { lstat } from 'node:fs/promises';
import { z } from 'zod';
import type { FixPlan, RunRecord } from '../../shared/model';
import type { FixContext, FixDefinition, UndoPreparation } from '../engine/types';
import { brokerBackupPath, planBrokerAccounts } from './broker-accounts';
import { conditionalAccessWarning, doneMoves, quitOrBlock, teamsScope } from './cache-clear-fix';
import { SigninResetOptionsSchema } from '../../shared/contract/teams';
import { listIdentityItems } from './keychain';
import { runningTeams } from './teams-clients';
import { teamsClients, tokenBrokerAccounts } from './teams-paths';

export const SigninResetOptions = SigninResetOptionsSchema;
export type SigninResetOptions = z.infer<typeof SigninResetOptions>;

const TITLE = 'Reset Teams sign-in';
const SIGN_IN_AGAIN = 'sign in again: tokens are re-issued';

export async function planSigninReset(ctx: FixContext, options: SigninResetOptions): Promise<FixPlan> {
  const defs = teamsClients(ctx.platform, ctx.env);
  const base = { fixId: 'teams.signin-reset', title: TITLE, needsAdmin: false, keeps: ['Your Teams cache, chats, files and settings (only sign-in data is removed)'] };
  const caWarning = await conditionalAccessWarning(ctx);
  if (ctx.platform === 'linux') {
    return {
      ...base,
      summary: 'Teams for Linux keeps its sign-in inside its profile folder.',
      changes: [],
      steps: [],
      needsClosed: [],
      undoable: false,
      undoDescription: SIGN_IN_AGAIN,
      warnings: caWarning,
      blockedBy: 'There is no separate sign-in cache for Teams for Linux: use "Clear the Teams cache" (teams.cache-clear) instead.',
    };
  }
  const quit = await quitOrBlock(ctx, defs, options, 'resetting sign-in');
  if (ctx.platform === 'darwin') {
    const listing = await listIdentityItems(ctx.exec);
    const items = listing.ok ? listing.items : [];
    const blockedBy = quit.blockedBy ?? (!listing.ok ? `Could not read the keychain: ${listing.error}` : !items.length ? 'No Microsoft sign-in items were found in your keychain: there is nothing to reset.' : undefined);
    return {
      ...base,
      summary: 'Deletes the Microsoft identity items from your login keychain, so Teams (and Office) ask you to sign in again with fresh tokens.',
      changes: [...quit.changes, ...items.map((i) => `Delete keychain item "${i.label}"${i.account ? ` (account ${i.account})` : ''}${i.modified ? `, last changed ${i.modified}` : ''}`)],
      steps: [...quit.steps, ...items.map((i) => ({ kind: 'teams.keychain-delete', description: `Delete keychain items labelled "${i.label}"`, data: { label: i.label } }))],
      needsClosed: ['Microsoft Teams', 'Microsoft Outlook, Word, Excel and other Office apps'],
      undoable: false,
      undoDescription: SIGN_IN_AGAIN,
      warnings: [...quit.warnings, 'Office apps on this Mac (Outlook, Word, Excel…) will also ask you to sign in again.', ...caWarning],
      ...(blockedBy ? { blockedBy } : {}),
    };
  }
  const broker = await planBrokerAccounts(ctx);
  const blockedBy = quit.blockedBy ?? broker.blockedBy;
  return {
    ...base,
    summary: `Moves the cached accounts of the Windows sign-in broker (TokenBroker\\Accounts) aside, so Teams and Office sign in again with fresh tokens. Microsoft's other documented way is its signoutofwamaccounts.ps1 script. The BrokerPlugin package folder itself is never touched.`,
    changes: [...quit.changes, ...broker.changes],
    steps: [...quit.steps, ...broker.steps],
    needsClosed: ['Microsoft Teams', 'Outlook and other Office apps'],
    undoable: true,
    undoDescription: `Undo puts the account entries back; either way you ${SIGN_IN_AGAIN}.`,
    warnings: [...quit.warnings, 'Office apps and other apps that use your work account will also ask you to sign in again.', ...caWarning],
    ...(blockedBy ? { blockedBy } : {}),
  };
}

async function verifySigninReset(ctx: FixContext, record: RunRecord) {
  if (record.steps.some((s) => s.kind === 'teams.keychain-delete')) {
    const listing = await listIdentityItems(ctx.exec);
    if (!listing.ok) return { ok: false, message: `Could not re-read the keychain: ${listing.error}`, findings: [] };
    return listing.items.length
      ? { ok: false, message: `Still in the keychain: ${listing.items.map((i) => i.label).join(', ')}`, findings: [] }
      : { ok: true, message: 'The Microsoft identity items are gone from the keychain. Start Teams and sign in again.', findings: [] };
  }
  const moves = doneMoves(record);
  const back: string[] = [];
  for (const m of moves) {
    try {
      await lstat(m.from);
      back.push(m.rel);
    } catch {
      // gone from the broker folder: as intended
    }
  }
  return back.length
    ? { ok: false, message: `Broker entries reappeared: ${back.join(', ')} (an app signed in again meanwhile)`, findings: [] }
    : { ok: true, message: `${moves.length} broker account entr${moves.length === 1 ? 'y was' : 'ies were'} moved aside. Start Teams and sign in again.`, findings: [] };
}

async function prepareSigninUndo(ctx: FixContext, record: RunRecord): Promise<UndoPreparation> {
  const running = await runningTeams(ctx, teamsClients(ctx.platform, ctx.env));
  if (running.processes.length) return { blockedBy: `Teams is running (${running.processes.map((p) => `${p.name} ${p.pid}`).join(', ')}): quit Teams, then undo.` };
  const clashes = [];
  for (const m of doneMoves(record)) {
    try {
      await lstat(m.from);
      clashes.push(m.rel);
    } catch {
      // free: it can go back
    }
  }
  if (clashes.length) {
    return { conflict: `You have signed in again since the reset (${clashes.join(', ')} exist again); putting the old entries back would overwrite the new sign-in, so undo is refused. Nothing needs undoing: you are signed in.` };
  }
  return {};
}

export const signinResetFix: FixDefinition<SigninResetOptions> = {
  id: 'teams.signin-reset',
  domain: 'teams',
  title: TITLE,
  description: 'Removes cached Microsoft sign-in tokens (macOS keychain items, Windows broker accounts) to end a sign-in loop; you sign in again. Not a fix for 53003.',
  options: SigninResetOptions,
  scope: (ctx) => {
    const accounts = tokenBrokerAccounts(ctx.env);
    return teamsScope(ctx, ctx.platform === 'win32' ? [accounts] : [], (f) => brokerBackupPath(f, ctx.runId), ['teams.keychain-delete']);
  },
  plan: planSigninReset,
  verify: (ctx, _options, record) => verifySigninReset(ctx, record),
  prepareUndo: (ctx, record) => prepareSigninUndo(ctx, record),
};
