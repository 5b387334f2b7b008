import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../src/main/common/explain/explain-text';
import { buildItMessage, clockSummary, networkSummary } from '../../../../src/main/report/it-message';
import type { Finding, RunSummary } from '../../../../src/shared/model';

const f = (id: string, domain: Finding['domain'], severity: Finding['severity'], title: string, evidence: Record<string, unknown> = {}): Finding => ({ id, domain, severity, title, detail: '', evidence, fixes: [] });

/** clock.skew's evidence (contract/clock.ts): the one place the measured offset is read from. */
const skew = (offsetMs: number) => ({ method: 'sntp', servers: [], agreeingServers: [], disagreeingServers: [], measuredAt: '2026-11-23T07:00:00.000Z', offsetMs });

const ERROR = `Request Id: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03
Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d
Timestamp: 2026-11-20T14:03:27.512Z
Message: AADSTS53003: Access has been blocked by Conditional Access policies.
App name: Microsoft Teams`;

const history: RunSummary[] = [
  { runId: '20261123T061500Z-k3x9q2', fixId: 'teams.cache-clear', status: 'undone', startedAt: '2026-11-23T06:15:00.000Z', updatedAt: '2026-11-23T06:20:00.000Z', title: 'Clear the Teams cache', undoable: false, interrupted: false },
];

describe('buildItMessage', () => {
  it('has the code, IDs, timestamp, app, device, network, clock and what was tried', () => {
    const { message, facts } = buildItMessage({
      now: new Date('2026-11-23T07:00:00Z'),
      explanation: explainText(ERROR),
      device: { platform: 'win32', policyPlatform: 'Windows', osName: 'Windows 11 Enterprise 23H2', osVersion: '10.0.22631.4400', joinState: 'not-registered', joinStateLabel: 'Not registered with Microsoft Entra ID' },
      findings: [
        f('network.vpn', 'network', 'warn', 'A VPN is active (Cisco AnyConnect)'),
        f('network.proxy', 'network', 'ok', 'No proxy'),
        f('clock.skew', 'clock', 'warn', 'Clock is 4 min fast', skew(-245_000)),
        f('device.join-state', 'device', 'warn', 'Device: Not registered with Microsoft Entra ID'),
      ],
      history,
    });
    for (const s of [
      'AADSTS53003 (BlockedByConditionalAccess)',
      'Correlation ID: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d',
      'Request ID: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03',
      'Timestamp (UTC): 2026-11-20T14:03:27.512Z',
      'App: Microsoft Teams',
      'Device platform: Windows — Windows 11 Enterprise 23H2 10.0.22631.4400',
      'Device state: Not registered with Microsoft Entra ID',
      'VPN: A VPN is active (Cisco AnyConnect) (warn)',
      'Proxy: No proxy',
      'TLS inspection: not checked',
      'Clock: off by 4 min (Clock is 4 min fast)',
      '2026-11-23 06:15 UTC  Clear the Teams cache (teams.cache-clear): undone',
      'Conditional Access tab',
    ]) {
      expect(message).toContain(s);
    }
    expect(facts.errorCodes).toEqual(['AADSTS53003 (BlockedByConditionalAccess)']);
    expect(facts.tried).toHaveLength(1);
  });

  it('without an error text or checks it says what is missing and that nothing was found', () => {
    const { message } = buildItMessage({ now: new Date('2026-11-23T07:00:00Z'), findings: [], history: [] });
    expect(message).toContain('Error code: not given');
    expect(message).toContain('Sign-in Doctor found nothing wrong on this device.');
    expect(message).toContain('no repairs');
    expect(message).toContain('Network: not checked');
    expect(message).toContain('Clock: not checked');
  });

  it('summaries read any network / clock finding ids', () => {
    expect(networkSummary([f('network.tls-inspection', 'network', 'fail', 'TLS is intercepted by Zscaler')])).toContain('TLS inspection: TLS is intercepted by Zscaler (fail)');
    expect(clockSummary([f('clock.skew', 'clock', 'ok', 'Clock is right', skew(120))])).toBe('within 1 s of true time (Clock is right)');
    // An offset is read from clock.skew's typed evidence only: another id, or evidence that does not fit, gives none.
    expect(clockSummary([f('clock.ntp', 'clock', 'ok', 'Clock is right', { offsetMs: 120 })])).toBe('Clock is right');
    expect(clockSummary([f('clock.skew', 'clock', 'ok', 'Clock is right', { offsetMs: '120' })])).toBe('Clock is right');
  });
});
