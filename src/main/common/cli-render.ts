// Plain-text rendering of results for people reading a terminal (or a remote-management log).
import type { Finding, FixPlan, RunRecord, RunSummary } from '../../shared/model';

const MARK: Record<Finding['severity'], string> = { ok: 'OK  ', info: 'INFO', warn: 'WARN', fail: 'FAIL' };

export function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings.\n';
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`[${MARK[f.severity]}] ${f.title}  (${f.id})`);
    if (f.detail) lines.push(...f.detail.split('\n').map((l) => `       ${l}`));
    if (f.fixes.length) lines.push(`       fix: ${f.fixes.map((id) => `signin-doctor fix ${id}`).join(' | ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderPlan(plan: FixPlan): string {
  const lines = [`${plan.title}`, `  ${plan.summary}`];
  if (plan.blockedBy) lines.push(`  Cannot run now: ${plan.blockedBy}`);
  if (plan.changes.length) lines.push('  Will change:', ...plan.changes.map((c) => `    - ${c}`));
  if (plan.keeps.length) lines.push('  Keeps:', ...plan.keeps.map((c) => `    - ${c}`));
  if (plan.needsClosed.length) lines.push(`  Needs closed: ${plan.needsClosed.join(', ')}`);
  lines.push(`  Needs admin rights: ${plan.needsAdmin ? 'yes (you will be asked for this action only)' : 'no'}`);
  lines.push(`  Undo: ${plan.undoable ? plan.undoDescription : `not possible — ${plan.undoDescription}`}`);
  for (const w of plan.warnings) lines.push(`  Warning: ${w}`);
  if (plan.planId && !plan.blockedBy) lines.push(`  Plan ${plan.planId}: to apply exactly this plan later, run \`signin-doctor fix --plan-id ${plan.planId} --yes\` (kept 30 minutes)`);
  return `${lines.join('\n')}\n`;
}

export function renderRun(record: RunRecord): string {
  const lines = [`Run ${record.runId}: ${record.plan.title} — ${record.status}`];
  for (const step of record.steps) lines.push(`  [${step.state}] ${step.description}${step.error ? ` (${step.error})` : ''}`);
  if (record.verify) lines.push(`  Verification: ${record.verify.ok ? 'passed' : 'not passed'} — ${record.verify.message}`);
  if (record.error) lines.push(`  Error: ${record.error}`);
  if (record.status === 'verified' || record.status === 'applied') lines.push(`  Undo with: signin-doctor undo ${record.runId}`);
  return `${lines.join('\n')}\n`;
}

export function renderHistory(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return 'No repairs have been run.\n';
  return `${runs
    .map((r) => `${r.runId}  ${r.status.padEnd(11)} ${r.fixId.padEnd(24)} ${r.title}${r.interrupted ? '  (interrupted: run `signin-doctor recover ' + r.runId + '`)' : r.undoable ? '  (undoable)' : ''}`)
    .join('\n')}\n`;
}
