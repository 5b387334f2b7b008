// The fleet picture for people, most important first: how many machines and how many have
// problems, which to look at first, the problems by finding, the sign-in errors with their leading
// causes, then OS and Teams client. Short: the full lists are in --json, --html and --csv.
import type { FleetSummary } from '../../shared/contract/fleet';

const SHOWN = { lookFirst: 10, findings: 20, codes: 5, versions: 5 } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function inputsLines(s: FleetSummary): string[] {
  const i = s.inputs;
  const lines = [`Fleet: ${plural(s.machines.total, 'machine')} from ${plural(i.read, 'file')}.`];
  if (i.superseded) lines.push(`  ${plural(i.superseded, 'older file')} described a machine that a newer file describes too: the newest file of each machine counts.`);
  if (i.skipped.total) {
    lines.push(`  Skipped ${plural(i.skipped.total, 'file')}:`);
    for (const r of i.skipped.byReason) lines.push(`    ${r.files.toLocaleString('en-US')} ${r.meaning}${r.examples.length ? ` (${r.examples.join(', ')}${r.files > r.examples.length ? ', …' : ''})` : ''}`);
  }
  if (i.newerSchema.files) lines.push(`  ${plural(i.newerSchema.files, 'file')} came from a newer version of Sign-in Doctor: read as far as possible (${i.newerSchema.examples.join(', ')}${i.newerSchema.files > i.newerSchema.examples.length ? ', …' : ''}).`);
  if (i.newerSchema.unreadableFindings) lines.push(`    Of those, ${plural(i.newerSchema.unreadableFindings, 'file')} had findings this version cannot read: an older file of the same machine counts instead where there is one.`);
  if (i.findingsDropped) lines.push(`  ${plural(i.findingsDropped, 'finding')} did not fit and were left out.`);
  if (i.ignored) lines.push(`  Not opened: ${plural(i.ignored, 'other file')} in the folders (not .json or .zip).`);
  return lines;
}

export function renderFleetText(s: FleetSummary): string {
  const out = inputsLines(s);
  const m = s.machines;
  if (m.total === 0) {
    out.push('', 'No machine files were found in what was given.');
    return `${out.join('\n')}\n`;
  }
  const warnOnly = m.byWorst.warn;
  out.push(
    m.withProblems
      ? `${plural(m.withProblems, 'machine')} with problems (${m.byWorst.fail.toLocaleString('en-US')} with a failure, ${warnOnly.toLocaleString('en-US')} with warnings only); ${(m.total - m.withProblems).toLocaleString('en-US')} without.`
      : 'No machine has a problem.',
  );

  if (s.lookFirst.length) {
    out.push('', 'Look at these first:');
    s.lookFirst.slice(0, SHOWN.lookFirst).forEach((x, n) => {
      const counts = [x.fails ? `${x.fails} failed` : '', x.warns ? `${x.warns} warning${x.warns === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
      const error = x.errorCode ? `  ${x.errorCode}${x.topCause ? ` (first cause: ${x.topCause})` : ''}` : '';
      out.push(`  ${n + 1}. ${x.label}${x.labelFrom === 'file' ? '' : ` [${x.file}]`}: ${counts}${error}${x.newerSchema ? '  (newer file version)' : ''}`);
      out.push(`     ${x.problems.join(', ')}`);
    });
    const more = m.withProblems - Math.min(SHOWN.lookFirst, s.lookFirst.length);
    if (more > 0) out.push(`  … and ${plural(more, 'more machine')} with problems (--csv FILE lists them all).`);
  }

  const problems = s.findings.filter((f) => f.bySeverity.fail + f.bySeverity.warn > 0);
  if (problems.length) {
    out.push('', 'Problems by finding (machines):');
    const width = Math.min(40, Math.max(...problems.slice(0, SHOWN.findings).map((f) => f.id.length)));
    for (const f of problems.slice(0, SHOWN.findings)) {
      const parts = [f.bySeverity.fail ? `${f.bySeverity.fail.toLocaleString('en-US')} failed` : '', f.bySeverity.warn ? plural(f.bySeverity.warn, 'warning') : ''].filter(Boolean).join(', ');
      out.push(`  ${f.id.padEnd(width)}  ${parts}`);
    }
    if (problems.length > SHOWN.findings) out.push(`  … and ${plural(problems.length - SHOWN.findings, 'more finding')} (see --json).`);
  }
  const informational = s.findings.length - problems.length;
  if (informational > 0) out.push(`  (${plural(informational, 'other finding')} only informational or passing: see --json.)`);

  if (s.errorCodes.length) {
    out.push('', 'Sign-in errors (the newest of each machine):');
    for (const c of s.errorCodes.slice(0, SHOWN.codes)) {
      const causes = c.causes.map((k) => `${k.id} ${k.machines}`).join(', ');
      out.push(`  ${c.display}${c.name ? ` ${c.name}` : ''}: ${plural(c.machines, 'machine')}${causes ? `; first cause: ${causes}` : ''}`);
    }
    if (s.errorCodes.length > SHOWN.codes) out.push(`  … and ${plural(s.errorCodes.length - SHOWN.codes, 'more code')} (see --json).`);
  }

  out.push('', 'By OS:');
  for (const o of s.byOs) {
    out.push(`  ${o.platform}: ${plural(o.machines, 'machine')}, ${o.withProblems.toLocaleString('en-US')} with problems`);
    for (const v of o.versions.slice(0, SHOWN.versions)) out.push(`    ${v.version}: ${v.machines.toLocaleString('en-US')} (${v.withProblems.toLocaleString('en-US')} with problems)`);
    if (o.versions.length > SHOWN.versions) out.push(`    … and ${plural(o.versions.length - SHOWN.versions, 'more version')}`);
  }
  out.push('', 'By Teams client:');
  for (const t of s.byTeamsClient) {
    const versions = t.versions.slice(0, SHOWN.versions).map((v) => `${v.version} ${v.machines}`).join(', ');
    out.push(`  ${t.name}: ${plural(t.machines, 'machine')}, ${t.withProblems.toLocaleString('en-US')} with problems${versions ? ` (versions: ${versions})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}
