// Who this process runs as: the signed-in user, or root/SYSTEM, and whether it already holds
// administrator rights. Unattended repairs (remediate) decide by it which fixes may run: a per-user
// fix never runs as root/SYSTEM (that profile is not the user's), a machine fix only with rights it
// already has (unattended mode never shows a prompt). When we cannot tell, we say "the user, not
// elevated": the answer that makes nothing run with rights it might not have.
import type { Exec } from './exec';
import type { Platform } from './platform';
import { REAL_HOST, windowsProgram, type HostProbe } from './programs';
import type { RunContext } from '../../shared/contract/remediate';

/** Windows integrity levels (the "Mandatory Label" group of a token). */
const SYSTEM_LEVEL = 'S-1-16-16384';
const HIGH_LEVEL = 'S-1-16-12288';

export interface RunContextProbe {
  /** The real OS's user id (process.getuid), undefined on Windows. */
  uid?: number;
  host: HostProbe;
}

const REAL_PROBE: RunContextProbe = { uid: typeof process.getuid === 'function' ? process.getuid() : undefined, host: REAL_HOST };

/** Reads `whoami /groups /fo csv /nh`: the integrity level says SYSTEM, an elevated administrator, or neither. */
export function parseWhoamiGroups(stdout: string): Pick<RunContext, 'kind' | 'elevated'> & { level: string } {
  if (stdout.includes(SYSTEM_LEVEL)) return { kind: 'system', elevated: true, level: 'System' };
  if (stdout.includes(HIGH_LEVEL)) return { kind: 'user', elevated: true, level: 'High' };
  return { kind: 'user', elevated: false, level: /S-1-16-8192/.test(stdout) ? 'Medium' : 'unknown' };
}

export async function detectRunContext(platform: Platform, exec: Exec, env: NodeJS.ProcessEnv, probe: RunContextProbe = REAL_PROBE): Promise<RunContext> {
  if (platform === 'win32') {
    const r = await exec(windowsProgram('whoami', env, probe.host), ['/groups', '/fo', 'csv', '/nh'], { timeoutMs: 10_000, maxBytes: 256 * 1024 });
    if (r.code !== 0) return { kind: 'user', elevated: false, how: `unknown: whoami could not be run (${r.spawnError ?? `exit ${r.code}`}); treated as the user, not elevated` };
    const g = parseWhoamiGroups(r.stdout);
    return { kind: g.kind, elevated: g.elevated, how: `whoami: ${g.level} integrity level` };
  }
  // Acting as macOS or Linux on a Windows host (tests) there is no uid to read.
  if (probe.uid === undefined || probe.host.onWindows) return { kind: 'user', elevated: false, how: 'unknown: no user id on this host; treated as the user, not elevated' };
  return probe.uid === 0 ? { kind: 'system', elevated: true, how: 'uid 0 (root)' } : { kind: 'user', elevated: false, how: `uid ${probe.uid}` };
}
