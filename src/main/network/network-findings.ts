// Findings of the network domain, built from measurements (pure: tests feed them results).
import { networkFinding, type EndpointResult, type FailureKind, type NetworkProblemFindingId, type NetworkReport, type ProxyDecision } from '../../shared/contract/network';
import type { Finding, Severity } from '../../shared/model';
import type { ProxySources } from './proxy-sources';
import { VPN_EXPLANATION } from './vpn-detect';

export const IT_WARNING = 'On a managed (work or school) network, coordinate with IT first: the proxy may be required, and IT policy may set it back at the next sign-in or policy refresh.';

/** A network finding: its evidence must fit the schema of its id (contract/network.ts). */
const finding = networkFinding;

const SIGN_IN_ROLES = new Set(['sign-in', 'device', 'cac']);

export function proxyFindings(sources: ProxySources, decisions: ProxyDecision[], mismatch: boolean, platform: string): Finding[] {
  const out: Finding[] = [];
  const p = sources.primary.source;
  const proxied = decisions.filter((d) => d.ours !== 'DIRECT' && !/^direct$/i.test(d.ours));
  const userProxy = (p.source === 'wininet' || p.source === 'gnome') && (p.mode === 'manual' || p.mode === 'pac');
  const lines = sources.rules.map((r) => {
    const s = r.source;
    const what =
      s.mode === 'manual'
        ? `proxy ${s.httpsProxy ?? s.httpProxy ?? '?'}${s.bypass.length ? `, bypass ${s.bypass.join('; ')}` : ''}`
        : s.mode === 'pac'
          ? `PAC file ${s.pacUrl ?? ''}`
          : s.mode === 'auto-detect'
            ? 'automatic detection (WPAD)'
            : s.mode === 'unavailable'
              ? `not read: ${s.note ?? ''}`
              : 'no proxy';
    return `${s.label}: ${what}`;
  });
  const decisionLines = decisions.map((d) => `${d.host}: ${d.ours}${d.winhttp !== undefined ? ` (WinHTTP: ${d.winhttp})` : ''}${d.chromium ? ` (Chromium: ${d.chromium})` : ''}`);
  out.push(
    finding(
      'network.proxy',
      proxied.length ? 'info' : 'ok',
      proxied.length
        ? `Sign-in traffic goes through a proxy (${p.label})`
        : decisions.some((d) => d.error)
          ? 'The proxy configuration could not be followed; the sign-in endpoints were measured without a proxy'
          : 'No proxy between this computer and the sign-in endpoints',
      [...lines, '', 'Decision per endpoint:', ...decisionLines].join('\n'),
      { primary: p.source, sources: sources.rules.map((r) => r.source), decisions },
      userProxy ? ['network.proxy-bypass-add', 'network.proxy-disable'] : [],
    ),
  );
  const pacErrors = decisions.filter((d) => d.error);
  if (pacErrors.length) {
    // A broken PAC fails the same way for every endpoint: say each reason once, with its hosts.
    const hostsByError = new Map<string, string[]>();
    for (const d of pacErrors) hostsByError.set(d.error!, [...(hostsByError.get(d.error!) ?? []), d.host]);
    const pacUrls = [...new Set(sources.rules.flatMap((r) => (r.source.mode === 'pac' && r.source.pacUrl ? [r.source.pacUrl] : [])))];
    out.push(
      finding(
        'network.proxy-config-error',
        'warn',
        'The proxy configuration could not be followed',
        [
          ...[...hostsByError].map(([error, hosts]) => `${error} (${hosts.join(', ')})`),
          ...pacUrls.map((url) => `PAC file: ${url}`),
          'For these endpoints Sign-in Doctor measured the direct road (no proxy); what browsers and Teams make of this configuration may differ.',
        ].join('\n'),
        { errors: pacErrors.map((d) => ({ host: d.host, error: d.error })) },
        userProxy ? ['network.proxy-disable'] : [],
      ),
    );
  }
  if (platform === 'win32' && mismatch) {
    const differing = decisions.filter((d) => d.winhttp !== undefined && d.winhttp !== d.ours);
    out.push(
      finding(
        'network.proxy-mismatch',
        'warn',
        'Browser proxy (WinINET) and system proxy (WinHTTP) disagree',
        `Edge, Teams and Office use the per-user WinINET proxy; the sign-in broker (WAM) and Windows services use the machine's WinHTTP proxy. They take different roads to the sign-in endpoints, a classic cause of "works in the browser, not in Teams":\n${differing
          .map((d) => `${d.host}: WinINET ${d.ours}, WinHTTP ${d.winhttp}`)
          .join('\n')}\nIT can align them (for example \`netsh winhttp import proxy source=ie\` as administrator, or by policy).`,
        { differing: differing.map((d) => ({ host: d.host, wininet: d.ours, winhttp: d.winhttp })) },
      ),
    );
  }
  return out;
}

export function vpnFindings(vpn: NetworkReport['vpn']): Finding[] {
  if (vpn.error) return [finding('network.vpn', 'info', 'VPN: the network adapters could not be read', vpn.error, { error: vpn.error })];
  if (!vpn.detected) return [finding('network.vpn', 'ok', 'No VPN adapter is active', 'No tunnel interface or known VPN client adapter is up.', { interfaces: [] })];
  return [
    finding(
      'network.vpn',
      'info',
      `A VPN is active (${vpn.interfaces.map((i) => i.label).join(', ')})`,
      `${vpn.interfaces.map((i) => `${i.name}: ${i.reason}${i.addresses.length ? ` (${i.addresses.join(', ')})` : ''}`).join('\n')}\n\n${VPN_EXPLANATION}`,
      { interfaces: vpn.interfaces },
    ),
  ];
}

interface Problem {
  id: NetworkProblemFindingId;
  title: string;
  line: string;
  explanation?: string;
  fixes?: string[];
}

function stageLine(r: EndpointResult): string {
  const stage = r.connect && !r.connect.ok ? r.connect : !r.dns.ok ? r.dns : !r.tcp.ok ? r.tcp : !r.tls.ok ? r.tls : r.http;
  return `${r.name}: ${stage?.message ?? r.failure ?? 'failed'}`;
}

function problemOf(r: EndpointResult, proxied: boolean): Problem | undefined {
  const f: FailureKind | undefined = r.failure;
  if (!f) return undefined;
  const line = stageLine(r);
  if (!r.dns.ok) {
    return {
      id: 'network.dns-failed',
      title: 'Sign-in endpoints do not resolve (DNS)',
      line,
      explanation: 'Without DNS nothing can sign in. If other sites work, a stale DNS cache or a DNS filter may be the cause; flushing the cache is harmless.',
      fixes: ['network.dns-flush'],
    };
  }
  if (f === 'proxy-auth-required') {
    return { id: 'network.proxy-auth-required', title: 'The proxy requires authentication', line, explanation: 'The proxy answered 407. Apps that cannot authenticate to it (the sign-in broker, services) fail; IT can exempt the Microsoft sign-in endpoints from proxy authentication.' };
  }
  if (f === 'proxy-refused') return { id: 'network.proxy-refused', title: 'The proxy refuses the connection to sign-in endpoints', line };
  if (r.tcp.ok === false) {
    return {
      id: 'network.unreachable',
      title: 'Sign-in endpoints cannot be reached',
      line,
      explanation: 'No route means this computer has no way to that network; refused means a firewall or a wrong proxy rejects the connection; timed out means packets are dropped on the way.',
      ...(proxied ? { fixes: ['network.proxy-disable'] } : {}),
    };
  }
  if (f === 'tls-intercepted') {
    return {
      id: 'network.tls-intercepted',
      title: 'TLS to sign-in endpoints is intercepted',
      line,
      explanation:
        'A TLS-inspecting proxy or security product presents its own certificate instead of Microsoft\'s. Intercepting device.login.microsoftonline.com or enterpriseregistration.windows.net breaks device authentication and certificate (CAC) sign-in: the device looks unregistered to Conditional Access (53000/53003) and CAC users get 50192. IT must exempt these hosts from inspection.',
      ...(proxied ? { fixes: ['network.proxy-bypass-add'] } : {}),
    };
  }
  if (f === 'tls-untrusted' || f === 'tls-failed' || f === 'tls-name-mismatch' || (f === 'timed-out' && !r.tls.ok) || (f === 'reset' && !r.tls.ok)) {
    return { id: 'network.tls-failed', title: 'The secure connection to sign-in endpoints fails', line, explanation: 'The TLS handshake failed or presented a certificate that no public root vouches for.' };
  }
  return { id: 'network.http-failed', title: 'The sign-in service does not answer as expected', line };
}

export function reachabilityFindings(report: Pick<NetworkReport, 'cloud' | 'cloudLabel' | 'endpoints' | 'durationMs' | 'probeMsSum' | 'udp'>): Finding[] {
  const { endpoints } = report;
  const out: Finding[] = [];
  const groups = new Map<string, { problem: Problem; results: EndpointResult[] }>();
  for (const r of endpoints) {
    const problem = problemOf(r, !!r.route.proxy);
    if (!problem) continue;
    const g = groups.get(problem.id) ?? { problem, results: [] };
    g.results.push(r);
    if (problem.fixes && !g.problem.fixes) g.problem = { ...g.problem, fixes: problem.fixes };
    groups.set(problem.id, g);
  }
  const failedCount = endpoints.filter((r) => !r.ok).length;
  out.push(
    finding(
      'network.reachability',
      failedCount ? 'info' : 'ok',
      failedCount ? `${failedCount} of ${endpoints.length} ${report.cloudLabel} endpoints failed` : `All ${endpoints.length} ${report.cloudLabel} endpoints are reachable`,
      endpoints
        .map((r) => `${r.ok ? 'OK  ' : 'FAIL'} ${r.name} via ${r.route.decision}${r.ok ? '' : ` — ${stageLine(r).slice(r.name.length + 2)}`}${r.tls.intercepted ? ' [TLS INTERCEPTED]' : ''}`)
        .join('\n'),
      { cloud: report.cloud, endpoints, durationMs: report.durationMs, probeMsSum: report.probeMsSum },
    ),
  );
  for (const { problem, results } of groups.values()) {
    const severity: Severity = results.some((r) => SIGN_IN_ROLES.has(r.role) || r.critical) ? 'fail' : 'warn';
    out.push(
      finding(
        problem.id,
        severity,
        problem.title,
        `${results.map(stageLine).join('\n')}${problem.explanation ? `\n\n${problem.explanation}` : ''}`,
        { hosts: results.map((r) => r.name), failures: results.map((r) => ({ host: r.name, failure: r.failure, route: r.route.decision })) },
        problem.fixes ?? [],
      ),
    );
  }
  if (report.udp.length) {
    const open = report.udp.filter((u) => u.ok);
    out.push(
      finding(
        'network.udp-media',
        'info',
        open.length ? `Teams media UDP: ${open.map((u) => u.port).join(', ')} open` : 'Teams media UDP 3478-3481: no answer',
        `${report.udp.map((u) => `${u.host}:${u.port} ${u.ok ? `answered in ${u.ms} ms` : u.message}`).join('\n')}\n\nFor information: without UDP, Teams calls fall back to TCP/443 with lower quality. It does not affect sign-in.`,
        { udp: report.udp },
      ),
    );
  }
  return out;
}
