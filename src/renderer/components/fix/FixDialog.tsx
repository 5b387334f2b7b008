// Preview -> apply -> verify for one fix, as a modal dialog: the plan first (what changes, what is
// kept, admin rights, undo), then progress, then the verification result and the run id for undo.
// Apply runs exactly the previewed plan (by its planId); if the computer changed since, the service
// refuses and the dialog offers a fresh preview.
import { useEffect, useRef, useState, type FC } from 'react';
import type { FixId, FixOptionsInput, WireFixOptions } from '../../../shared/contract/fixes';
import type { FixPlan, RunRecord } from '../../../shared/model';
import { api, errorText } from '../../api';
import { ErrorAlert } from '../ErrorAlert';
import { FixPlanView } from './FixPlanView';
import { FixProgress, type Progress } from './FixProgress';
import { FixResult } from './FixResult';

/** The service's refusal when the computer changed since the preview ("preview again"). */
const PREVIEW_AGAIN = /preview (the repair )?again/i;

interface Props<F extends string> {
  fixId: F;
  /** Typed by the fix id when it is a known literal (a misspelt option is a type error); a fix id known only at run time (from a finding) passes the wire record. */
  options?: F extends FixId ? FixOptionsInput<F> : WireFixOptions;
  onClose(): void;
  onDone?(record: RunRecord): void;
  /** The repair was undone from this dialog (everything is back as before it). */
  onUndone?(record: RunRecord): void;
}

/** A finished repair this dialog can undo at once (the same as Undo in History). */
const canUndo = (record: RunRecord): boolean => record.plan.undoable && (record.status === 'verified' || record.status === 'applied');

export const FixDialog = <F extends string>({ fixId, options, onClose, onDone, onUndone }: Props<F>): ReturnType<FC> => {
  const [plan, setPlan] = useState<FixPlan>();
  const [record, setRecord] = useState<RunRecord>();
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [undone, setUndone] = useState<RunRecord>();
  const dialog = useRef<HTMLDialogElement>(null);

  const fetchPlan = () => api.call('fix.plan', { fixId, options: (options ?? {}) as WireFixOptions }).then(setPlan, (e) => setError(errorText(e)));
  const preview = () => {
    setStale(false);
    setError('');
    setPlan(undefined);
    void fetchPlan();
  };

  useEffect(() => {
    dialog.current?.showModal?.();
    void fetchPlan();
    return api.on('fix-progress', (p) => {
      if (p.fixId === fixId) setProgress({ step: p.step, total: p.total, message: p.message });
    });
    // The plan is computed once per open dialog; options are fixed for its lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fixId]);

  const apply = async () => {
    setBusy(true);
    setError('');
    try {
      const result = await api.call('fix.apply', { planId: plan!.planId! });
      setRecord(result);
      onDone?.(result);
    } catch (e) {
      const text = errorText(e);
      setError(text);
      setStale(PREVIEW_AGAIN.test(text));
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    setBusy(true);
    setError('');
    try {
      const result = await api.call('fix.undo', { runId: record!.runId, options: {} });
      setUndone(result);
      onUndone?.(result);
    } catch (e) {
      // A conflict (new data written since) is resolved in History, where "keep both" is offered.
      setError(`${errorText(e)} You can also undo it from History.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="fix-title" onCancel={onClose}>
      <h2 id="fix-title">{plan?.title ?? 'Preparing the repair…'}</h2>
      {plan && !record && <FixPlanView plan={plan} />}
      {busy && progress && <FixProgress progress={progress} />}
      {record && !undone && <FixResult record={record} />}
      {undone && (
        <p role="status" data-testid="fix-undone">
          <strong>Undone.</strong> Everything this repair changed is back as it was.
        </p>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        {plan && !record && !plan.blockedBy && !stale && (
          <button type="button" className="primary" onClick={apply} disabled={busy}>
            {busy ? 'Working…' : 'Apply'}
          </button>
        )}
        {stale && (
          <button type="button" className="primary" onClick={preview}>
            Preview again
          </button>
        )}
        {record && !undone && canUndo(record) && (
          <button type="button" onClick={undo} disabled={busy}>
            {busy ? 'Undoing…' : 'Undo this repair'}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={busy}>
          {record ? 'Close' : 'Cancel'}
        </button>
      </div>
    </dialog>
  );
};
