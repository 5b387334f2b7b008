// "Run checks": every domain's checks at once, with progress. The result starts with a summary
// (problems first, the passing checks one line per domain); each domain's card and findings sit
// behind a disclosure, open when the domain has a problem. "Details for the help desk" (kept in
// memory only) opens every domain and shows each finding's id and evidence.
import { Suspense, useEffect, useState, type FC } from 'react';
import { worstSeverity, type Finding } from '../../shared/model';
import type { Cause } from '../../shared/contract/diagnosis';
import { api, errorText } from '../api';
import { FindingList } from '../components/FindingList';
import { FixDialog } from '../components/fix/FixDialog';
import type { WireFixOptions } from '../../shared/contract/fixes';
import { DOMAIN_UIS } from '../domains';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { ChecksSummary } from '../components/checks/ChecksSummary';
import { hasProblem } from '../components/checks/summary-order';
import { ErrorInContext } from '../components/verdict/ErrorInContext';
import { useSharedError } from '../error-context';

/** The help desk switch outlives the screen (remembered in memory for this window, never stored). */
let helpDeskRemembered = false;

export const ChecksScreen: FC = () => {
  const shared = useSharedError();
  const [findings, setFindings] = useState<Finding[]>();
  const [causes, setCauses] = useState<Cause[]>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const [fix, setFix] = useState<{ fixId: string; options?: WireFixOptions }>();
  const [fixTitles, setFixTitles] = useState<Record<string, string>>({});
  const [helpDesk, setHelpDeskState] = useState(helpDeskRemembered);
  const setHelpDesk = (on: boolean) => {
    helpDeskRemembered = on;
    setHelpDeskState(on);
  };

  useEffect(() => {
    // The cards' chunks load while the user reads the screen or the checks run.
    for (const ui of DOMAIN_UIS) ui.preloadCard?.();
    api.call('fix.list', {}).then((list) => setFixTitles(Object.fromEntries(list.map((f) => [f.id, f.title]))), () => undefined);
    return api.on('diagnose-progress', (p) => setProgress({ done: p.done, total: p.total }));
  }, []);

  const run = async () => {
    setRunning(true);
    setError('');
    setProgress(undefined);
    try {
      // The error the app is looking into orders the summary: a pasted one is explained again (never stored); a found one is read from the logs again.
      const pasted = shared.found?.source.kind !== 'teams-log' && shared.text.trim() ? shared.text : undefined;
      const result = await api.call('diagnose.run', pasted ? { errorText: pasted } : {});
      setFindings(result.findings);
      setCauses(result.causes);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const openFix = (fixId: string, options?: WireFixOptions) => setFix({ fixId, ...(options ? { options } : {}) });
  const shown = DOMAIN_UIS.filter((ui) => ui.Card || findings?.some((f) => f.domain === ui.domain));
  return (
    <section aria-labelledby="checks-title" className={helpDesk ? 'checks help-desk' : 'checks'}>
      <h1 id="checks-title">Check this computer</h1>
      <p className="lead">Looks at what a sign-in policy may test (device, network, clock, smart card) and at the local problems that are worth repairing. Nothing is changed without asking.</p>
      <ErrorInContext screen="checks" />
      <div className="actions">
        <button type="button" className="primary" onClick={run} disabled={running}>
          {running ? 'Checking…' : findings ? 'Run checks again' : 'Run checks'}
        </button>
        <label className="switch">
          <input type="checkbox" checked={helpDesk} onChange={(e) => setHelpDesk(e.target.checked)} data-testid="help-desk-switch" /> Details for the help desk
        </label>
      </div>
      {running && progress && <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Checks progress" />}
      <ErrorAlert error={error} />
      {findings && findings.length === 0 && <p data-testid="no-findings">No checks reported anything.</p>}
      {findings && findings.length > 0 && <ChecksSummary findings={findings} causes={causes} domains={shown} helpDesk={helpDesk} />}
      {findings &&
        shown.map((ui) => {
          const mine = findings.filter((f) => f.domain === ui.domain);
          const Card = ui.Card;
          const problem = hasProblem(mine);
          return (
            <section key={ui.domain} className={`domain sev-${worstSeverity(mine)}`} aria-labelledby={`domain-${ui.domain}`} data-domain={ui.domain}>
              <details open={helpDesk || problem} data-testid={`domain-details-${ui.domain}`}>
                <summary>
                  <h2 id={`domain-${ui.domain}`}>{ui.label}</h2>
                  <span className="domain-count">{domainLine(mine)}</span>
                </summary>
                {Card && (
                  <Suspense fallback={<Loading />}>
                    <Card findings={mine} onFix={openFix} />
                  </Suspense>
                )}
                <FindingList findings={mine} onFix={(id) => openFix(id)} fixTitles={fixTitles} helpDesk={helpDesk} />
              </details>
            </section>
          );
        })}
      {fix && <FixDialog fixId={fix.fixId} {...(fix.options ? { options: fix.options } : {})} onClose={() => setFix(undefined)} />}
    </section>
  );
};

function domainLine(findings: Finding[]): string {
  const problems = findings.filter((f) => f.severity === 'fail' || f.severity === 'warn').length;
  const passed = findings.length - problems;
  const parts = [problems ? (problems === 1 ? '1 problem' : `${problems} problems`) : '', passed ? (passed === 1 ? '1 check passed' : `${passed} checks passed`) : ''].filter(Boolean);
  return parts.join(', ');
}
