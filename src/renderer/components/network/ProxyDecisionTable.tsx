// Our proxy decision per URL beside WinHTTP's and Chromium's, when either was asked.
import type { FC } from 'react';
import type { NetworkView } from './network-view';

export const ProxyDecisionTable: FC<{ decisions: NetworkView['proxy']['decisions'] }> = ({ decisions }) =>
  decisions.some((d) => d.chromium !== undefined || d.winhttp !== undefined) ? (
    <table className="history" aria-label="Proxy decisions compared">
      <thead>
        <tr>
          <th scope="col">URL</th>
          <th scope="col">Our decision</th>
          <th scope="col">WinHTTP</th>
          <th scope="col">Chromium</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((d) => (
          <tr key={d.url}>
            <td>{d.host}</td>
            <td>{d.ours}</td>
            <td>{d.winhttp ?? '–'}</td>
            <td>{d.chromium ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  ) : null;
