// What the Network card shows: a fresh network.probe report, or what the checks already measured
// (the typed evidence of their findings), so the card needs no second probe.
import { firstWith } from '../../../shared/contract/findings';
import type { Cloud, NetworkReport } from '../../../shared/contract/network';
import type { Finding } from '../../../shared/model';
import { CLOUD_LABEL } from './network-text';

export type NetworkView = Pick<NetworkReport, 'endpoints' | 'udp' | 'vpn'> & { cloud?: Cloud; cloudLabel: string; durationMs?: number; proxy: Omit<NetworkReport['proxy'], 'primary'> };

export function viewFromFindings(findings: Finding[]): NetworkView {
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
