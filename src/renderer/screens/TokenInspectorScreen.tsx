// The Token inspector screen: paste a JWT, read its claims. The token lives only in this component's state:
// it is never sent anywhere but the local service call, never stored, and the field is cleared
// when the panel closes (Clear) or unmounts (leaving the screen).
import { useEffect, useRef, useState, type FC } from 'react';
import type { TokenInspection } from '../../shared/contract/device';
import { clockOffsetMs } from '../../shared/contract/clock-offset';
import { api, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { TokenResult } from '../components/token/TokenResult';
import { ErrorInContext } from '../components/verdict/ErrorInContext';

const FIELD_STYLE = { width: '100%', padding: '6px 8px', font: 'inherit', borderRadius: 6, border: '1px solid #8f8f8a' } as const;

export const TokenInspectorScreen: FC = () => {
  const [token, setToken] = useState('');
  const [scopes, setScopes] = useState('');
  const [audience, setAudience] = useState<'' | 'graph' | 'teams'>('');
  const [offsetMs, setOffsetMs] = useState<number>();
  const [clockNote, setClockNote] = useState('');
  const [result, setResult] = useState<TokenInspection>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = field.current;
    // Leaving the screen drops the state with the component; also wipe the DOM value at once.
    return () => {
      if (el) el.value = '';
    };
  }, []);

  const clear = () => {
    setToken('');
    setResult(undefined);
    setError('');
  };

  const inspect = async () => {
    setBusy(true);
    setError('');
    try {
      const needScopes = scopes.split(/[\s,]+/).filter(Boolean);
      setResult(await api.call('device.inspect-token', { token, needScopes, ...(offsetMs !== undefined ? { offsetMs } : {}), ...(audience ? { expectAudience: audience } : {}) }));
    } catch (e) {
      setResult(undefined);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const measureClock = async () => {
    setClockNote('Measuring the clock…');
    try {
      // The clock check's measured offset (ms): clock.skew's offsetMs, the one place it is kept.
      const offset = clockOffsetMs((await api.call('diagnose.run', { only: ['clock'] })).findings);
      setOffsetMs(offset);
      setClockNote(offset === undefined ? 'The clock could not be measured; times use this computer\'s clock.' : `Times use the corrected clock (this computer is off by ${Math.round(offset / 1000)} s).`);
    } catch (e) {
      setClockNote(errorText(e));
    }
  };

  return (
    <section aria-labelledby="token-title">
      <h1 id="token-title">Token inspector</h1>
      <p className="lead">
        Paste an access or ID token to read what it claims: who it is for, when it expires, which permissions it carries. It is decoded on this computer and never saved. The signature is not checked (that needs the issuer&apos;s keys online).
      </p>
      <ErrorInContext screen="token" />
      <label htmlFor="token-text" className="label">
        Token
      </label>
      <textarea id="token-text" ref={field} value={token} onChange={(e) => setToken(e.target.value)} rows={5} spellCheck={false} autoComplete="off" placeholder="eyJ0eXAiOiJKV1Qi…" />
      <label htmlFor="token-scopes" className="label">
        Scopes the app needs (optional)
      </label>
      <input id="token-scopes" type="text" value={scopes} onChange={(e) => setScopes(e.target.value)} placeholder="User.Read Chat.Read" autoComplete="off" style={FIELD_STYLE} />
      <label htmlFor="token-audience" className="label">
        The token is for
      </label>
      <select id="token-audience" style={FIELD_STYLE} value={audience} onChange={(e) => setAudience(e.target.value as '' | 'graph' | 'teams')}>
        <option value="">Any API</option>
        <option value="graph">Microsoft Graph</option>
        <option value="teams">Microsoft Teams</option>
      </select>
      <div className="actions">
        <button type="button" className="primary" onClick={inspect} disabled={busy || !token.trim()}>
          {busy ? 'Reading…' : 'Inspect token'}
        </button>
        <button type="button" onClick={measureClock}>
          Use the measured clock
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
        <span role="status" aria-live="polite">
          {clockNote}
        </span>
      </div>
      <ErrorAlert error={error} />
      {result && <TokenResult result={result} />}
    </section>
  );
};
