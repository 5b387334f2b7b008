// One full measurement: proxy sources and decisions, VPN, every endpoint of the cloud and the UDP
// media ports, all at once. The checks and the `network.probe` call both build on these parts.
import type { Cloud, NetworkReport } from '../../shared/contract/network';
import type { EngineContext } from '../engine/types';
import { PacCache, decideAll, endpointUrl, type Decisions } from './effective-proxy';
import { networkSettings, type NetworkSettings } from './network-config';
import { proxyFindings, reachabilityFindings, vpnFindings } from './network-findings';
import { readProxySources, type ProxySources } from './proxy-sources';
import { probeAll, probeTimeSum } from './reachability';
import { trustRoots } from './trust-roots';
import { probeUdpMedia } from './udp-media';
import { detectVpn, readInterfaces, type InterfaceInfo } from './vpn-detect';
import { withDeadline } from '../engine/deadline';

export interface ProbeOptions {
  cloud?: Cloud;
  /** Chromium's proxy decision (the app's session.resolveProxy). */
  resolveProxy?: (url: string) => Promise<string>;
  /** Interfaces to judge instead of reading them (tests). */
  interfaces?: () => Promise<InterfaceInfo[]>;
}

export async function collectProxy(ctx: EngineContext, settings: NetworkSettings): Promise<{ sources: ProxySources; decisions: Decisions }> {
  const sources = await readProxySources(ctx, settings.proxyOverride);
  const pacs = new PacCache(settings.timeouts.httpMs);
  try {
    return { sources, decisions: await decideAll(sources, settings.endpoints, pacs) };
  } finally {
    await pacs.dispose();
  }
}

export async function collectVpn(read: () => Promise<InterfaceInfo[]> = readInterfaces): Promise<NetworkReport['vpn']> {
  try {
    const interfaces = detectVpn(await read());
    return { detected: interfaces.length > 0, interfaces };
  } catch (error) {
    return { detected: false, interfaces: [], error: error instanceof Error ? error.message : String(error) };
  }
}

export async function collectReachability(ctx: EngineContext, settings: NetworkSettings, decisions: Decisions) {
  const roots = trustRoots({
    ...(settings.publicRoots ? { publicRoots: settings.publicRoots } : {}),
    localRoots: settings.localRoots,
    env: ctx.env,
    platform: ctx.platform,
    includeSystem: !settings.publicRoots,
  });
  const start = performance.now();
  const t = settings.timeouts;
  const [endpoints, udp] = await Promise.all([
    probeAll(settings.endpoints, decisions.routes, roots, t),
    settings.udp ? probeUdpMedia(settings.udp.host, settings.udp.ports, t.dnsMs, t.udpMs) : Promise.resolve([]),
  ]);
  return { endpoints, udp, durationMs: Math.round(performance.now() - start), probeMsSum: probeTimeSum(endpoints) };
}

export async function chromiumDecisions(decisions: Decisions, resolveProxy: ProbeOptions['resolveProxy'], timeoutMs: number): Promise<void> {
  if (!resolveProxy) return;
  await Promise.all(
    decisions.decisions.map(async (d) => {
      try {
        d.chromium = await withDeadline(resolveProxy(d.url), timeoutMs, () => {
          throw new Error('timeout');
        });
      } catch {
        // Chromium's answer is a comparison, not a requirement
      }
    }),
  );
}

export async function runNetworkProbe(ctx: EngineContext, options: ProbeOptions = {}): Promise<NetworkReport> {
  const startedAt = ctx.now().toISOString();
  const start = performance.now();
  const settings = networkSettings(ctx, options.cloud);
  const [proxy, vpn] = await Promise.all([collectProxy(ctx, settings), collectVpn(options.interfaces)]);
  const [reach] = await Promise.all([collectReachability(ctx, settings, proxy.decisions), chromiumDecisions(proxy.decisions, options.resolveProxy, settings.timeouts.httpMs)]);
  const report = {
    cloud: settings.cloud.id,
    cloudLabel: settings.cloud.label,
    startedAt,
    durationMs: Math.round(performance.now() - start),
    probeMsSum: reach.probeMsSum,
    proxy: { sources: proxy.sources.rules.map((r) => r.source), primary: proxy.sources.primary.source.source, decisions: proxy.decisions.decisions, mismatch: proxy.decisions.mismatch },
    vpn,
    endpoints: reach.endpoints,
    udp: reach.udp,
  };
  const findings = [
    ...proxyFindings(proxy.sources, proxy.decisions.decisions, proxy.decisions.mismatch, ctx.platform),
    ...vpnFindings(vpn),
    ...reachabilityFindings({ ...report, durationMs: reach.durationMs }),
  ];
  return { ...report, findings };
}

export { endpointUrl };
