// macOS keychain items that hold Microsoft sign-in tokens (the reference's list), read and deleted
// through `security` only: list first, then delete exactly these labels. Secrets are never read
// (no -g / -w), so no password or token ever passes through this code.
import { z } from 'zod';
import type { StepExecutor } from '../engine/types';
import { macProgram } from '../os/programs';
import type { Exec } from '../os/exec';

export const IDENTITY_LABELS = [
  'Microsoft Teams Identities Cache',
  'com.microsoft.adalcache',
  'Microsoft Office Identities Cache 2',
  'Microsoft Office Identities Cache 3',
  'Microsoft Office Identities Settings 2',
  'Microsoft Office Identities Settings 3',
  'MSOpenTech.ADAL.1',
  'OneAuthAccount',
] as const;

/** `security` exits 44 when no item matches (errSecItemNotFound). */
export const SECURITY_NOT_FOUND = 44;

export interface KeychainItem {
  label: string;
  keychain?: string;
  account?: string;
  service?: string;
  /** "20261120101500Z" as security prints it. */
  modified?: string;
}

function quoted(value: string | undefined): string | undefined {
  if (!value || value === '<NULL>') return undefined;
  const text = /"((?:[^"\\]|\\.)*)"\s*$/.exec(value)?.[1];
  return text?.replace(/\\000$/, '');
}

/** The attributes `security find-generic-password` prints (without -g: no secret). */
export function parseSecurityItem(text: string): KeychainItem | undefined {
  const attrs = new Map<string, string>();
  let keychain: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const kc = /^keychain:\s*"(.*)"\s*$/.exec(line);
    if (kc) keychain = kc[1];
    const m = /^\s+(?:"(\w{4})"|(0x[0-9A-Fa-f]{8}))\s*<\w+>=(.*)$/.exec(line);
    if (m) attrs.set(m[1] ?? m[2]!.toLowerCase(), m[3]!.trim());
  }
  const label = quoted(attrs.get('0x00000007')) ?? quoted(attrs.get('labl'));
  if (!label) return undefined;
  const account = quoted(attrs.get('acct'));
  const service = quoted(attrs.get('svce'));
  const modified = quoted(attrs.get('mdat'));
  return { label, ...(keychain ? { keychain } : {}), ...(account ? { account } : {}), ...(service ? { service } : {}), ...(modified ? { modified } : {}) };
}

export type KeychainListing = { ok: true; items: KeychainItem[] } | { ok: false; error: string };

/** Which of the identity labels exist (first match of each). */
export async function listIdentityItems(exec: Exec): Promise<KeychainListing> {
  const items: KeychainItem[] = [];
  for (const label of IDENTITY_LABELS) {
    const r = await exec(macProgram('security'), ['find-generic-password', '-l', label], { timeoutMs: 10_000 });
    if (r.spawnError) return { ok: false, error: `security could not run (${r.spawnError})` };
    if (r.code === SECURITY_NOT_FOUND) continue;
    if (r.code !== 0) return { ok: false, error: `security find-generic-password -l "${label}" failed (exit ${r.code}): ${r.stderr.trim().slice(0, 200)}` };
    items.push(parseSecurityItem(r.stdout) ?? { label });
  }
  return { ok: true, items };
}

const DeleteData = z.object({ label: z.enum(IDENTITY_LABELS) });

/** Deletes every generic-password item with this label (security deletes one per call). */
export const keychainDeleteStep: StepExecutor<z.infer<typeof DeleteData>> = {
  kind: 'teams.keychain-delete',
  data: DeleteData,
  async apply(d, ctx) {
    for (let i = 0; i < 100; i++) {
      const r = await ctx.exec(macProgram('security'), ['delete-generic-password', '-l', d.label], { timeoutMs: 10_000 });
      if (r.spawnError) throw new Error(`security could not run (${r.spawnError})`);
      if (r.code === SECURITY_NOT_FOUND) return; // none left: done (also after a crash)
      if (r.code !== 0) throw new Error(`security delete-generic-password -l "${d.label}" failed (exit ${r.code}): ${r.stderr.trim().slice(0, 200)}`);
    }
    throw new Error(`more than 100 keychain items labelled "${d.label}"; stopped`);
  },
  // Tokens cannot be put back: they are re-issued when the user signs in again (the plan says so).
  undo: async () => undefined,
};
