// The CAC panel (the CAC screen, and the CAC card on the Checks screen): smart-card service state
// with advice, readers and cards updated live from main's `cac-event` pushes, the card read (ATR,
// PIV or legacy CAC, CHUID, the four certificates), findings with fixes through the shared
// FixDialog, and the guided "reinsert your card" flow whose every step is confirmed by a real
// reader event. Without a PC/SC binding (service unavailable, finding cac.binding-missing) it
// offers the binding's install advice, never a service restart.
import { useCallback, useEffect, useState, type FC } from 'react';
import type { CacEvent, CacStatus, ReadOutcome, ReinsertEvent } from '../../../shared/contract/cac';
import { firstWith } from '../../../shared/contract/findings';
import { isFixId, type WireFixOptions } from '../../../shared/contract/fixes';
import type { Finding } from '../../../shared/model';
import { api, errorText } from '../../api';
import type { DomainCardProps, OpenFix } from '../../domains/types';
import { ErrorAlert } from '../ErrorAlert';
import { FixDialog } from '../fix/FixDialog';
import { BundlePathForm } from './BundlePathForm';
import { CardReadView } from './CardReadView';
import { ReaderEventLog } from './ReaderEventLog';
import { ReinsertFlowBanner } from './ReinsertFlowBanner';
import { ServiceStatus, type BindingMissing } from './ServiceStatus';

const REINSERT_TIMEOUT_MS = 60_000;
const GUIDANCE_URL = 'https://public.cyber.mil/pki-pke/end-users/getting-started/';
const BINDING_MISSING_CODE = 'binding-missing';

/** The binding's advice when PC/SC support is missing here (status or finding), else undefined. */
function bindingMissingOf(status: CacStatus | undefined, findings: readonly Finding[]): BindingMissing | undefined {
  const evidence = firstWith(findings, 'cac.binding-missing')?.evidence;
  const fromStatus = status?.service === 'unavailable' || status?.failure?.code === BINDING_MISSING_CODE;
  if (!fromStatus && !evidence) return undefined;
  return { advice: status?.failure?.advice ?? evidence?.advice ?? [] };
}

export const CacPanel: FC<{ findings?: Finding[]; onFix?: DomainCardProps['onFix'] }> = ({ findings = [], onFix }) => {
  const [status, setStatus] = useState<CacStatus>();
  const [events, setEvents] = useState<CacEvent[]>([]);
  const [read, setRead] = useState<ReadOutcome>();
  const [reading, setReading] = useState(false);
  const [flow, setFlow] = useState<ReinsertEvent>();
  const [flowActive, setFlowActive] = useState(false);
  const [error, setError] = useState('');
  const [fixTitles, setFixTitles] = useState<Record<string, string>>({});
  const [fix, setFix] = useState<{ fixId: string; options?: WireFixOptions }>();
  const [askPath, setAskPath] = useState(false);

  const refresh = useCallback(() => {
    api.call('cac.status', {}).then(setStatus, (e) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    refresh();
    api.call('fix.list', {}).then((list) => setFixTitles(Object.fromEntries(list.map((f) => [f.id, f.title]))), () => undefined);
    const offEvent = api.on('cac-event', (e) => {
      setEvents((prev) => [e, ...prev].slice(0, 20));
      refresh();
    });
    const offFlow = api.on('cac-reinsert', (e) => {
      setFlow(e);
      if (e.result) setRead(e.result);
      if (e.step === 'done' || e.step === 'failed' || e.step === 'cancelled') setFlowActive(false);
    });
    return () => {
      offEvent();
      offFlow();
    };
  }, [refresh]);

  const openFix: OpenFix = (fixId, options) => {
    if (onFix) onFix(fixId, options);
    else setFix({ fixId, ...(options ? { options: options as WireFixOptions } : {}) });
  };
  /** A fix a finding names (an id known only at run time). */
  const openFindingFix = (id: string) => {
    if (isFixId(id)) openFix(id);
  };

  const readCard = async (reader?: string) => {
    setError('');
    setReading(true);
    try {
      setRead(await api.call('cac.read-card', reader ? { reader } : {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(false);
    }
  };

  const startFlow = async () => {
    setError('');
    setFlow(undefined);
    try {
      const r = await api.call('cac.reinsert-start', { timeoutMs: REINSERT_TIMEOUT_MS });
      if (!r.started) setError(r.message);
      else setFlowActive(true);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const chooseBundle = async () => {
    setError('');
    try {
      const r = await api.call('cac.choose-bundle', {});
      if (r.path) openFix('cac.import-dod-roots', { bundle: r.path });
      else setAskPath(true); // no file dialog here (remote session, test harness): type the path
    } catch (e) {
      setError(errorText(e));
    }
  };

  const openGuidance = () => api.call('shell.open-external', { url: GUIDANCE_URL }).catch((e: unknown) => setError(errorText(e)));

  const service = findings.find((f) => f.id === 'cac.service');
  const running = status?.service === 'running';
  const withCard = status?.readers.find((r) => r.cardPresent);
  const bindingMissing = bindingMissingOf(status, findings);
  const canRestart = !bindingMissing && (!!status?.failure || !!service?.fixes.includes('cac.restart-service'));

  return (
    <div className="card" data-testid="cac-card">
      <h3>Smart card (CAC)</h3>
      <ServiceStatus status={status} bindingMissing={bindingMissing} />

      <div className="actions">
        <button type="button" className="primary" disabled={!withCard || reading || flowActive} onClick={() => void readCard(withCard?.name)}>
          {reading ? 'Reading…' : 'Read card'}
        </button>
        {!flowActive ? (
          <button type="button" disabled={!running || !status?.readers.length} onClick={() => void startFlow()}>
            Reinsert card (guided)
          </button>
        ) : (
          <button type="button" onClick={() => void api.call('cac.reinsert-cancel', {}).catch(() => undefined)}>
            Cancel reinsert
          </button>
        )}
        {canRestart && (
          <button type="button" onClick={() => openFix('cac.restart-service')}>
            Restart the smart-card service…
          </button>
        )}
        <button type="button" onClick={() => void chooseBundle()}>
          Import DoD roots from a file…
        </button>
        <button type="button" onClick={() => void openGuidance()}>
          DoD certificate installation guidance
        </button>
      </div>
      {askPath && <BundlePathForm onPreview={(bundle) => openFix('cac.import-dod-roots', { bundle })} />}
      <ErrorAlert error={error} />

      {flow && <ReinsertFlowBanner flow={flow} />}
      <ReaderEventLog events={events} />

      {read && <CardReadView outcome={read} onFix={openFindingFix} fixTitles={fixTitles} />}
      {fix && <FixDialog fixId={fix.fixId} {...(fix.options ? { options: fix.options } : {})} onClose={() => setFix(undefined)} onDone={() => refresh()} />}
    </div>
  );
};
