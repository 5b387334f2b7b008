// What may be repaired unattended: the policy file (--policy FILE) or the built-in default, and the
// one table of the fixes that can run without a person at all and the context each needs.
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../common/cli-command';
import type { FixId } from '../../shared/contract/fixes';
import { MAX_POLICY_BYTES, RemediatePolicySchema, type FixContext, type RemediatePolicy } from '../../shared/contract/remediate';

/**
 * The fixes that need nothing a person gives (no file, no pasted text), by the context they act in.
 * Not here, so never unattended: explain.save-note (the note's text) and cac.import-dod-roots (the
 * bundle file someone chose). A policy cannot move a fix to another context: a per-user fix run as
 * SYSTEM would clean SYSTEM's profile, and a machine fix in the user's context would need a prompt.
 */
export const UNATTENDED_FIXES: Partial<Record<FixId, FixContext>> = {
  'teams.cache-clear': 'user',
  'teams.signin-reset': 'user',
  'network.proxy-disable': 'user',
  'network.proxy-bypass-add': 'user',
  'network.dns-flush': 'user',
  'clock.resync': 'machine',
  'clock.auto-time-on': 'machine',
  'cac.restart-service': 'machine',
};

/** The options through which a fix asks for a consent, by consent name. */
export const CONSENT_OPTIONS: Partial<Record<FixId, Partial<Record<keyof NonNullable<RemediatePolicy['consent']>, string>>>> = {
  'teams.cache-clear': { quitTeams: 'quitTeams', forceQuitTeams: 'force' },
  'teams.signin-reset': { quitTeams: 'quitTeams', forceQuitTeams: 'force' },
};

/**
 * The default, deliberately small: the two Teams repairs of the user's own profile (both backed up
 * and undoable, both offered only for a measured sign-in loop), no consent to quit a running Teams,
 * and nothing that changes the machine or the network settings IT chose.
 */
export const DEFAULT_POLICY: RemediatePolicy = { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'] };

/** Validates a parsed policy; a fix that can never run unattended is refused by name. */
export function parsePolicy(raw: unknown, where: string): RemediatePolicy {
  const parsed = RemediatePolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`);
    throw new UsageError(`${where} is not a valid remediate policy (${issues.join('; ')}); see the user guide, "Remediate"`);
  }
  const never = parsed.data.allow.filter((id) => !UNATTENDED_FIXES[id]);
  if (never.length) throw new UsageError(`${where}: ${never.join(', ')} cannot run unattended (it needs something a person gives); remove it from "allow"`);
  return { ...parsed.data, allow: [...new Set(parsed.data.allow)] };
}

/** Reads --policy FILE: missing, not a file, too big, not JSON or not a policy is a usage error (exit 2). */
export async function readPolicyFile(path: string): Promise<RemediatePolicy> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`--policy ${path} is not a file`);
    size = s.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read --policy ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_POLICY_BYTES) throw new UsageError(`--policy ${path} is ${size} bytes: a policy is at most ${MAX_POLICY_BYTES} bytes`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --policy ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // A byte-order mark (Notepad) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--policy ${path} is not JSON (${(error as Error).message.slice(0, 120)})`);
  }
  return parsePolicy(raw, `--policy ${path}`);
}
