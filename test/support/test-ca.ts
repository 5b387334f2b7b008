// Test certificate authorities, generated at test time with @peculiar/x509 + WebCrypto (ECDSA
// P-256, fast): a CA issues intermediates and server leaves, and everything exports as PEM for
// Node's TLS. Generic: the network tests use a "public" CA and an "inspecting proxy" CA; other
// domains can use it for any chain they need.
import { webcrypto } from 'node:crypto';
import * as x509 from '../../src/main/cac/x509';

const crypto = webcrypto as unknown as Crypto;
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TestLeaf {
  cert: x509.X509Certificate;
  certPem: string;
  keyPem: string;
  /** Leaf then every CA up to (not including) the root: what a server presents. */
  chainPem: string;
}

export interface TestCa {
  name: string;
  cert: x509.X509Certificate;
  pem: string;
  keys: CryptoKeyPair;
  /** Issuers above this CA (for intermediates), leaf-side first, root excluded. */
  parents: TestCa[];
  issueServer(options: { commonName: string; dnsNames?: string[]; ips?: string[]; notBefore?: Date; notAfter?: Date }): Promise<TestLeaf>;
  issueIntermediate(name: string): Promise<TestCa>;
}

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(8, '0');

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`;
}

function wrap(name: string, cert: x509.X509Certificate, keys: CryptoKeyPair, parents: TestCa[], root: boolean): TestCa {
  const self: TestCa = {
    name,
    cert,
    pem: cert.toString('pem'),
    keys,
    parents,
    async issueServer({ commonName, dnsNames = [commonName], ips = [], notBefore = new Date(Date.now() - DAY), notAfter = new Date(Date.now() + 30 * DAY) }) {
      const leafKeys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: nextSerial(),
        subject: `CN=${commonName}`,
        issuer: cert.subject,
        notBefore,
        notAfter,
        signingAlgorithm: ALG,
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension([...dnsNames.map((value) => ({ type: 'dns' as const, value })), ...ips.map((value) => ({ type: 'ip' as const, value }))]),
          await x509.AuthorityKeyIdentifierExtension.create(cert),
        ],
      });
      const chain = [leaf.toString('pem'), ...(root ? [] : [self.pem, ...parents.slice(0, -1).map((p) => p.pem)])];
      return { cert: leaf, certPem: leaf.toString('pem'), keyPem: await keyPem(leafKeys), chainPem: chain.join('\n') };
    },
    async issueIntermediate(childName) {
      const childKeys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
      const child = await x509.X509CertificateGenerator.create({
        serialNumber: nextSerial(),
        subject: `CN=${childName}, O=Sign-in Doctor tests`,
        issuer: cert.subject,
        notBefore: new Date(Date.now() - DAY),
        notAfter: new Date(Date.now() + 365 * DAY),
        signingAlgorithm: ALG,
        publicKey: childKeys.publicKey,
        signingKey: keys.privateKey,
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
          await x509.SubjectKeyIdentifierExtension.create(childKeys.publicKey),
          await x509.AuthorityKeyIdentifierExtension.create(cert),
        ],
      });
      return wrap(childName, child, childKeys, [self, ...parents], false);
    },
  };
  return self;
}

/** A self-signed root CA. */
export async function createTestCa(name: string): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${name}, O=Sign-in Doctor tests`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return wrap(name, cert, keys, [], true);
}
