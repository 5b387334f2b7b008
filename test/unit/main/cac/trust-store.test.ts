import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMacSecurityHashes, parseNssFingerprint, parseNssList, parseWindowsCertutilStore, pemCertificates } from '../../../../src/main/cac/trust-store';
import { findDodRoot } from '../../../../src/main/cac/dod-roots';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/cac', name), 'utf8');

describe('trust store output parsers', () => {
  it('reads SHA-1 thumbprints from `certutil -store Root`, spaced or not', () => {
    const t = parseWindowsCertutilStore(fixture('certutil-store-root.txt'));
    expect(t).toEqual(['CDD4EEAE6000AC7F40C3802C171E30148030C072', 'D73CA91102A2204A36459ED32213B467D7CE97FB', '4ECB5CC3095670454DA1CBD410FC921F46B8564B']);
    expect(t.map((x) => findDodRoot(x)?.name).filter(Boolean)).toEqual(['DoD Root CA 3', 'DoD Root CA 5']);
  });

  it('reads SHA-1 hashes from `security find-certificate -Z`, not the SHA-256 lines', () => {
    expect(parseMacSecurityHashes(fixture('security-find-certificate.txt'))).toEqual(['D73CA91102A2204A36459ED32213B467D7CE97FB', '611E5B662C593A08FF58D14AE22452D198DF6C60']);
  });

  it('lists NSS nicknames with trust flags and reads a certificate\'s SHA-1 fingerprint', () => {
    const list = parseNssList(fixture('nss-list.txt'));
    expect(list.map((l) => l.nickname)).toEqual(['DoD Root CA 3', 'DoD Root CA 6', 'DOD ID CA-59', 'My Personal Cert']);
    expect(list[0]!.trust).toBe('CT,C,C');
    expect(parseNssFingerprint(fixture('nss-cert.txt'))).toBe('D73CA91102A2204A36459ED32213B467D7CE97FB');
    expect(parseNssFingerprint('garbage')).toBeUndefined();
  });

  it('extracts PEM certificates and skips junk and non-certificate blocks', () => {
    const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.alloc(256, 1)]);
    const pem = `junk\n-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----`;
    const out = pemCertificates(pem);
    expect(out).toHaveLength(1);
    expect(Buffer.from(out[0]!).equals(der)).toBe(true);
  });
});
