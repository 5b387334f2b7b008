// Builds a certificate's chain from the card's own certificates and the trust store's roots,
// verifying each signature, and says where it ends: a trusted root? a DoD root (by thumbprint)?
import { parseCertificate, thumbprint } from './cac-certificate';
import { DOD_ROOTS, findDodRoot, type DodRoot } from './dod-roots';
import type { X509Certificate } from './x509';

export interface ChainResult {
  path: string[];
  complete: boolean;
  trusted: boolean;
  dodRoot?: DodRoot;
  problem?: string;
}

const MAX_DEPTH = 8;

interface PoolCert {
  cert: X509Certificate;
  sha1: string;
}

export class CertPool {
  private readonly bySubject = new Map<string, PoolCert[]>();
  add(der: Uint8Array): void {
    let cert: X509Certificate;
    try {
      cert = parseCertificate(der);
    } catch {
      return; // an unparsable anchor is simply not a candidate
    }
    const list = this.bySubject.get(cert.subject) ?? [];
    list.push({ cert, sha1: thumbprint(der, 'sha1') });
    this.bySubject.set(cert.subject, list);
  }
  candidates(issuer: string): PoolCert[] {
    return this.bySubject.get(issuer) ?? [];
  }
}

async function signedBy(cert: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

export async function buildChain(leafDer: Uint8Array, pool: CertPool, trusted: ReadonlySet<string>, roots: readonly DodRoot[] = DOD_ROOTS): Promise<ChainResult> {
  let current = parseCertificate(leafDer);
  let currentSha1 = thumbprint(leafDer, 'sha1');
  const path = [current.subject];
  const seen = new Set([currentSha1]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (current.subject === current.issuer && (await signedBy(current, current))) {
      const dodRoot = findDodRoot(currentSha1, roots);
      const isTrusted = trusted.has(currentSha1);
      return {
        path,
        complete: true,
        trusted: isTrusted,
        ...(dodRoot ? { dodRoot } : {}),
        ...(isTrusted ? {} : { problem: `the root "${current.subject}" is not in this computer's trust store` }),
      };
    }
    let next: PoolCert | undefined;
    for (const c of pool.candidates(current.issuer)) {
      if (!seen.has(c.sha1) && (await signedBy(current, c.cert))) {
        next = c;
        break;
      }
    }
    if (!next) {
      // The issuer may be trusted by thumbprint only (Windows gives no certificates), but without
      // its certificate the signature cannot be checked, so the chain is reported as incomplete.
      return { path, complete: false, trusted: false, problem: `the issuing CA "${current.issuer}" is neither on the card nor in this computer's trust store` };
    }
    seen.add(next.sha1);
    current = next.cert;
    currentSha1 = next.sha1;
    path.push(current.subject);
    if (trusted.has(currentSha1) && current.subject !== current.issuer) {
      // A trusted intermediate anchors the chain (as OS stores allow).
      const dodRoot = findDodRoot(currentSha1, roots);
      return { path, complete: true, trusted: true, ...(dodRoot ? { dodRoot } : {}) };
    }
  }
  return { path, complete: false, trusted: false, problem: `the chain is longer than ${MAX_DEPTH} certificates` };
}
