// The Network card on the Checks screen: the cloud to test, the proxy each endpoint goes through
// (and which setting decided it), a DNS / TCP / TLS / HTTP table per endpoint with times, TLS
// inspection in plain words, the VPN explanation, Teams media (UDP) as information, "Test again"
// (network.probe) and the fix buttons (the shared FixDialog through onFix).
import { useState, type FC } from 'react';
import { firstWith } from '../../shared/contract/findings';
import { isFixId } from '../../shared/contract/fixes';
import {
  CLOUDS,
  type Cloud,
  type EndpointResult,
  type NetworkReport,
  type Stage,
} from '../../shared/contract/network';
import type { Finding } from '../../shared/model';
import { api, errorText } from '../api';
import type { DomainCardProps } from '../domains/types';
import { ErrorAlert } from './ErrorAlert';

const CLOUD_LABEL: Record<Cloud, string> = { worldwide: 'Worldwide / GCC', gcch: 'GCC High', dod: 'DoD' };
const FIX_LABEL: Record<string, string> = {
  'network.proxy-disable': 'Turn off the per-user proxy',
  'network.proxy-bypass-add': 'Let the sign-in hosts bypass the proxy',
  'network.dns-flush': 'Flush the DNS cache',
};
const FAILURE_TEXT: Record<string, string> = {
  'dns-not-found': 'name not found',
  'dns-no-answer': 'no DNS answer',
  'no-route': 'no route',
  refused: 'refused',
  'timed-out': 'timed out',
  reset: 'connection cut',
  'proxy-auth-required': 'proxy authentication required',
  'proxy-refused': 'proxy refused',
  'tls-intercepted': 'TLS intercepted',
  'tls-untrusted': 'untrusted certificate',
  'tls-name-mismatch': 'certificate name mismatch',
  'tls-failed': 'TLS failed',
  'http-status': 'unexpected HTTP status',
  'http-invalid-json': 'not the expected JSON',
  failed: 'failed',
};

const ms = (v: number | undefined) => (v === undefined ? '' : ` ${Math.round(v)} ms`);

function stageText(s: Stage | undefined, ok: string): string {
  if (!s) return '–';
  if (s.skipped) return `skipped (${s.skipped})`;
  if (s.ok) return `${ok}${ms(s.ms)}`;
  return `✗ ${s.failure ? (FAILURE_TEXT[s.failure] ?? s.failure) : 'failed'}${ms(s.ms)}`;
}

/** The issuer's common name (or the whole issuer) for plain sentences. */
function issuerName(issuer: string): string {
  return issuer.split(',')[0]?.trim() || issuer;
}

function tlsText(r: EndpointResult): string {
  const t = r.tls;
  if (t.skipped || !t.ok && !t.chain.length) return stageText(t, '');
  const issuer = t.chain[0] ? issuerName(t.chain[0].issuer) : 'unknown issuer';
  if (t.intercepted) return `⚠ intercepted: issued by ${issuer}${ms(t.ms)}`;
  if (t.publicTrust) return `✓ ${t.protocol ?? 'TLS'}, issued by ${issuer}${ms(t.ms)}`;
  return `✗ ${t.failure ? FAILURE_TEXT[t.failure] : 'not trusted'}, issued by ${issuer}${ms(t.ms)}`;
}

function httpText(r: EndpointResult): string {
  const h = r.http;
  if (!h) return 'not probed';
  if (h.skipped) return `skipped (${h.skipped})`;
  const what = h.status !== undefined ? `HTTP ${h.status}${h.jsonValid ? ', JSON ok' : h.jsonValid === false ? ', not JSON' : ''}` : '';
  return `${h.ok ? '✓' : '✗'} ${what || (h.failure ? FAILURE_TEXT[h.failure] : 'failed')}${ms(h.ms)}`;
}

function routeText(r: EndpointResult): string {
  return r.route.proxy ? `proxy ${r.route.proxy}` : 'direct';
}

type View = Pick<NetworkReport, 'endpoints' | 'udp' | 'vpn'> & { cloud?: Cloud; cloudLabel: string; durationMs?: number; proxy: Omit<NetworkReport['proxy'], 'primary'> };

/** What the checks already measured (their evidence), so the card needs no second probe. */
function fromFindings(findings: Finding[]): View {
  const reach = firstWith(findings, 'network.reachability')?.evidence;
  const proxy = firstWith(findings, 'network.proxy')?.evidence;
  const vpn = firstWith(findings, 'network.vpn')?.evidence;
  const udp = firstWith(findings, 'network.udp-media')?.evidence;
  const interfaces = vpn?.interfaces ?? [];
  const cloud = reach?.cloud;
  return {
    ...(cloud ? { cloud } : {}),
    cloudLabel: cloud ? CLOUD_LABEL[cloud] : 'the configured cloud',
    ...(reach ? { durationMs: reach.durationMs } : {}),
    endpoints: reach?.endpoints ?? [],
    proxy: { sources: proxy?.sources ?? [], decisions: proxy?.decisions ?? [], mismatch: findings.some((f) => f.id === 'network.proxy-mismatch') },
    vpn: { detected: interfaces.length > 0, interfaces, ...(vpn?.error ? { error: vpn.error } : {}) },
    udp: udp?.udp ?? [],
  };
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
  const view: View = report ?? fromFindings(findings);
  const selected = cloud ?? view.cloud;
  const fixes = [...new Set(shown.flatMap((f) => f.fixes))].filter(isFixId);
  const intercepted = view.endpoints.filter((e) => e.tls.intercepted);
  const inspectors = [...new Set(intercepted.map((e) => issuerName(e.tls.chain[0]?.issuer ?? 'an unknown issuer')))];
  const mismatch = view.proxy.mismatch;

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
            {view.endpoints.every((e) => e.ok)
              ? `All ${view.endpoints.length} endpoints of ${view.cloudLabel} answered${view.durationMs !== undefined ? ` (in ${Math.round(view.durationMs)} ms)` : ''}.`
              : `${view.endpoints.filter((e) => !e.ok).length} of ${view.endpoints.length} endpoints of ${view.cloudLabel} failed.`}
          </p>
          {inspectors.length > 0 && (
            <div className="banner error" role="alert" data-testid="network-inspection">
              <strong>Your traffic is being inspected by {inspectors.join(', ')}.</strong> The certificate presented for{' '}
              {[...new Set(intercepted.map((e) => e.name))].join(', ')} was not issued by a public authority but by {inspectors.join(', ')}, trusted only because its root was added to this
              computer. Inspecting the sign-in and device endpoints breaks device sign-in and smart card (CAC) sign-in: ask IT to exempt these hosts from TLS inspection.
            </div>
          )}
          {mismatch && (
            <div className="banner" role="note" data-testid="network-mismatch">
              Browsers (WinINET) and system services (WinHTTP) use different proxies here. Sign-in can work in the browser and still fail in Teams or device registration.
            </div>
          )}
          <table className="history" aria-label="Endpoints tested">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Route (decided by)</th>
                <th scope="col">DNS</th>
                <th scope="col">TCP</th>
                <th scope="col">TLS</th>
                <th scope="col">HTTP</th>
              </tr>
            </thead>
            <tbody>
              {view.endpoints.map((r) => (
                <tr key={r.name} data-endpoint={r.name} className={r.ok ? undefined : 'error'}>
                  <th scope="row">
                    {r.name}
                    {r.critical ? ' (device / sign-in critical)' : ''}
                  </th>
                  <td>
                    {routeText(r)} ({r.route.source})
                    {r.connect ? ` · CONNECT ${stageText(r.connect, '✓')}` : ''}
                  </td>
                  <td>{stageText(r.dns, r.dns.addresses.length ? `✓ ${r.dns.addresses[0]}` : '✓')}</td>
                  <td>{stageText(r.tcp, '✓')}</td>
                  <td>{tlsText(r)}</td>
                  <td>{httpText(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.proxy.decisions.some((d) => d.chromium !== undefined || d.winhttp !== undefined) && (
            <table className="history" aria-label="Proxy decisions compared">
              <thead>
                <tr>
                  <th scope="col">URL</th>
                  <th scope="col">Our decision</th>
                  <th scope="col">WinHTTP</th>
                  <th scope="col">Chromium</th>
                </tr>
              </thead>
              <tbody>
                {view.proxy.decisions.map((d) => (
                  <tr key={d.url}>
                    <td>{d.host}</td>
                    <td>{d.ours}</td>
                    <td>{d.winhttp ?? '–'}</td>
                    <td>{d.chromium ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <dl className="fields">
            <div>
              <dt>Proxy settings found</dt>
              <dd data-testid="network-proxy-sources">
                {view.proxy.sources.map((s) => `${s.label}: ${s.mode}${s.httpsProxy ? ` ${s.httpsProxy}` : ''}${s.pacUrl ? ` ${s.pacUrl}` : ''}`).join('; ') || 'none'}
              </dd>
            </div>
            <div>
              <dt>VPN</dt>
              <dd data-testid="network-vpn">
                {view.vpn.detected
                  ? `Connected through ${view.vpn.interfaces.map((i) => `${i.name} (${i.label})`).join(', ')}. A VPN can change the network location Conditional Access sees: a policy that allows only your office network (or blocks a country) judges the VPN's exit address, not yours.`
                  : view.vpn.error
                    ? `Could not be checked: ${view.vpn.error}`
                    : 'No VPN adapter found. (A VPN would change the network location Conditional Access sees.)'}
              </dd>
            </div>
            <div>
              <dt>Teams media (UDP 3478–3481, information only)</dt>
              <dd>
                {view.udp.length
                  ? view.udp.map((u) => `${u.port}: ${u.ok ? 'answered' : u.message}`).join('; ')
                  : 'not tested for this cloud or configuration'}
              </dd>
            </div>
          </dl>
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
