// A token's claims in words: audience, times, issuer, tenant, app, scopes, roles, user, sign-in
// methods, device, and the clock they were compared with.
import type { FC } from 'react';
import type { TokenInspection } from '../../../shared/contract/device';

function timeLabel(claim: string): string {
  if (claim === 'exp') return 'Expires';
  if (claim === 'nbf') return 'Valid from';
  return 'Issued';
}

export const TokenClaims: FC<{ result: TokenInspection }> = ({ result }) => {
  const c = result.claims;
  return (
    <dl className="fields">
      <div>
        <dt>Audience</dt>
        <dd>
          {c.aud.join(', ') || '(none)'}
          {c.audienceName ? ` (${c.audienceName})` : ''}
        </dd>
      </div>
      {result.times.map((t) => (
        <div key={t.claim}>
          <dt>{timeLabel(t.claim)}</dt>
          <dd>
            {t.iso} — {t.relative}
          </dd>
        </div>
      ))}
      {c.iss && (
        <div>
          <dt>Issuer</dt>
          <dd>{c.iss}</dd>
        </div>
      )}
      {c.tid && (
        <div>
          <dt>Tenant</dt>
          <dd>{c.tid}</dd>
        </div>
      )}
      {(c.appid ?? c.azp) && (
        <div>
          <dt>App</dt>
          <dd>{[c.appid, c.azp].filter(Boolean).join(' / ')}</dd>
        </div>
      )}
      <div>
        <dt>Scopes</dt>
        <dd>{c.scopes.join(' ') || '(none)'}</dd>
      </div>
      {c.roles.length > 0 && (
        <div>
          <dt>Roles</dt>
          <dd>{c.roles.join(' ')}</dd>
        </div>
      )}
      {c.upn && (
        <div>
          <dt>User</dt>
          <dd>{c.upn}</dd>
        </div>
      )}
      {c.amr.length > 0 && (
        <div>
          <dt>Sign-in methods</dt>
          <dd>{c.amr.join(', ')}</dd>
        </div>
      )}
      {c.deviceid && (
        <div>
          <dt>Device ID</dt>
          <dd>{c.deviceid}</dd>
        </div>
      )}
      <div>
        <dt>Compared with</dt>
        <dd>{result.clock.corrected ? `the corrected clock (${result.clock.now})` : `this computer's clock (${result.clock.now})`}</dd>
      </div>
    </dl>
  );
};
