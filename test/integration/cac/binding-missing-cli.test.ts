// A fresh install without build tools: npm skips the optional `smartcard` package and everything
// else is there. This runs the BUILT CLI (run `npm run build` first) from a copy of dist/ whose
// node_modules holds every package of the checkout except smartcard (symlinks), so Node, the CLI
// and its PC/SC worker thread (dist/pcsc-worker.js) find no binding, exactly as on such a machine.
// `cac` and `diagnose` still exit 0 with one JSON document; the cac domain says it once
// (cac.binding-missing, with the way to get it) and the other domains report as usual; explain and
// report work. Clock and network are pointed at refused loopback ports: nothing leaves the machine.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CacStatus } from '../../../src/shared/contract/cac';
import type { Finding } from '../../../src/shared/model';
import { tempDir } from '../../support/browser';
import { freePort } from '../../support/proxy';
import { unzipAll } from '../../support/unzip';

const ROOT = resolve(__dirname, '../../..');
const dir = tempDir('binding-missing');
const app = join(dir, 'app');
const cli = join(app, 'dist', 'cli.js');
const state = join(dir, 'state');
let config: string;

const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: join(dir, 'home'),
  XDG_CONFIG_HOME: join(dir, 'home', '.config'),
  GSETTINGS_BACKEND: 'keyfile',
  SIGNIN_DOCTOR_PLATFORM: 'linux',
  ...Object.fromEntries(['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((n) => [[n, ''], [n.toLowerCase(), '']])),
};

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args, '--state-dir', state], { cwd: dir, env, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Exit 0 and exactly one JSON document on stdout. */
async function json<T>(args: string[]): Promise<T> {
  const r = await run([...args, '--json']);
  expect({ code: r.code, stderr: r.code ? r.stderr : '' }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  for (const f of ['dist/cli.js', 'dist/pcsc-worker.js']) if (!existsSync(join(ROOT, f))) throw new Error(`run \`npm run build\` first (${f})`);
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  mkdirSync(join(app, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'smartcard') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
  }
  // What the test rests on: from the copy, Node resolves the other packages but not the binding.
  const req = createRequire(cli);
  expect(req.resolve('zod')).toBeTruthy();
  expect(() => req.resolve('smartcard')).toThrow();
  mkdirSync(env.HOME!, { recursive: true });
  const refused = await freePort();
  config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      clock: { servers: [`127.0.0.1:${refused}`], dateUrl: `http://127.0.0.1:${refused}/`, timeoutMs: 300, samples: 1 },
      network: {
        proxy: 'DIRECT',
        udp: false,
        timeouts: { dnsMs: 1000, tcpMs: 1000, connectMs: 1000, tlsMs: 1000, httpMs: 1000 },
        endpoints: [{ name: 'login', host: '127.0.0.1', port: refused, role: 'sign-in', critical: true }],
      },
    }),
  );
});

const cacOf = (findings: Finding[]) => findings.filter((f) => f.domain === 'cac');

describe('the built CLI on a machine without the PC/SC binding', () => {
  it('`cac --json`: exit 0, the service "unavailable" with the binding\'s advice, from the worker thread', async () => {
    const doc = await json<{ status: CacStatus; read?: unknown }>(['cac']);
    expect(doc.status.service).toBe('unavailable');
    expect(doc.status.binding).toMatch(/worker thread/);
    expect(doc.status.failure).toMatchObject({ code: 'binding-missing', name: 'PC/SC binding not installed' });
    expect(doc.status.failure!.message).toMatch(/^The PC\/SC binding is not installed: /);
    expect(doc.status.failure!.advice.join('\n')).toContain('libpcsclite-dev build-essential python3');
    expect(doc.status.readers).toEqual([]);
    expect(doc.read).toBeUndefined();
  });

  it('`cac` (text): exit 0 and says the same', async () => {
    const r = await run(['cac']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Smart card service: unavailable (PC/SC binding not installed)');
    expect(r.stdout).toContain('sudo apt install pcscd libpcsclite-dev build-essential python3');
    expect(r.stdout).toContain('npm install');
  });

  it('`diagnose --json`: exit 0, one cac finding (cac.binding-missing) and every other domain reports', async () => {
    const doc = await json<{ domains: string[]; findings: Finding[] }>(['diagnose', '--config', config]);
    const cac = cacOf(doc.findings);
    expect(cac.map((f) => f.id)).toEqual(['cac.binding-missing']);
    expect(cac[0]).toMatchObject({ severity: 'warn', fixes: [] });
    expect(cac[0]!.detail).toMatch(/^The PC\/SC binding is not installed: .*everything else works\. Install the PC\/SC service, its headers and a C\+\+ toolchain/);
    for (const domain of ['teams', 'clock', 'network', 'device']) expect(doc.findings.some((f) => f.domain === domain), domain).toBe(true);
    // The other domains ran their checks; none of them failed because of the binding.
    expect(doc.findings.filter((f) => f.domain !== 'cac' && /smartcard|PC\/SC binding/i.test(`${f.title} ${f.detail}`))).toEqual([]);
  });

  it('`diagnose --only cac --json` and `explain --json` answer too', async () => {
    const only = await json<{ findings: Finding[] }>(['diagnose', '--only', 'cac']);
    expect(only.findings.map((f) => f.id)).toEqual(['cac.binding-missing']);
    const explained = await json<{ codes: Array<{ code: string }> }>(['explain', 'AADSTS53003: Access has been blocked by Conditional Access policies.']);
    expect(explained.codes.map((c) => c.code)).toEqual(['53003']);
  });

  it('`report --out` writes the support bundle, which carries the finding', async () => {
    const out = join(dir, 'bundle.zip');
    await json(['report', '--out', out, '--config', config, '--only', 'cac,clock']);
    const entries = await unzipAll(readFileSync(out));
    const report = entries.get('report.json')?.toString('utf8') ?? '';
    expect(report).toContain('"cac.binding-missing"');
    expect(report).toContain('"clock.');
  });
});
