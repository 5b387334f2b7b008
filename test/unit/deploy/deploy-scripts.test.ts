// The deploy/ packages cannot run here (no PowerShell, no Intune, Jamf or Configuration Manager
// agent). What can be checked is checked: each script names the install path electron-builder.yml
// produces and calls exactly the CLI contract (`--cli remediate --detect|--apply`, `--cli diagnose
// --json`), and the Jamf scripts, run with /bin/sh against a stand-in app that is the real built CLI
// (`npm run build` first), print `<result>` with the real one-line status and pass its exit code on.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH } from '../../support/cli';
import { buildTeamsTree } from '../../support/teams-tree';

const ROOT = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, 'deploy', path), 'utf8');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { productName: string; nsis: { perMachine: boolean }; linux: { executableName: string } };

// Where electron-builder puts the app: NSIS per user, the macOS bundle, the deb's /usr/bin link.
const WINDOWS_EXE = `'Programs\\${config.productName}\\${config.productName}.exe'`;
const MAC_APP = `/Applications/${config.productName}.app/Contents/MacOS/${config.productName}`;
const LINUX_BIN = `/usr/bin/${config.linux.executableName}`;

describe('deploy scripts name the installed app and the CLI contract', () => {
  it('the Windows scripts (Intune, Configuration Manager) run the per-user install with exactly --cli remediate --detect|--apply', () => {
    expect(config.nsis.perMachine).toBe(false);
    for (const [file, mode] of [
      ['intune/Detect-SigninDoctor.ps1', 'detect'],
      ['intune/Remediate-SigninDoctor.ps1', 'apply'],
      ['configmgr/Discover-SigninDoctor.ps1', 'detect'],
      ['configmgr/Remediate-SigninDoctor.ps1', 'apply'],
    ] as const) {
      const text = read(file);
      expect(text, file).toContain(`$App = Join-Path $env:LOCALAPPDATA ${WINDOWS_EXE}`);
      expect(text.match(/\$CliArgs = @\(([^)]*)\)/)?.[1], file).toBe(`'--cli', 'remediate', '--${mode}'`);
      expect(text, file).toContain('-FilePath $App -ArgumentList $CliArgs -Wait -PassThru');
      // Intune counts stderr output as a script error: the app's stderr goes to a file.
      expect(text, file).toContain('-RedirectStandardError $Err');
    }
    for (const file of ['intune/Detect-SigninDoctor.ps1', 'intune/Remediate-SigninDoctor.ps1', 'configmgr/Remediate-SigninDoctor.ps1']) expect(read(file), file).toContain('exit $p.ExitCode');
  });

  it('the Jamf scripts run the app in /Applications with exactly --cli remediate --detect|--apply', () => {
    expect(read('jamf/signin-doctor-status-ea.sh')).toContain(`APP="\${SIGNIN_DOCTOR_APP:-${MAC_APP}}"`);
    expect(read('jamf/signin-doctor-status-ea.sh')).toContain('set -- --cli remediate --detect\n');
    expect(read('jamf/signin-doctor-remediate.sh')).toContain(`APP="\${SIGNIN_DOCTOR_APP:-${MAC_APP}}"`);
    expect(read('jamf/signin-doctor-remediate.sh')).toContain('set -- --cli remediate --apply\n');
  });

  it('the Ansible playbook runs --cli diagnose --json from the install path of each OS and fetches the file', () => {
    const plays = parse(read('ansible/signin-doctor-diagnose.yml')) as Array<{ tasks: Array<Record<string, unknown>> }>;
    const tasks = plays[0]!.tasks;
    const posix = tasks.find((t) => t['ansible.builtin.command']) as { 'ansible.builtin.command': { argv: string[] } };
    expect(posix['ansible.builtin.command'].argv.slice(1)).toEqual(['--cli', 'diagnose', '--json']);
    expect(posix['ansible.builtin.command'].argv[0]).toContain(`'${MAC_APP}'`);
    expect(posix['ansible.builtin.command'].argv[0]).toContain(`'${LINUX_BIN}'`);
    const windows = tasks.find((t) => t['ansible.windows.win_shell']) as { 'ansible.windows.win_shell': string };
    expect(windows['ansible.windows.win_shell']).toContain(`Join-Path $env:LOCALAPPDATA ${WINDOWS_EXE}`);
    expect(windows['ansible.windows.win_shell']).toContain("-ArgumentList @('--cli', 'diagnose', '--json')");
    expect(tasks.some((t) => t['ansible.builtin.fetch'])).toBe(true);
  });

  it('every package says it has not run on a managed device', () => {
    expect(read('README.md')).toContain('Not yet run on a managed device');
    for (const dir of ['intune', 'jamf', 'configmgr', 'ansible']) expect(read(`${dir}/README.md`), dir).toMatch(/Not yet run/);
  });
});

describe('the Jamf scripts under /bin/sh, against the real CLI', () => {
  let app: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const dir = tempDir('deploy-jamf');
    // A stand-in for the installed app: accepts only `--cli` first, like the packaged app, then runs the built CLI.
    app = join(dir, 'Sign-in Doctor');
    writeFileSync(app, `#!/bin/sh\n[ "$1" = --cli ] || { echo "not --cli: $*" >&2; exit 64; }\nshift\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
    chmodSync(app, 0o755);
    const tree = await buildTeamsTree(join(dir, 'tree'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const log = join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    const policy = join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] }));
    // The scripts' POLICY variable is empty; the test gives the stand-in the policy instead.
    writeFileSync(app, readFileSync(app, 'utf8').replace('"$@"\n', `"$@" --policy "${policy}"\n`));
    env = { ...process.env, ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state'), SIGNIN_DOCTOR_APP: app };
  });

  const sh = (script: string) =>
    new Promise<{ code: number; stdout: string }>((done) => {
      const child = execFile('/bin/sh', [join(ROOT, 'deploy/jamf', script)], { env, timeout: 120_000 }, (error, stdout) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }));
      child.stdin?.end();
    });

  it('extension attribute: <result> with the status line; policy script: the outcome and its exit code; then clean', async () => {
    const before = await sh('signin-doctor-status-ea.sh');
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^<result>Sign-in Doctor: Needs repair: would apply teams\.signin-reset \| [^\n]*<\/result>\n$/);

    const apply = await sh('signin-doctor-remediate.sh');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/^Sign-in Doctor: Repaired and verified: teams\.signin-reset \(run \d{8}T\d{6}Z-[a-z0-9]{6}\) \| /);

    const after = await sh('signin-doctor-status-ea.sh');
    expect(after.stdout).toMatch(/^<result>Sign-in Doctor: No repair needed \| [^\n]*<\/result>\n$/);
  });

  it('no app at the path: says so in <result>', async () => {
    const r = await new Promise<string>((done) => execFile('/bin/sh', [join(ROOT, 'deploy/jamf/signin-doctor-status-ea.sh')], { env: { ...env, SIGNIN_DOCTOR_APP: '/nonexistent/Sign-in Doctor' } }, (_e, stdout) => done(stdout)));
    expect(r).toBe('<result>Sign-in Doctor is not installed</result>\n');
  });
});
