// The Teams card on the Checks screen: the clients found, whether they run, their cache size, and
// the last sign-in error in their logs; "Clear cache" (with consent to quit Teams) and, for new
// Teams on Windows, the official Reset as the last resort.
import { useEffect, useState, type FC } from 'react';
import { findingsWith, firstWith, type Evidence } from '../../shared/contract/findings';
import type { OfficialReset } from '../../shared/contract/teams';
import { api, errorText } from '../api';
import type { DomainCardProps } from '../domains/types';
import { CopyButton } from './CopyButton';
import { formatBytes } from '../../shared/format-bytes';
import { ErrorAlert } from './ErrorAlert';

function runningText(c: Evidence<'teams.client-*'>): string {
  if (c.running === 'yes') return 'Running';
  if (c.running === 'no') return 'Not running';
  return 'Unknown';
}

export const TeamsCard: FC<DomainCardProps> = ({ findings, onFix }) => {
  const clients = findingsWith(findings, 'teams.client-*');
  const failure = firstWith(findings, 'teams.log-signin-failure')?.evidence;
  const running = clients.some((c) => c.evidence.running === 'yes');
  const [quit, setQuit] = useState(false);
  const [force, setForce] = useState(false);
  const [reset, setReset] = useState<OfficialReset>();
  const [resetShown, setResetShown] = useState(false);
  const [error, setError] = useState('');
  const hasNew = clients.some((c) => c.evidence.client === 'new');

  useEffect(() => {
    if (hasNew) api.call('teams.official-reset', { open: false }).then(setReset, () => undefined);
  }, [hasNew]);

  if (!findings.length) return null;
  const notFound = findings.some((f) => f.id === 'teams.not-found');

  const openReset = async () => {
    setError('');
    try {
      setReset(await api.call('teams.official-reset', { open: true }));
      setResetShown(true);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="card" data-testid="teams-card">
      <h3>Microsoft Teams on this computer</h3>
      {notFound && <p>No Teams profile was found for this user.</p>}
      {clients.length > 0 && (
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
      )}
      <dl className="fields">
        <div>
          <dt>Last sign-in error in the logs</dt>
          <dd data-testid="teams-last-error">
            {failure
              ? [failure.code, failure.time ? `at ${failure.time}` : undefined, failure.correlationId ? `(Correlation ID ${failure.correlationId})` : undefined]
                  .filter(Boolean)
                  .join(' ')
              : 'none found'}
          </dd>
        </div>
      </dl>
      {failure?.conditionalAccess === true && (
        <p className="warn-text">This is a Conditional Access block decided by your organization: clearing the cache will not fix it. Send IT the Correlation ID above.</p>
      )}
      {clients.length > 0 && (
        <>
          {running && (
            <fieldset>
              <legend>Teams is running</legend>
              <label>
                <input type="checkbox" checked={quit} onChange={(e) => setQuit(e.target.checked)} /> Quit Teams for me before clearing
              </label>
              <label>
                <input type="checkbox" checked={force} disabled={!quit} onChange={(e) => setForce(e.target.checked)} /> Force it to close if it does not quit
              </label>
            </fieldset>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={() => onFix('teams.cache-clear', running ? { quitTeams: quit, force: quit && force } : {})}>
              Clear cache
            </button>
            {reset?.available && (
              <button type="button" onClick={openReset}>
                Official Reset (last resort)…
              </button>
            )}
          </div>
        </>
      )}
      {resetShown && reset?.available && (
        <div className="banner" role="region" aria-label="Official Reset of new Teams">
          <p>{reset.explanation}</p>
          <ol>
            {reset.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {reset.uri && (
            <p>
              Settings page: <code>{reset.uri}</code> <CopyButton text={reset.uri} label="Copy the link" />
            </p>
          )}
        </div>
      )}
      <ErrorAlert error={error} />
    </div>
  );
};
