// Reads a DoD root bundle file the user chose (DISA's PKCS#7 .p7b in DER or PEM, or PEM
// certificates) and sorts every certificate in it: a self-signed root whose SHA-1 thumbprint is
// one of the known DoD roots is importable; anything else (intermediates, unknown roots, a root
// that only carries a DoD-looking name) is listed and skipped. Trusting a root is powerful, so
// the file decides nothing: our thumbprint table does.
import { readFile, stat } from 'node:fs/promises';
import { badInput } from '../common/errors';
import { thumbprint } from './cac-certificate';
import { DOD_ROOTS, findDodRoot, type DodRoot } from './dod-roots';
import { X509Certificate, X509Certificates } from './x509';

export const MAX_BUNDLE_FILE_BYTES = 4 * 1024 * 1024;
const MAX_CERTS = 500;

export interface BundleCert {
  subject: string;
  issuer: string;
  sha1: string;
  sha256: string;
  notAfter: string;
  selfSigned: boolean;
  /** Set when this certificate IS a known DoD root (by thumbprint). */
  dodRoot?: DodRoot;
  pem: string;
}

export interface BundleContents {
  importable: BundleCert[];
  skipped: Array<BundleCert & { reason: string }>;
}

/** Every certificate of a PEM/DER certificate or PKCS#7 bundle; a clear bad-input error otherwise. */
export function parseBundleCertificates(data: Uint8Array): X509Certificate[] {
  const text = Buffer.from(data).toString('latin1');
  const list = new X509Certificates();
  try {
    // PEM certificates one by one; PEM PKCS#7 ("PKCS7" or "CMS") and DER through the PKCS#7 reader.
    if (text.includes('-----BEGIN CERTIFICATE-----')) for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)) list.push(new X509Certificate(m[0]));
    else list.import(text.includes('-----BEGIN') ? text : new Uint8Array(data));
  } catch (error) {
    // DER of a single certificate is not a PKCS#7: try that before giving up.
    try {
      return [new X509Certificate(new Uint8Array(data))];
    } catch {
      throw badInput(`the file is not a certificate bundle (PKCS#7 .p7b or PEM): ${(error as Error).message.slice(0, 120)}`);
    }
  }
  if (list.length === 0) throw badInput('the file holds no certificates');
  if (list.length > MAX_CERTS) throw badInput(`the file holds more than ${MAX_CERTS} certificates`);
  return [...list];
}

export async function classifyBundle(certs: readonly X509Certificate[], roots: readonly DodRoot[] = DOD_ROOTS): Promise<BundleContents> {
  const out: BundleContents = { importable: [], skipped: [] };
  const seen = new Set<string>();
  for (const cert of certs) {
    const der = new Uint8Array(cert.rawData);
    const sha1 = thumbprint(der, 'sha1');
    if (seen.has(sha1)) continue;
    seen.add(sha1);
    let selfSigned: boolean;
    try {
      selfSigned = await cert.isSelfSigned();
    } catch {
      selfSigned = false; // an unverifiable signature is not a root we trust
    }
    const dodRoot = findDodRoot(sha1, roots);
    const item: BundleCert = { subject: cert.subject, issuer: cert.issuer, sha1, sha256: thumbprint(der, 'sha256'), notAfter: cert.notAfter.toISOString(), selfSigned, ...(dodRoot ? { dodRoot } : {}), pem: cert.toString('pem') };
    if (dodRoot && selfSigned) out.importable.push(item);
    else out.skipped.push({ ...item, reason: !selfSigned ? (dodRoot ? 'its self-signature does not verify' : 'not a root (an intermediate or end-entity certificate): not needed as a trust anchor') : 'a root, but its thumbprint is not one of the known DoD roots' });
  }
  return out;
}

export async function readBundleFile(path: string, roots: readonly DodRoot[] = DOD_ROOTS): Promise<BundleContents> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw badInput(`cannot read ${path}`);
  }
  if (!st.isFile()) throw badInput(`${path} is not a file`);
  if (st.size > MAX_BUNDLE_FILE_BYTES) throw badInput(`${path} is larger than 4 MB: not a DoD root bundle`);
  return classifyBundle(parseBundleCertificates(new Uint8Array(await readFile(path))), roots);
}
