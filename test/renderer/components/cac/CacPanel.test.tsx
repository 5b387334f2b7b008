// The CAC panel against a fake bridge: the service state and its advice, no "Restart the
// smart-card service" without a PC/SC binding (the binding's advice instead), the restart where it
// can help, live reader events and the guided reinsert flow from pushed events.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CacPanel } from '../../../../src/renderer/components/cac/CacPanel';
import { cacFinding, type CacStatus } from '../../../../src/shared/contract/cac';
import { checkedFindings, installFakeBridge } from '../../support/fake-bridge';
import { bindingMissingFinding, plan } from '../../support/fixtures';

const RESTART = /Restart the smart-card service/;
const BINDING_FAILURE = { code: 'binding-missing', name: 'PC/SC binding not installed', message: 'The smartcard package is not installed.', advice: ['Install the build tools, then run npm install again.'] };
const NO_SERVICE = { code: '8010001D', name: 'SCARD_E_NO_SERVICE', message: 'The smart card service is not running.', advice: ['Start pcscd.'] };
const status = (s: Partial<CacStatus>): CacStatus => ({ service: 'running', binding: 'smartcard', readers: [], watching: true, ...s });

describe('CacPanel', () => {
  it('without a PC/SC binding: the binding advice, and no service restart (on the CAC screen)', async () => {
    installFakeBridge().answer('cac.status', status({ service: 'unavailable', failure: BINDING_FAILURE })).answer('fix.list', []);
    render(<CacPanel />);
    const advice = await screen.findByTestId('cac-service-advice');
    expect(screen.getByTestId('cac-service').textContent).toBe('not available — PC/SC binding not installed');
    expect(advice.textContent).toContain('The smartcard package is not installed.');
    expect(within(advice).getByRole('listitem').textContent).toBe('Install the build tools, then run npm install again.');
    expect(screen.getByTestId('cac-binding-advice').textContent).toMatch(/restarting the smart-card service cannot help/);
    expect(screen.queryByRole('button', { name: RESTART })).toBeNull();
  });

  it('without a PC/SC binding on the Checks screen (finding cac.binding-missing): its advice, no restart', async () => {
    installFakeBridge().answer('cac.status', status({ service: 'unknown', watching: false })).answer('fix.list', []);
    render(<CacPanel findings={[bindingMissingFinding()]} onFix={() => undefined} />);
    expect((await screen.findByTestId('cac-service')).textContent).toBe('checking…');
    await screen.findByTestId('cac-binding-advice');
    expect(screen.getByTestId('cac-service-advice').textContent).toContain('Install the build tools, then run npm install again.');
    expect(screen.queryByRole('button', { name: RESTART })).toBeNull();
  });

  it('a service that is not running offers the restart, through onFix on the Checks screen', async () => {
    installFakeBridge().answer('cac.status', status({ service: 'not-running', failure: NO_SERVICE })).answer('fix.list', []);
    const onFix = vi.fn();
    const service = checkedFindings([cacFinding('cac.service', 'warn', 'Smart card service: SCARD_E_NO_SERVICE', '', { binding: 'smartcard', code: '8010001D', advice: ['Start pcscd.'] }, ['cac.restart-service'])]);
    render(<CacPanel findings={service} onFix={onFix} />);
    fireEvent.click(await screen.findByRole('button', { name: RESTART }));
    expect(onFix).toHaveBeenCalledWith('cac.restart-service', undefined);
    expect(screen.getByTestId('cac-service-advice').textContent).toContain('Start pcscd.');
    expect(screen.queryByTestId('cac-binding-advice')).toBeNull();
  });

  it('on the CAC screen the restart opens the fix dialog with its plan', async () => {
    const fake = installFakeBridge()
      .answer('cac.status', status({ service: 'not-running', failure: NO_SERVICE }))
      .answer('fix.list', [])
      .answer('fix.plan', plan({ fixId: 'cac.restart-service', title: 'Restart the smart card service', summary: 'Restarts pcscd.', needsAdmin: true, undoable: false, planId: 'plan-cac' }));
    render(<CacPanel />);
    fireEvent.click(await screen.findByRole('button', { name: RESTART }));
    expect(await screen.findByRole('heading', { name: 'Restart the smart card service' })).toBeTruthy();
    expect(fake.inputsOf('fix.plan')).toEqual([{ fixId: 'cac.restart-service', options: {} }]);
  });

  it('reader events pushed by main appear newest first and refresh the readers; the reinsert flow follows its events', async () => {
    const fake = installFakeBridge()
      .answer('cac.status', status({ readers: [{ name: 'Reader A', cardPresent: false }] }), status({ readers: [{ name: 'Reader A', cardPresent: true }] }))
      .answer('fix.list', [])
      .answer('cac.reinsert-start', { started: true, message: 'Started.' });
    render(<CacPanel />);
    expect((await screen.findByTestId('cac-readers')).textContent).toBe('Reader A: no card');
    fake.emit('cac-event', { type: 'card-inserted', reader: 'Reader A', at: '2026-11-23T06:41:12.000Z' });
    expect((await screen.findByText('Reader A: card inserted')).closest('[data-card]')?.getAttribute('data-card')).toBe('yes');
    const events = screen.getByTestId('cac-events');
    expect([...events.querySelectorAll('li[data-event]')].map((li) => li.getAttribute('data-event'))).toEqual(['card-inserted']);
    expect(events.textContent).toContain('Card inserted: Reader A');

    fireEvent.click(screen.getByRole('button', { name: 'Reinsert card (guided)' }));
    await screen.findByRole('button', { name: 'Cancel reinsert' });
    expect(fake.inputsOf('cac.reinsert-start')).toEqual([{ timeoutMs: 60_000 }]);
    fake.emit('cac-reinsert', { step: 'remove', message: 'Remove your card from "Reader A".', reader: 'Reader A' });
    expect(screen.getByTestId('cac-flow').getAttribute('data-step')).toBe('remove');
    expect(screen.getByRole('heading', { name: 'Step 1 of 3: remove your card' })).toBeTruthy();
    fake.emit('cac-reinsert', { step: 'cancelled', message: 'Cancelled.' });
    expect(screen.getByTestId('cac-flow-message').textContent).toBe('Cancelled.');
    expect(await screen.findByRole('button', { name: 'Reinsert card (guided)' })).toBeTruthy();
  });
});
