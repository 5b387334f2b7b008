// First screen: paste the error (or type the code) and read what it really means.
import { useState, type FC } from 'react';
import type { ExplainedError, Explanation, TroubleshootingFields } from '../../shared/contract/explain';
import { api, errorText } from '../api';
import { CodeCard } from '../components/CodeCard';
import { CopyButton } from '../components/CopyButton';
import { FixDialog } from '../components/fix/FixDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSharedError } from '../error-context';
import { FIELD_LABELS } from '../../shared/knowledge/field-labels';

/** The IDs of one error, labelled; a support tag says what it is for. */
const FieldList: FC<{ fields: TroubleshootingFields; testId: string }> = ({ fields, testId }) => {
  const present = Object.entries(fields).filter(([, v]) => v);
  if (!present.length) return null;
  return (
    <dl className="fields" data-testid={testId}>
      {present.map(([k, v]) => (
        <div key={k}>
          <dt>{FIELD_LABELS[k as keyof TroubleshootingFields] ?? k}</dt>
          <dd>
            <code>{v}</code>
            {k === 'supportTag' && <span className="field-hint"> Not an error code: Microsoft support uses it to find where the app failed.</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
};

/** One error of a paste that holds several: its codes and its own IDs. */
const ErrorSection: FC<{ error: ExplainedError; index: number; total: number }> = ({ error, index, total }) => {
  const id = `error-${index}-title`;
  return (
    <section aria-labelledby={id} className="error-block" data-testid="error-block">
      <h3 id={id}>
        Error {index + 1} of {total}
        {index === 0 ? ' (newest)' : ''}
        {error.fields.timestamp ? `, ${error.fields.timestamp}` : ''}
      </h3>
      {error.codes.map((c) => (
        <CodeCard key={`${c.family}-${c.code}`} code={c} />
      ))}
      <FieldList fields={error.fields} testId={`fields-${index}`} />
    </section>
  );
};

export const ExplainScreen: FC = () => {
  // Prefilled with the error pasted or found elsewhere in the app (in memory only); edits are shared back.
  const shared = useSharedError();
  const [text, setTextState] = useState(shared.text);
  const setText = (t: string) => {
    setTextState(t);
    shared.setText(t);
  };
  const [result, setResult] = useState<Explanation>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);

  const explain = async () => {
    setBusy(true);
    setError('');
    try {
      setResult(await api.call('explain.text', { text }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const fields = result ? Object.entries(result.fields).filter(([, v]) => v) : [];
  const errors = result?.errors ?? [];
  return (
    <section aria-labelledby="explain-title">
      <h1 id="explain-title">What does my sign-in error mean?</h1>
      <p className="lead">Paste the whole error message (or just the code, such as 53003). Nothing leaves this computer.</p>
      <label htmlFor="error-text" className="label">
        Error message
      </label>
      <textarea
        id="error-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={8}
        spellCheck={false}
        placeholder="For example: AADSTS53003: Access has been blocked by Conditional Access policies…"
      />
      <div className="actions">
        <button type="button" className="primary" onClick={explain} disabled={busy || text.trim() === ''}>
          {busy ? 'Reading…' : 'Explain'}
        </button>
      </div>
      <ErrorAlert error={error} />
      {result && (
        <div className="explanation" aria-live="polite">
          <h2 className="headline" data-testid="headline">
            {result.headline}
          </h2>
          {errors.length > 1 ? (
            <>
              <p data-testid="error-count">This text holds {errors.length} errors, each with its own IDs. The newest comes first.</p>
              {errors.map((e, i) => (
                <ErrorSection key={i} error={e} index={i} total={errors.length} />
              ))}
            </>
          ) : (
            result.codes.map((c) => <CodeCard key={`${c.family}-${c.code}`} code={c} />)
          )}
          {result.notes.length > 0 && (
            <ul className="notes">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {errors.length <= 1 && fields.length > 0 && (
            <section aria-labelledby="ids-title">
              <h3 id="ids-title">Details IT needs</h3>
              <FieldList fields={result.fields} testId="fields" />
            </section>
          )}
          <section aria-labelledby="it-title" className="it-message">
            <h3 id="it-title">Message for IT</h3>
            <p>Send this to your help desk. It holds the codes and IDs they need to find the sign-in in their logs, and nothing secret.</p>
            <textarea readOnly value={result.itMessage} rows={10} aria-labelledby="it-title" data-testid="it-message" />
            <div className="actions">
              <CopyButton text={result.itMessage} label="Copy message for IT" />
              <button type="button" onClick={() => setSaving(true)}>
                Save as a note…
              </button>
            </div>
          </section>
        </div>
      )}
      {saving && <FixDialog fixId="explain.save-note" options={{ text }} onClose={() => setSaving(false)} />}
    </section>
  );
};
