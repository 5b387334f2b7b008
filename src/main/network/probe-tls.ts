// The TLS handshake, keeping what the peer PRESENTED: the chain (subject, issuer, validity), whether
// it validates against the public roots, and when it does not, whether it leads to a root added on
// this machine — the mark of a TLS-inspecting proxy.
import { X509Certificate } from 'node:crypto';
import { isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type { CertSummary, TlsStage } from '../../shared/contract/network';
import { ProbeFailure, classify, elapsed, withProbeDeadline } from './probe-failure';
import { chainEndsAt, type TrustRoots } from './trust-roots';

const MAX_CHAIN = 10;

function name(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const pick = (k: string) => {
    const v = fields[k];
    return Array.isArray(v) ? v.join(' + ') : typeof v === 'string' ? v : undefined;
  };
  return [pick('CN'), pick('O'), pick('C')].filter(Boolean).join(', ');
}

/** Leaf first, following issuerCertificate until the self-signed end or a loop. */
export function presentedChain(leaf: DetailedPeerCertificate): { summaries: CertSummary[]; certs: X509Certificate[] } {
  const summaries: CertSummary[] = [];
  const certs: X509Certificate[] = [];
  const seen = new Set<string>();
  let cur: DetailedPeerCertificate | undefined = leaf;
  while (cur && cur.raw && !seen.has(cur.fingerprint256) && summaries.length < MAX_CHAIN) {
    seen.add(cur.fingerprint256);
    const selfSigned = cur.issuerCertificate === cur || name(cur.subject as unknown as Record<string, unknown>) === name(cur.issuer as unknown as Record<string, unknown>);
    summaries.push({
      subject: name(cur.subject as unknown as Record<string, unknown>),
      issuer: name(cur.issuer as unknown as Record<string, unknown>),
      validFrom: new Date(cur.valid_from).toISOString(),
      validTo: new Date(cur.valid_to).toISOString(),
      fingerprint256: cur.fingerprint256,
      selfSigned,
    });
    try {
      certs.push(new X509Certificate(cur.raw));
    } catch {
      // summary kept; this one cannot take part in the root search
    }
    cur = cur.issuerCertificate;
  }
  return { summaries, certs };
}

export interface TlsResult {
  stage: TlsStage;
  socket?: TLSSocket;
}

/** Runs the handshake on an open socket (direct or through a CONNECT tunnel). Never rejects. */
export async function probeTls(socket: Socket, host: string, roots: TrustRoots, timeoutMs: number): Promise<TlsResult> {
  const start = performance.now();
  const tlsSocket = connect({
    socket,
    ...(isIP(host) ? {} : { servername: host }),
    ca: roots.publicPems,
    rejectUnauthorized: false, // we judge the chain ourselves, and want to see it even when it fails
    ALPNProtocols: ['http/1.1'],
  });
  let onError: (e: Error) => void = () => undefined;
  let onClose: () => void = () => undefined;
  try {
    await withProbeDeadline(
      new Promise<void>((resolve, reject) => {
        onError = reject;
        onClose = () => reject(new ProbeFailure('reset', 'the connection closed during the TLS handshake'));
        tlsSocket.once('secureConnect', () => resolve());
        tlsSocket.on('error', onError);
        tlsSocket.on('close', onClose);
      }),
      timeoutMs,
      'TLS handshake',
      () => tlsSocket.destroy(),
    );
  } catch (error) {
    tlsSocket.destroy();
    const failure = classify(error, 'tls-failed');
    return { stage: { ok: false, ms: elapsed(start), failure: failure.kind, message: `TLS handshake: ${failure.message}`, chain: [], error: failure.message } };
  }
  tlsSocket.off('close', onClose);
  tlsSocket.off('error', onError);
  tlsSocket.on('error', () => undefined); // later errors surface through the HTTP stage
  const ms = elapsed(start);
  const leaf = tlsSocket.getPeerCertificate(true);
  const { summaries, certs } = leaf && leaf.raw ? presentedChain(leaf) : { summaries: [], certs: [] };
  const protocol = tlsSocket.getProtocol() ?? undefined;
  const hostnameError = leaf && leaf.raw ? checkServerIdentity(host, leaf) : new Error('no certificate presented');
  const base = { ms, chain: summaries, ...(protocol ? { protocol } : {}), hostnameOk: !hostnameError };
  if (tlsSocket.authorized) {
    if (hostnameError) {
      return { socket: tlsSocket, stage: { ...base, ok: false, publicTrust: true, intercepted: false, failure: 'tls-name-mismatch', message: `the certificate is not for ${host}: ${hostnameError.message}` } };
    }
    return { socket: tlsSocket, stage: { ...base, ok: true, publicTrust: true, intercepted: false } };
  }
  const reason = String(tlsSocket.authorizationError ?? 'not trusted');
  const issuer = summaries[summaries.length - 1]?.issuer ?? summaries[0]?.issuer ?? 'unknown';
  const local = chainEndsAt(certs, roots.localOnly);
  if (local) {
    const localRoot = local.subject.replace(/\n/g, ', ');
    return {
      socket: tlsSocket,
      stage: {
        ...base,
        ok: false,
        publicTrust: false,
        intercepted: true,
        localRoot,
        failure: 'tls-intercepted',
        message: `TLS is intercepted: the certificate presented for ${host} is issued by "${summaries[0]?.issuer ?? issuer}" and only validates against a root added on this machine (${localRoot}), not against the public roots`,
        error: reason,
      },
    };
  }
  if (chainEndsAt(certs, roots.public)) {
    return { socket: tlsSocket, stage: { ...base, ok: false, publicTrust: false, intercepted: false, failure: 'tls-failed', message: `the public chain does not validate: ${reason}`, error: reason } };
  }
  return {
    socket: tlsSocket,
    stage: {
      ...base,
      ok: false,
      publicTrust: false,
      intercepted: false,
      failure: 'tls-untrusted',
      message: `the certificate presented for ${host} (issuer "${summaries[0]?.issuer ?? issuer}") leads to no public root (${reason}): a TLS-inspecting device whose root is not installed here, or a wrong server`,
      error: reason,
    },
  };
}
