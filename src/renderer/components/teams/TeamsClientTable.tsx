// The Teams clients found (from teams.client-* evidence): name and version, running state, cache size.
import type { FC } from 'react';
import type { Evidence } from '../../../shared/contract/findings';
import { formatBytes } from '../../../shared/format-bytes';
import type { Finding } from '../../../shared/model';

export type TeamsClient = { finding: Finding; evidence: Evidence<'teams.client-*'> };

function runningText(c: Evidence<'teams.client-*'>): string {
  if (c.running === 'yes') return 'Running';
  if (c.running === 'no') return 'Not running';
  return 'Unknown';
}

export const TeamsClientTable: FC<{ clients: readonly TeamsClient[] }> = ({ clients }) => (
  <table className="history" aria-label="Teams clients found">
    <thead>
      <tr>
        <th scope="col">Client</th>
        <th scope="col">State</th>
        <th scope="col">Cache size</th>
      </tr>
    </thead>
    <tbody>
      {clients.map(({ finding, evidence: c }) => (
        <tr key={finding.id} data-client={c.client}>
          <th scope="row">
            {c.name}
            {c.version ? ` ${c.version}` : ''}
          </th>
          <td>{runningText(c)}</td>
          <td>
            {formatBytes(c.bytes)} in {c.files.toLocaleString('en-US')} files
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
