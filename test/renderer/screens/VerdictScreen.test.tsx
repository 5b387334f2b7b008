// The verdict screen: runs every check on open (progress per domain), shows the error found (or
// pasted) and the causes strongest first with their why, repairs and IT actions; ruled-out causes
// folded away; with no error the four choices; the error shared with the other screens; after a
// verified repair, Start Teams and watch the next sign-in.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type FC } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorProvider, useNavigate } from '../../../src/renderer/error-context';
import { ExplainScreen } from '../../../src/renderer/screens/ExplainScreen';
import { whenOf } from '../../../src/renderer/components/verdict/when';
import { VerdictScreen } from '../../../src/renderer/screens/VerdictScreen';
import type { CallOutput } from '../../../src/shared/contract';
import type { Cause, DiagnosisError } from '../../../src/shared/contract/diagnosis';
import { installFakeBridge } from '../support/fake-bridge';
import { plan, runRecord } from '../support/fixtures';

type Diagnosis = CallOutput<'diagnose.run'>;

const CA_ERROR: DiagnosisError = {
  codes: [{ family: 'aadsts', code: '53003', display: 'AADSTS53003', name: 'BlockedByConditionalAccess', known: true }],
  correlationId: 'e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d',
  source: { kind: 'teams-log', client: 'linux', file: 'logs.txt', line: 12, time: '2026-11-30T14:02:00.000Z' },
  family: 'conditional-access',
  leadCode: 'AADSTS53003',
  verdict: "AADSTS53003 (BlockedByConditionalAccess): blocked by your organization's Conditional Access.",
};

const cause = (id: string, strength: Cause['strength'], over: Partial<Cause> = {}): Cause => ({
  id,
  strength,
  title: `Title of ${id}`,
  because: [{ findingId: 'device.join-state', fact: `Fact of ${id}` }],
  who: 'both',
  userActions: [`Do ${id}`],
  fixes: [],
  itActions: [`IT does ${id}`],
  ...over,
});

const diagnosis = (over: Partial<Diagnosis> = {}): Diagnosis => ({ startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:00:02.000Z', domains: ['teams', 'device', 'clock'], findings: [], causes: [], ...over });

const Shell: FC<{ onNavigate?: (id: string) => void }> = ({ onNavigate }) => {
  const [id, setId] = useState('verdict');
  const go = (next: string) => {
    onNavigate?.(next);
    setId(next);
  };
  return (
    <ErrorProvider navigate={go}>
      <Nav />
      {id === 'verdict' && <VerdictScreen />}
      {id === 'explain' && <ExplainScreen />}
      {id !== 'verdict' && id !== 'explain' && <p>Screen {id}</p>}
    </ErrorProvider>
  );
};
const Nav: FC = () => {
  const navigate = useNavigate();
  return (
    <nav>
      <button type="button" onClick={() => navigate('explain')}>
        Go to Explain
      </button>
      <button type="button" onClick={() => navigate('verdict')}>
        Go to verdict
      </button>
    </nav>
  );
};

const withFixList = (fake: ReturnType<typeof installFakeBridge>) => fake.answer('fix.list', [{ id: 'clock.resync', domain: 'clock', title: 'Set the clock right', description: 'Resyncs the clock.' }]);

describe('VerdictScreen', () => {
  it('on open runs every check with progress, then shows the found error and the causes strongest first', async () => {
    let release!: (d: Diagnosis) => void;
    const fake = withFixList(installFakeBridge()).answer(
      'diagnose.run',
      () =>
        new Promise<Diagnosis>((r) => {
          release = r;
        }),
    );
    render(<Shell />);
    expect(fake.inputsOf('diagnose.run')).toEqual([{}]);
    expect(screen.getByTestId('verdict-status').textContent).toContain('Checking this computer…');
    fake.emit('diagnose-progress', { checkId: 'teams.logs', state: 'started', done: 0, total: 3 });
    fake.emit('diagnose-progress', { checkId: 'device.join-state', state: 'started', done: 0, total: 3 });
    fake.emit('diagnose-progress', { checkId: 'device.join-state', state: 'finished', done: 1, total: 3 });
    const progress = screen.getByTestId('verdict-progress');
    expect(progress.textContent).toContain('Teams: checking…');
    expect(progress.textContent).toContain('This device: done');
    expect(screen.getByTestId('verdict-status').textContent).toContain('1 of 3 checks done');

    release(
      diagnosis({
        error: CA_ERROR,
        causes: [
          cause('ca-not-visible', 'strong', { title: 'Your device is not visible to your organization' }),
          cause('clock-skew', 'possible', { fixes: ['clock.resync'], because: [{ findingId: 'clock.skew', fact: 'The clock is 7 minutes off' }] }),
          cause('network-path', 'ruled-out', { because: [{ findingId: 'network.login', fact: 'login reachable in 40 ms' }] }),
        ],
      }),
    );
    const headline = await screen.findByTestId('verdict-error');
    expect(headline.textContent).toMatch(/^Teams could not sign you in (at|yesterday at|on \S+ \S+ at) \d\d:\d\d — AADSTS53003 \(BlockedByConditionalAccess\): blocked by your organization's Conditional Access\.$/);
    expect(screen.getByText('e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d')).toBeTruthy();
    const causes = within(screen.getByTestId('verdict-causes')).getAllByRole('article');
    expect(causes.map((a) => a.dataset.testid)).toEqual(['cause-ca-not-visible', 'cause-clock-skew']);
    expect(causes[0]!.textContent).toContain('Most likely: Your device is not visible to your organization');
    expect(within(causes[0]!).queryAllByRole('button')).toHaveLength(0);
    expect(within(causes[0]!).getByText('What IT must do').closest('details')).toBeTruthy();
    expect(causes[1]!.textContent).toContain('The clock is 7 minutes off');
    const ruled = screen.getByTestId('ruled-out');
    expect(ruled.tagName).toBe('DETAILS');
    expect(ruled.textContent).toContain('Checked and ruled out (1)');
    expect(ruled.textContent).toContain('login reachable in 40 ms');
    expect(screen.queryByText('What is happening?')).toBeNull();

    // The fix button names the repair and opens its preview.
    fake.answer('fix.plan', plan({ fixId: 'clock.resync', title: 'Set the clock right', planId: 'plan-clock' }));
    fireEvent.click(within(causes[1]!).getByRole('button', { name: 'Set the clock right' }));
    expect(await screen.findByRole('heading', { name: 'Set the clock right', level: 2 })).toBeTruthy();
    expect(fake.inputsOf('fix.plan')).toEqual([{ fixId: 'clock.resync', options: {} }]);
  });

  it('"Still blocked? Send this to IT" goes to Get help from IT in one click', async () => {
    withFixList(installFakeBridge()).answer('diagnose.run', diagnosis({ error: CA_ERROR, causes: [cause('ca-not-visible', 'strong')] }));
    const onNavigate = vi.fn();
    render(<Shell onNavigate={onNavigate} />);
    await screen.findByTestId('verdict-error');
    fireEvent.click(screen.getByRole('button', { name: 'Still blocked? Send this to IT' }));
    expect(onNavigate).toHaveBeenCalledWith('report');
    expect(screen.getByText('Screen report')).toBeTruthy();
  });

  it('with no error asks what is happening; "I see an error" re-runs with the pasted text', async () => {
    const fake = withFixList(installFakeBridge()).answer(
      'diagnose.run',
      diagnosis(),
      diagnosis({ error: { ...CA_ERROR, source: { kind: 'pasted' } }, causes: [cause('ca-not-visible', 'strong')] }),
    );
    render(<Shell />);
    const choices = await screen.findByTestId('verdict-choices');
    expect(within(choices).getByRole('heading', { name: 'What is happening?' })).toBeTruthy();
    expect(within(choices).getAllByRole('button').map((b) => b.textContent)).toEqual(['I see an error', 'Teams keeps asking me to sign in', 'My CAC card is not working', 'Just check this computer']);

    fireEvent.click(screen.getByRole('button', { name: 'I see an error' }));
    const find = screen.getByRole('button', { name: 'Find the cause' }) as HTMLButtonElement;
    expect(find.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('The error you see'), { target: { value: 'AADSTS53003 Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d' } });
    fireEvent.click(find);
    const headline = await screen.findByTestId('verdict-error');
    expect(headline.textContent).toMatch(/^The error you pasted — AADSTS53003/);
    expect(fake.inputsOf('diagnose.run')).toEqual([{}, { errorText: 'AADSTS53003 Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d' }]);
  });

  it('with no error: the sign-in loop puts the loop causes first, "Just check" shows the measured faults, CAC goes to the CAC screen', async () => {
    const measured = [cause('clock-skew', 'strong', { because: [{ findingId: 'clock.skew', fact: 'The clock is 2 hours off' }] }), cause('signin-loop', 'strong', { because: [{ findingId: 'teams.log-failures', fact: 'Teams failed 4 times in 12 hours' }] })];
    withFixList(installFakeBridge()).answer('diagnose.run', diagnosis({ causes: measured }));
    const onNavigate = vi.fn();
    render(<Shell onNavigate={onNavigate} />);
    await screen.findByTestId('verdict-choices');

    fireEvent.click(screen.getByRole('button', { name: 'Teams keeps asking me to sign in' }));
    let causes = within(screen.getByTestId('verdict-causes')).getAllByRole('article');
    expect(causes.map((a) => a.dataset.testid)).toEqual(['cause-signin-loop', 'cause-clock-skew']);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));

    fireEvent.click(screen.getByRole('button', { name: 'Just check this computer' }));
    causes = within(screen.getByTestId('verdict-causes')).getAllByRole('article');
    expect(causes.map((a) => a.dataset.testid)).toEqual(['cause-clock-skew', 'cause-signin-loop']);
    expect(causes[0]!.textContent).toContain('The clock is 2 hours off');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));

    fireEvent.click(screen.getByRole('button', { name: 'My CAC card is not working' }));
    expect(onNavigate).toHaveBeenCalledWith('cac');
  });

  it('"Just check this computer" with nothing measured says so', async () => {
    withFixList(installFakeBridge()).answer('diagnose.run', diagnosis());
    render(<Shell />);
    fireEvent.click(await screen.findByRole('button', { name: 'Just check this computer' }));
    expect(screen.getByText('No fault was measured on this computer.')).toBeTruthy();
  });

  it('the error reaches the Explain screen and the verdict again (never pasted twice, kept in memory only)', async () => {
    const fake = withFixList(installFakeBridge()).answer('diagnose.run', diagnosis(), diagnosis({ error: { ...CA_ERROR, source: { kind: 'pasted' } } }), diagnosis({ error: { ...CA_ERROR, source: { kind: 'pasted' } } }));
    render(<Shell />);
    fireEvent.click(await screen.findByRole('button', { name: 'I see an error' }));
    fireEvent.change(screen.getByLabelText('The error you see'), { target: { value: 'AADSTS53003' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find the cause' }));
    await screen.findByTestId('verdict-error');

    fireEvent.click(screen.getByRole('button', { name: 'Go to Explain' }));
    expect((screen.getByLabelText('Error message') as HTMLTextAreaElement).value).toBe('AADSTS53003');
    fireEvent.change(screen.getByLabelText('Error message'), { target: { value: 'AADSTS53003 Correlation Id: abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Go to verdict' }));
    await screen.findByTestId('verdict-error');
    expect(fake.inputsOf('diagnose.run').at(-1)).toEqual({ errorText: 'AADSTS53003 Correlation Id: abc' });
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('a found Teams-log error prefills Explain with its codes and IDs', async () => {
    withFixList(installFakeBridge()).answer('diagnose.run', diagnosis({ error: CA_ERROR, causes: [cause('ca-not-visible', 'strong')] }));
    render(<Shell />);
    await screen.findByTestId('verdict-error');
    fireEvent.click(screen.getByRole('button', { name: 'Go to Explain' }));
    expect((screen.getByLabelText('Error message') as HTMLTextAreaElement).value).toBe('AADSTS53003\nCorrelation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
  });

  const applyFix = async (fake: ReturnType<typeof installFakeBridge>) => {
    const p = plan({ fixId: 'clock.resync', title: 'Set the clock right', planId: 'plan-clock', needsClosed: [] });
    fake.answer('fix.plan', p).answer('fix.apply', runRecord(p));
    render(<Shell />);
    fireEvent.click(await screen.findByRole('button', { name: 'Set the clock right' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await screen.findByTestId('fix-result');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
  };
  const fixable = () => diagnosis({ error: CA_ERROR, causes: [cause('clock-skew', 'strong', { fixes: ['clock.resync'] })] });

  it('after a verified repair: Start Teams, wait for the sign-in, "Teams signed in"', async () => {
    let answer!: (o: CallOutput<'teams.watch-signin'>) => void;
    const fake = withFixList(installFakeBridge())
      .answer('diagnose.run', fixable())
      .answer('teams.start', { started: true, client: 'linux', pid: 4242, message: 'Started teams-for-linux.' })
      .answer(
        'teams.watch-signin',
        () =>
          new Promise((r) => {
            answer = r;
          }),
      );
    await applyFix(fake);
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Start Teams' }));
    const status = screen.getByTestId('try-status');
    await screen.findByText('Waiting for Teams to sign in (up to 2 minutes)…');
    expect(status.textContent).toContain('Started teams-for-linux.');
    const [watch] = fake.inputsOf('teams.watch-signin');
    expect(watch!.client).toBe('linux');
    const since = Date.parse(watch!.since!);
    expect(since).toBeLessThanOrEqual(before);
    expect(before - since).toBeLessThan(60_000);
    answer({ outcome: 'signed-in', at: '2026-12-01T10:01:00.000Z', client: 'linux', watched: ['/home/u/.config/teams-for-linux'], mode: 'watch' });
    expect(await screen.findByText('Teams signed in.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Find the next cause' })).toBeNull();
  });

  it('after a verified repair: Teams fails again -> says with what, and re-runs the verdict', async () => {
    const fake = withFixList(installFakeBridge())
      .answer('diagnose.run', fixable(), diagnosis({ error: CA_ERROR, causes: [cause('ca-not-visible', 'strong', { title: 'The next cause' })] }))
      .answer('teams.start', { started: true, client: 'linux', pid: 4242, message: 'Started teams-for-linux.' })
      .answer('teams.watch-signin', { outcome: 'failed', code: '53003', display: 'AADSTS53003', meaning: "blocked by your organization's Conditional Access", client: 'linux', watched: [], mode: 'poll' });
    await applyFix(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Start Teams' }));
    expect(await screen.findByText("Teams failed again with AADSTS53003 — blocked by your organization's Conditional Access")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send this to IT' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Find the next cause' }));
    expect(await screen.findByText('The next cause')).toBeTruthy();
    expect(fake.inputsOf('diagnose.run')).toEqual([{}, {}]);
  });

  it('Teams not installed: says so and offers IT', async () => {
    const fake = withFixList(installFakeBridge())
      .answer('diagnose.run', fixable())
      .answer('teams.start', { started: false, reason: 'not-installed', message: 'No Teams client is installed.' });
    await applyFix(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Start Teams' }));
    expect(await screen.findByText(/Teams is not installed on this computer/)).toBeTruthy();
    expect(fake.inputsOf('teams.watch-signin')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Send this to IT' })).toBeTruthy();
  });

  it('after "Teams signed in", "Check this computer again" re-runs the verdict: the old failure is shown as before the repair, its cause as addressed', async () => {
    const repair = { runId: 'run-1', fixId: 'clock.resync', at: '2026-12-01T10:00:30.000Z' };
    const afterRepair: DiagnosisError = {
      ...CA_ERROR,
      source: { ...CA_ERROR.source, beforeRepair: repair } as DiagnosisError['source'],
      verdict: 'Before your repair at 2026-12-01 10:00 UTC (clock.resync): AADSTS53003 (BlockedByConditionalAccess): blocked. No sign-in failure since; the causes below come from the checks alone.',
      meaning: 'AADSTS53003 (BlockedByConditionalAccess): blocked.',
    };
    const addressed = cause('clock-skew', 'ruled-out', {
      because: [
        { findingId: 'history', fact: 'Addressed by your repair clock.resync at 2026-12-01 10:00 UTC; the error is from before it' },
        { findingId: 'clock.skew', fact: 'clock 0.2 s off' },
      ],
      addressedBy: repair,
    });
    const fake = withFixList(installFakeBridge())
      .answer('diagnose.run', fixable(), diagnosis({ error: afterRepair, causes: [addressed] }))
      .answer('teams.start', { started: true, client: 'linux', pid: 4242, message: 'Started teams-for-linux.' })
      .answer('teams.watch-signin', { outcome: 'signed-in', at: '2026-12-01T10:01:00.000Z', client: 'linux', watched: [], mode: 'watch' });
    await applyFix(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Start Teams' }));
    await screen.findByText('Teams signed in.');
    fireEvent.click(screen.getByRole('button', { name: 'Check this computer again' }));
    const note = await screen.findByTestId('verdict-before-repair');
    expect(note.textContent).toMatch(/^That was before your repair (at|yesterday at|on \S+ \S+ at) \d\d:\d\d \(Set the clock right\), so it no longer counts as current\./);
    // The headline says the error and its meaning once; the repair is said on its own line.
    expect(screen.getByTestId('verdict-error').textContent).toBe(`Teams could not sign you in ${whenOf('2026-11-30T14:02:00.000Z')} — AADSTS53003 (BlockedByConditionalAccess): blocked.`);
    const ruled = within(screen.getByTestId('ruled-out')).getByTestId('ruled-out-clock-skew');
    expect(ruled.textContent).toMatch(/addressed by your repair (at|yesterday at|on \S+ \S+ at) \d\d:\d\d \(Set the clock right\) — clock 0\.2 s off$/);
    expect(ruled.textContent).not.toContain('clock.resync');
    expect(fake.inputsOf('diagnose.run')).toEqual([{}, {}]);
  });

  it('says when in words: the time today, "yesterday", else the day (in the local time zone)', () => {
    const now = new Date(2026, 11, 1, 9, 30);
    expect(whenOf(new Date(2026, 11, 1, 7, 5).toISOString(), now)).toBe('at 07:05');
    expect(whenOf(new Date(2026, 10, 30, 23, 59).toISOString(), now)).toBe('yesterday at 23:59');
    expect(whenOf(new Date(2026, 10, 28, 14, 2).toISOString(), now)).toMatch(/^on (28 Nov|Nov 28) at 14:02$/);
    expect(whenOf('not a time', now)).toBe('');
    expect(whenOf(undefined, now)).toBe('');
  });
});
