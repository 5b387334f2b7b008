// The verdict as the CLI prints it: one line for the error and what it means, then the causes
// (strongest first, each with why, the fix ids and what IT must do); ruled-out ones in one block.
import type { Cause, DiagnosisResult } from '../../shared/contract/diagnosis';
import { repairTime } from './rank-causes';

const LABEL: Record<Cause['strength'], string> = { strong: 'STRONG', possible: 'POSSIBLE', 'ruled-out': 'RULED OUT' };

function sourceLine(r: DiagnosisResult): string | undefined {
  const s = r.error?.source;
  if (!s) return undefined;
  const before = s.beforeRepair ? `; before your repair at ${repairTime(s.beforeRepair.at)} (${s.beforeRepair.fixId}), so it no longer counts as current` : '';
  return s.kind === 'teams-log' ? `  (from the Teams log ${s.file}, line ${s.line}${s.time ? `, ${s.time}` : ''}${before})` : `  (from the pasted error${before})`;
}

export function renderVerdict(r: DiagnosisResult): string {
  const lines: string[] = [];
  lines.push(r.error ? `Verdict: ${r.error.verdict}` : r.causes.length ? 'Verdict: no sign-in error given or found in the Teams logs; measured faults:' : 'Verdict: no sign-in error given or found in the Teams logs, and no measured fault.');
  const src = sourceLine(r);
  if (src) lines.push(src);
  if (r.error?.correlationId) lines.push(`  Correlation ID ${r.error.correlationId}${r.error.timestamp ? `, ${r.error.timestamp}` : ''}`);
  const open = r.causes.filter((c) => c.strength !== 'ruled-out');
  const out = r.causes.filter((c) => c.strength === 'ruled-out');
  if (open.length) lines.push('', 'Causes (strongest first):');
  open.forEach((c, i) => {
    lines.push(`${i + 1}. [${LABEL[c.strength]}] ${c.title}  (${c.id})`);
    for (const b of c.because) lines.push(`     why: ${b.fact}  [${b.findingId}]`);
    for (const a of c.userActions) lines.push(`     you: ${a}`);
    if (c.fixes.length) lines.push(`     fix: ${c.fixes.join(', then ')}  (signin-doctor fix <id>)`);
    for (const a of c.itActions) lines.push(`     IT:  ${a}`);
  });
  if (out.length) {
    lines.push('', 'Checked and ruled out:');
    for (const c of out) lines.push(`  - ${c.title}: ${c.because.map((b) => b.fact).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
