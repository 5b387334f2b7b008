// cac.import-dod-roots against the REAL NSS `certutil` (Debian libnss3-tools) and a real NSS
// database in a temporary home: apply adds exactly the known roots with trust C,,; undo removes
// them and deletes the database it created. The roots are made at test time; the root table the
// fix trusts is built from their thumbprints.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { thumbprint } from '../../../src/main/cac/cac-certificate';
import type { DodRoot } from '../../../src/main/cac/dod-roots';
import { importRootsFixWith, keychainAddRootStep, nssAddRootStep, nssCreateDbStep } from '../../../src/main/cac/import-roots-fix';
import * as x509 from '../../../src/main/cac/x509';
import { Runner } from '../../../src/main/engine/runner';
import { createEngineContext } from '../../../src/main/engine-context';
import { execFileSafe } from '../../../src/main/os/exec';
import { tempDir } from '../../support/browser';

const SIGN = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
let bundle: string;
let roots: DodRoot[];

async function selfSigned(name: string): Promise<x509.X509Certificate> {
  const keys = await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify']);
  return x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name, notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 3650 * 86_400_000), keys, signingAlgorithm: SIGN, extensions: [new x509.BasicConstraintsExtension(true, undefined, true)] });
}

beforeAll(async () => {
  const dod5 = await selfSigned('CN=DoD Root CA 5, OU=PKI, OU=DoD, O=U.S. Government, C=US');
  const other = await selfSigned('CN=Someone Else Root, O=Elsewhere');
  roots = [{ name: 'DoD Root CA 5', sha1: thumbprint(new Uint8Array(dod5.rawData), 'sha1'), notAfter: '2041-06-14' }];
  bundle = join(tempDir('nss-bundle'), 'roots.pem');
  writeFileSync(bundle, [dod5, other].map((c) => c.toString('pem')).join('\n'));
});

describe('DoD root import into a real NSS database', () => {
  it('adds the known root with trust C,, and undo leaves no trace', async () => {
    const home = tempDir('nss-home');
    const env = { HOME: home, PATH: process.env.PATH, SIGNIN_DOCTOR_PLATFORM: 'linux' };
    const ctx = createEngineContext({ stateDir: join(home, 'state'), env, exec: (file, args, options) => execFileSafe(file, args, { ...options, env }) });
    const runner = new Runner({ ctx, fixes: [importRootsFixWith(roots)], steps: [nssCreateDbStep, nssAddRootStep, keychainAddRootStep] });
    const db = join(home, '.pki', 'nssdb');
    const list = async () => (await execFileSafe('/usr/bin/certutil', ['-L', '-d', `sql:${db}`], { timeoutMs: 60_000 })).stdout;

    const record = await runner.apply('cac.import-dod-roots', { bundle });
    expect(record.status, record.error).toBe('verified');
    const listed = await list();
    expect(listed).toMatch(/DoD Root CA 5 \(Sign-in Doctor\)\s+C,,/);
    expect(listed).not.toContain('Someone Else');

    await runner.undo(record.runId);
    expect(existsSync(join(db, 'cert9.db'))).toBe(false);
  });
});
