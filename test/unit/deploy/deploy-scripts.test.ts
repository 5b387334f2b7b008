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
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { productName: string; nsis: { oneClick: boolean; perMachine: boolean }; linux: { executableName: string } };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };

// Where electron-builder puts the app: NSIS per user, the macOS bundle, the deb's /usr/bin link.
// A one-click per-user NSIS install goes to %LOCALAPPDATA%\Programs\<package name> (app-builder-lib's
// getWindowsInstallationDirName uses the product name only for an assisted or per-machine install);
// the executable is named after the product.
const WINDOWS_DIR = config.nsis.oneClick && !config.nsis.perMachine ? pkg.name : config.productName;
const WINDOWS_EXE = `'Programs\\${WINDOWS_DIR}\\${config.productName}.exe'`;
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
    for (const file of ['intune/Detect-SigninDoctor.ps1', 'intune/Remediate-SigninDoctor.ps1', 'configmgr/Discover-SigninDoctor.ps1', 'configmgr/Remediate-SigninDoctor.ps1']) {
      const text = read(file);
      // UTF-8 read explicitly (Windows PowerShell 5.1 reads a file without a BOM as ANSI), and stderr's
      // first line when stdout is empty (exit 2), so the engine shows why.
      expect(text, file).toContain('Get-Content -LiteralPath $OutFile -Raw -Encoding UTF8');
      expect(text, file).toContain('if (-not $Line) { $Line = Get-Content -LiteralPath $ErrFile -Encoding UTF8 -TotalCount 1 }');
      expect(text, file).not.toMatch(/Get-Content -LiteralPath \$Out -Raw\)/);
    }
  });

  it('the Jamf scripts run the app in /Applications with exactly --cli remediate --detect|--apply', () => {
    for (const [file, mode] of [
      ['jamf/signin-doctor-status-ea.sh', 'detect'],
      ['jamf/signin-doctor-remediate.sh', 'apply'],
    ] as const) {
      const text = read(file);
      expect(text, file).toContain(`APP="${MAC_APP}"`);
      // The tests' override is honoured only when not root: a root script never runs what an environment names.
      expect(text, file).toContain('if [ "$(/usr/bin/id -u)" != 0 ] && [ -n "${SIGNIN_DOCTOR_APP:-}" ]; then APP="$SIGNIN_DOCTOR_APP"; fi');
      expect(text, file).toContain(`set -- --cli remediate --${mode}\n`);
      // No console user (stat gives nothing) is "not checked", never a run as root.
      expect(text, file).toMatch(/'' \| root \| loginwindow \| _mbsetupuser\)/);
    }
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
  let policy: string;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    dir = tempDir('deploy-jamf');
    // A stand-in for the installed app: accepts only `--cli` first, like the packaged app, then runs the built CLI.
    app = join(dir, 'Sign-in Doctor');
    writeFileSync(app, `#!/bin/sh\n[ "$1" = --cli ] || { echo "not --cli: $*" >&2; exit 64; }\nshift\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
    chmodSync(app, 0o755);
    const tree = await buildTeamsTree(join(dir, 'tree'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const log = join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    policy = join(dir, 'policy with spaces.json');
    await writeFile(policy, JSON.stringify({ version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] }));
    env = { ...process.env, ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') };
  });

  /**
   * A copy of a script as an admin would set it up here: APP is the stand-in, POLICY the policy file
   * (its quoting is exercised), and the console user is fixed. macOS's launchctl asuser and sudo do not
   * exist here: with a console user, the copy runs the app directly, which is what they hand over to.
   */
  const copyOf = (script: string, consoleUser: string) => {
    let text = read(`jamf/${script}`)
      .replace(/^APP=.*$/m, `APP='${app}'`)
      .replace(/^POLICY=""(.*)$/m, `POLICY='${policy}'$1`)
      .replace(/^user=\$\(\/usr\/bin\/stat -f%Su \/dev\/console 2>\/dev\/null\)$/m, `user='${consoleUser}'`);
    text = text.replace('/bin/launchctl asuser "$(/usr/bin/id -u "$user")" /usr/bin/sudo -n -H -u "$user" "$APP"', '"$APP"');
    expect(text, script).not.toContain('launchctl');
    const file = join(dir, `${consoleUser || 'nobody'}-${script}`);
    writeFileSync(file, text);
    return file;
  };
  const sh = (script: string, consoleUser = 'tester') =>
    new Promise<{ code: number; stdout: string }>((done) => {
      const child = execFile('/bin/sh', [copyOf(script, consoleUser)], { env, timeout: 120_000 }, (error, stdout) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }));
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

  it('no app at the path: says so in <result>; no console user: not checked, the app never runs', async () => {
    // The real script as shipped (the Applications path does not exist here).
    const r = await new Promise<string>((done) => execFile('/bin/sh', [join(ROOT, 'deploy/jamf/signin-doctor-status-ea.sh')], { env }, (_e, stdout) => done(stdout)));
    expect(r).toBe('<result>Sign-in Doctor is not installed</result>\n');
    for (const user of ['', 'loginwindow']) {
      const none = await sh('signin-doctor-status-ea.sh', user);
      expect(none.stdout, user).toBe('<result>No user signed in: not checked</result>\n');
    }
  });
});
