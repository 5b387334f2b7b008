// The proxy each endpoint is reached through, per source: bypass lists, per-scheme servers and PAC
// files (evaluated in a sandbox in a worker thread, pac.ts). On Windows the WinINET and WinHTTP
// answers are compared: when they differ, the browser and the sign-in broker (WAM) take
// different roads.
import type { ProxyDecision } from '../../shared/contract/network';
import type { Endpoint } from './endpoints';
import { createPacEvaluator, fetchPac, firstPacEntry, type PacEvaluator, type PacEvaluatorOptions } from './pac';
import { bypasses, formatAddress, parseProxyAddress, type ProxyAddress } from './proxy-rules';
import type { ProxyRule, ProxySources } from './proxy-sources';

export interface Route {
  /** "DIRECT" or "PROXY host:port" (the PAC's full answer when a PAC decided). */
  decision: string;
  proxy?: ProxyAddress;
  source: string;
  error?: string;
}

export function endpointUrl(e: Pick<Endpoint, 'host' | 'port'>, path = '/'): string {
  return `https://${e.host}${e.port === 443 ? '' : `:${e.port}`}${path}`;
}

/** One PAC per URL per run: fetched and compiled once (one worker), evaluated for every endpoint. */
export class PacCache {
  private readonly compiled = new Map<string, Promise<PacEvaluator>>();
  constructor(
    private readonly fetchTimeoutMs: number,
    private readonly options: PacEvaluatorOptions = {},
  ) {}

  get(url: string): Promise<PacEvaluator> {
    let entry = this.compiled.get(url);
    if (!entry) {
      entry = fetchPac(url, this.fetchTimeoutMs).then((script) => createPacEvaluator(script, this.options));
      entry.catch(() => undefined);
      this.compiled.set(url, entry);
    }
    return entry;
  }

  async dispose(): Promise<void> {
    const entries = [...this.compiled.values()];
    this.compiled.clear();
    await Promise.all(entries.map(async (entry) => (await entry.catch(() => undefined))?.dispose()));
  }
}

export async function decide(rule: ProxyRule, endpoint: Pick<Endpoint, 'host' | 'port'>, pacs: PacCache): Promise<Route> {
  const source = rule.source.source;
  const url = endpointUrl(endpoint);
  switch (rule.source.mode) {
    case 'manual': {
      if (bypasses(endpoint.host, endpoint.port, rule.source.bypass, rule.style)) return { decision: 'DIRECT', source };
      if (!rule.https) return { decision: 'DIRECT', source };
      return { decision: `PROXY ${formatAddress(rule.https)}`, proxy: rule.https, source };
    }
    case 'pac': {
      if (!rule.pacUrl) return { decision: 'DIRECT', source, error: 'PAC mode without a PAC URL' };
      try {
        const pac = await pacs.get(rule.pacUrl);
        const answer = await pac.find(url);
        const first = firstPacEntry(answer);
        if (first.kind === 'proxy') {
          const proxy = parseProxyAddress(first.hostPort, 80);
          return proxy ? { decision: answer, proxy, source } : { decision: answer, source, error: `the PAC named an unusable proxy ${first.hostPort}` };
        }
        if (first.kind === 'unsupported') return { decision: answer, source, error: `the PAC answered "${first.text}", which Sign-in Doctor does not follow (SOCKS)` };
        return { decision: answer || 'DIRECT', source };
      } catch (error) {
        return { decision: 'DIRECT', source, error: error instanceof Error ? error.message : String(error) };
      }
    }
    case 'auto-detect':
      return { decision: 'DIRECT', source, error: 'automatic proxy detection (WPAD) is on; Sign-in Doctor does not run the discovery, so this assumes no proxy' };
    default:
      return { decision: 'DIRECT', source };
  }
}

/** "PROXY a:1; DIRECT" and "PROXY a:1" are the same road for the first try. */
export function sameRoad(a: string, b: string): boolean {
  const norm = (s: string) => {
    const first = firstPacEntry(s);
    return first.kind === 'proxy' ? `proxy ${first.hostPort.toLowerCase()}` : first.kind;
  };
  return norm(a) === norm(b);
}

export interface Decisions {
  routes: Map<Endpoint, Route>;
  decisions: ProxyDecision[];
  mismatch: boolean;
}

const SIGN_IN_ROLES = new Set(['sign-in', 'device', 'cac']);

export async function decideAll(sources: ProxySources, endpoints: readonly Endpoint[], pacs: PacCache): Promise<Decisions> {
  const routes = new Map<Endpoint, Route>();
  const decisions = await Promise.all(
    endpoints.map(async (endpoint): Promise<ProxyDecision> => {
      const [ours, winhttp] = await Promise.all([decide(sources.primary, endpoint, pacs), sources.winhttp ? decide(sources.winhttp, endpoint, pacs) : undefined]);
      routes.set(endpoint, ours);
      return {
        url: endpointUrl(endpoint),
        host: endpoint.host,
        ours: ours.decision,
        source: ours.source,
        ...(winhttp && sources.winhttp?.source.mode !== 'unavailable' ? { winhttp: winhttp.decision } : {}),
        ...(ours.error ? { error: ours.error } : {}),
      };
    }),
  );
  const mismatch = endpoints.some((e, i) => SIGN_IN_ROLES.has(e.role) && decisions[i]!.winhttp !== undefined && !sameRoad(decisions[i]!.ours, decisions[i]!.winhttp!));
  return { routes, decisions, mismatch };
}
