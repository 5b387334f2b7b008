// The top of the Checks screen: the problems first (most relevant to the error, then worst), each
// linking to its domain's section, and one line per domain for the checks that passed.
import type { FC } from 'react';
import type { Cause } from '../../../shared/contract/diagnosis';
import type { Domain, Finding } from '../../../shared/model';
import { SEVERITY_LABEL } from '../FindingList';
import { orderProblems, passedByDomain } from './summary-order';

export interface ChecksSummaryProps {
  findings: Finding[];
  causes?: Cause[] | undefined;
  /** Domains in screen order with their labels. */
  domains: readonly { domain: Domain; label: string }[];
  /** The help desk switch: every finding id is shown. */
  helpDesk: boolean;
}

const checks = (n: number) => (n === 1 ? '1 check passed' : `${n} checks passed`);

export const ChecksSummary: FC<ChecksSummaryProps> = ({ findings, causes, domains, helpDesk }) => {
  const labelOf = (d: Domain) => domains.find((x) => x.domain === d)?.label ?? d;
  const known = new Set(domains.map((d) => d.domain));
  const mine = findings.filter((f) => known.has(f.domain));
  const problems = orderProblems(mine, causes);
  const passed = passedByDomain(mine, domains.map((d) => d.domain));
  return (
    <section className="checks-summary" aria-labelledby="checks-summary-title" data-testid="checks-summary">
      <h2 id="checks-summary-title">{problems.length ? (problems.length === 1 ? '1 problem found' : `${problems.length} problems found`) : 'No problems found'}</h2>
      {problems.length > 0 && (
        <ol className="summary-problems" data-testid="summary-problems">
          {problems.map((f) => (
            <li key={f.id} className={`summary-problem sev-${f.severity}`} data-finding-id={f.id}>
              <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
              <span className="summary-domain">{labelOf(f.domain)}:</span> <a href={`#domain-${f.domain}`}>{f.title}</a>
              {helpDesk && (
                <>
                  {' '}
                  <code className="finding-id">{f.id}</code>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {passed.length > 0 && (
        <ul className="summary-passed" data-testid="summary-passed">
          {passed.map((p) => (
            <li key={p.domain}>
              {labelOf(p.domain)}: {checks(p.count)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
