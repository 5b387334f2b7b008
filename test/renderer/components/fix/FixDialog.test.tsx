// The fix dialog against a fake bridge: the plan is shown as planned, Apply sends the plan's planId
// and nothing else, a "preview again" refusal offers Preview again and plans anew, progress events
// of this fix render (others' do not), and the result renders.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FixDialog } from '../../../../src/renderer/components/fix/FixDialog';
import type { RunRecord } from '../../../../src/shared/model';
import { installFakeBridge, Refusal } from '../../support/fake-bridge';
import { plan, runRecord } from '../../support/fixtures';

describe('FixDialog', () => {
  it('shows the plan it was given, with the options it was opened with', async () => {
    const fake = installFakeBridge().answer('fix.plan', plan());
    render(<FixDialog fixId="teams.cache-clear" options={{ quitTeams: true, force: false }} onClose={() => undefined} />);
    expect(await screen.findByRole('heading', { name: 'Clear the Teams cache' })).toBeTruthy();
    const shown = screen.getByTestId('fix-plan');
    expect(shown.textContent).toContain('Moves the cache folders of new Teams aside');
    expect(within(shown).getByRole('heading', { name: 'What will change' }).nextElementSibling?.textContent).toBe('Move EBWebView/ aside');
    expect(within(shown).getByRole('heading', { name: 'What is kept' }).nextElementSibling?.textContent).toBe('Backgrounds/Uploads');
    expect(shown.textContent).toContain('These apps must be closed first: New Teams.');
    expect(shown.textContent).toContain('No administrator rights are needed.');
    expect(shown.textContent).toContain('Undo: Undo from History puts the folders back.');
    expect(shown.textContent).toContain('You will have to sign in to Teams again.');
    expect(fake.inputsOf('fix.plan')).toEqual([{ fixId: 'teams.cache-clear', options: { quitTeams: true, force: false } }]);
  });

  it('Apply sends fix.apply with the planId only; progress of this fix renders, then the result', async () => {
    let finish!: (r: RunRecord) => void;
    const p = plan();
    const fake = installFakeBridge()
      .answer('fix.plan', p)
      .answer('fix.apply', () => new Promise<RunRecord>((resolve) => (finish = resolve)));
    const onDone = vi.fn();
    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('button', { name: 'Working…' })).toBeTruthy();
    expect(fake.inputsOf('fix.apply')).toEqual([{ planId: 'plan-0001' }]);

    fake.emit('fix-progress', { runId: 'r', fixId: 'clock.resync', phase: 'apply', step: 1, total: 9, message: 'another fix' });
    expect(screen.queryByLabelText('Repair progress')).toBeNull();
    fake.emit('fix-progress', { runId: 'r', fixId: 'teams.cache-clear', phase: 'apply', step: 2, total: 3, message: 'Moving EBWebView aside' });
    const bar = screen.getByLabelText('Repair progress') as HTMLProgressElement;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2', '3']);
    expect(screen.getByText('Moving EBWebView aside')).toBeTruthy();

    const record = runRecord(p);
    finish(record);
    const result = await screen.findByTestId('fix-result');
    expect(result.textContent).toContain('Done and verified.');
    expect(result.textContent).toContain("Teams' folder is fresh.");
    expect(result.textContent).toContain('Run id 20261123T064112Z-abc123. You can undo it here or, later, from History.');
    expect(screen.queryByTestId('fix-plan')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(onDone).toHaveBeenCalledWith(record);
  });

  it('a "preview again" refusal shows Preview again, which plans anew; Apply then sends the new planId', async () => {
    const fake = installFakeBridge()
      .answer('fix.plan', plan(), plan({ planId: 'plan-0002', summary: 'The second preview.' }))
      .answer('fix.apply', new Refusal('conflict', 'this computer changed since you previewed this repair (Teams started); nothing was changed: preview again'), runRecord(plan({ planId: 'plan-0002' })));
    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    const again = await screen.findByRole('button', { name: 'Preview again' });
    expect(screen.getByRole('alert').textContent).toBe('this computer changed since you previewed this repair (Teams started); nothing was changed: preview again');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();

    fireEvent.click(again);
    expect((await screen.findByTestId('fix-plan')).textContent).toContain('The second preview.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.inputsOf('fix.plan')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect((await screen.findByTestId('fix-result')).textContent).toContain('Done and verified.');
    expect(fake.inputsOf('fix.apply')).toEqual([{ planId: 'plan-0001' }, { planId: 'plan-0002' }]);
  });

  it('another refusal is shown without Preview again; a blocked plan has no Apply', async () => {
    installFakeBridge()
      .answer('fix.plan', plan())
      .answer('fix.apply', new Refusal('failed', 'Teams did not quit.'));
    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Teams did not quit.');
    expect(screen.queryByRole('button', { name: 'Preview again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeTruthy();
  });

  it('a blocked plan is shown with its reason and cannot be applied', async () => {
    installFakeBridge().answer('fix.plan', plan({ blockedBy: 'Teams is running.' }));
    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Cannot run now: Teams is running.');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('after the repair, "Undo this repair" undoes that run at once and says so; a refusal points to History', async () => {
    const p = plan();
    const record = runRecord(p);
    const fake = installFakeBridge()
      .answer('fix.plan', p, p)
      .answer('fix.apply', record, record)
      .answer('fix.undo', { ...record, status: 'undone' }, new Refusal('conflict', 'Teams wrote new data since the repair: undo with keep both.'));
    const onUndone = vi.fn();
    const first = render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} onUndone={onUndone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo this repair' }));
    expect((await screen.findByTestId('fix-undone')).textContent).toContain('Undone.');
    expect(fake.inputsOf('fix.undo')).toEqual([{ runId: record.runId, options: {} }]);
    expect(onUndone).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Undo this repair' })).toBeNull();
    first.unmount();

    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} onUndone={onUndone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo this repair' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Teams wrote new data since the repair: undo with keep both. You can also undo it from History.');
    expect(screen.getByTestId('fix-result')).toBeTruthy();
    expect(onUndone).toHaveBeenCalledTimes(1);
  });

  it('a failed or not undoable repair offers no undo', async () => {
    const p = plan({ undoable: false });
    installFakeBridge().answer('fix.plan', p).answer('fix.apply', runRecord(p));
    render(<FixDialog fixId="teams.cache-clear" onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await screen.findByTestId('fix-result');
    expect(screen.queryByRole('button', { name: 'Undo this repair' })).toBeNull();
  });
});
