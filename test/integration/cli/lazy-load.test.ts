// The built CLI loads only what a command needs: --version and --help load no package at all (no
// schema library, no certificate parser, no PAC sandbox, no PC/SC binding) and never read the full
// CLI (dist/cli-main.js); `explain` loads no package either (the schema library is bundled into
// the full CLI); `diagnose` still loads what its checks need. Which
// packages load is recorded by a --require hook (test/support/record-requires.cjs): this asserts
// WHICH modules load, never how long anything takes.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { runBuiltCli } from '../../support/cli';

const HOOK = join(__dirname, '../../support/record-requires.cjs');
const HEAVY = ['@peculiar/x509', 'systeminformation', 'pac-resolver', 'quickjs-wasi', 'smartcard', 'yazl'];

async function packagesLoadedBy(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; main: string[]; worker: string[]; files: string[] }> {
  const dir = tempDir('cli-lazy');
  const log = join(dir, 'requires.log');
  // A lone --version or --help is answered by the launcher itself; anything more goes to the full CLI.
  const lone = argv.length === 1 && /^--(version|help)$/.test(argv[0]!);
  const run = await runBuiltCli(lone ? argv : [...argv, '--state-dir', join(dir, 'state')], {
    env: { NODE_OPTIONS: `--require ${HOOK}`, SD_REQUIRE_LOG: log, HOME: dir, SIGNIN_DOCTOR_PLATFORM: 'linux', ...env },
    timeoutMs: 120_000,
  });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const of = (thread: string) => [...new Set(lines.filter((l) => l.startsWith(`${thread} `)).map((l) => l.slice(thread.length + 1)))].sort();
  return { code: run.code, stdout: run.stdout, main: of('main'), worker: of('worker'), files: of('file') };
}

describe('the built CLI loads a command\'s domain only when it runs', () => {
  it('--version loads no package, and is answered without the full CLI', async () => {
    const r = await packagesLoadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.main).toEqual([]);
    expect(r.worker).toEqual([]);
    expect(r.files).not.toContain('cli-main.js');
    // The same answer the full CLI gives.
    expect(r.stdout).toBe(`${JSON.parse((await runBuiltCli(['--version', '--json'])).stdout).version}\n`);
  });

  it('--help and a command\'s --help load no package', async () => {
    for (const argv of [['--help'], ['cac', '--help'], ['diagnose', '--help']]) {
      const r = await packagesLoadedBy(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout, argv.join(' ')).toMatch(/signin-doctor|Usage/);
      expect(r.main, argv.join(' ')).toEqual([]);
      if (argv.length === 1) expect(r.files, 'a lone --help never reads the full CLI').not.toContain('cli-main.js');
    }
    // The launcher's help is the full CLI's help, word for word.
    const viaLauncher = (await runBuiltCli(['--help'])).stdout;
    const viaFullCli = JSON.parse((await runBuiltCli(['--help', '--json'])).stdout).help as string;
    expect(viaLauncher).toBe(viaFullCli);
  });

  it('explain loads no package: no certificate parser, PAC sandbox, system probe or PC/SC', async () => {
    const r = await packagesLoadedBy(['explain', '--json', 'AADSTS53003']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).codes[0].code).toBe('53003');
    expect(r.files).toContain('cli-main.js');
    expect(r.main).toEqual([]);
    expect(r.worker).toEqual([]);
  });

  it('diagnose --only teams loads none of the other domains\' packages', async () => {
    const r = await packagesLoadedBy(['diagnose', '--only', 'teams', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).domains).toEqual(['teams']);
    expect(r.main.filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('diagnose still loads what its checks need (the certificate parser for cac, systeminformation for device on Linux)', async () => {
    const r = await packagesLoadedBy(['diagnose', '--only', 'cac,device', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).domains).toEqual(['cac', 'device']);
    expect(r.main).toContain('@peculiar/x509');
    expect(r.main).toContain('systeminformation');
    expect(r.main).not.toContain('pac-resolver');
  });

  it('a repair command loads every domain (the runner needs all fixes and steps)', async () => {
    const r = await packagesLoadedBy(['fix', '--list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((f: { id: string }) => f.id)).toContain('explain.save-note');
    expect(r.main).toContain('@peculiar/x509');
  });
});
