// "Get help from IT": the message for IT and the support bundle, previewed in full (every file,
// redacted) before anything is saved; saving asks where with the system's save dialog.
import { useState, type FC } from 'react';
import type { ReportPreview } from '../../shared/contract/report';
import { api, errorText } from '../api';
import { CopyButton } from '../components/CopyButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSharedError } from '../error-context';

const KIND_LABEL: Record<string, string> = {
  token: 'tokens',
  secret: 'passwords and secrets',
  opaque: 'opaque data',
  email: 'e-mail addresses',
  ip: 'IP addresses',
  home: 'home folders',
  user: 'user names',
  host: 'device names',
};

const PRE_STYLE = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 320, overflow: 'auto', background: '#f6f6f3', padding: 8, borderRadius: 6, fontSize: 12 } as const;

export const ReportHelpScreen: FC = () => {
  // Prefilled with the error pasted or found elsewhere in the app (in memory only); edits are shared back.
  const shared = useSharedError();
  const [pastedText, setPastedTextState] = useState(shared.text);
  const setPastedText = (t: string) => {
    setPastedTextState(t);
    shared.setText(t);
  };
  const [includePersonal, setIncludePersonal] = useState(false);
  const [preview, setPreview] = useState<ReportPreview>();
  const [busy, setBusy] = useState<'' | 'preview' | 'save'>('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');

  const prepare = async () => {
    setBusy('preview');
    setError('');
    setSaved('');
    try {
      setPreview(await api.call('report.preview', { includePersonal, ...(pastedText.trim() ? { pastedText } : {}) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const save = async () => {
    if (!preview) return;
    setBusy('save');
    setError('');
    try {
      const result = await api.call('report.write-bundle', { previewId: preview.previewId });
      setSaved(result.saved ? `Saved to ${result.path} (${result.bytes} bytes).` : 'Not saved: no file was chosen.');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const counts = preview ? Object.entries(preview.redaction.counts).filter(([, n]) => n > 0) : [];
  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">Get help from IT</h1>
      <p className="lead">
        Sign-in Doctor checks this computer again and prepares a message and a support bundle for your help desk. You see everything before anything is saved. Tokens and passwords are never included.
      </p>
      <label htmlFor="report-error" className="label">
        Error message (optional)
      </label>
      <textarea id="report-error" value={pastedText} onChange={(e) => setPastedText(e.target.value)} rows={5} spellCheck={false} placeholder="Paste the error you saw, with its Correlation ID if shown" />
      <label className="label">
        <input type="checkbox" checked={includePersonal} onChange={(e) => setIncludePersonal(e.target.checked)} /> Include personal details (user names, e-mail addresses, device names, home folders, IP addresses)
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={prepare} disabled={busy !== ''}>
          {busy === 'preview' ? 'Checking this computer…' : preview ? 'Prepare again' : 'Prepare message and bundle'}
        </button>
      </div>
      <ErrorAlert error={error} />
      {preview && (
        <div aria-live="polite">
          <section aria-labelledby="report-msg-title" className="it-message">
            <h2 id="report-msg-title">Message for IT</h2>
            <textarea readOnly value={preview.message} rows={14} aria-labelledby="report-msg-title" data-testid="report-message" />
            <div className="actions">
              <CopyButton text={preview.message} label="Copy message for IT" />
            </div>
          </section>
          <section aria-labelledby="report-files-title">
            <h2 id="report-files-title">What the support bundle will contain</h2>
            <p data-testid="report-redaction">
              {preview.redaction.personal === 'redacted' ? 'Personal details are replaced. ' : 'Personal details are included, as you asked. '}
              {counts.length ? `Removed or replaced: ${counts.map(([k, n]) => `${n} ${KIND_LABEL[k] ?? k}`).join(', ')}.` : 'Nothing needed removing.'}
            </p>
            <ul className="findings" data-testid="report-files">
              {preview.files.map((f) => (
                <li key={f.name} className="card">
                  <strong>
                    <code>{f.name}</code>
                  </strong>{' '}
                  <span className="notes">({f.bytes.toLocaleString('en')} bytes)</span>
                  <div>{f.summary}</div>
                  <details>
                    <summary>Show the content</summary>
                    <pre style={PRE_STYLE}>{f.excerpt}</pre>
                  </details>
                </li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" className="primary" onClick={save} disabled={busy !== ''}>
                {busy === 'save' ? 'Saving…' : 'Save support bundle…'}
              </button>
              <span role="status" aria-live="polite" data-testid="report-saved">
                {saved}
              </span>
            </div>
          </section>
        </div>
      )}
    </section>
  );
};
