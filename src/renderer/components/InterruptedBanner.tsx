// Shown when the journal lists a repair that a crash or forced quit interrupted.
import { useState, type FC } from 'react';
import type { RunSummary } from '../../shared/model';
import { api, errorText } from '../api';

export const InterruptedBanner: FC<{ runs: RunSummary[]; onResolved(runId: string): void }> = ({ runs, onResolved }) => {
  const [error, setError] = useState('');
  const recover = async (runId: string, action: 'finish' | 'rollback') => {
    try {
      await api.call('journal.recover', { runId, action });
      onResolved(runId);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="banner warn" role="alert" aria-labelledby="interrupted-title">
      <h2 id="interrupted-title">A repair was interrupted</h2>
      <p>The app stopped in the middle of a repair. Nothing is lost: every file is either in its place or in the backup. Choose how to continue.</p>
      {runs.map((r) => (
        <div key={r.runId} className="row">
          <span>
            {r.title} <code>{r.runId}</code>
          </span>
          <button type="button" onClick={() => recover(r.runId, 'rollback')}>
            Put everything back
          </button>
          <button type="button" onClick={() => recover(r.runId, 'finish')}>
            Finish the repair
          </button>
        </div>
      ))}
      {error && <p className="error">{error}</p>}
    </section>
  );
};
