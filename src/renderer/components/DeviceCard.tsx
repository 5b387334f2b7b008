// The Device card on the Checks screen: what a Conditional Access policy sees of this device,
// read from the device findings' evidence (platform, OS, registration, tenant, PRT).
import type { FC } from 'react';
import { firstWith } from '../../shared/contract/findings';
import type { DomainCardProps } from '../domains/types';

export const DeviceCard: FC<DomainCardProps> = ({ findings }) => {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const os = firstWith(findings, 'device.os')?.evidence;
  const state = byId.get('device.join-state') ?? byId.get('device.platform-sso') ?? byId.get('device.linux-management');
  const tenant = firstWith(findings, 'device.tenant')?.evidence;
  const prtOk = firstWith(findings, 'device.prt');
  const prt = byId.get('device.prt-missing') ? 'missing' : byId.get('device.prt-expired') ? 'expired' : prtOk ? `present, until ${prtOk.evidence.azureAdPrtExpiryTime || 'unknown'}` : undefined;
  const lastError = firstWith(findings, 'device.last-error')?.evidence;
  if (!findings.length) return null;
  const rows: Array<[string, string | undefined]> = [
    ['Device platform', os?.policyPlatform || undefined],
    ['Operating system', [os?.osName, os?.osVersion, os?.patchLevel ? `(${os.patchLevel})` : undefined].filter(Boolean).join(' ') || undefined],
    ['Device state', state?.title.replace(/^Device: /, '')],
    ['Tenant', [tenant?.tenantName, tenant?.tenantId].filter(Boolean).join(' / ') || undefined],
    ['Primary Refresh Token', prt],
    ['Last error', [lastError?.code, lastError?.correlationId ? `Correlation ID ${lastError.correlationId}` : undefined].filter(Boolean).join(', ') || undefined],
  ];
  return (
    <div className="card" data-testid="device-card">
      <h3>What a sign-in policy sees of this device</h3>
      <dl className="fields">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <p className="notes">Device registration is decided by your organization: if it is wrong here, IT must fix it (clearing caches does not). Use “Get help from IT” to send them these details.</p>
    </div>
  );
};
