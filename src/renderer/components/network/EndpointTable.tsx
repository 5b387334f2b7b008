// One row per endpoint tested: the route (and which setting decided it), DNS, TCP, TLS and HTTP.
import type { FC } from 'react';
import type { EndpointResult } from '../../../shared/contract/network';
import { httpText, routeText, stageText, tlsText } from './network-text';

export const EndpointTable: FC<{ endpoints: readonly EndpointResult[] }> = ({ endpoints }) => (
  <table className="history" aria-label="Endpoints tested">
    <thead>
      <tr>
        <th scope="col">Endpoint</th>
        <th scope="col">Route (decided by)</th>
        <th scope="col">DNS</th>
        <th scope="col">TCP</th>
        <th scope="col">TLS</th>
        <th scope="col">HTTP</th>
      </tr>
    </thead>
    <tbody>
      {endpoints.map((r) => (
        <tr key={r.name} data-endpoint={r.name} className={r.ok ? undefined : 'error'}>
          <th scope="row">
            {r.name}
            {r.critical ? ' (device / sign-in critical)' : ''}
          </th>
          <td>
            {routeText(r)} ({r.route.source})
            {r.connect ? ` · CONNECT ${stageText(r.connect, '✓')}` : ''}
          </td>
          <td>{stageText(r.dns, r.dns.addresses.length ? `✓ ${r.dns.addresses[0]}` : '✓')}</td>
          <td>{stageText(r.tcp, '✓')}</td>
          <td>{tlsText(r)}</td>
          <td>{httpText(r)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
