// Fix: import the DoD roots from a bundle file the user chose (Linux, macOS). Only self-signed
// certificates whose SHA-1 is one of the known DoD roots are imported (see dod-bundle.ts); each is
// shown with its subject and SHA-256/SHA-1 thumbprints in the plan.
// Linux: the user's NSS database (~/.pki/nssdb, `certutil -A -t C,,`). Chrome, Edge and Teams on
//   Linux take user-added trust anchors from that database, without admin rights; the system
//   anchors directory would need root and a distro-specific update tool, and Chromium-based apps
//   ignore it for user-installed roots on many distros.
// macOS: `security add-trusted-cert -r trustRoot` into the login keychain (macOS asks the user).
// One step per root; apply and undo are idempotent and undo removes only a certificate whose
// thumbprint is the one we added. Roots already trusted there are left alone (and never undone).
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { blocked } from '../common/errors';
import { cacFixOptions } from '../../shared/contract/cac';
import type { EngineContext, FixDefinition, FixScope, StepExecutor } from '../engine/types';
import { userDirs } from '../os/platform';
import { assertInsideRoots } from '../os/safe-path';
import { linuxProgram, macProgram } from '../os/programs';
import { DOD_GUIDANCE_URL } from './card-report';
import { readBundleFile, type BundleCert } from './dod-bundle';
import { DOD_ROOTS, findDodRoot, normalizeThumbprint, type DodRoot } from './dod-roots';
import { parseMacSecurityHashes, parseNssFingerprint, parseNssList, pemCertificates } from './trust-store';

export const FIX_IMPORT_ROOTS = 'cac.import-dod-roots';
const T = 30_000;
const SHA1_RE = /^[0-9A-F]{40}$/;

const nssDbOf = (ctx: Pick<EngineContext, 'platform' | 'env'>) => join(userDirs(ctx.platform, ctx.env).home, '.pki', 'nssdb');
const loginKeychainOf = (ctx: Pick<EngineContext, 'platform' | 'env'>) => join(userDirs(ctx.platform, ctx.env).home, 'Library', 'Keychains', 'login.keychain-db');
export const nicknameOf = (rootName: string) => `${rootName} (Sign-in Doctor)`;

function fail(what: string, r: { code: number | null; stderr: string; stdout: string; spawnError?: string }): Error {
  return new Error(`${what} failed${r.spawnError ? ` (${r.spawnError})` : ''}: ${(r.stderr || r.stdout).trim().slice(0, 300) || `exit code ${String(r.code)}`}`);
}

/** SHA-1 of the certificate stored under `nickname` in the NSS DB, or undefined when there is none. */
async function nssFingerprint(ctx: EngineContext, db: string, nickname: string): Promise<string | undefined> {
  const r = await ctx.exec(linuxProgram('certutil'), ['-L', '-d', `sql:${db}`, '-n', nickname], { timeoutMs: T });
  if (r.spawnError) throw fail('certutil', r);
  return r.code === 0 ? parseNssFingerprint(r.stdout) : undefined;
}

/** Every SHA-1 in the NSS DB (at most 300 certificates are inspected). */
async function nssAllFingerprints(ctx: EngineContext, db: string): Promise<Set<string>> {
  const list = await ctx.exec(linuxProgram('certutil'), ['-L', '-d', `sql:${db}`], { timeoutMs: T });
  if (list.code !== 0) throw fail(`certutil -L -d sql:${db}`, list);
  const out = new Set<string>();
  for (const { nickname } of parseNssList(list.stdout).slice(0, 300)) {
    const fp = await nssFingerprint(ctx, db, nickname);
    if (fp) out.add(fp);
  }
  return out;
}

async function keychainHashes(ctx: EngineContext, keychain: string): Promise<Set<string>> {
  const r = await ctx.exec(macProgram('security'), ['find-certificate', '-a', '-Z', keychain], { timeoutMs: T });
  if (r.code !== 0) throw fail(`security find-certificate ${keychain}`, r);
  return new Set(parseMacSecurityHashes(r.stdout));
}

const exists = async (p: string) => stat(p).then(() => true, () => false);

const NssDbData = z.object({ db: z.string().min(1) });
/** Creates the user's NSS DB when none exists; undo deletes it again only while it is still empty. */
export const nssCreateDbStep: StepExecutor<z.infer<typeof NssDbData>> = {
  kind: 'cac.nss-create-db',
  data: NssDbData,
  paths: ({ db }) => [{ path: db, mayBeRoot: true }],
  async apply({ db }, ctx) {
    await assertInsideRoots(ctx.roots, db, { mayBeRoot: true });
    if (await exists(join(db, 'cert9.db'))) return;
    await mkdir(db, { recursive: true, mode: 0o700 });
    const r = await ctx.exec(linuxProgram('certutil'), ['-N', '-d', `sql:${db}`, '--empty-password'], { timeoutMs: T });
    if (r.code !== 0) throw fail('certutil -N', r);
  },
  async undo({ db }, ctx) {
    await assertInsideRoots(ctx.roots, db, { mayBeRoot: true });
    if (!(await exists(join(db, 'cert9.db')))) return;
    const list = await ctx.exec(linuxProgram('certutil'), ['-L', '-d', `sql:${db}`], { timeoutMs: T });
    if (list.code !== 0 || parseNssList(list.stdout).length > 0) return; // something else lives there now: keep it
    for (const f of ['cert9.db', 'key4.db', 'pkcs11.txt']) await rm(join(db, f), { force: true });
  },
};

const RootData = z.object({ sha1: z.string().regex(SHA1_RE), name: z.string().min(1).max(80), pem: z.string().max(20_000) });
const NssRootData = RootData.extend({ db: z.string().min(1) });

export const nssAddRootStep: StepExecutor<z.infer<typeof NssRootData>> = {
  kind: 'cac.nss-add-root',
  data: NssRootData,
  paths: ({ db }) => [{ path: db, mayBeRoot: true }],
  async apply(d, ctx) {
    const nick = nicknameOf(d.name);
    const have = await nssFingerprint(ctx, d.db, nick);
    if (have === d.sha1) return; // already added (a redo after a crash)
    if (have) throw new Error(`${d.db} already holds a different certificate named "${nick}"`);
    const r = await ctx.exec(linuxProgram('certutil'), ['-A', '-d', `sql:${d.db}`, '-n', nick, '-t', 'C,,', '-a'], { timeoutMs: T, input: d.pem });
    if (r.code !== 0) throw fail(`certutil -A ${nick}`, r);
  },
  async undo(d, ctx) {
    const nick = nicknameOf(d.name);
    const have = await nssFingerprint(ctx, d.db, nick);
    if (!have) return;
    if (have !== d.sha1) throw new Error(`"${nick}" in ${d.db} is no longer the certificate we added (SHA-1 ${have}); it was left in place`);
    const r = await ctx.exec(linuxProgram('certutil'), ['-D', '-d', `sql:${d.db}`, '-n', nick], { timeoutMs: T });
    if (r.code !== 0) throw fail(`certutil -D ${nick}`, r);
  },
};

const MacRootData = RootData.extend({ keychain: z.string().min(1) });

async function pemFile(ctx: { backupDir: string }, d: { sha1: string; pem: string }): Promise<string> {
  await mkdir(ctx.backupDir, { recursive: true });
  const file = join(ctx.backupDir, `dod-root-${d.sha1}.pem`);
  await writeFile(file, d.pem, { mode: 0o600 });
  return file;
}

export const keychainAddRootStep: StepExecutor<z.infer<typeof MacRootData>> = {
  kind: 'cac.keychain-add-root',
  data: MacRootData,
  async apply(d, ctx) {
    if ((await keychainHashes(ctx, d.keychain)).has(d.sha1)) return;
    const file = await pemFile(ctx, d);
    const r = await ctx.exec(macProgram('security'), ['add-trusted-cert', '-r', 'trustRoot', '-k', d.keychain, file], { timeoutMs: 5 * 60_000 });
    if (r.code !== 0) throw fail('security add-trusted-cert', r);
  },
  async undo(d, ctx) {
    if (!(await keychainHashes(ctx, d.keychain)).has(d.sha1)) return;
    const file = await pemFile(ctx, d);
    const trust = await ctx.exec(macProgram('security'), ['remove-trusted-cert', file], { timeoutMs: 5 * 60_000 });
    if (trust.code !== 0 && !/not found|could not be found/i.test(trust.stderr)) throw fail('security remove-trusted-cert', trust);
    const r = await ctx.exec(macProgram('security'), ['delete-certificate', '-Z', d.sha1, d.keychain], { timeoutMs: T });
    if (r.code !== 0) throw fail('security delete-certificate', r);
  },
};

// `bundle`, not `file`: the CLI's `fix` command keeps --file for itself (the schema is in contract/cac.ts).
const Options = cacFixOptions['cac.import-dod-roots'];
type ImportOptions = z.infer<typeof Options>;

const describeRoot = (c: BundleCert) => `${c.dodRoot?.name ?? c.subject}: ${c.subject}; SHA-256 ${c.sha256}; SHA-1 ${c.sha1}; valid until ${c.notAfter.slice(0, 10)}`;

async function present(ctx: EngineContext): Promise<Set<string>> {
  if (ctx.platform === 'darwin') return keychainHashes(ctx, loginKeychainOf(ctx));
  const db = nssDbOf(ctx);
  return (await exists(join(db, 'cert9.db'))) ? nssAllFingerprints(ctx, db) : new Set();
}

/** SHA-1 of the one certificate a PEM text holds, or undefined when it holds none or several. */
function pemSha1(pem: string): string | undefined {
  const ders = pemCertificates(pem);
  return ders.length === 1 ? createHash('sha1').update(ders[0]!).digest('hex').toUpperCase() : undefined;
}

/**
 * Only our own database or keychain, and only a known DoD root whose PEM really has that
 * thumbprint: a journal record can never make this fix trust a certificate of someone's choosing.
 */
function importScope(ctx: Pick<EngineContext, 'platform' | 'env'>, roots: readonly DodRoot[]): FixScope {
  const db = nssDbOf(ctx);
  const keychain = loginKeychainOf(ctx);
  return {
    stepKinds: ['cac.nss-create-db', 'cac.nss-add-root', 'cac.keychain-add-root'],
    roots: [db],
    check(step) {
      const d = step.data as { db?: unknown; keychain?: unknown; sha1?: unknown; name?: unknown; pem?: unknown };
      if (step.kind !== 'cac.keychain-add-root' && d.db !== db) return `it names the NSS database ${String(d.db).slice(0, 200)}, not yours (${db})`;
      if (step.kind === 'cac.nss-create-db') return undefined;
      if (step.kind === 'cac.keychain-add-root' && d.keychain !== keychain) return `it names the keychain ${String(d.keychain).slice(0, 200)}, not your login keychain`;
      const root = typeof d.sha1 === 'string' ? findDodRoot(d.sha1, roots) : undefined;
      if (!root || root.name !== d.name) return 'it would trust a certificate that is not a known DoD root';
      if (typeof d.pem !== 'string' || pemSha1(d.pem) !== root.sha1) return `its certificate is not ${root.name} (the thumbprint does not match)`;
      return undefined;
    },
  };
}

export const importRootsFix = importRootsFixWith(DOD_ROOTS);

/** The fix over a given root table (tests hand in roots they generated). */
export function importRootsFixWith(roots: readonly DodRoot[]): FixDefinition<ImportOptions> {
  return {
  id: FIX_IMPORT_ROOTS,
  domain: 'cac',
  title: 'Import the DoD root certificates from a bundle file',
  description: 'Adds the DoD roots found in a file you choose (DISA PKCS#7 bundle) to your NSS database (Linux: Chrome, Edge, Teams) or login keychain (macOS). Only known DoD roots, by thumbprint.',
  options: Options,
  scope: (ctx) => importScope(ctx, roots),
  async plan(ctx, { bundle: file }) {
    const base = { fixId: FIX_IMPORT_ROOTS, title: 'Import the DoD root certificates', needsAdmin: false, needsClosed: [], undoable: true };
    if (ctx.platform === 'win32') throw blocked(`On Windows, install the DoD roots with DISA's InstallRoot tool (${DOD_GUIDANCE_URL}).`);
    const bundle = await readBundleFile(file, roots);
    const target = ctx.platform === 'darwin' ? `your login keychain (${loginKeychainOf(ctx)})` : `your NSS database (${nssDbOf(ctx)})`;
    const warnings = bundle.skipped.map((s) => `Skipped ${s.subject} (SHA-1 ${s.sha1}): ${s.reason}`);
    let already: Set<string>;
    try {
      already = await present(ctx);
    } catch (error) {
      const missing = /ENOENT/.test((error as Error).message);
      const msg = missing ? (ctx.platform === 'linux' ? 'certutil is not installed: install the NSS tools (Debian/Ubuntu: libnss3-tools; Fedora: nss-tools) and try again.' : 'the security tool is missing.') : (error as Error).message;
      return { ...base, summary: 'Cannot check what is already trusted.', changes: [], keeps: [], steps: [], undoDescription: '', warnings, blockedBy: msg };
    }
    const todo = bundle.importable.filter((c) => !already.has(c.sha1));
    const kept = bundle.importable.filter((c) => already.has(c.sha1));
    const keeps = [...kept.map((c) => `${c.dodRoot!.name} is already in ${target}: left as is`), 'Every other certificate you trust, and the system CA bundle'];
    const summary = `Add ${todo.length} DoD root(s) from ${file} to ${target}.`;
    const undoDescription = `Removes exactly the ${todo.length} root(s) added here (by thumbprint); roots that were already there stay.`;
    if (bundle.importable.length === 0) return { ...base, summary, changes: [], keeps, steps: [], undoDescription, warnings, blockedBy: 'The file holds none of the known DoD roots (DoD Root CA 3-6, checked by SHA-1 thumbprint). Download the PKCS#7 bundle from DISA (see the DoD guidance) and choose it again.' };
    if (todo.length === 0) return { ...base, summary, changes: [], keeps, steps: [], undoDescription, warnings, blockedBy: `Every DoD root in the file is already trusted in ${target}.` };
    const steps = [];
    if (ctx.platform === 'linux') {
      const db = nssDbOf(ctx);
      if (!(await exists(join(db, 'cert9.db')))) steps.push({ kind: 'cac.nss-create-db', description: `Create your NSS database ${db} (empty password, as Chrome does)`, data: { db } });
      for (const c of todo) steps.push({ kind: 'cac.nss-add-root', description: `Trust ${describeRoot(c)}`, data: { db, sha1: c.sha1, name: c.dodRoot!.name, pem: c.pem } });
    } else {
      const keychain = loginKeychainOf(ctx);
      for (const c of todo) steps.push({ kind: 'cac.keychain-add-root', description: `Trust ${describeRoot(c)}`, data: { keychain, sha1: c.sha1, name: c.dodRoot!.name, pem: c.pem } });
    }
    return {
      ...base,
      summary,
      changes: todo.map((c) => `Trust as a root in ${target}: ${describeRoot(c)}`),
      keeps,
      steps,
      undoDescription,
      warnings: [...warnings, ctx.platform === 'darwin' ? 'macOS asks for your password to change trust settings.' : 'Restart Chrome, Edge and Teams afterwards so they read the new roots. Firefox keeps its own store.'],
    };
  },
  async verify(ctx, _opts, record) {
    const wanted = record.steps.map((s) => (s.data as { sha1?: unknown }).sha1).filter((x): x is string => typeof x === 'string').map(normalizeThumbprint);
    const now = await present(ctx);
    const missing = wanted.filter((w) => !now.has(w));
    return missing.length === 0 ? { ok: true, message: `${wanted.length} DoD root(s) are now trusted.`, findings: [] } : { ok: false, message: `Not found after the import: SHA-1 ${missing.join(', ')}`, findings: [] };
  },
};
}
