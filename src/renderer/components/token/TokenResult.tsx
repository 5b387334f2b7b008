// What a pasted token claims: the signature note, the problems found in its claims, the claims
// themselves, and the raw header and payload.
import type { FC } from 'react';
import type { TokenInspection } from '../../../shared/contract/device';
import { TokenClaims } from './TokenClaims';

const SEV_LABEL = { info: 'Info', warn: 'Warning', fail: 'Problem' } as const;
const PRE_STYLE = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 320, overflow: 'auto', background: '#f6f6f3', padding: 8, borderRadius: 6 } as const;

export const TokenResult: FC<{ result: TokenInspection }> = ({ result }) => (
  <div className="card" data-testid="token-result">
    <p className="warn-text">
      <strong>{result.signatureNote}</strong>
    </p>
    {result.flags.length > 0 ? (
      <ul data-testid="token-flags">
        {result.flags.map((f) => (
          <li key={f.id} className={`sev-${f.severity}`}>
            <strong>{SEV_LABEL[f.severity]}:</strong> {f.message}
          </li>
        ))}
      </ul>
    ) : (
      <p>No problems found in the claims.</p>
    )}
    <TokenClaims result={result} />
    <details>
      <summary>Header and payload</summary>
      <pre style={PRE_STYLE}>{JSON.stringify({ header: result.header, payload: result.payload }, null, 2)}</pre>
    </details>
  </div>
);
