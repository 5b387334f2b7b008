// Importing DoD roots from a user-chosen bundle: real bundle files (PKCS#7 DER/PEM, PEM list) made
// at test time, the real runner and journal, and a fake `certutil` / `security` at the exec
// boundary that keeps its database as a real file. Only self-signed roots whose thumbprint is in
// the root table are imported; undo removes exactly those.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { thumbprint } from '../../../../src/main/cac/cac-certificate';
import { parseBundleCertificates, readBundleFile } from '../../../../src/main/cac/dod-bundle';
import type { DodRoot } from '../../../../src/main/cac/dod-roots';
import { importRootsFixWith, keychainAddRootStep, nicknameOf, nssAddRootStep, nssCreateDbStep } from '../../../../src/main/cac/import-roots-fix';
import * as x509 from '../../../../src/main/cac/x509';
import { Runner } from '../../../../src/main/engine/runner';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';
import { tempDir } from '../../../support/browser';

const SIGN = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

async function selfSigned(name: string) {
  const keys = await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 3650 * DAY), keys, signingAlgorithm: SIGN, extensions: [new x509.BasicConstraintsExtension(true, undefined, true)] });
  return { cert, keys };
}

let rootA: x509.X509Certificate;
let rootB: x509.X509Certificate;
let stranger: x509.X509Certificate;
let lookalike: x509.X509Certificate;
let intermediate: x509.X509Certificate;
let roots: DodRoot[];
const sha1 = (c: x509.X509Certificate) => thumbprint(new Uint8Array(c.rawData), 'sha1');

beforeAll(async () => {
  const a = await selfSigned('CN=DoD Root CA 5, OU=PKI, OU=DoD, O=U.S. Government, C=US');
  rootA = a.cert;
  rootB = (await selfSigned('CN=DoD Root CA 6, OU=PKI, OU=DoD, O=U.S. Government, C=US')).cert;
  stranger = (await selfSigned('CN=Someone Else Root, O=Elsewhere')).cert;
  lookalike = (await selfSigned('CN=DoD Root CA 3, OU=PKI, OU=DoD, O=U.S. Government, C=US')).cert; // right name, wrong key
  const ik = await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify']);
  intermediate = await x509.X509CertificateGenerator.create({ serialNumber: '02', subject: 'CN=DOD ID CA-70, OU=PKI, OU=DoD, O=U.S. Government, C=US', issuer: rootA.subject, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 900 * DAY), signingKey: a.keys.privateKey, publicKey: ik.publicKey, signingAlgorithm: SIGN });
  roots = [
    { name: 'DoD Root CA 5', sha1: sha1(rootA), notAfter: '2041-06-14' },
    { name: 'DoD Root CA 6', sha1: sha1(rootB), notAfter: '2053-01-24' },
    { name: 'DoD Root CA 3', sha1: 'D73CA91102A2204A36459ED32213B467D7CE97FB', notAfter: '2029-12-30' },
  ];
});

function writeBundle(kind: 'p7b-der' | 'p7b-pem' | 'pem', certs: x509.X509Certificate[]): string {
  const dir = tempDir('cac-bundle');
  const list = new x509.X509Certificates(certs);
  const file = join(dir, kind === 'pem' ? 'roots.pem' : 'roots.p7b');
  if (kind === 'p7b-der') writeFileSync(file, Buffer.from(list.export('raw')));
  else if (kind === 'p7b-pem') writeFileSync(file, list.export('pem'));
  else writeFileSync(file, certs.map((c) => c.toString('pem')).join('\n'));
  return file;
}

/** `certutil` over a JSON file standing in for cert9.db (nickname -> PEM); `security` over a JSON keychain. */
function fakeTools(): Exec & { calls: string[][] } {
  const calls: string[][] = [];
  const ok = (stdout = '', code = 0, stderr = ''): ExecResult => ({ code, signal: null, stdout, stderr, timedOut: false });
  const load = (f: string): Record<string, string> => (existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>) : {});
  const fp = (pem: string) => sha1(new x509.X509Certificate(pem)).match(/../g)!.join(':');
  const exec = (async (file: string, args: readonly string[], opts?: { input?: string }) => {
    calls.push([file, ...args]);
    if (file === '/usr/bin/certutil') {
      const dbArg = args[args.indexOf('-d') + 1]!;
      const db = join(dbArg.replace(/^sql:/, ''), 'cert9.db');
      const nick = args.includes('-n') ? args[args.indexOf('-n') + 1]! : undefined;
      if (args[0] === '-N') {
        writeFileSync(db, '{}');
        return ok();
      }
      if (!existsSync(db)) return ok('', 255, 'certutil: function failed: SEC_ERROR_BAD_DATABASE');
      const store = load(db);
      if (args[0] === '-L' && !nick) return ok(`\nCertificate Nickname                                         Trust Attributes\n                                                             SSL,S/MIME,JAR/XPI\n\n${Object.keys(store).map((n) => `${n.padEnd(60)} C,,`).join('\n')}\n`);
      if (args[0] === '-L') return store[nick!] ? ok(`Certificate:\n    Data:\n        Version: 3 (0x2)\n    Fingerprint (SHA1):\n        ${fp(store[nick!]!)}\n`) : ok('', 255, 'certutil: Could not find cert');
      if (args[0] === '-A') {
        expect(args).toEqual(expect.arrayContaining(['-t', 'C,,', '-a']));
        store[nick!] = opts!.input!;
      } else if (args[0] === '-D') delete store[nick!];
      writeFileSync(db, JSON.stringify(store));
      return ok();
    }
    if (file === '/usr/bin/security') {
      const keychain = args[0] === 'find-certificate' ? args[3]! : args[0] === 'delete-certificate' ? args[3]! : args[0] === 'add-trusted-cert' ? args[4]! : '';
      const kc = `${keychain}.json`;
      const store = keychain ? load(kc) : {};
      if (args[0] === 'find-certificate') return ok(Object.keys(store).map((h) => `SHA-256 hash: 00\nSHA-1 hash: ${h}\nkeychain: "${keychain}"\n`).join(''));
      if (args[0] === 'add-trusted-cert') {
        const pem = readFileSync(args[5]!, 'utf8');
        store[sha1(new x509.X509Certificate(pem))] = pem;
      } else if (args[0] === 'delete-certificate') delete store[args[2]!];
      else if (args[0] === 'remove-trusted-cert') return ok();
      writeFileSync(kc, JSON.stringify(store));
      return ok();
    }
    return { ...ok('', null as unknown as number), spawnError: 'ENOENT' };
  }) as Exec & { calls: string[][] };
  exec.calls = calls;
  return exec;
}

function setup(platform: 'linux' | 'darwin') {
  const home = tempDir('cac-home');
  if (platform === 'darwin') mkdirSync(join(home, 'Library', 'Keychains'), { recursive: true }); // a Mac always has it
  const exec = fakeTools();
  const ctx = createEngineContext({ stateDir: join(home, 'state'), env: { HOME: home, SIGNIN_DOCTOR_PLATFORM: platform }, exec });
  const runner = new Runner({ ctx, fixes: [importRootsFixWith(roots)], steps: [nssCreateDbStep, nssAddRootStep, keychainAddRootStep] });
  return { home, exec, ctx, runner };
}

describe('DoD root bundle parsing', () => {
  it('reads PKCS#7 in DER and PEM and PEM lists alike', () => {
    for (const kind of ['p7b-der', 'p7b-pem', 'pem'] as const) {
      const certs = parseBundleCertificates(readFileSync(writeBundle(kind, [rootA, intermediate, rootB])));
      expect(certs.map(sha1), kind).toEqual([rootA, intermediate, rootB].map(sha1));
    }
  });

  it('imports only self-signed roots with a known thumbprint; lists the rest with the reason', async () => {
    const b = await readBundleFile(writeBundle('p7b-der', [rootA, intermediate, stranger, lookalike, rootB]), roots);
    expect(b.importable.map((c) => c.dodRoot?.name)).toEqual(['DoD Root CA 5', 'DoD Root CA 6']);
    expect(b.importable[0]!.sha256).toMatch(/^[0-9A-F]{64}$/);
    const reasons = Object.fromEntries(b.skipped.map((s) => [s.subject.split(',')[0], s.reason]));
    expect(reasons['CN=DOD ID CA-70']).toMatch(/not a root/);
    expect(reasons['CN=Someone Else Root']).toMatch(/not one of the known DoD roots/);
    expect(reasons['CN=DoD Root CA 3']).toMatch(/not one of the known DoD roots/);
  });

  it('garbage, empty and oversized files are a clear bad-input error', async () => {
    const dir = tempDir('cac-bad');
    writeFileSync(join(dir, 'junk.p7b'), Buffer.from('0\x82\x05\x00garbage garbage'));
    await expect(readBundleFile(join(dir, 'junk.p7b'), roots)).rejects.toMatchObject({ code: 'bad-input' });
    writeFileSync(join(dir, 'big.p7b'), Buffer.alloc(5 * 1024 * 1024));
    await expect(readBundleFile(join(dir, 'big.p7b'), roots)).rejects.toThrow(/larger than 4 MB/);
    await expect(readBundleFile(join(dir, 'missing.p7b'), roots)).rejects.toMatchObject({ code: 'bad-input' });
  });
});

describe('cac.import-dod-roots', () => {
  it('Linux: plan shows each root with both thumbprints; apply adds them to ~/.pki/nssdb; undo removes exactly those', async () => {
    const { home, exec, runner } = setup('linux');
    const db = join(home, '.pki', 'nssdb');
    await mkdir(db, { recursive: true });
    // The user already trusts root B under their own nickname: it must be kept, never undone.
    writeFileSync(join(db, 'cert9.db'), JSON.stringify({ 'my dod 6': rootB.toString('pem'), 'corp root': stranger.toString('pem') }));
    const file = writeBundle('p7b-pem', [rootA, intermediate, rootB, stranger]);
    const plan = await runner.plan('cac.import-dod-roots', { bundle: file });
    expect(plan.blockedBy).toBeUndefined();
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toContain(`SHA-1 ${sha1(rootA)}`);
    expect(plan.changes[0]).toMatch(/SHA-256 [0-9A-F]{64}/);
    expect(plan.keeps.join('\n')).toContain('DoD Root CA 6 is already in');
    expect(plan.warnings.join('\n')).toMatch(/DOD ID CA-70.*not a root/);
    const record = await runner.apply('cac.import-dod-roots', { bundle: file });
    expect(record.status).toBe('verified');
    const after = JSON.parse(readFileSync(join(db, 'cert9.db'), 'utf8')) as Record<string, string>;
    expect(Object.keys(after).sort()).toEqual(['DoD Root CA 5 (Sign-in Doctor)', 'corp root', 'my dod 6']);
    expect(exec.calls.every((c) => c[0] === '/usr/bin/certutil')).toBe(true);
    await runner.undo(record.runId);
    expect(Object.keys(JSON.parse(readFileSync(join(db, 'cert9.db'), 'utf8')) as object).sort()).toEqual(['corp root', 'my dod 6']);
  });

  it('Linux without an NSS DB: creates it, and undo deletes it again while it is empty', async () => {
    const { home, runner } = setup('linux');
    const file = writeBundle('p7b-der', [rootA, rootB]);
    const record = await runner.apply('cac.import-dod-roots', { bundle: file });
    expect(record.steps.map((s) => s.kind)).toEqual(['cac.nss-create-db', 'cac.nss-add-root', 'cac.nss-add-root']);
    const db = join(home, '.pki', 'nssdb', 'cert9.db');
    expect(Object.keys(JSON.parse(readFileSync(db, 'utf8')) as object)).toHaveLength(2);
    await runner.undo(record.runId);
    expect(existsSync(db)).toBe(false);
  });

  it('undo refuses to delete a certificate that was replaced under our nickname', async () => {
    const { home, runner } = setup('linux');
    const record = await runner.apply('cac.import-dod-roots', { bundle: writeBundle('pem', [rootA]) });
    const db = join(home, '.pki', 'nssdb', 'cert9.db');
    const store = JSON.parse(readFileSync(db, 'utf8')) as Record<string, string>;
    store[nicknameOf('DoD Root CA 5')] = stranger.toString('pem');
    writeFileSync(db, JSON.stringify(store));
    await expect(runner.undo(record.runId)).rejects.toThrow();
    expect((JSON.parse(readFileSync(db, 'utf8')) as Record<string, string>)[nicknameOf('DoD Root CA 5')]).toBe(stranger.toString('pem'));
  });

  it('a bundle without known DoD roots is blocked and nothing runs', async () => {
    const { exec, runner } = setup('linux');
    const plan = await runner.plan('cac.import-dod-roots', { bundle: writeBundle('pem', [stranger, lookalike]) });
    expect(plan.blockedBy).toMatch(/none of the known DoD roots/);
    expect(exec.calls.filter((c) => c.includes('-A'))).toEqual([]);
  });

  it('macOS: security add-trusted-cert into the login keychain; undo deletes by SHA-1', async () => {
    const { home, exec, runner } = setup('darwin');
    const record = await runner.apply('cac.import-dod-roots', { bundle: writeBundle('p7b-der', [rootA, stranger]) });
    expect(record.status, JSON.stringify([record.error, exec.calls])).toBe('verified');
    const keychain = join(home, 'Library', 'Keychains', 'login.keychain-db');
    const add = exec.calls.find((c) => c[1] === 'add-trusted-cert')!;
    expect(add.slice(0, 6)).toEqual(['/usr/bin/security', 'add-trusted-cert', '-r', 'trustRoot', '-k', keychain]);
    expect(Object.keys(JSON.parse(readFileSync(`${keychain}.json`, 'utf8')) as object)).toEqual([sha1(rootA)]);
    await runner.undo(record.runId);
    expect(exec.calls.some((c) => c[1] === 'delete-certificate' && c[3] === sha1(rootA))).toBe(true);
    expect(JSON.parse(readFileSync(`${keychain}.json`, 'utf8'))).toEqual({});
  });

  it('Windows is blocked with the InstallRoot advice', async () => {
    const home = tempDir('cac-win');
    const ctx = createEngineContext({ stateDir: join(home, 'state'), env: { USERPROFILE: home, APPDATA: home, LOCALAPPDATA: home, SIGNIN_DOCTOR_PLATFORM: 'win32' }, exec: fakeTools() });
    const runner = new Runner({ ctx, fixes: [importRootsFixWith(roots)], steps: [] });
    await expect(runner.plan('cac.import-dod-roots', { bundle: writeBundle('pem', [rootA]) })).rejects.toThrow(/InstallRoot/);
  });
});
