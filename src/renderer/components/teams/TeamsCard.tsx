// The Teams card on the Checks screen: the clients found, whether they run, their cache size, and
// the last sign-in error in their logs; "Clear cache" (with consent to quit Teams) and, for new
// Teams on Windows, the official Reset as the last resort.
import { useEffect, useState, type FC } from 'react';
import { findingsWith, firstWith } from '../../../shared/contract/findings';
import type { OfficialReset } from '../../../shared/contract/teams';
import { api, errorText } from '../../api';
import type { DomainCardProps } from '../../domains/types';
import { ErrorAlert } from '../ErrorAlert';
import { LastSigninError } from './LastSigninError';
import { OfficialResetBanner } from './OfficialResetBanner';
import { QuitTeamsConsent, type QuitChoice } from './QuitTeamsConsent';
import { TeamsClientTable } from './TeamsClientTable';

export const TeamsCard: FC<DomainCardProps> = ({ findings, onFix }) => {
  const clients = findingsWith(findings, 'teams.client-*');
  const failure = firstWith(findings, 'teams.log-signin-failure')?.evidence;
  const running = clients.some((c) => c.evidence.running === 'yes');
  const [choice, setChoice] = useState<QuitChoice>({ quit: false, force: false });
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
      {clients.length > 0 && <TeamsClientTable clients={clients} />}
      <LastSigninError failure={failure} />
      {clients.length > 0 && (
        <>
          {running && <QuitTeamsConsent choice={choice} onChange={setChoice} />}
          <div className="actions">
            <button type="button" className="primary" onClick={() => onFix('teams.cache-clear', running ? { quitTeams: choice.quit, force: choice.quit && choice.force } : {})}>
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
      {resetShown && reset?.available && <OfficialResetBanner reset={reset} />}
      <ErrorAlert error={error} />
    </div>
  );
};
