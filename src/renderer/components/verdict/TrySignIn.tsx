// After a repair: start Teams and watch its logs for the next sign-in outcome (up to two minutes),
// then say plainly whether it signed in or failed again (and with what).
import { useState, type FC } from 'react';
import type { SigninOutcome, TeamsStart } from '../../../shared/contract/teams';
import { api, errorText } from '../../api';
import { ErrorAlert } from '../ErrorAlert';

type State = { kind: 'idle' } | { kind: 'starting' } | { kind: 'not-started'; start: TeamsStart } | { kind: 'waiting'; start: TeamsStart } | { kind: 'done'; start: TeamsStart; outcome: SigninOutcome };

export const TrySignIn: FC<{ onFailedAgain(outcome: SigninOutcome): void; onAskIt(): void; onCheckAgain(): void }> = ({ onFailedAgain, onAskIt, onCheckAgain }) => {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [error, setError] = useState('');

  const start = async () => {
    setError('');
    setState({ kind: 'starting' });
    // Only log lines after this moment count: a second before the start, so nothing of it is missed.
    const since = new Date(Date.now() - 1000).toISOString();
    try {
      const started = await api.call('teams.start', { client: 'auto' });
      if (!started.started && started.reason !== 'already-running') {
        setState({ kind: 'not-started', start: started });
        return;
      }
      setState({ kind: 'waiting', start: started });
      const outcome = await api.call('teams.watch-signin', { since, client: started.client ?? 'auto' });
      setState({ kind: 'done', start: started, outcome });
    } catch (e) {
      setError(errorText(e));
      setState({ kind: 'idle' });
    }
  };

  const outcome = state.kind === 'done' ? state.outcome : undefined;
  return (
    <section aria-labelledby="try-title" className="card" data-testid="try-signin">
      <h2 id="try-title">Try signing in again</h2>
      {(state.kind === 'idle' || state.kind === 'starting') && (
        <div className="actions">
          <button type="button" className="primary" onClick={start} disabled={state.kind === 'starting'}>
            {state.kind === 'starting' ? 'Starting Teams…' : 'Start Teams'}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" data-testid="try-status">
        {state.kind === 'not-started' && (
          <p>
            {state.start.reason === 'not-installed' ? 'Teams is not installed on this computer, so it cannot be started from here. ' : 'Teams could not be started. '}
            {state.start.message}
          </p>
        )}
        {(state.kind === 'waiting' || state.kind === 'done') && <p>{state.start.message}</p>}
        {state.kind === 'waiting' && <p>Waiting for Teams to sign in (up to 2 minutes)…</p>}
        {outcome?.outcome === 'signed-in' && (
          <p>
            <strong>Teams signed in.</strong>
          </p>
        )}
        {outcome?.outcome === 'failed' && (
          <p>
            <strong>
              Teams failed again with {outcome.display ?? outcome.code ?? 'an error'}
              {outcome.meaning ? ` — ${outcome.meaning}` : ''}
            </strong>
          </p>
        )}
        {outcome?.outcome === 'no-answer' && <p>Teams gave no sign-in answer within 2 minutes. If it still asks you to sign in, send this to IT.</p>}
      </div>
      <ErrorAlert error={error} />
      {outcome?.outcome === 'signed-in' && (
        <div className="actions">
          <button type="button" onClick={onCheckAgain}>
            Check this computer again
          </button>
        </div>
      )}
      {(outcome?.outcome === 'failed' || outcome?.outcome === 'no-answer' || state.kind === 'not-started') && (
        <div className="actions">
          {outcome?.outcome === 'failed' && (
            <button type="button" className="primary" onClick={() => onFailedAgain(outcome)}>
              Find the next cause
            </button>
          )}
          <button type="button" onClick={onAskIt}>
            Send this to IT
          </button>
        </div>
      )}
    </section>
  );
};
