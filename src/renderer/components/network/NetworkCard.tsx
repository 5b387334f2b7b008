// The Network card on the Checks screen: the cloud to test, the proxy each endpoint goes through
// (and which setting decided it), a DNS / TCP / TLS / HTTP table per endpoint with times, TLS
// inspection in plain words, the VPN explanation, Teams media (UDP) as information, "Test again"
// (network.probe) and the fix buttons (the shared FixDialog through onFix).
import { useState, type FC } from 'react';
import { isFixId } from '../../../shared/contract/fixes';
import { CLOUDS, type Cloud, type NetworkReport } from '../../../shared/contract/network';
import { api, errorText } from '../../api';
import type { DomainCardProps } from '../../domains/types';
import { ErrorAlert } from '../ErrorAlert';
import { EndpointTable } from './EndpointTable';
import { InspectionBanner } from './InspectionBanner';
import { NetworkFacts } from './NetworkFacts';
import { CLOUD_LABEL, FIX_LABEL } from './network-text';
import { viewFromFindings, type NetworkView } from './network-view';
import { ProxyDecisionTable } from './ProxyDecisionTable';

function verdictText(view: NetworkView): string {
  const failed = view.endpoints.filter((e) => !e.ok).length;
  if (failed === 0) return `All ${view.endpoints.length} endpoints of ${view.cloudLabel} answered${view.durationMs !== undefined ? ` (in ${Math.round(view.durationMs)} ms)` : ''}.`;
  return `${failed} of ${view.endpoints.length} endpoints of ${view.cloudLabel} failed.`;
}

export const NetworkCard: FC<DomainCardProps> = ({ findings, onFix }) => {
  const [cloud, setCloud] = useState<Cloud>();
  const [report, setReport] = useState<NetworkReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const test = async (chosen?: Cloud) => {
    setBusy(true);
    setError('');
    try {
      const r = await api.call('network.probe', chosen ? { cloud: chosen } : {});
      setReport(r);
      setCloud(r.cloud);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!findings.length && !report) return null;
  const shown = report?.findings ?? findings;
  const view: NetworkView = report ?? viewFromFindings(findings);
  const selected = cloud ?? view.cloud;
  const fixes = [...new Set(shown.flatMap((f) => f.fixes))].filter(isFixId);

  return (
    <div className="card" data-testid="network-card" aria-busy={busy}>
      <h3>Can this computer reach the sign-in endpoints?</h3>
      <div className="fields">
        <label htmlFor="network-cloud">Microsoft cloud</label>
        <select id="network-cloud" value={selected ?? ''} onChange={(e) => void test(e.target.value as Cloud)} disabled={busy}>
          {!selected && <option value="">(from settings)</option>}
          {CLOUDS.map((c) => (
            <option key={c} value={c}>
              {CLOUD_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      {busy && <p role="status">Testing the network…</p>}
      {view.endpoints.length > 0 && (
        <>
          <p className="verdict" role="status" data-testid="network-verdict">
            {verdictText(view)}
          </p>
          <InspectionBanner endpoints={view.endpoints} />
          {view.proxy.mismatch && (
            <div className="banner" role="note" data-testid="network-mismatch">
              Browsers (WinINET) and system services (WinHTTP) use different proxies here. Sign-in can work in the browser and still fail in Teams or device registration.
            </div>
          )}
          <EndpointTable endpoints={view.endpoints} />
          <ProxyDecisionTable decisions={view.proxy.decisions} />
          <NetworkFacts view={view} />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={() => void test(selected)} disabled={busy}>
          {busy ? 'Testing…' : 'Test again'}
        </button>
        {fixes.map((id) => (
          <button key={id} type="button" className="primary" onClick={() => (id === 'network.proxy-bypass-add' && selected ? onFix(id, { cloud: selected }) : onFix(id))}>
            {FIX_LABEL[id] ?? id}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
};
