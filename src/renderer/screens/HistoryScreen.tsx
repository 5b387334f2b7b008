// Every repair ever run, newest first, with Undo where it is possible.
import { useCallback, useEffect, useState, type FC } from 'react';
import type { RunSummary } from '../../shared/model';
import { api, errorText } from '../api';

export const HistoryScreen: FC = () => {
  const [runs, setRuns] = useState<RunSummary[]>();
  const [message, setMessage] = useState('');
  const [keepBoth, setKeepBoth] = useState<string>();
  const [refused, setRefused] = useState<Array<{ file: string; message: string }>>([]);

  const load = useCallback(() => {
    api.call('history.list', {}).then(setRuns, (e) => setMessage(errorText(e)));
    api.call('history.refused', {}).then(setRefused, () => setRefused([]));
  }, []);
  useEffect(load, [load]);

  const undo = async (runId: string, options: Record<string, boolean> = {}) => {
    setMessage('');
    try {
      const record = await api.call('fix.undo', { runId, options });
      setMessage(`Undone: ${record.plan.title}.`);
      setKeepBoth(undefined);
    } catch (e) {
      const text = errorText(e);
      setMessage(text);
      if (/keep.both/i.test(text)) setKeepBoth(runId);
    }
    load();
  };

  const discard = async (runId: string) => {
    setMessage('');
    try {
      await api.call('history.discard', { runId });
      setMessage('Backup deleted. That repair can no longer be undone.');
    } catch (e) {
      setMessage(errorText(e));
    }
    load();
  };

  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">History</h1>
      <p className="lead">Every repair is backed up before it changes anything. Undo puts things back as they were. Backups are kept for 7 days unless you delete them.</p>
      <p role="status" aria-live="polite">
        {message}
      </p>
      {keepBoth && (
        <div className="banner warn">
          <p>The app has written new data since the repair. Undo can keep both: the new data is moved aside, then your old data is restored.</p>
          <button type="button" className="primary" onClick={() => undo(keepBoth, { keepBoth: true })}>
            Undo and keep both
          </button>
        </div>
      )}
      {refused.length > 0 && (
        <div className="banner warn" role="alert">
          <p>
            {refused.length === 1 ? 'One record' : `${refused.length} records`} in the repair journal {refused.length === 1 ? 'was' : 'were'} not written by Sign-in Doctor on this
            computer, or changed since. Sign-in Doctor will not act on {refused.length === 1 ? 'it' : 'them'}.
          </p>
          <details>
            <summary>Which records</summary>
            <ul>
              {refused.map((r) => (
                <li key={r.file}>
                  <code>{r.file}</code>: {r.message}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {runs && runs.length === 0 && <p>No repairs have been run yet.</p>}
      {runs && runs.length > 0 && (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Repair</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.runId} data-run-id={r.runId}>
                <td>{new Date(r.startedAt).toLocaleString()}</td>
                <td>{r.title}</td>
                <td>{r.status}</td>
                <td>
                  {r.undoable && (
                    <span className="actions">
                      <button type="button" onClick={() => undo(r.runId)}>
                        Undo
                      </button>
                      <button type="button" onClick={() => discard(r.runId)} aria-label={`Delete the backup of ${r.title}`}>
                        Delete backup
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
