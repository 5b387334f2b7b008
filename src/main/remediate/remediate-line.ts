// The one line remediate prints (Intune shows one line per device, at most 2,048 characters; Jamf
// puts it in an extension attribute). Most important first, so a cut only loses the tail: what it
// would do or did, the newest sign-in error, the problems, then what was skipped and why.
import type { DiagnosisError } from '../../shared/contract/diagnosis';
import { MAX_REMEDIATE_LINE, type RemediateFix, type SkipReason } from '../../shared/contract/remediate';

const SHORT_SKIP: Record<SkipReason, string> = {
  'not-allowed': 'not allowed by the policy',
  'not-unattended': 'needs a person',
  'needs-user-context': "needs the user's context, not root/SYSTEM",
  'needs-elevation': 'needs root/SYSTEM, never prompts',
  'needs-consent': 'Teams is running, no consent to quit it',
  blocked: 'cannot run now',
  'cause-handled': 'another repair comes first',
};

export interface LineInput {
  mode: 'detect' | 'apply';
  fixes: readonly RemediateFix[];
  problems: ReadonlyArray<{ title: string; id: string }>;
  failCount: number;
  warnCount: number;
  error?: Pick<DiagnosisError, 'codes' | 'source'>;
  conditionalAccess: boolean;
}

/** One line: control characters become spaces, runs of spaces one, and past `max` it is cut with an ellipsis (never inside a character). */
export function oneLine(text: string, max: number = MAX_REMEDIATE_LINE): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  // A lone high surrogate at the end would be half a character.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function headline(input: LineInput): string {
  const ids = (list: readonly RemediateFix[]) => list.map((f) => f.fixId).join(', ');
  if (input.mode === 'detect') {
    const planned = input.fixes.filter((f) => f.outcome === 'planned');
    const broken = input.fixes.filter((f) => f.outcome === 'failed').map((f) => `${f.fixId} ${f.detail ?? 'could not be planned'}`);
    if (broken.length) return `Cannot repair: ${broken.join('; ')}${planned.length ? `; would apply ${ids(planned)}` : ''}`;
    return planned.length ? `Needs repair: would apply ${ids(planned)}` : 'No repair needed';
  }
  const verified = input.fixes.filter((f) => f.outcome === 'verified');
  const notFixed = input.fixes.filter((f) => f.outcome === 'failed' || f.outcome === 'applied');
  if (!verified.length && !notFixed.length) return 'Nothing to repair';
  const done = verified.map((f) => `${f.fixId} (run ${f.runId})`).join(', ');
  if (!notFixed.length) return `Repaired and verified: ${done}`;
  const failed = notFixed.map((f) => `${f.fixId} ${f.outcome === 'applied' ? 'not verified' : 'failed'}${f.runId ? ` (run ${f.runId})` : ''}${f.detail ? `: ${f.detail}` : ''}`).join('; ');
  return `Not repaired: ${failed}${done ? `; repaired: ${done}` : ''}`;
}

function errorPart(input: LineInput): string {
  const e = input.error;
  if (!e) return 'sign-in error: none in the Teams logs of the last 7 days';
  // A log line may name dozens of codes: the first three say what it is; the document has them all.
  const shown = e.codes.slice(0, 3).map((c) => c.display).join(', ');
  const codes = e.codes.length > 3 ? `${shown} (+${e.codes.length - 3} more)` : shown || 'no code';
  const when = e.source.kind === 'teams-log' && e.source.time ? ` at ${e.source.time}` : '';
  const before = e.source.beforeRepair ? ` (before the repair at ${e.source.beforeRepair.at})` : '';
  const ca = input.conditionalAccess ? ' (Conditional Access: IT decides, no local repair helps)' : '';
  return `sign-in error: ${codes}${when}${before}${ca}`;
}

export function remediateLine(input: LineInput): string {
  const parts = [`Sign-in Doctor: ${headline(input)}`, errorPart(input)];
  const counts = `${input.failCount} failed and ${input.warnCount} warning checks`;
  parts.push(input.problems.length ? `problems: ${input.problems.map((p) => `${p.title} [${p.id}]`).join('; ')}; ${counts}` : `problems: no strong cause; ${counts}`);
  const skipped = input.fixes.filter((f) => f.outcome === 'skipped' && f.reason !== 'cause-handled');
  if (skipped.length) parts.push(`skipped: ${skipped.map((f) => `${f.fixId} (${f.reason === 'blocked' && f.detail ? `cannot run now: ${f.detail}` : SHORT_SKIP[f.reason ?? 'blocked']})`).join(', ')}`);
  return oneLine(parts.join(' | '));
}
