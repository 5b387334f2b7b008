// The order of the Checks summary: problems only (fail, warn). When the diagnosis ranked causes of
// the error, findings named in the `because` of a strong cause come first, then those of a possible
// cause (in the causes' order, then their facts' order); the findings no cause names follow, a
// failure before a warning, then the checks' own order. Ruled-out causes lift nothing. Passing
// checks (ok, info) are counted per domain.
import type { Cause } from '../../../shared/contract/diagnosis';
import { SEVERITY_ORDER, type Domain, type Finding } from '../../../shared/model';

const isProblem = (f: Finding) => f.severity === 'fail' || f.severity === 'warn';

/** Rank of each finding id by relevance to the error (lower is more relevant); absent = not named. */
export function relevance(causes: readonly Cause[] | undefined): Map<string, number> {
  const rank = new Map<string, number>();
  if (!causes) return rank;
  let next = 0;
  for (const strength of ['strong', 'possible'] as const)
    for (const cause of causes)
      if (cause.strength === strength)
        for (const fact of cause.because) {
          if (!rank.has(fact.findingId)) rank.set(fact.findingId, next);
          next += 1;
        }
  return rank;
}

export function orderProblems(findings: readonly Finding[], causes?: readonly Cause[]): Finding[] {
  const rank = relevance(causes);
  const position = new Map(findings.map((f, i) => [f, i]));
  const rankOf = (f: Finding) => rank.get(f.id) ?? Number.POSITIVE_INFINITY;
  return findings
    .filter(isProblem)
    .sort((a, b) => {
      if (rankOf(a) !== rankOf(b)) return rankOf(a) < rankOf(b) ? -1 : 1;
      const bySeverity = SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity];
      if (bySeverity) return bySeverity;
      return position.get(a)! - position.get(b)!;
    });
}

/** Passing checks (ok or info) of each domain, in the given domain order; domains with none are left out. */
export function passedByDomain(findings: readonly Finding[], domains: readonly Domain[]): { domain: Domain; count: number }[] {
  return domains.map((domain) => ({ domain, count: findings.filter((f) => f.domain === domain && !isProblem(f)).length })).filter((d) => d.count > 0);
}

export const hasProblem = (findings: readonly Finding[]): boolean => findings.some(isProblem);
