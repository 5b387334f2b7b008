// "Run checks": every domain's checks at once, with progress, grouped by domain; each domain may
// add its own card above its findings.
import { Suspense, useEffect, useState, type FC } from 'react';
import { worstSeverity, type Finding } from '../../shared/model';
import { api, errorText } from '../api';
import { FindingList } from '../components/FindingList';
import { FixDialog } from '../components/fix/FixDialog';
import type { WireFixOptions } from '../../shared/contract/fixes';
import { DOMAIN_UIS } from '../domains';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';

export const ChecksScreen: FC = () => {
  const [findings, setFindings] = useState<Finding[]>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const [fix, setFix] = useState<{ fixId: string; options?: WireFixOptions }>();
  const [fixTitles, setFixTitles] = useState<Record<string, string>>({});

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
      setFindings((await api.call('diagnose.run', {})).findings);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const openFix = (fixId: string, options?: WireFixOptions) => setFix({ fixId, ...(options ? { options } : {}) });
  return (
    <section aria-labelledby="checks-title">
      <h1 id="checks-title">Check this computer</h1>
      <p className="lead">Looks at what a sign-in policy may test (device, network, clock, smart card) and at the local problems that are worth repairing. Nothing is changed without asking.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={run} disabled={running}>
          {running ? 'Checking…' : findings ? 'Run checks again' : 'Run checks'}
        </button>
      </div>
      {running && progress && <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Checks progress" />}
      <ErrorAlert error={error} />
      {findings && findings.length === 0 && <p data-testid="no-findings">No checks reported anything.</p>}
      {findings &&
        DOMAIN_UIS.map((ui) => {
          const mine = findings.filter((f) => f.domain === ui.domain);
          if (!mine.length && !ui.Card) return null;
          const Card = ui.Card;
          return (
            <section key={ui.domain} className={`domain sev-${worstSeverity(mine)}`} aria-labelledby={`domain-${ui.domain}`} data-domain={ui.domain}>
              <h2 id={`domain-${ui.domain}`}>{ui.label}</h2>
              {Card && (
                <Suspense fallback={<Loading />}>
                  <Card findings={mine} onFix={openFix} />
                </Suspense>
              )}
              <FindingList findings={mine} onFix={(id) => openFix(id)} fixTitles={fixTitles} />
            </section>
          );
        })}
      {fix && <FixDialog fixId={fix.fixId} {...(fix.options ? { options: fix.options } : {})} onClose={() => setFix(undefined)} />}
    </section>
  );
};
