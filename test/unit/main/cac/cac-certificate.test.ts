import { beforeAll, describe, expect, it } from 'vitest';
import { certFacts, edipiFromCn, CertParseError } from '../../../../src/main/cac/cac-certificate';
import { CertPool, buildChain } from '../../../../src/main/cac/cert-chain';
import { certificateFindings } from '../../../../src/main/cac/card-report';
import { createTestPki, type TestPki } from '../../../support/virtual-piv-card';
import { thumbprint } from '../../../../src/main/cac/cac-certificate';
import type { CertificateSummary } from '../../../../src/shared/contract/cac';

const NOW = new Date('2026-11-23T00:00:00Z');
let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki(NOW);
});

describe('card certificates', () => {
  it('EDIPI comes from a CAC-style CN only', () => {
    expect(edipiFromCn('DOE.JOHN.QUINCY.1234567890')).toBe('1234567890');
    expect(edipiFromCn('DOE.JOHN.1234567890')).toBe('1234567890');
    expect(edipiFromCn('John Doe 1234567890')).toBeUndefined();
    expect(edipiFromCn('DOE.JOHN.123456789')).toBeUndefined();
  });

  it('reads subject, EDIPI, issuer, serial, validity, days left, key type and thumbprints', () => {
    const der = new Uint8Array(pki.certs['9a']!.rawData);
    const f = certFacts(der, NOW);
    expect(f.commonName).toBe('DOE.JOHN.QUINCY.1234567890');
    expect(f.edipi).toBe('1234567890');
    expect(f.issuer).toContain('Sign-in Doctor Test CA');
    expect(f.serial).toBe('1A2B3C');
    expect(f.daysLeft).toBe(700);
    expect(f.keyType).toBe('RSA 2048');
    expect(f.sha1).toMatch(/^[0-9A-F]{40}$/);
    expect(f.sha256).toMatch(/^[0-9A-F]{64}$/);
    expect(certFacts(new Uint8Array(pki.certs['9c']!.rawData), NOW).keyType).toBe('EC P-256');
  });

  it('garbage is a CertParseError', () => {
    expect(() => certFacts(Uint8Array.from([0x30, 0x82, 0x05, 0, ...new Array(40).fill(0x41)]), NOW)).toThrow(CertParseError);
  });

  it('builds the chain to the test CA: trusted only when the root is in the store, DoD only by thumbprint', async () => {
    const pool = new CertPool();
    const caDer = new Uint8Array(pki.ca.rawData);
    pool.add(caDer);
    const leaf = new Uint8Array(pki.certs['9a']!.rawData);
    const untrusted = await buildChain(leaf, pool, new Set());
    expect(untrusted).toMatchObject({ complete: true, trusted: false });
    expect(untrusted.dodRoot).toBeUndefined();
    const caSha1 = thumbprint(caDer, 'sha1');
    const trusted = await buildChain(leaf, pool, new Set([caSha1]));
    expect(trusted).toMatchObject({ complete: true, trusted: true });
    expect(trusted.path).toHaveLength(2);
    // With a root table naming the test CA as "DoD Root CA 3", the chain is recognised by thumbprint.
    const asDod = await buildChain(leaf, pool, new Set([caSha1]), [{ name: 'DoD Root CA 3', sha1: caSha1, notAfter: '2029-12-30' }]);
    expect(asDod.dodRoot?.name).toBe('DoD Root CA 3');
    const missing = await buildChain(leaf, new CertPool(), new Set());
    expect(missing).toMatchObject({ complete: false, trusted: false });
    expect(missing.problem).toMatch(/neither on the card nor/);
  });

  it('findings: expired, expiring within 30 days, not yet valid, chain not DoD, DoD Root CA 3', () => {
    const base: CertificateSummary = {
      slot: '9a', slotName: 'PIV Authentication', subject: 'CN=X', issuer: 'CN=Y', serial: '01', notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z',
      daysLeft: 400, keyType: 'RSA 2048', sha1: 'A'.repeat(40), sha256: 'B'.repeat(64), compressed: false,
      chain: { path: ['CN=X', 'CN=DoD Root CA 3'], complete: true, trusted: true, dodRoot: 'DoD Root CA 3' },
    };
    const ids = (c: CertificateSummary) => certificateFindings(c, NOW).map((f) => `${f.id}:${f.severity}`);
    expect(ids(base)).toEqual(['cac.dod-root-ca3-9a:info']);
    expect(ids({ ...base, daysLeft: -3 })).toContain('cac.cert-expired-9a:fail');
    expect(ids({ ...base, daysLeft: 30 })).toContain('cac.cert-expiring-9a:warn');
    expect(ids({ ...base, daysLeft: 31 })).not.toContain('cac.cert-expiring-9a:warn');
    expect(ids({ ...base, notBefore: '2027-01-01T00:00:00.000Z' })).toContain('cac.cert-not-yet-valid-9a:fail');
    expect(ids({ ...base, chain: { path: ['CN=X'], complete: false, trusted: false, problem: 'p' } })).toContain('cac.chain-not-dod-9a:warn');
    expect(ids({ ...base, chain: { ...base.chain, dodRoot: 'DoD Root CA 5' } })).toEqual([]);
    expect(certificateFindings(base, new Date('2029-06-01T00:00:00Z'))[0]!.severity).toBe('warn');
  });
});
