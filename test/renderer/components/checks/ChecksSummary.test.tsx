// The Checks summary: problems first (the ones the strongest causes name, then failures before
// warnings), passing checks one line per domain; the help desk switch shows ids and evidence.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChecksSummary } from '../../../../src/renderer/components/checks/ChecksSummary';
import { orderProblems } from '../../../../src/renderer/components/checks/summary-order';
import { FindingList } from '../../../../src/renderer/components/FindingList';
import type { Cause } from '../../../../src/shared/contract/diagnosis';
import type { Domain, Finding } from '../../../../src/shared/model';

const DOMAINS: { domain: Domain; label: string }[] = [
  { domain: 'teams', label: 'Teams' },
  { domain: 'cac', label: 'CAC' },
  { domain: 'clock', label: 'Clock' },
  { domain: 'network', label: 'Network' },
  { domain: 'device', label: 'Device' },
];

const finding = (id: string, severity: Finding['severity'], evidence: Record<string, unknown> = {}): Finding => ({
  id,
  domain: id.split('.')[0] as Domain,
  severity,
  title: `Title of ${id}`,
  detail: '',
  evidence,
  fixes: [],
});

const cause = (id: string, strength: Cause['strength'], findingIds: string[]): Cause => ({
  id,
  strength,
  title: id,
  because: findingIds.map((findingId) => ({ findingId, fact: `fact of ${findingId}` })),
  who: 'it',
  userActions: [],
  fixes: [],
  itActions: [],
});

const FINDINGS: Finding[] = [
  finding('clock.skew', 'ok'),
  finding('network.proxy', 'warn'),
  finding('clock.ntp', 'info'),
  finding('cac.service', 'fail'),
  finding('device.registration', 'warn'),
  finding('clock.auto-time', 'ok'),
  finding('teams.log-signin-failure', 'fail'),
  finding('device.compliance', 'ok'),
];

const problemIds = () => within(screen.getByTestId('summary-problems')).getAllByRole('listitem').map((li) => li.getAttribute('data-finding-id'));

describe('Checks summary', () => {
  it('without causes: failures first, then warnings, each in the checks order; passing checks folded per domain', () => {
    render(<ChecksSummary findings={FINDINGS} domains={DOMAINS} helpDesk={false} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('4 problems found');
    expect(problemIds()).toEqual(['cac.service', 'teams.log-signin-failure', 'network.proxy', 'device.registration']);
    expect(within(screen.getByTestId('summary-passed')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Clock: 3 checks passed', 'Device: 1 check passed']);
    const first = within(screen.getByTestId('summary-problems')).getAllByRole('listitem')[0]!;
    expect(first.textContent).toBe('Problem CAC: Title of cac.service');
    expect(within(first).getByRole('link').getAttribute('href')).toBe('#domain-cac');
    expect(screen.queryByText('cac.service')).toBeNull(); // no ids without the help desk switch
  });

  it('with causes: findings named by strong causes first, then possible ones, ruled-out causes lift nothing', () => {
    const causes = [
      cause('device-not-compliant', 'strong', ['device.registration', 'error']),
      cause('proxy-inspection', 'possible', ['network.proxy']),
      cause('card-reader', 'ruled-out', ['cac.service']),
    ];
    render(<ChecksSummary findings={FINDINGS} causes={causes} domains={DOMAINS} helpDesk={false} />);
    expect(problemIds()).toEqual(['device.registration', 'network.proxy', 'cac.service', 'teams.log-signin-failure']);
  });

  it('a strong cause outranks a possible one listed before it; a passing finding named by a cause stays out of the problems', () => {
    const causes = [cause('a', 'possible', ['network.proxy']), cause('b', 'strong', ['clock.skew', 'teams.log-signin-failure'])];
    expect(orderProblems(FINDINGS, causes).map((f) => f.id)).toEqual(['teams.log-signin-failure', 'network.proxy', 'cac.service', 'device.registration']);
  });

  it('no problems: says so, and lists only the passing lines', () => {
    render(<ChecksSummary findings={[finding('clock.skew', 'ok'), finding('network.proxy', 'info')]} domains={DOMAINS} helpDesk={false} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No problems found');
    expect(screen.queryByTestId('summary-problems')).toBeNull();
    expect(screen.getByTestId('summary-passed').textContent).toBe('Clock: 1 check passedNetwork: 1 check passed');
  });

  it('the help desk switch shows every finding id in the summary and the id and evidence JSON in the lists', () => {
    const { rerender } = render(<FindingList findings={[finding('clock.skew', 'ok', { offsetMs: 125_000, method: 'sntp' })]} onFix={() => undefined} fixTitles={{}} />);
    expect(screen.queryByTestId('finding-id')).toBeNull();
    expect(screen.queryByTestId('finding-evidence')).toBeNull();
    rerender(<FindingList findings={[finding('clock.skew', 'ok', { offsetMs: 125_000, method: 'sntp' })]} onFix={() => undefined} fixTitles={{}} helpDesk />);
    expect(screen.getByTestId('finding-id').textContent).toBe('clock.skew');
    expect(JSON.parse(screen.getByTestId('finding-evidence').textContent ?? '')).toEqual({ offsetMs: 125_000, method: 'sntp' });

    render(<ChecksSummary findings={FINDINGS} domains={DOMAINS} helpDesk />);
    const ids = within(screen.getByTestId('summary-problems')).getAllByRole('listitem').map((li) => li.querySelector('code')?.textContent);
    expect(ids).toEqual(['cac.service', 'teams.log-signin-failure', 'network.proxy', 'device.registration']);
  });
});
