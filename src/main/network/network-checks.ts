// The network checks `diagnose` runs: proxy configuration (and the WinINET/WinHTTP mismatch),
// VPN, and reachability of the configured cloud's endpoints (with TLS inspection).
import type { CheckDefinition } from '../engine/types';
import { networkSettings } from './network-config';
import { proxyFindings, reachabilityFindings, vpnFindings } from './network-findings';
import { chromiumDecisions, collectProxy, collectReachability, collectVpn } from './network-probe';

export const proxyCheck: CheckDefinition = {
  id: 'network.proxy',
  domain: 'network',
  title: 'Proxy configuration',
  timeoutMs: 20_000,
  async run(ctx) {
    const settings = networkSettings(ctx);
    const { sources, decisions } = await collectProxy(ctx, settings);
    await chromiumDecisions(decisions, ctx.resolveProxy, settings.timeouts.httpMs); // in the app only
    return proxyFindings(sources, decisions.decisions, decisions.mismatch, ctx.platform);
  },
};

export const vpnCheck: CheckDefinition = {
  id: 'network.vpn',
  domain: 'network',
  title: 'VPN',
  timeoutMs: 15_000,
  run: async () => vpnFindings(await collectVpn()),
};

export const reachabilityCheck: CheckDefinition = {
  id: 'network.reachability',
  domain: 'network',
  title: 'Reachability of the sign-in endpoints',
  // DNS + TCP + CONNECT + TLS + HTTP timeouts of one endpoint; all endpoints run at once.
  timeoutMs: 45_000,
  async run(ctx) {
    const settings = networkSettings(ctx);
    const { decisions } = await collectProxy(ctx, settings);
    const reach = await collectReachability(ctx, settings, decisions);
    return reachabilityFindings({ cloud: settings.cloud.id, cloudLabel: settings.cloud.label, ...reach });
  },
};

export const networkChecks = [proxyCheck, vpnCheck, reachabilityCheck];
