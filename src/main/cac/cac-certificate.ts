// A card certificate as the user needs to see it: who, EDIPI, issuer, validity, key, thumbprints.
import { createHash } from 'node:crypto';
import { Name, X509Certificate } from './x509';

export class CertParseError extends Error {
  override name = 'CertParseError';
}

export interface CertFacts {
  subject: string;
  commonName?: string;
  edipi?: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  keyType: string;
  sha1: string;
  sha256: string;
}

const DAY = 86_400_000;

/** CAC-style CN: LAST.FIRST[.MIDDLE].1234567890 (the trailing 10 digits are the EDIPI). */
export function edipiFromCn(cn: string): string | undefined {
  const m = /^[^.\s][^.]*(?:\.[^.]+)*\.(\d{10})$/.exec(cn.trim());
  return m?.[1];
}

export function thumbprint(der: Uint8Array, alg: 'sha1' | 'sha256'): string {
  return createHash(alg).update(der).digest('hex').toUpperCase();
}

export function parseCertificate(der: Uint8Array): X509Certificate {
  if (der.length < 16 || der[0] !== 0x30) throw new CertParseError('the certificate is not DER (it does not start with a SEQUENCE)');
  try {
    return new X509Certificate(Uint8Array.from(der));
  } catch (error) {
    throw new CertParseError(`the certificate cannot be parsed: ${(error as Error).message}`);
  }
}

function keyTypeOf(cert: X509Certificate): string {
  try {
    const alg = cert.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
    if (alg.modulusLength) return `RSA ${alg.modulusLength}`;
    if (alg.namedCurve) return `EC ${alg.namedCurve}`;
    return alg.name;
  } catch {
    return 'unknown';
  }
}

export function certFacts(der: Uint8Array, now: Date): CertFacts {
  const cert = parseCertificate(der);
  let cn: string | undefined;
  try {
    cn = new Name(cert.subject).getField('CN')[0];
  } catch {
    cn = undefined;
  }
  const edipi = cn ? edipiFromCn(cn) : undefined;
  const notAfter = cert.notAfter;
  return {
    subject: cert.subject,
    ...(cn ? { commonName: cn } : {}),
    ...(edipi ? { edipi } : {}),
    issuer: cert.issuer,
    serial: cert.serialNumber.toUpperCase(),
    notBefore: cert.notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY),
    keyType: keyTypeOf(cert),
    sha1: thumbprint(der, 'sha1'),
    sha256: thumbprint(der, 'sha256'),
  };
}
