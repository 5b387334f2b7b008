// TLS inspection in plain words: who inspects, which endpoints, and what to ask IT.
import type { FC } from 'react';
import type { EndpointResult } from '../../../shared/contract/network';
import { issuerName } from './network-text';

export const InspectionBanner: FC<{ endpoints: readonly EndpointResult[] }> = ({ endpoints }) => {
  const intercepted = endpoints.filter((e) => e.tls.intercepted);
  const inspectors = [...new Set(intercepted.map((e) => issuerName(e.tls.chain[0]?.issuer ?? 'an unknown issuer')))];
  if (inspectors.length === 0) return null;
  return (
    <div className="banner error" role="alert" data-testid="network-inspection">
      <strong>Your traffic is being inspected by {inspectors.join(', ')}.</strong> The certificate presented for{' '}
      {[...new Set(intercepted.map((e) => e.name))].join(', ')} was not issued by a public authority but by {inspectors.join(', ')}, trusted only because its root was added to this
      computer. Inspecting the sign-in and device endpoints breaks device sign-in and smart card (CAC) sign-in: ask IT to exempt these hosts from TLS inspection.
    </div>
  );
};
