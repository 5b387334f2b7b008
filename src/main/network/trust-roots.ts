// The two root sets TLS inspection is judged by: the public roots (Mozilla's, as shipped with
// Node and Chromium; tests pass their own) and the roots added on this machine (the OS store where
// Node can read it, NODE_EXTRA_CA_CERTS, the Linux bundle, and the config's localRoots).
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';

const LINUX_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt'];
const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface TrustRoots {
  /** PEMs given to the TLS handshake as its CA list. */
  publicPems: string[];
  public: X509Certificate[];
  /** Roots trusted here but not public. */
  localOnly: X509Certificate[];
}

function parseAll(pems: readonly string[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const pem of pems) {
    try {
      out.push(new X509Certificate(pem));
    } catch {
      // one unreadable root in a bundle does not spoil the rest
    }
  }
  return out;
}

function readPems(path: string | undefined): string[] {
  if (!path) return [];
  try {
    return readFileSync(path, 'utf8').match(PEM_RE) ?? [];
  } catch {
    return [];
  }
}

let systemCache: string[] | undefined;

/** What this machine trusts beyond the public list (read once per process). */
function systemPems(env: NodeJS.ProcessEnv, platform: string): string[] {
  if (!systemCache) {
    const getCa = (tls as unknown as { getCACertificates?: (type: string) => string[] }).getCACertificates;
    const fromOs = (() => {
      try {
        return getCa?.('system') ?? [];
      } catch {
        return [];
      }
    })();
    const bundle = platform === 'linux' ? LINUX_BUNDLES.flatMap((p) => readPems(p)) : [];
    systemCache = [...fromOs, ...bundle];
  }
  return [...systemCache, ...readPems(env.NODE_EXTRA_CA_CERTS)];
}

export function trustRoots(options: { publicRoots?: string[]; localRoots: string[]; env: NodeJS.ProcessEnv; platform: string; includeSystem?: boolean }): TrustRoots {
  const publicPems = options.publicRoots ?? [...tls.rootCertificates];
  const pub = parseAll(publicPems);
  const publicPrints = new Set(pub.map((c) => c.fingerprint256));
  // Tests pass both sets explicitly: the machine's own bundle must not decide their outcome.
  const localPems = [...options.localRoots, ...(options.includeSystem === false ? [] : systemPems(options.env, options.platform))];
  const localOnly = parseAll(localPems).filter((c) => !publicPrints.has(c.fingerprint256));
  return { publicPems, public: pub, localOnly };
}

/** The root (from `roots`) the presented chain leads to, if any: signatures checked, not just names. */
export function chainEndsAt(chain: readonly X509Certificate[], roots: readonly X509Certificate[]): X509Certificate | undefined {
  const prints = new Map(roots.map((r) => [r.fingerprint256, r]));
  for (const cert of chain) {
    const same = prints.get(cert.fingerprint256);
    if (same) return same;
    for (const root of roots) {
      try {
        if (cert.checkIssued(root) && cert.verify(root.publicKey)) return root;
      } catch {
        // a root with an unusable key: keep looking
      }
    }
  }
  return undefined;
}
