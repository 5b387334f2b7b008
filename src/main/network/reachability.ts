// Every endpoint probed concurrently, each stage under its own timeout: DNS, TCP (to the endpoint
// or to its proxy), CONNECT through the proxy, TLS with the presented chain, then the OpenID
// document. One dead endpoint costs at most its own timeouts; it never holds the others.
import type { EndpointResult, FailureKind } from '../../shared/contract/network';
import type { Endpoint } from './endpoints';
import type { Route } from './effective-proxy';
import type { Timeouts } from './network-config';
import { probeDns } from './probe-dns';
import { ProbeFailure, elapsed } from './probe-failure';
import { probeHttp } from './probe-http';
import { connectTcp } from './probe-tcp';
import { probeTls } from './probe-tls';
import { formatAddress } from './proxy-rules';
import { proxyConnect } from './proxy-connect';
import type { TrustRoots } from './trust-roots';

const skipped = (why: string) => ({ ok: false, skipped: why });

function failed(e: unknown): { ok: false; ms?: number; failure: FailureKind; message: string } {
  const f = e instanceof ProbeFailure ? e : new ProbeFailure('failed', e instanceof Error ? e.message : String(e));
  return { ok: false, ...(f.ms !== undefined ? { ms: f.ms } : {}), failure: f.kind, message: f.message };
}

export async function probeEndpoint(endpoint: Endpoint, route: Route, roots: TrustRoots, t: Timeouts): Promise<EndpointResult> {
  const start = performance.now();
  const proxy = route.proxy;
  const base = {
    name: endpoint.name,
    host: endpoint.host,
    port: endpoint.port,
    role: endpoint.role,
    critical: endpoint.critical,
    route: { decision: route.decision, ...(proxy ? { proxy: formatAddress(proxy) } : {}), source: route.source },
  };
  const done = (r: Omit<EndpointResult, keyof typeof base | 'ms' | 'ok' | 'failure'>, failure?: FailureKind): EndpointResult => ({
    ...base,
    ...r,
    ok: !failure,
    ...(failure ? { failure } : {}),
    ms: elapsed(start),
  });
  // Through a proxy the proxy resolves the endpoint's name; we resolve the proxy's.
  const dnsHost = proxy ? proxy.host : endpoint.host;
  let dns: EndpointResult['dns'];
  let addresses: string[];
  try {
    const r = await probeDns(dnsHost, t.dnsMs);
    addresses = r.addresses;
    dns = { ok: true, ms: r.ms, addresses, ...(proxy ? { message: `resolved the proxy ${proxy.host}` } : {}) };
  } catch (e) {
    const f = failed(e);
    dns = { ...f, addresses: [], ...(proxy ? { message: `the proxy's name: ${f.message}` } : {}) };
    return done({ dns, tcp: skipped('no address'), tls: { ...skipped('no connection'), chain: [] } }, f.failure);
  }
  const address = addresses[0]!;
  const port = proxy ? proxy.port : endpoint.port;
  let tcp: EndpointResult['tcp'];
  let socket;
  try {
    const r = await connectTcp(address, port, t.tcpMs);
    socket = r.socket;
    tcp = { ok: true, ms: r.ms, address: `${address}:${port}`, ...(proxy ? { message: 'to the proxy' } : {}) };
  } catch (e) {
    const f = failed(e);
    tcp = { ...f, address: `${address}:${port}`, message: proxy ? `to the proxy ${formatAddress(proxy)}: ${f.message}` : f.message };
    return done({ dns, tcp, tls: { ...skipped('no connection'), chain: [] } }, f.failure);
  }
  let connect: EndpointResult['connect'];
  if (proxy) {
    try {
      const r = await proxyConnect(socket, proxy, endpoint.host, endpoint.port, t.connectMs);
      connect = { ok: true, ms: r.ms, status: r.status };
    } catch (e) {
      socket.destroy();
      const f = failed(e);
      connect = f;
      return done({ dns, tcp, connect, tls: { ...skipped('no tunnel'), chain: [] } }, f.failure);
    }
  }
  const tlsResult = await probeTls(socket, endpoint.host, roots, t.tlsMs);
  const tls = tlsResult.stage;
  if (!endpoint.openIdPath || !tlsResult.socket) {
    tlsResult.socket?.destroy();
    socket.destroy();
    return done({ dns, tcp, ...(connect ? { connect } : {}), tls }, tls.failure);
  }
  if (tls.intercepted || tls.failure === 'tls-untrusted') {
    // Do not send even an unauthenticated request to a peer we do not trust.
    tlsResult.socket.destroy();
    return done({ dns, tcp, ...(connect ? { connect } : {}), tls, http: { ...skipped('TLS not trusted') } }, tls.failure);
  }
  const http = await probeHttp(tlsResult.socket, endpoint.host, endpoint.port, endpoint.openIdPath, t.httpMs);
  return done({ dns, tcp, ...(connect ? { connect } : {}), tls, http }, tls.failure ?? http.failure);
}

/** Sum of the stage times of every endpoint: the serial cost the concurrency saves. */
export function probeTimeSum(results: readonly EndpointResult[]): number {
  let sum = 0;
  for (const r of results) for (const s of [r.dns, r.tcp, r.connect, r.tls, r.http]) sum += s?.ms ?? 0;
  return Math.round(sum * 10) / 10;
}

export function probeAll(endpoints: readonly Endpoint[], routes: Map<Endpoint, Route>, roots: TrustRoots, t: Timeouts): Promise<EndpointResult[]> {
  return Promise.all(endpoints.map((e) => probeEndpoint(e, routes.get(e) ?? { decision: 'DIRECT', source: 'none' }, roots, t)));
}
