// The Device card on the Checks screen: what a Conditional Access policy sees of this device,
// read from the device findings' evidence (platform, OS, registration, tenant, PRT).
import type { FC } from 'react';
import type { DomainCardProps } from '../domains/types';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export const DeviceCard: FC<DomainCardProps> = ({ findings }) => {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const os = byId.get('device.os')?.evidence ?? {};
  const state = byId.get('device.join-state') ?? byId.get('device.platform-sso') ?? byId.get('device.linux-management');
  const tenant = byId.get('device.tenant')?.evidence ?? {};
  const prt = byId.get('device.prt-missing') ? 'missing' : byId.get('device.prt-expired') ? 'expired' : byId.get('device.prt') ? `present, until ${str(byId.get('device.prt')?.evidence.azureAdPrtExpiryTime) ?? 'unknown'}` : undefined;
  const lastError = byId.get('device.last-error')?.evidence ?? {};
  if (!findings.length) return null;
  const rows: Array<[string, string | undefined]> = [
    ['Device platform', str(os.policyPlatform)],
    ['Operating system', [str(os.osName), str(os.osVersion), str(os.patchLevel) ? `(${str(os.patchLevel)})` : undefined].filter(Boolean).join(' ') || undefined],
    ['Device state', state?.title.replace(/^Device: /, '')],
    ['Tenant', [str(tenant.tenantName), str(tenant.tenantId)].filter(Boolean).join(' / ') || undefined],
    ['Primary Refresh Token', prt],
    ['Last error', [str(lastError.code), str(lastError.correlationId) ? `Correlation ID ${str(lastError.correlationId)}` : undefined].filter(Boolean).join(', ') || undefined],
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
