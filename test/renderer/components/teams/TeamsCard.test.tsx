// The Teams card reads the typed evidence of the teams findings: clients (teams.client-*), the last
// sign-in failure, and offers Clear cache with the user's consent to quit Teams, and the Reset.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TeamsCard } from '../../../../src/renderer/components/teams/TeamsCard';
import type { Finding } from '../../../../src/shared/model';
import { installFakeBridge } from '../../support/fake-bridge';
import { teamsFindings } from '../../support/fixtures';

const RESET = { available: true, uri: 'ms-settings:appsfeatures-app', opened: false, explanation: 'Windows can reset new Teams.', steps: ['Open Settings', 'Choose Reset'] };

function findings(running: 'yes' | 'no', conditionalAccess = true): Finding[] {
  return teamsFindings([
    { id: 'teams.client-new', evidence: { client: 'new', name: 'New Teams', folders: [], running, processes: running === 'yes' ? [{ pid: 42, name: 'ms-teams' }] : [], bytes: 2048, files: 2001 } },
    { id: 'teams.client-classic', evidence: { client: 'classic', name: 'Classic Teams', version: '1.7.00.13456', folders: [], running: 'no', processes: [], bytes: 0, files: 0 } },
    {
      id: 'teams.log-signin-failure',
      severity: 'fail',
      evidence: { code: 'AADSTS53003', conditionalAccess, time: '2026-11-23T06:41:12.345Z', correlationId: 'c0ffee00-0000-4000-8000-000000000001', file: 'MSTeams.log', lines: [], failures: [] },
    },
  ]);
}

describe('TeamsCard', () => {
  it('shows each client from its evidence, and the last sign-in error with the Conditional Access warning', async () => {
    installFakeBridge().answer('teams.official-reset', RESET);
    render(<TeamsCard findings={findings('yes')} onFix={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Teams clients found' });
    const newRow = table.querySelector('tr[data-client="new"]')!;
    expect(newRow.textContent).toMatch(/^New TeamsRunning.* in 2,001 files$/);
    expect(table.querySelector('tr[data-client="classic"]')!.textContent).toMatch(/^Classic Teams 1\.7\.00\.13456Not running0 bytes in 0 files$/);
    expect(screen.getByTestId('teams-last-error').textContent).toBe('AADSTS53003 at 2026-11-23T06:41:12.345Z (Correlation ID c0ffee00-0000-4000-8000-000000000001)');
    expect(screen.getByText(/clearing the cache will not fix it/)).toBeTruthy();
    await screen.findByRole('button', { name: 'Official Reset (last resort)…' });
  });

  it('evidence that does not fit its schema is not read', async () => {
    installFakeBridge().answer('teams.official-reset', RESET);
    const broken: Finding = { id: 'teams.client-new', domain: 'teams', severity: 'info', title: 'New Teams', detail: '', fixes: [], evidence: { client: 'new', name: 'New Teams', bytes: '2 KB' } };
    render(<TeamsCard findings={[broken, ...findings('no', false).slice(1)]} onFix={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Teams clients found' });
    expect(table.querySelector('tr[data-client="new"]')).toBeNull();
    expect(table.querySelector('tr[data-client="classic"]')).not.toBeNull();
    expect(screen.queryByText(/clearing the cache will not fix it/)).toBeNull();
  });

  it('Clear cache passes the consent to quit (and force) when Teams runs', async () => {
    installFakeBridge().answer('teams.official-reset', RESET);
    const onFix = vi.fn();
    render(<TeamsCard findings={findings('yes')} onFix={onFix} />);
    const force = screen.getByLabelText('Force it to close if it does not quit') as HTMLInputElement;
    expect(force.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    fireEvent.click(screen.getByLabelText('Quit Teams for me before clearing'));
    expect(force.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    fireEvent.click(force);
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    expect(onFix.mock.calls).toEqual([
      ['teams.cache-clear', { quitTeams: false, force: false }],
      ['teams.cache-clear', { quitTeams: true, force: false }],
      ['teams.cache-clear', { quitTeams: true, force: true }],
    ]);
    await screen.findByRole('button', { name: 'Official Reset (last resort)…' });
  });

  it('with Teams not running there is no consent to give; the official Reset opens its steps', async () => {
    const fake = installFakeBridge().answer('teams.official-reset', RESET, { ...RESET, opened: true });
    const onFix = vi.fn();
    render(<TeamsCard findings={findings('no')} onFix={onFix} />);
    expect(screen.queryByRole('group', { name: 'Teams is running' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    expect(onFix).toHaveBeenCalledWith('teams.cache-clear', {});
    fireEvent.click(await screen.findByRole('button', { name: 'Official Reset (last resort)…' }));
    const region = await screen.findByRole('region', { name: 'Official Reset of new Teams' });
    expect(within(region).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Open Settings', 'Choose Reset']);
    expect(region.textContent).toContain('ms-settings:appsfeatures-app');
    expect(fake.inputsOf('teams.official-reset')).toEqual([{ open: false }, { open: true }]);
  });

  it('renders nothing without findings', () => {
    installFakeBridge();
    const { container } = render(<TeamsCard findings={[]} onFix={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
