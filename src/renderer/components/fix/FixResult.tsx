// What a repair did: its status, the verification, any error, and the run id for undo.
import type { FC } from 'react';
import type { RunRecord } from '../../../shared/model';

function statusText(status: RunRecord['status']): string {
  if (status === 'verified') return 'Done and verified.';
  if (status === 'failed') return 'The repair failed; nothing was changed.';
  return `Status: ${status}.`;
}

export const FixResult: FC<{ record: RunRecord }> = ({ record }) => (
  <div data-testid="fix-result" role="status">
    <p>
      <strong>{statusText(record.status)}</strong>
    </p>
    {record.verify && <p>{record.verify.message}</p>}
    {record.error && <p className="error">{record.error}</p>}
    <p>
      Run id <code>{record.runId}</code>. {record.plan.undoable && record.status !== 'failed' ? 'You can undo it here or, later, from History.' : ''}
    </p>
  </div>
);
