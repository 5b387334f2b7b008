// The Network card's words: cloud and fix labels, failure kinds, and one line per probe stage.
import type { Cloud, EndpointResult, Stage } from '../../../shared/contract/network';

export const CLOUD_LABEL: Record<Cloud, string> = { worldwide: 'Worldwide / GCC', gcch: 'GCC High', dod: 'DoD' };
export const FIX_LABEL: Record<string, string> = {
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

export function stageText(s: Stage | undefined, ok: string): string {
  if (!s) return '–';
  if (s.skipped) return `skipped (${s.skipped})`;
  if (s.ok) return `${ok}${ms(s.ms)}`;
  return `✗ ${s.failure ? (FAILURE_TEXT[s.failure] ?? s.failure) : 'failed'}${ms(s.ms)}`;
}

/** The issuer's common name (or the whole issuer) for plain sentences. */
export function issuerName(issuer: string): string {
  return issuer.split(',')[0]?.trim() || issuer;
}

export function tlsText(r: EndpointResult): string {
  const t = r.tls;
  if (t.skipped || !t.ok && !t.chain.length) return stageText(t, '');
  const issuer = t.chain[0] ? issuerName(t.chain[0].issuer) : 'unknown issuer';
  if (t.intercepted) return `⚠ intercepted: issued by ${issuer}${ms(t.ms)}`;
  if (t.publicTrust) return `✓ ${t.protocol ?? 'TLS'}, issued by ${issuer}${ms(t.ms)}`;
  return `✗ ${t.failure ? FAILURE_TEXT[t.failure] : 'not trusted'}, issued by ${issuer}${ms(t.ms)}`;
}

export function httpText(r: EndpointResult): string {
  const h = r.http;
  if (!h) return 'not probed';
  if (h.skipped) return `skipped (${h.skipped})`;
  const what = h.status !== undefined ? `HTTP ${h.status}${h.jsonValid ? ', JSON ok' : h.jsonValid === false ? ', not JSON' : ''}` : '';
  return `${h.ok ? '✓' : '✗'} ${what || (h.failure ? FAILURE_TEXT[h.failure] : 'failed')}${ms(h.ms)}`;
}

export function routeText(r: EndpointResult): string {
  return r.route.proxy ? `proxy ${r.route.proxy}` : 'direct';
}
