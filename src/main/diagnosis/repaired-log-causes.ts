// A cause read only from the Teams logs (the sign-in loop) whose failures are all older than a
// repair of ours for it is history, also when no failure of the last 7 days makes it "the error"
// (then there is no error to mark as before the repair). It is listed as addressed, like the causes
// of an error from before a repair: diagnose, the app and an unattended remediate agree, and no
// scheduled run repairs the same old loop again with the cause's next fix. Measured faults (clock,
// DNS, services) are measured anew at each run and are never marked here.
import type { Cause } from '../../shared/contract/diagnosis';
import { firstWith } from '../../shared/contract/findings';
import type { Finding, RunSummary } from '../../shared/model';
import { repairTime } from './rank-causes';

/** What the diagnosis reads of a run of the journal (runner.history() or the journal's records). */
export type RepairRun = Pick<RunSummary, 'runId' | 'fixId' | 'status' | 'startedAt'>;

// Only a repair whose verification passed makes older failures history: one that did not verify
// (status applied) may not have fixed anything, so the failure still counts and is tried again.
export const isRepaired = (run: RepairRun): boolean => run.status === 'verified';

export function markRepairedLogCauses(causes: readonly Cause[], findings: readonly Finding[], history: readonly RepairRun[]): Cause[] {
  const newest = Date.parse(firstWith(findings, 'teams.log-signin-failure')?.evidence.time ?? '');
  if (!Number.isFinite(newest)) return [...causes];
  const kept: Cause[] = [];
  const addressed: Cause[] = [];
  for (const cause of causes) {
    const logOnly = cause.strength === 'strong' && !cause.addressedBy && cause.because.length > 0 && cause.because.every((b) => b.findingId.startsWith('teams.log-'));
    const run = logOnly
      ? history
          .filter((r) => isRepaired(r) && (cause.fixes as readonly string[]).includes(r.fixId) && Date.parse(r.startedAt) > newest)
          .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0]
      : undefined;
    if (!run) {
      kept.push(cause);
      continue;
    }
    addressed.push({
      ...cause,
      strength: 'ruled-out',
      fixes: [],
      because: [{ findingId: 'history', fact: `Addressed by your repair ${run.fixId} at ${repairTime(run.startedAt)}; the failures in the logs are from before it` }, ...cause.because],
      addressedBy: { runId: run.runId, fixId: run.fixId, at: run.startedAt },
    });
  }
  // Ruled-out causes come last, as the ranking orders them.
  const ruledOut = kept.filter((c) => c.strength === 'ruled-out');
  return [...kept.filter((c) => c.strength !== 'ruled-out'), ...addressed, ...ruledOut];
}
