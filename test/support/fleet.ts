// Generated fleets for `fleet summarize`, from real documents: the built CLI's `diagnose --json` run
// on a few real profile trees and configs (and `report --out` for a support bundle, and
// `remediate --detect --json` when this build has it), then copied to hundreds of machines with
// their device names, times and findings varied by a seeded PRNG. Broken and foreign files are
// added beside them. What was written is returned as the exact counts the summary must show.
import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import yazl from 'yazl';
import { rng } from './prng';
import { buildTeamsTree } from './teams-tree';
import { unzipAll } from './unzip';

const run = promisify(execFile);
/** The built CLI (test/support/cli.ts names the same; not imported, so the bench can bundle this file alone). */
const BUILT_CLI = join(__dirname, '../../dist/cli.js');

type Json = Record<string, unknown>;
type Sev = 'ok' | 'info' | 'warn' | 'fail';
type Counts = Record<Sev, number>;
const ORDER: Record<Sev, number> = { ok: 0, info: 1, warn: 2, fail: 3 };

export interface RealDocuments {
  /** diagnose --json outputs, each from another tree or config. */
  diagnoses: Array<{ story: string; doc: Json }>;
  /** A real support bundle (zip) and its report.json. */
  bundle: { zip: Buffer; report: Json };
  /** remediate --detect --json, when this build has the command. */
  remediate?: Json;
}

async function cli(cliPath: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function diagnose(cliPath: string, args: string[], env: NodeJS.ProcessEnv): Promise<Json> {
  const r = await cli(cliPath, ['diagnose', '--json', ...args], env);
  if (r.code !== 0) throw new Error(`diagnose ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Json;
}

/** Runs the built CLI on four machines' worth of real trees; loopback only (the clock asks refused ports). */
export async function captureRealDocuments(base: string, cliPath = BUILT_CLI): Promise<RealDocuments> {
  const config = join(base, 'config.json');
  await mkdir(base, { recursive: true });
  await writeFile(config, JSON.stringify({ clock: { servers: ['127.0.0.1:9'], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 1000 } }));
  const envOf = (name: string, extra: NodeJS.ProcessEnv) => ({ ...extra, SIGNIN_DOCTOR_STATE_DIR: join(base, name, 'state'), SIGNIN_DOCTOR_CONFIG: config });
  const only = ['--only', 'teams,device,clock'];

  // 1. Linux, teams-for-linux whose log holds a 53003 from an hour ago; the smart-card service too.
  const home1 = join(base, 'linux-ca', 'home');
  const logs = join(home1, '.config', 'teams-for-linux', 'logs');
  await mkdir(logs, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').slice(0, 23);
  await writeFile(join(logs, 'main.log'), `[${hourAgo}] [info]  window: page loaded\n[${hourAgo}] [error] login: AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b\n`);
  const env1 = envOf('linux-ca', { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home1, XDG_CONFIG_HOME: join(home1, '.config') });
  const linuxCa = await diagnose(cliPath, ['--only', 'teams,device,clock,cac'], env1);

  // 2. Windows paths, new Teams with the sign-in loop story moved to yesterday.
  const win = await buildTeamsTree(join(base, 'win-loop'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const log = join(win.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
  await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
  const env2 = envOf('win-loop', win.env);
  const winLoop = await diagnose(cliPath, only, env2);

  // 3. macOS paths, classic and new Teams, a Conditional Access story older than 7 days (no error now).
  const mac = await buildTeamsTree(join(base, 'mac'), 'darwin', { files: 24, logs: 'conditional-access' });
  const macDoc = await diagnose(cliPath, only, envOf('mac', mac.env));

  // 4. Linux with no Teams at all, logs not read.
  const home4 = join(base, 'linux-empty', 'home');
  await mkdir(home4, { recursive: true });
  const empty = await diagnose(cliPath, ['--no-logs', ...only], envOf('linux-empty', { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home4, XDG_CONFIG_HOME: join(home4, '.config') }));

  const zipPath = join(base, 'bundle.zip');
  const report = await cli(cliPath, ['report', '--out', zipPath, ...only], env2);
  if (report.code !== 0) throw new Error(`report --out failed (${report.code}): ${report.stderr}`);
  const zip = await readFile(zipPath);
  const reportJson = JSON.parse((await unzipAll(zip)).get('report.json')!.toString('utf8')) as Json;

  const remediate = await cli(cliPath, ['remediate', '--detect', '--json'], env1);
  let remediateDoc: Json | undefined;
  try {
    remediateDoc = remediate.stdout.trim() ? (JSON.parse(remediate.stdout) as Json) : undefined;
  } catch {
    remediateDoc = undefined;
  }
  return {
    diagnoses: [
      { story: 'linux-ca', doc: linuxCa },
      { story: 'win-loop', doc: winLoop },
      { story: 'mac-old-ca', doc: macDoc },
      { story: 'linux-no-teams', doc: empty },
    ],
    bundle: { zip, report: reportJson },
    ...(remediateDoc?.kind === 'remediate' ? { remediate: remediateDoc } : {}),
  };
}

// ---- What a machine file says, read straight from the documents the generator wrote ----

interface MachineTruth {
  findings: Map<string, Sev>;
  errorDisplay?: string;
  firstCause?: string;
  platform: string;
  teams: string[];
}

/** A diagnose's or report's findings; remediate lists only its problems, under findings.problems. */
const findingsOf = (doc: Json): Json[] => (Array.isArray(doc.findings) ? (doc.findings as Json[]) : Array.isArray((doc.findings as Json | undefined)?.problems) ? ((doc.findings as Json).problems as Json[]) : []);
const PLATFORMS: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

function truthOf(doc: Json): MachineTruth {
  const findings = new Map<string, Sev>();
  for (const f of findingsOf(doc)) {
    const sev = f.severity as Sev;
    if (!(sev in ORDER)) continue;
    const before = findings.get(f.id as string);
    if (!before || ORDER[sev] > ORDER[before]) findings.set(f.id as string, sev);
  }
  const error = doc.error as { leadCode?: string; codes: Array<{ display: string }> } | undefined;
  const lead = error ? (error.codes.find((c) => c.display === error.leadCode) ?? error.codes[0]) : undefined;
  const causes = (doc.causes as Array<{ id: string; strength: string }> | undefined) ?? [];
  const first = causes.find((c) => c.strength !== 'ruled-out');
  const os = (findingsOf(doc).find((f) => f.id === 'device.os')?.evidence as { policyPlatform: string } | undefined) ?? (doc.device as { policyPlatform?: string } | undefined);
  const platform = os?.policyPlatform ?? PLATFORMS[String((doc.device as Json | undefined)?.platform)] ?? 'Not reported';
  const teams = findingsOf(doc)
    .filter((f) => String(f.id).startsWith('teams.client-'))
    .map((f) => (f.evidence as { client: string }).client);
  const none = findingsOf(doc).some((f) => f.id === 'teams.not-found');
  return { findings, ...(lead ? { errorDisplay: lead.display } : {}), ...(first ? { firstCause: first.id } : {}), platform, teams: teams.length ? [...new Set(teams)] : none ? ['none'] : ['unknown'] };
}

// ---- The fleet ----

export interface FleetSpec {
  seed: number;
  /** Machines with a device name (one file each, plus duplicates). */
  machines: number;
  /** Extra files of named machines: older or newer than the other one, with other findings. */
  duplicates: number;
  /** Machines whose file carries no device name: each file is its own machine, named by its path. */
  nameless: number;
  /** Add the broken, foreign, special and newer-schema files. */
  broken: boolean;
  /** Add machines with hostile names and a planted secret. */
  hostile: boolean;
  /** Put every file in one folder (the bench) instead of one folder per machine. */
  flat?: boolean;
}

export interface FleetTruth {
  root: string;
  /** Files the summary must read as machine documents. */
  read: number;
  byKind: { diagnose: number; remediate: number; report: number };
  machines: number;
  superseded: number;
  skipped: Record<string, number>;
  ignored: number;
  newerSchema: number;
  findingsDropped: number;
  byWorst: Counts;
  withProblems: number;
  findings: Record<string, Counts>;
  errorCodes: Record<string, { machines: number; causes: Record<string, number> }>;
  byPlatform: Record<string, number>;
  byTeamsClient: Record<string, number>;
  /** Rows the CSV must have (without its header): each machine's findings, at least one row. */
  csvRows: number;
  /** Strings planted in the files that must never reach any output. */
  secrets: string[];
  /** Hostile device names planted (shown escaped, never run). */
  hostileNames: string[];
  /** Every device name a file carries. */
  deviceNames: Set<string>;
}

export const PLANTED_JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmbGVldC1wbGFudGVkLXNlY3JldCIsImF1ZCI6Imh0dHBzOi8vZ3JhcGgubWljcm9zb2Z0LmNvbSJ9.c2lnbmF0dXJlLXBsYW50ZWQtaW4tYS1mbGVldC1maWxl';

/** A copy of a real diagnose with some problems taken away (a healthier machine), consistently: no failure in the logs, no error. */
function vary(doc: Json, random: () => number, name: string | undefined, at: Date): Json {
  const copy = structuredClone(doc);
  if (random() < 0.35) {
    copy.findings = findingsOf(copy).filter((f) => f.severity !== 'fail' && f.severity !== 'warn');
    delete copy.error;
    copy.causes = [];
  } else if (random() < 0.3) {
    // Only the smart-card warning goes.
    copy.findings = findingsOf(copy).filter((f) => f.id !== 'cac.service');
  }
  copy.startedAt = new Date(at.getTime() - 4000).toISOString();
  copy.finishedAt = at.toISOString();
  const policy = (findingsOf(copy).find((f) => f.id === 'device.os')?.evidence as { policyPlatform?: string } | undefined)?.policyPlatform;
  const platform = (copy.device as Json | undefined)?.platform ?? Object.keys(PLATFORMS).find((k) => PLATFORMS[k] === policy) ?? 'linux';
  if (name === undefined) delete copy.device;
  else copy.device = { ...((copy.device as Json | undefined) ?? { platform }), name };
  return copy;
}

async function put(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name, { mtime: new Date('2026-11-23T07:00:00Z') });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}

export async function writeFleet(root: string, real: RealDocuments, spec: FleetSpec): Promise<FleetTruth> {
  const random = rng(spec.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const base = Date.parse('2026-11-20T08:00:00Z');
  /** The newest document of each machine (by key), and every machine file written. */
  const newest = new Map<string, { at: number; doc: Json }>();
  const truth: FleetTruth = {
    root,
    read: 0,
    byKind: { diagnose: 0, remediate: 0, report: 0 },
    machines: 0,
    superseded: 0,
    skipped: {},
    ignored: 0,
    newerSchema: 0,
    findingsDropped: 0,
    byWorst: { fail: 0, warn: 0, info: 0, ok: 0 },
    withProblems: 0,
    findings: {},
    errorCodes: {},
    byPlatform: {},
    byTeamsClient: {},
    csvRows: 0,
    secrets: [],
    hostileNames: [],
    deviceNames: new Set(),
  };
  const skip = (reason: string) => (truth.skipped[reason] = (truth.skipped[reason] ?? 0) + 1);
  const pathFor = (folder: string, file: string) => (spec.flat ? join(root, `${folder}-${file}`) : join(root, folder, file));
  let serial = 0;
  const machine = async (key: string, path: string, doc: Json, at: number, kind: 'diagnose' | 'remediate' | 'report' = 'diagnose', text?: string | Buffer) => {
    await put(path, text ?? `${JSON.stringify(doc, null, 2)}\n`);
    if (key.startsWith('name:')) truth.deviceNames.add(String((doc.device as Json).name));
    truth.read++;
    truth.byKind[kind]++;
    const before = newest.get(key);
    if (before) truth.superseded++;
    if (!before || at >= before.at) newest.set(key, { at, doc });
  };

  const names = Array.from({ length: spec.machines }, (_, i) => `PC-${String(i + 1).padStart(4, '0')}`);
  for (const name of names) {
    const at = new Date(base + serial++ * 60_000);
    await machine(`name:${name.toLowerCase()}`, pathFor(name, 'diagnose.json'), vary(pick(real.diagnoses).doc, random, name, at), at.getTime());
  }
  for (let d = 0; d < spec.duplicates; d++) {
    const name = pick(names);
    // Older or newer than the machine's other file(s), by up to two days either way.
    const at = new Date(base + Math.floor((random() * 4 - 2) * 86_400_000));
    await machine(`name:${name.toLowerCase()}`, pathFor(name, `diagnose-${d}.json`), vary(pick(real.diagnoses).doc, random, name, at), at.getTime());
  }
  for (let i = 0; i < spec.nameless; i++) {
    const path = pathFor('unnamed', `machine-${i}.json`);
    const at = new Date(base + serial++ * 60_000);
    await machine(`file:${path}`, path, vary(pick(real.diagnoses).doc, random, undefined, at), at.getTime());
  }

  if (spec.broken) {
    const sample = JSON.stringify(real.diagnoses[0]!.doc, null, 2);
    const junk = join(root, 'junk');
    for (const cut of [1, 100, Math.floor(sample.length / 2)]) {
      await put(join(junk, `truncated-${cut}.json`), sample.slice(0, cut));
      skip('broken-json');
    }
    await put(join(junk, 'empty.json'), '');
    skip('broken-json');
    await put(join(junk, 'random.json'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + spec.seed) % 256)));
    skip('binary');
    await put(join(junk, 'picture.json'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), Buffer.alloc(300, 7)]));
    skip('binary');
    // 9 MB (sparse: nothing is written), over the 4 MB cap: never read.
    await put(join(junk, 'huge.json'), '{"findings": [');
    await truncate(join(junk, 'huge.json'), 9 * 1024 * 1024);
    skip('too-large');
    await put(join(junk, 'wrong-findings.json'), JSON.stringify({ schemaVersion: 1, kind: 'diagnose', findings: 'none today' }));
    skip('wrong-shape');
    await put(join(junk, 'wrong-version.json'), JSON.stringify({ ...real.diagnoses[1]!.doc, schemaVersion: 'two' }));
    skip('wrong-shape');
    await put(join(junk, 'fix-history.json'), JSON.stringify({ schemaVersion: 2, runs: [] }));
    skip('foreign');
    await put(join(junk, 'list.json'), '[1, 2, 3]');
    skip('foreign');
    await put(join(junk, 'package.json'), JSON.stringify({ name: 'not-a-machine', version: '1.0.0' }));
    skip('foreign');
    await put(join(junk, 'cut.zip'), real.bundle.zip.subarray(0, Math.floor(real.bundle.zip.length / 2)));
    skip('bad-zip');
    await put(join(junk, 'other.zip'), await zipOf({ 'notes.txt': 'no report in here' }));
    skip('bad-zip');
    await put(join(junk, 'notes.txt'), 'collected by the help desk');
    await put(join(junk, 'report.html'), '<p>a report page</p>');
    truth.ignored += 2;
    await run('/usr/bin/mkfifo', [join(junk, 'pipe.json')]);
    skip('special-file');
    await symlink('..', join(junk, 'loop'));
    skip('link-loop');
    await symlink('self.json', join(junk, 'self.json'));
    skip('link-loop');
    await symlink('nowhere.json', join(junk, 'dangling.json'));
    skip('unreadable');
    // The same machine file once more through a link to it.
    await symlink(join('..', names[0]!, 'diagnose.json'), join(junk, 'again.json'));
    skip('seen-already');
    // Links out of the folder given (a system folder, a system file named like a machine file): not followed.
    await symlink('/usr', join(junk, 'usr'));
    skip('link-outside');
    await symlink('/etc/passwd', join(junk, 'passwd.json'));
    skip('link-outside');

    // From a newer Sign-in Doctor: read as far as possible and flagged (an unknown severity is left out).
    for (let i = 0; i < 2; i++) {
      const name = `NEW-${i + 1}`;
      const doc = vary(real.diagnoses[i]!.doc, random, name, new Date(base + serial++ * 60_000));
      doc.schemaVersion = 99;
      doc.kind = 'diagnose';
      doc.futureField = { anything: [1, 2, 3] };
      doc.findings = [...findingsOf(doc), { id: 'teams.future-check', domain: 'teams', severity: 'critical', title: 'A severity of the future', detail: '', evidence: {}, fixes: [] }];
      truth.newerSchema++;
      truth.findingsDropped++;
      await machine(`name:${name.toLowerCase()}`, join(root, 'newer', `${name}.json`), doc, Date.parse(doc.finishedAt as string), 'diagnose');
    }
    // A support bundle as a zip and its report.json as a plain file (redacted: no device name, so two machines).
    await machine('file:bundle', join(root, 'bundles', 'PC-BUNDLE.zip'), real.bundle.report, Date.parse(real.bundle.report.generatedAt as string), 'report', real.bundle.zip);
    await machine('file:report', join(root, 'bundles', 'PC-BUNDLE', 'report.json'), real.bundle.report, Date.parse(real.bundle.report.generatedAt as string), 'report');
    // Windows PowerShell 5.1 writes `>` output as UTF-16 with a byte-order mark.
    const utf16Name = 'PC-UTF16';
    const utf16 = vary(real.diagnoses[1]!.doc, random, utf16Name, new Date(base + serial++ * 60_000));
    await machine(`name:${utf16Name.toLowerCase()}`, join(root, utf16Name, 'diagnose.json'), utf16, Date.parse(utf16.finishedAt as string), 'diagnose', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(utf16), 'utf16le')]));
    if (real.remediate) {
      const name = String((real.remediate.device as Json).name);
      await machine(`name:${name.toLowerCase()}`, join(root, 'remediate', 'detect.json'), real.remediate, Date.parse(real.remediate.generatedAt as string), 'remediate');
    }
  }

  if (spec.hostile) {
    const hostile = ['<script>alert("fleet")</script><img src=x onerror=alert(1)>', '=HYPERLINK("http://203.0.113.9/x","open")', '@SUM(1+1)*cmd|\' /C calc\'!A0'];
    for (const name of hostile) {
      const at = new Date(base + serial++ * 60_000);
      // Never made healthier: a hostile machine must show up among the ones to look at first.
      const doc = vary(real.diagnoses[0]!.doc, () => 0.99, name, at);
      const first = findingsOf(doc)[0];
      if (first) first.title = `Token seen: Bearer ${PLANTED_JWT}`;
      truth.hostileNames.push(name);
      await machine(`name:${name.toLowerCase()}`, join(root, 'hostile', `h${truth.hostileNames.length}.json`), doc, at.getTime());
    }
    truth.secrets.push(PLANTED_JWT, PLANTED_JWT.slice(0, 40));
  }

  // The picture the summary must show, from the newest document of each machine.
  truth.machines = newest.size;
  for (const { doc } of newest.values()) {
    const t = truthOf(doc);
    let worst: Sev = 'ok';
    for (const [id, sev] of t.findings) {
      const c = (truth.findings[id] ??= { fail: 0, warn: 0, info: 0, ok: 0 });
      c[sev]++;
      if (ORDER[sev] > ORDER[worst]) worst = sev;
    }
    truth.byWorst[worst]++;
    if (ORDER[worst] >= ORDER.warn) truth.withProblems++;
    if (t.errorDisplay) {
      const e = (truth.errorCodes[t.errorDisplay] ??= { machines: 0, causes: {} });
      e.machines++;
      if (t.firstCause) e.causes[t.firstCause] = (e.causes[t.firstCause] ?? 0) + 1;
    }
    truth.byPlatform[t.platform] = (truth.byPlatform[t.platform] ?? 0) + 1;
    for (const c of t.teams) truth.byTeamsClient[c] = (truth.byTeamsClient[c] ?? 0) + 1;
    truth.csvRows += Math.max(1, t.findings.size);
  }
  return truth;
}
