// What this computer trusts, per OS: Linux reads the system CA bundle (SSL_CERT_FILE first, as
// OpenSSL does) and Firefox/Chromium's NSS database when certutil is installed; Windows asks
// `certutil -store Root`; macOS asks `security find-certificate`. Command output is parsed by pure
// functions tested on recorded samples (test/fixtures/cac/).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineContext } from '../engine/types';
import { userDirs } from '../os/platform';
import { linuxProgram, macProgram, windowsProgram } from '../os/programs';
import { thumbprint } from './cac-certificate';
import { normalizeThumbprint } from './dod-roots';

export interface TrustStore {
  /** Where the anchors came from, for evidence ("/etc/ssl/certs/ca-certificates.crt", "certutil -store Root"). */
  sources: string[];
  /** SHA-1 thumbprints of trusted roots. */
  thumbprints: Set<string>;
  /** DER of trusted roots when the OS gives them (Linux bundle, macOS), used to build chains. */
  anchors: Uint8Array[];
  /** SHA-1 thumbprints in the NSS database (Firefox keeps its own store). */
  nss?: Set<string>;
  problems: string[];
}

export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
const MAX_CERTS = 10_000;

export const LINUX_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];

/** PEM "CERTIFICATE" blocks -> DER. Anything else in the text is ignored. */
export function pemCertificates(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END (?:TRUSTED )?CERTIFICATE-----/g;
  for (let m = re.exec(text); m && out.length < MAX_CERTS; m = re.exec(text)) {
    const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
    if (der.length > 16 && der[0] === 0x30) out.push(new Uint8Array(der));
  }
  return out;
}

/** `certutil -store Root` (Windows): "Cert Hash(sha1): d7 3c a9 ..." per certificate (or without spaces on newer builds). */
export function parseWindowsCertutilStore(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/Cert Hash\(sha1\):\s*([0-9a-fA-F ]{40,59})/g)) {
    const t = normalizeThumbprint(m[1]!);
    if (t.length === 40) out.push(t);
  }
  return out;
}

/** `security find-certificate -a -Z` (macOS): "SHA-1 hash: D73CA9..." per certificate. */
export function parseMacSecurityHashes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^SHA-1 hash:\s*([0-9A-Fa-f]{40})\s*$/gm)) out.push(m[1]!.toUpperCase());
  return out;
}

/** `certutil -L -d sql:DIR` (NSS): nickname + trust attributes per line after the header. */
export function parseNssList(text: string): Array<{ nickname: string; trust: string }> {
  const out: Array<{ nickname: string; trust: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.+?)\s{2,}([cCpPTu]*,[cCpPTu]*,[cCpPTu]*)\s*$/.exec(line);
    if (m && !/^Certificate Nickname/.test(m[1]!)) out.push({ nickname: m[1]!.trim(), trust: m[2]! });
  }
  return out;
}

/** `certutil -L -d sql:DIR -n NICK` (NSS): the "Fingerprint (SHA1):" block, hex pairs split by colons. */
export function parseNssFingerprint(text: string): string | undefined {
  const m = /Fingerprint \(SHA1\):\s*\n?\s*([0-9A-Fa-f:]{59})/.exec(text);
  return m ? normalizeThumbprint(m[1]!) : undefined;
}

async function linuxBundle(env: NodeJS.ProcessEnv): Promise<{ path?: string; ders: Uint8Array[]; problem?: string }> {
  const candidates = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : LINUX_BUNDLES;
  for (const path of candidates) {
    try {
      const st = await stat(path);
      if (!st.isFile()) continue;
      if (st.size > MAX_BUNDLE_BYTES) return { path, ders: [], problem: `${path} is larger than 16 MB; not read` };
      return { path, ders: pemCertificates(await readFile(path, 'utf8')) };
    } catch {
      // next candidate
    }
  }
  return { ders: [], problem: `no system CA bundle found (${candidates.join(', ')})` };
}

async function nssThumbprints(ctx: EngineContext, problems: string[]): Promise<{ source?: string; set?: Set<string> }> {
  const home = userDirs(ctx.platform, ctx.env).home;
  const db = join(home, '.pki', 'nssdb');
  try {
    await stat(join(db, 'cert9.db'));
  } catch {
    return {};
  }
  const list = await ctx.exec(linuxProgram('certutil'), ['-L', '-d', `sql:${db}`], { timeoutMs: 5000 });
  if (list.spawnError) return {}; // NSS tools not installed: nothing to check
  if (list.code !== 0) {
    problems.push(`certutil could not list ${db}`);
    return {};
  }
  const set = new Set<string>();
  // Only DoD-looking nicknames are inspected: the question is whether the DoD roots are there.
  for (const { nickname } of parseNssList(list.stdout).filter((n) => /dod|doD|DoD/i.test(n.nickname)).slice(0, 20)) {
    const one = await ctx.exec(linuxProgram('certutil'), ['-L', '-d', `sql:${db}`, '-n', nickname], { timeoutMs: 5000 });
    const fp = one.code === 0 ? parseNssFingerprint(one.stdout) : undefined;
    if (fp) set.add(fp);
  }
  return { source: `NSS ${db}`, set };
}

export async function loadTrustStore(ctx: EngineContext): Promise<TrustStore> {
  const store: TrustStore = { sources: [], thumbprints: new Set(), anchors: [], problems: [] };
  if (ctx.platform === 'linux') {
    const bundle = await linuxBundle(ctx.env);
    if (bundle.problem) store.problems.push(bundle.problem);
    if (bundle.path && !bundle.problem) store.sources.push(bundle.path);
    for (const der of bundle.ders) {
      store.anchors.push(der);
      store.thumbprints.add(thumbprint(der, 'sha1'));
    }
    const nss = await nssThumbprints(ctx, store.problems);
    if (nss.set && nss.source) {
      store.nss = nss.set;
      store.sources.push(nss.source);
    }
  } else if (ctx.platform === 'win32') {
    const r = await ctx.exec(windowsProgram('certutil'), ['-store', 'Root'], { timeoutMs: 15_000 });
    if (r.code === 0) {
      store.sources.push('certutil -store Root');
      for (const t of parseWindowsCertutilStore(r.stdout)) store.thumbprints.add(t);
    } else store.problems.push(`certutil -store Root failed${r.spawnError ? ` (${r.spawnError})` : ''}`);
  } else {
    for (const keychain of ['/System/Library/Keychains/SystemRootCertificates.keychain', '/Library/Keychains/System.keychain']) {
      const r = await ctx.exec(macProgram('security'), ['find-certificate', '-a', '-Z', '-p', keychain], { timeoutMs: 15_000 });
      if (r.code !== 0) {
        store.problems.push(`security find-certificate ${keychain} failed${r.spawnError ? ` (${r.spawnError})` : ''}`);
        continue;
      }
      store.sources.push(`security ${keychain}`);
      for (const t of parseMacSecurityHashes(r.stdout)) store.thumbprints.add(t);
      for (const der of pemCertificates(r.stdout)) store.anchors.push(der);
    }
  }
  return store;
}
