// The Network card reads what the checks measured from the typed evidence of the network findings
// (reachability, proxy, VPN, UDP) without probing again, and offers the fixes they name.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NetworkCard } from '../../../../src/renderer/components/network/NetworkCard';
import { networkFinding } from '../../../../src/shared/contract/network';
import { checkedFindings, installFakeBridge, Refusal } from '../../support/fake-bridge';
import { endpoint } from '../../support/fixtures';

const INSPECTED = endpoint('login.microsoftonline.us', {
  ok: false,
  failure: 'tls-intercepted',
  route: { decision: 'PROXY proxy.corp:3128', proxy: 'proxy.corp:3128', source: 'wininet' },
  tls: { ok: false, ms: 12, failure: 'tls-intercepted', intercepted: true, chain: [{ subject: 'CN=login.microsoftonline.us', issuer: 'CN=Contoso Inspection CA, O=Contoso', validFrom: '2026-01-01', validTo: '2027-01-01', fingerprint256: 'BB', selfSigned: false }] },
});

const findings = () =>
  checkedFindings([
    networkFinding('network.reachability', 'fail', 'Reachability', '', { cloud: 'gcch', endpoints: [endpoint('graph.microsoft.us'), INSPECTED], durationMs: 812.4, probeMsSum: 900 }),
    networkFinding('network.proxy', 'info', 'Proxy', '', {
      primary: 'wininet',
      sources: [{ source: 'wininet', label: 'Internet Options', mode: 'manual', httpsProxy: 'proxy.corp:3128', bypass: [] }],
      decisions: [{ url: 'https://login.microsoftonline.us/', host: 'login.microsoftonline.us', ours: 'PROXY proxy.corp:3128', source: 'wininet', winhttp: 'DIRECT' }],
    }),
    networkFinding('network.proxy-mismatch', 'warn', 'Mismatch', '', { differing: [{ host: 'login.microsoftonline.us', wininet: 'PROXY proxy.corp:3128', winhttp: 'DIRECT' }] }),
    networkFinding('network.vpn', 'info', 'VPN', '', { interfaces: [{ name: 'tun0', label: 'OpenVPN', reason: 'tun device', addresses: ['10.8.0.2'] }] }),
    networkFinding('network.udp-media', 'info', 'UDP', '', { udp: [{ host: 'turn', port: 3478, ok: true, message: 'ok' }, { host: 'turn', port: 3479, ok: false, message: 'no answer' }] }),
    networkFinding('network.tls-intercepted', 'fail', 'Inspected', '', { hosts: ['login.microsoftonline.us'], failures: [{ host: 'login.microsoftonline.us', failure: 'tls-intercepted', route: 'proxy' }] }, ['network.proxy-bypass-add']),
  ]);

describe('NetworkCard', () => {
  it('shows the verdict, the inspector, the mismatch, each endpoint, the proxy, VPN and UDP from the evidence', () => {
    const fake = installFakeBridge();
    render(<NetworkCard findings={findings()} onFix={() => undefined} />);
    expect(screen.getByTestId('network-verdict').textContent).toBe('1 of 2 endpoints of GCC High failed.');
    expect(screen.getByTestId('network-inspection').textContent).toMatch(/^Your traffic is being inspected by CN=Contoso Inspection CA\. The certificate presented for login\.microsoftonline\.us/);
    expect(screen.getByTestId('network-mismatch')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Endpoints tested' });
    const bad = table.querySelector('tr[data-endpoint="login.microsoftonline.us"]')!;
    expect(bad.className).toBe('error');
    expect(within(bad as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['proxy proxy.corp:3128 (wininet)', '✓ 192.0.2.10 3 ms', '✓ 5 ms', '⚠ intercepted: issued by CN=Contoso Inspection CA 12 ms', '✓ HTTP 200, JSON ok 30 ms']);
    expect(table.querySelector('tr[data-endpoint="graph.microsoft.us"] td:nth-of-type(4)')!.textContent).toBe('✓ TLSv1.3, issued by CN=Public Root CA 20 ms');
    expect(screen.getByRole('table', { name: 'Proxy decisions compared' }).textContent).toContain('DIRECT');
    expect(screen.getByTestId('network-proxy-sources').textContent).toBe('Internet Options: manual proxy.corp:3128');
    expect(screen.getByTestId('network-vpn').textContent).toMatch(/^Connected through tun0 \(OpenVPN\)\./);
    expect(screen.getByText('3478: answered; 3479: no answer')).toBeTruthy();
    expect((screen.getByLabelText('Microsoft cloud') as HTMLSelectElement).value).toBe('gcch');
    expect(fake.calls).toEqual([]); // no second probe
  });

  it('offers the fixes the findings name, the bypass for the cloud shown; Test again probes that cloud', async () => {
    const fake = installFakeBridge().answer('network.probe', new Refusal('internal', 'The probe was refused.'));
    const onFix = vi.fn();
    render(<NetworkCard findings={findings()} onFix={onFix} />);
    fireEvent.click(screen.getByRole('button', { name: 'Let the sign-in hosts bypass the proxy' }));
    expect(onFix).toHaveBeenCalledWith('network.proxy-bypass-add', { cloud: 'gcch' });
    fireEvent.click(screen.getByRole('button', { name: 'Test again' }));
    expect((await screen.findByText('The probe was refused.')).getAttribute('role')).toBe('alert');
    expect(fake.inputsOf('network.probe')).toEqual([{ cloud: 'gcch' }]);
  });

  it('says so when no VPN adapter was found, and renders nothing without findings', () => {
    installFakeBridge();
    const { rerender, container } = render(<NetworkCard findings={checkedFindings([networkFinding('network.reachability', 'ok', 'R', '', { cloud: 'worldwide', endpoints: [endpoint('a'), endpoint('b')], durationMs: 99.6, probeMsSum: 100 })])} onFix={() => undefined} />);
    expect(screen.getByTestId('network-verdict').textContent).toBe('All 2 endpoints of Worldwide / GCC answered (in 100 ms).');
    expect(screen.getByTestId('network-vpn').textContent).toMatch(/^No VPN adapter found/);
    expect(screen.queryByTestId('network-inspection')).toBeNull();
    rerender(<NetworkCard findings={[]} onFix={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
