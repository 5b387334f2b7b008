// The first screen: the verdict. On open it runs every check (progress per domain) and shows the
// error it found in the Teams logs (or the one pasted), then the causes, strongest first, each
// with its why, its repair and what IT must do; ruled-out causes folded away with their values.
// With no error it asks what is happening. "Send this to IT" is always one click away.
import { useCallback, useEffect, useRef, useState, type FC } from 'react';
import type { Diagnosis } from '../../shared/contract/core';
import type { Cause, DiagnosisError } from '../../shared/contract/diagnosis';
import type { SigninOutcome } from '../../shared/contract/teams';
import type { RunRecord } from '../../shared/model';
import { api, errorText } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { FixDialog } from '../components/fix/FixDialog';
import { CauseCard, RuledOut } from '../components/verdict/CauseCard';
import { TrySignIn } from '../components/verdict/TrySignIn';
import { whenOf } from '../components/verdict/when';
import { useNavigate, useSharedError } from '../error-context';

type Choice = 'paste' | 'loop' | 'machine';
interface DomainProgress {
  started: number;
  finished: number;
}

const DOMAIN_LABEL: Record<string, string> = { teams: 'Teams', cac: 'CAC card', clock: 'Clock', network: 'Network', device: 'This device', report: 'Report' };

/** One line, the most important thing first: what failed, when, and what the code means. */
export function errorHeadline(error: DiagnosisError): string {
  // After a repair newer than the error, the repair is said on its own line (repairNote).
  const what = error.source.beforeRepair ? (error.meaning ?? error.verdict) : error.verdict;
  if (error.source.kind === 'teams-log') {
    const at = whenOf(error.source.time ?? error.timestamp);
    return `Teams could not sign you in${at ? ` ${at}` : ''} — ${what}`;
  }
  return `The error you pasted — ${what}`;
}

/** After a repair newer than the error: when, which repair, and that the error no longer counts as current. */
export function repairNote(error: DiagnosisError, fixTitle: (id: string) => string): string | undefined {
  const repair = error.source.beforeRepair;
  if (!repair) return undefined;
  const at = whenOf(repair.at);
  return `That was before your repair${at ? ` ${at}` : ''} (${fixTitle(repair.fixId)}), so it no longer counts as current. No sign-in failure since: the causes below come from the checks alone.`;
}

/** A sign-in loop's causes first: the loop itself, then what the Teams checks found. */
function loopFirst(causes: Cause[]): Cause[] {
  const score = (c: Cause) => (/loop|sign-in/.test(c.id) ? 0 : c.because.some((b) => b.findingId.startsWith('teams.')) ? 1 : 2);
  return [...causes].sort((a, b) => score(a) - score(b));
}

export const VerdictScreen: FC = () => {
  const shared = useSharedError();
  const navigate = useNavigate();
  const [result, setResult] = useState<Diagnosis>();
  const [running, setRunning] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number; domains: Record<string, DomainProgress> }>({ done: 0, total: 0, domains: {} });
  const [failure, setFailure] = useState('');
  const [choice, setChoice] = useState<Choice>();
  const [paste, setPaste] = useState(shared.text);
  const [fixTitles, setFixTitles] = useState<Record<string, string>>({});
  const [fixing, setFixing] = useState<string>();
  const [fixed, setFixed] = useState<RunRecord>();
  const runNo = useRef(0);
  const { setFound, setText } = shared;

  // Runs the checks; sets state only once they answer (so the first run can start from an effect).
  const execute = useCallback(
    (errorTextInput?: string) => {
      const no = ++runNo.current;
      return api.call('diagnose.run', errorTextInput?.trim() ? { errorText: errorTextInput } : {}).then(
        (d) => {
          if (no !== runNo.current) return;
          setResult(d);
          if (d.error) setFound(d.error);
          setRunning(false);
        },
        (e: unknown) => {
          if (no !== runNo.current) return;
          setFailure(errorText(e));
          setRunning(false);
        },
      );
    },
    [setFound],
  );
  const run = (errorTextInput?: string) => {
    setRunning(true);
    setFailure('');
    setProgress({ done: 0, total: 0, domains: {} });
    void execute(errorTextInput);
  };

  useEffect(() => {
    const off = api.on('diagnose-progress', (p) => {
      const domain = p.checkId.split('.')[0] ?? p.checkId;
      setProgress((prev) => {
        const cur = prev.domains[domain] ?? { started: 0, finished: 0 };
        const next = p.state === 'started' ? { ...cur, started: cur.started + 1 } : { ...cur, finished: cur.finished + 1 };
        return { done: p.done, total: p.total, domains: { ...prev.domains, [domain]: next } };
      });
    });
    // A pasted error (here or on another screen) is the one explained; a found one is looked for again.
    void execute(shared.found?.source.kind === 'teams-log' ? undefined : shared.text);
    api.call('fix.list', {}).then(
      (list) => setFixTitles(Object.fromEntries(list.map((f) => [f.id, f.title]))),
      () => undefined,
    );
    const counter = runNo;
    return () => {
      off();
      counter.current++;
    };
    // Once per visit: the screen runs the checks when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const findCause = () => {
    setText(paste);
    setChoice(undefined);
    run(paste);
  };
  const failedAgain = (outcome: SigninOutcome) => {
    setFixed(undefined);
    setChoice(undefined);
    // The new failure is the newest in the Teams logs: the verdict reads it from there.
    run(shared.found?.source.kind === 'pasted' ? [outcome.display ?? outcome.code, outcome.correlationId ? `Correlation Id: ${outcome.correlationId}` : ''].join('\n') : undefined);
  };

  const checkAgain = () => {
    setFixed(undefined);
    // The same error again: a found one is read from the logs (now marked as before the repair), a pasted one explained again.
    run(shared.found?.source.kind === 'pasted' ? shared.text : undefined);
  };

  const error = result?.error;
  const all = result?.causes ?? [];
  const ranked = all.filter((c) => c.strength !== 'ruled-out');
  const ruledOut = all.filter((c) => c.strength === 'ruled-out');
  const shown = choice === 'loop' ? loopFirst(ranked) : ranked;
  const domains = Object.entries(progress.domains);

  return (
    <section aria-labelledby="verdict-title">
      <h1 id="verdict-title">Why can't I sign in?</h1>
      <div className="actions">
        <button type="button" onClick={() => navigate('report')}>
          Still blocked? Send this to IT
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="verdict-status">
        {running && (
          <>
            <p>
              Checking this computer…{progress.total > 0 ? ` ${progress.done} of ${progress.total} checks done.` : ''}
            </p>
            {domains.length > 0 && (
              <ul className="notes" data-testid="verdict-progress">
                {domains.map(([d, p]) => (
                  <li key={d}>
                    {DOMAIN_LABEL[d] ?? d}: {p.finished >= p.started ? 'done' : 'checking…'}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <ErrorAlert error={failure} />
      {result && !running && (
        <div data-testid="verdict">
          {error ? (
            <>
              <h2 className="headline" data-testid="verdict-error">
                {errorHeadline(error)}
              </h2>
              {error.source.beforeRepair && (
                <p className="lead" data-testid="verdict-before-repair">
                  {repairNote(error, (id) => fixTitles[id] ?? id)}
                </p>
              )}
              {error.correlationId && (
                <p className="notes">
                  Correlation ID <code>{error.correlationId}</code>
                </p>
              )}
            </>
          ) : (
            !choice && (
              <section aria-labelledby="what-title" data-testid="verdict-choices">
                <h2 id="what-title">What is happening?</h2>
                <p className="lead">No sign-in error was found in the Teams logs of the last 7 days. Tell us what you see.</p>
                <div className="actions">
                  <button type="button" onClick={() => setChoice('paste')}>
                    I see an error
                  </button>
                  <button type="button" onClick={() => setChoice('loop')}>
                    Teams keeps asking me to sign in
                  </button>
                  <button type="button" onClick={() => navigate('cac')}>
                    My CAC card is not working
                  </button>
                  <button type="button" onClick={() => setChoice('machine')}>
                    Just check this computer
                  </button>
                </div>
              </section>
            )
          )}
          {!error && choice === 'paste' && (
            <section aria-labelledby="paste-title">
              <h2 id="paste-title">Paste the error</h2>
              <label htmlFor="verdict-paste" className="label">
                The error you see
              </label>
              <textarea id="verdict-paste" value={paste} onChange={(e) => setPaste(e.target.value)} rows={6} spellCheck={false} placeholder="For example: AADSTS53003: Access has been blocked by Conditional Access policies…" />
              <div className="actions">
                <button type="button" className="primary" onClick={findCause} disabled={paste.trim() === ''}>
                  Find the cause
                </button>
                <button type="button" onClick={() => setChoice(undefined)}>
                  Back
                </button>
              </div>
            </section>
          )}
          {!error && choice === 'loop' && <p className="lead">Teams keeps asking you to sign in: the causes of a sign-in loop come first.</p>}
          {(error || choice === 'loop' || choice === 'machine') && (
            <section aria-labelledby="causes-title" data-testid="verdict-causes">
              <h2 id="causes-title">{error ? 'Why, and what to do' : 'What the checks found'}</h2>
              {shown.length === 0 && <p>{error ? 'No cause could be tied to this error here. IT can look it up by its Correlation ID.' : 'No fault was measured on this computer.'}</p>}
              {shown.map((c) => (
                <CauseCard key={c.id} cause={c} fixTitle={(id) => fixTitles[id] ?? id} onFix={setFixing} />
              ))}
              <RuledOut causes={ruledOut} fixTitle={(id) => fixTitles[id] ?? id} />
              {!error && (
                <div className="actions">
                  <button type="button" onClick={() => setChoice(undefined)}>
                    Back
                  </button>
                </div>
              )}
            </section>
          )}
          {fixed && <TrySignIn onFailedAgain={failedAgain} onAskIt={() => navigate('report')} onCheckAgain={checkAgain} />}
        </div>
      )}
      {fixing && (
        <FixDialog
          fixId={fixing}
          onClose={() => setFixing(undefined)}
          onDone={(record) => {
            if (record.status === 'verified') setFixed(record);
          }}
          onUndone={() => setFixed(undefined)}
        />
      )}
    </section>
  );
};
