// CLI commands of the network domain: `network [--cloud worldwide|gcch|dod]` prints the proxy
// sources and decisions, VPN, and a table per endpoint; --json prints the full evidence.
import { CLOUDS, type Cloud, type EndpointResult, type NetworkReport, type Stage } from '../../shared/contract/network';
import { UsageError, callOrThrow, flag, type CommandRun } from '../common/cli-command';
import { renderFindings } from '../common/cli-render';

function cell(stage: (Stage & { skipped?: string }) | undefined): string {
  if (!stage) return '-';
  if (stage.skipped) return 'skipped';
  const ms = stage.ms !== undefined ? ` ${Math.round(stage.ms)} ms` : '';
  return stage.ok ? `ok${ms}` : `${stage.failure ?? 'failed'}${ms}`;
}

function endpointRows(r: EndpointResult): string[] {
  const tls = r.tls.intercepted ? 'INTERCEPTED' : cell(r.tls);
  const row = [r.name, r.route.decision === 'DIRECT' ? 'direct' : (r.route.proxy ?? r.route.decision), cell(r.dns), cell(r.tcp), r.connect ? cell(r.connect) : '-', tls, r.http ? `${cell(r.http)}${r.http.status ? ` (${r.http.status})` : ''}` : '-'];
  const lines = [row.join(' | ')];
  const leaf = r.tls.chain[0];
  if (leaf) lines.push(`    certificate: ${leaf.subject} issued by ${leaf.issuer}, valid ${leaf.validFrom.slice(0, 10)} to ${leaf.validTo.slice(0, 10)}${r.tls.publicTrust ? ', public root' : ''}${r.tls.localRoot ? `, local root ${r.tls.localRoot}` : ''}`);
  return lines;
}

export function renderNetwork(report: NetworkReport): string {
  const lines = [`Cloud: ${report.cloudLabel}   (${report.durationMs} ms wall, ${Math.round(report.probeMsSum)} ms of probes)`, '', 'Proxy sources:'];
  for (const s of report.proxy.sources) {
    const what = s.mode === 'manual' ? `proxy ${s.httpsProxy ?? s.httpProxy ?? '?'}` : s.mode === 'pac' ? `PAC ${s.pacUrl ?? ''}` : s.mode === 'unavailable' ? `not read (${s.note ?? ''})` : s.mode;
    lines.push(`  ${s.source === report.proxy.primary ? '*' : ' '} ${s.label}: ${what}${s.bypass.length ? `; bypass ${s.bypass.join(';')}` : ''}`);
  }
  lines.push('', `VPN: ${report.vpn.detected ? report.vpn.interfaces.map((i) => `${i.label} (${i.name})`).join(', ') : report.vpn.error ? `unknown (${report.vpn.error})` : 'none'}`, '');
  lines.push('endpoint | route | DNS | TCP | CONNECT | TLS | HTTP');
  for (const r of report.endpoints) lines.push(...endpointRows(r));
  lines.push('');
  return `${lines.join('\n')}\n${renderFindings(report.findings)}`;
}

export const runNetwork: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  const cloud = flag(inv, 'cloud');
  if (inv.flags.has('cloud') && cloud === undefined) throw new UsageError('--cloud needs a value: worldwide, gcch or dod');
  if (cloud !== undefined && !(CLOUDS as readonly string[]).includes(cloud)) throw new UsageError(`--cloud must be one of ${CLOUDS.join(', ')}`);
  const report = await callOrThrow(inv, 'network.probe', cloud ? { cloud: cloud as Cloud } : {});
  return { exitCode: 0, json: report, human: renderNetwork(report) };
};

