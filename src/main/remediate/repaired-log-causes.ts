// A cause read only from the Teams logs (the sign-in loop) whose failures are all older than a
// repair of ours for it is history, also when no failure of the last 7 days makes it "the error"
// (then the causes engine has no error to mark as before the repair). Without this an unattended run
// would repair the same old loop again at every schedule, each time with the cause's next fix.
// Measured faults (clock, DNS, services) are measured anew at each run and are never skipped here.
import type { BeforeRepair, Cause } from '../../shared/contract/diagnosis';
import { firstWith } from '../../shared/contract/findings';
import type { Finding, RunSummary } from '../../shared/model';

const REPAIRED = new Set(['verified', 'applied']);

/** Cause id -> the newest repair of one of its fixes that started after the newest log failure. */
export function repairedLogCauses(causes: readonly Cause[], findings: readonly Finding[], history: readonly RunSummary[]): Map<string, BeforeRepair> {
  const out = new Map<string, BeforeRepair>();
  const newest = Date.parse(firstWith(findings, 'teams.log-signin-failure')?.evidence.time ?? '');
  if (!Number.isFinite(newest)) return out;
  for (const cause of causes) {
    if (cause.strength !== 'strong' || cause.addressedBy || !cause.because.length) continue;
    if (!cause.because.every((b) => b.findingId.startsWith('teams.log-'))) continue;
    const run = history
      .filter((r) => REPAIRED.has(r.status) && (cause.fixes as readonly string[]).includes(r.fixId) && Date.parse(r.startedAt) > newest)
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
    if (run) out.set(cause.id, { runId: run.runId, fixId: run.fixId, at: run.startedAt });
  }
  return out;
}
