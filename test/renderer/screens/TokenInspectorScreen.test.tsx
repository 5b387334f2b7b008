// The Token inspector reads the clock offset from the typed evidence of clock.skew (diagnose.run
// only: ['clock']) and sends it with the token; without a measurement it says so and sends none.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TokenInspectorScreen } from '../../../src/renderer/screens/TokenInspectorScreen';
import type { TokenInspection } from '../../../src/shared/contract/device';
import { installFakeBridge } from '../support/fake-bridge';
import { clockSkew } from '../support/fixtures';

const INSPECTION: TokenInspection = {
  header: { alg: 'RS256' },
  payload: { aud: 'https://graph.microsoft.com' },
  times: [{ claim: 'exp', epochSeconds: 1795417200, iso: '2026-11-23T07:00:00.000Z', relative: 'in 19 min' }],
  claims: { aud: ['https://graph.microsoft.com'], audienceName: 'Microsoft Graph', scopes: ['User.Read'], roles: [], amr: ['pwd'], upn: 'dave@fabrikam.com' },
  flags: [{ id: 'missing-scopes', severity: 'warn', message: 'Missing scope Chat.Read' }],
  clock: { now: '2026-11-23T06:41:00.000Z', offsetMs: 125_000, corrected: true },
  signatureVerified: false,
  signatureNote: 'The signature is NOT verified.',
};
const diagnosis = (findings: ReturnType<typeof clockSkew>[]) => ({ startedAt: '2026-11-23T06:41:00.000Z', finishedAt: '2026-11-23T06:41:01.000Z', domains: ['clock' as const], findings });

describe('TokenInspectorScreen', () => {
  it('uses the offset measured by the clock check and sends it with the token', async () => {
    const fake = installFakeBridge().answer('diagnose.run', diagnosis([clockSkew(125_000)])).answer('device.inspect-token', INSPECTION);
    render(<TokenInspectorScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Use the measured clock' }));
    expect(await screen.findByText('Times use the corrected clock (this computer is off by 125 s).')).toBeTruthy();
    expect(fake.inputsOf('diagnose.run')).toEqual([{ only: ['clock'] }]);

    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'eyJ.a.b' } });
    fireEvent.change(screen.getByLabelText('Scopes the app needs (optional)'), { target: { value: 'User.Read, Chat.Read' } });
    fireEvent.change(screen.getByLabelText('The token is for'), { target: { value: 'graph' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inspect token' }));
    const result = await screen.findByTestId('token-result');
    expect(fake.inputsOf('device.inspect-token')).toEqual([{ token: 'eyJ.a.b', needScopes: ['User.Read', 'Chat.Read'], offsetMs: 125_000, expectAudience: 'graph' }]);
    expect(screen.getByTestId('token-flags').textContent).toBe('Warning: Missing scope Chat.Read');
    expect(result.textContent).toContain('https://graph.microsoft.com (Microsoft Graph)');
    expect(result.textContent).toContain('Expires2026-11-23T07:00:00.000Z — in 19 min');
    expect(result.textContent).toContain('dave@fabrikam.com');
    expect(result.textContent).toContain('the corrected clock (2026-11-23T06:41:00.000Z)');
  });

  it('without a measured offset it says so and sends no offset; Clear forgets the token', async () => {
    const fake = installFakeBridge().answer('diagnose.run', diagnosis([clockSkew(undefined)])).answer('device.inspect-token', { ...INSPECTION, clock: { ...INSPECTION.clock, offsetMs: 0, corrected: false } });
    render(<TokenInspectorScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Use the measured clock' }));
    expect(await screen.findByText("The clock could not be measured; times use this computer's clock.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 'eyJ.a.b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inspect token' }));
    await screen.findByTestId('token-result');
    expect(fake.inputsOf('device.inspect-token')).toEqual([{ token: 'eyJ.a.b', needScopes: [] }]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect((screen.getByLabelText('Token') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByTestId('token-result')).toBeNull();
  });
});
