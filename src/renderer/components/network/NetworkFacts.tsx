// The proxy settings found, the VPN (and what it means for Conditional Access) and Teams media UDP.
import type { FC } from 'react';
import type { NetworkView } from './network-view';

function vpnText(vpn: NetworkView['vpn']): string {
  if (vpn.detected)
    return `Connected through ${vpn.interfaces.map((i) => `${i.name} (${i.label})`).join(', ')}. A VPN can change the network location Conditional Access sees: a policy that allows only your office network (or blocks a country) judges the VPN's exit address, not yours.`;
  if (vpn.error) return `Could not be checked: ${vpn.error}`;
  return 'No VPN adapter found. (A VPN would change the network location Conditional Access sees.)';
}

export const NetworkFacts: FC<{ view: NetworkView }> = ({ view }) => (
  <dl className="fields">
    <div>
      <dt>Proxy settings found</dt>
      <dd data-testid="network-proxy-sources">
        {view.proxy.sources.map((s) => `${s.label}: ${s.mode}${s.httpsProxy ? ` ${s.httpsProxy}` : ''}${s.pacUrl ? ` ${s.pacUrl}` : ''}`).join('; ') || 'none'}
      </dd>
    </div>
    <div>
      <dt>VPN</dt>
      <dd data-testid="network-vpn">{vpnText(view.vpn)}</dd>
    </div>
    <div>
      <dt>Teams media (UDP 3478–3481, information only)</dt>
      <dd>{view.udp.length ? view.udp.map((u) => `${u.port}: ${u.ok ? 'answered' : u.message}`).join('; ') : 'not tested for this cloud or configuration'}</dd>
    </div>
  </dl>
);
