// Per-action elevation: what reaches ctx.exec is exactly a fixed template (plus validated values),
// and no text a caller supplies (the renderer, the CLI, a config file) can reach a command line.
import { describe, expect, it, vi } from 'vitest';
import { EngineError } from '../../../../src/main/common/errors';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';
import { describeElevation, ELEVATED_ACTION_IDS, ELEVATED_ACTIONS, elevatedCommand, macScript, runElevated, TimeServer, UAC_CANCELLED_EXIT } from '../../../../src/main/os/elevate';
import { PLATFORMS, type Platform } from '../../../../src/main/os/platform';
import { LINUX_PROGRAMS, MAC_PROGRAMS, WINDOWS_PROGRAMS } from '../../../../src/main/os/programs';

interface Call {
  file: string;
  args: readonly string[];
}

function recordingExec(result: Partial<ExecResult> = {}): Exec & { calls: Call[] } {
  const calls: Call[] = [];
  const exec = (async (file: string, args: readonly string[]) => {
    calls.push({ file, args: [...args] });
    return { code: 0, signal: null, stdout: '', stderr: '', timedOut: false, ...result };
  }) as Exec & { calls: Call[] };
  exec.calls = calls;
  return exec;
}

const decodeUac = (args: readonly string[]) => {
  expect(args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
  expect(args).toHaveLength(4);
  return Buffer.from(args[3]!, 'base64').toString('utf16le');
};

const macPrefix = (title: string) => macScript(title).flatMap((line) => ['-e', line]);

describe('elevatedCommand: the exact command per OS', () => {
  it('Linux: pkexec with the fixed absolute program and its fixed arguments', async () => {
    const exec = recordingExec();
    const result = await runElevated({ platform: 'linux', env: {}, exec }, 'clock.resync', { server: 'time.example.org' });
    expect(result).toEqual({ ok: true, cancelled: false, code: 0, stderr: '' });
    expect(exec.calls).toEqual([{ file: '/usr/bin/pkexec', args: ['/usr/bin/chronyc', 'makestep'] }]);
    await runElevated({ platform: 'linux', env: {}, exec }, 'cac.restart-service', {});
    expect(exec.calls[1]).toEqual({ file: '/usr/bin/pkexec', args: ['/usr/bin/systemctl', 'restart', 'pcscd.service'] });
  });

  it('macOS: osascript with a fixed script; the command words are argv items, quoted by AppleScript', async () => {
    const exec = recordingExec();
    await runElevated({ platform: 'darwin', env: {}, exec }, 'clock.set-time-server', { server: 'time.apple.com' });
    expect(exec.calls).toEqual([
      { file: '/usr/bin/osascript', args: [...macPrefix('use a different time server'), '/usr/sbin/systemsetup', '-setnetworktimeserver', 'time.apple.com'] },
    ]);
    // The script text itself never contains a value: only argv does.
    const script = exec.calls[0]!.args.filter((_a, i, all) => all[i - 1] === '-e').join('\n');
    expect(script).not.toContain('time.apple.com');
    expect(script).toContain('quoted form of');
    expect(script).toContain('with administrator privileges');
  });

  it('Windows: PowerShell -EncodedCommand starting the fixed program with -Verb RunAs and single-quoted tokens', async () => {
    const exec = recordingExec();
    await runElevated({ platform: 'win32', env: { SystemRoot: 'C:\\Windows' }, exec }, 'clock.set-time-server', { server: '10.1.2.3' });
    expect(exec.calls).toHaveLength(1);
    expect(exec.calls[0]!.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    const script = decodeUac(exec.calls[0]!.args);
    expect(script).toBe(
      [
        "$ErrorActionPreference = 'Stop'",
        'try {',
        "  $p = Start-Process -FilePath 'C:\\Windows\\System32\\w32tm.exe' -ArgumentList @('/config','/manualpeerlist:10.1.2.3,0x8','/syncfromflags:manual','/update') -Verb RunAs -WindowStyle Hidden -Wait -PassThru",
        '  exit $p.ExitCode',
        '} catch {',
        "  if ($_.Exception.InnerException.NativeErrorCode -eq 1223 -or $_.Exception.Message -match 'canceled by the user') { exit 1223 }",
        '  [Console]::Error.WriteLine($_.Exception.Message)',
        '  exit 1',
        '}',
      ].join('\n'),
    );
  });

  // A standard user can set SystemRoot / windir (user environment, a shortcut, a parent process) to
  // a folder they write to; the technician typing the admin password must still run Windows' own
  // w32tm.exe, launched by Windows' own powershell.exe.
  const USER_ROOTS = ['C:\\Users\\eve\\evil', '\\\\server\\share', 'D:\\x', 'E:\\Windows', "C:\\Windows' ; calc ; '", 'D:\\x y', 'C:\\Windows\\..\\Temp'];
  const REAL_WINDOWS = { onWindows: true, exists: (path: string) => path === 'C:\\Windows' || path === 'C:\\Windows\\System32' };

  it('Windows: SystemRoot and windir never choose the elevated program or the launcher (real Windows host, and acting as Windows)', async () => {
    for (const root of USER_ROOTS) {
      for (const host of [REAL_WINDOWS, { onWindows: false, exists: () => false }]) {
        const exec = recordingExec();
        await runElevated({ platform: 'win32', env: { SystemRoot: root, SYSTEMROOT: root, windir: root, WINDIR: root }, exec }, 'clock.resync', { server: 'pool.ntp.org' }, { host });
        expect(exec.calls).toHaveLength(1);
        expect(exec.calls[0]!.file, root).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
        expect(decodeUac(exec.calls[0]!.args)).toContain("-FilePath 'C:\\Windows\\System32\\w32tm.exe' -ArgumentList @('/resync','/force')");
        expect(elevatedCommand('win32', 'clock.resync', { server: 'pool.ntp.org' }, { host }).display).toBe('C:\\Windows\\System32\\w32tm.exe /resync /force');
      }
    }
  });

  it("Windows: this process's own SystemRoot is not read either", () => {
    vi.stubEnv('SystemRoot', 'D:\\x');
    vi.stubEnv('windir', 'D:\\x');
    try {
      const command = elevatedCommand('win32', 'cac.restart-service', {}, { host: REAL_WINDOWS });
      expect(command.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
      expect(command.display).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile -NonInteractive -Command Restart-Service -Name SCardSvr -Force');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('Windows: without C:\\Windows\\System32 on a real Windows host the action is blocked, whatever SystemRoot says, and nothing runs', async () => {
    for (const exists of [() => false, (path: string) => path === 'C:\\Windows', (path: string) => path.startsWith('D:\\x')]) {
      const exec = recordingExec();
      const error = await runElevated({ platform: 'win32', env: { SystemRoot: 'D:\\x' }, exec }, 'clock.resync', { server: 'pool.ntp.org' }, { host: { onWindows: true, exists } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('blocked');
      expect((error as EngineError).message).toMatch(/^clock\.resync cannot ask for administrator rights: C:\\Windows\\System32 was not found on this computer.*SystemRoot and windir environment variables can be changed by any user/);
      expect(exec.calls).toEqual([]);
      expect(() => describeElevation('win32', 'clock.resync', { server: 'pool.ntp.org' }, { host: { onWindows: true, exists } })).toThrow(/C:\\Windows\\System32 was not found/);
    }
    // macOS and Linux never look at the Windows folder.
    expect(elevatedCommand('linux', 'clock.resync', { server: 'pool.ntp.org' }, { host: { onWindows: true, exists: () => false } }).file).toBe('/usr/bin/pkexec');
  });

  it('every template names a program of the os/programs.ts table and is made of safe tokens only', () => {
    const tables: Record<Platform, readonly string[]> = { win32: Object.keys(WINDOWS_PROGRAMS), darwin: Object.keys(MAC_PROGRAMS), linux: LINUX_PROGRAMS };
    let count = 0;
    for (const id of ELEVATED_ACTION_IDS) {
      const commands = ELEVATED_ACTIONS[id].commands as Partial<Record<Platform, { program: string; args: readonly string[] }>>;
      for (const [platform, template] of Object.entries(commands) as Array<[Platform, { program: string; args: readonly string[] }]>) {
        expect(tables[platform], `${id} ${platform}`).toContain(template.program);
        for (const token of template.args) expect(token).toMatch(/^[A-Za-z0-9_.:,/\\=+{}-]+$/);
        const display = elevatedCommand(platform, id, id === 'clock.resync' || id === 'clock.set-time-server' ? { server: 'pool.ntp.org' } : {}).display;
        expect(display, `${id} ${platform}`).toMatch(platform === 'win32' ? /^C:\\Windows\\System32\\[A-Za-z0-9\\.]+\.exe / : /^\/(usr\/)?s?bin\/[a-z_-]+ /);
        count++;
      }
    }
    expect(count).toBe(13);
  });

  it('describes the prompt and the one command for a fix plan, with the full program path', () => {
    expect(describeElevation('win32', 'clock.resync', { server: 'pool.ntp.org' })).toBe('Windows asks for permission (UAC), then runs only: C:\\Windows\\System32\\w32tm.exe /resync /force');
    expect(describeElevation('linux', 'cac.restart-service')).toBe('polkit asks for an administrator password, then runs only: /usr/bin/systemctl restart pcscd.service');
    expect(describeElevation('darwin', 'clock.resync', { server: 'time.apple.com' })).toBe('macOS asks for an administrator password, then runs only: /usr/bin/sntp -sS time.apple.com');
  });
});

describe('refusals happen before anything runs', () => {
  const expectRefused = async (platform: Platform, action: unknown, args: unknown, code: 'bad-input' | 'blocked') => {
    const exec = recordingExec();
    const error = await runElevated({ platform, env: {}, exec }, action, args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect(exec.calls).toEqual([]);
  };

  it('unknown action ids, including prototype keys', async () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'clock.resync ', 'CLOCK.RESYNC', '', 'rm -rf /', 42, null, undefined, {}, ['clock.resync']]) {
      await expectRefused('linux', id, { server: 'pool.ntp.org' }, 'bad-input');
    }
  });

  it('arguments of the wrong shape: extra keys, wrong types, prototype tricks', async () => {
    for (const args of [
      { server: 'pool.ntp.org', extra: 'x' },
      { server: 42 },
      { server: ['pool.ntp.org'] },
      { server: { toString: () => 'pool.ntp.org' } },
      null,
      'pool.ntp.org',
      [],
      JSON.parse('{"__proto__": {"server": "pool.ntp.org"}}'),
      Object.create({ server: 'pool.ntp.org' }),
    ]) {
      await expectRefused('darwin', 'clock.resync', args, 'bad-input');
    }
    await expectRefused('linux', 'cac.restart-service', { extra: '; reboot' }, 'bad-input');
  });

  it('an action that does not exist on this OS is blocked', async () => {
    await expectRefused('darwin', 'cac.restart-service', {}, 'blocked');
    await expectRefused('linux', 'clock.set-time-server', { server: 'pool.ntp.org' }, 'blocked');
    await expectRefused('win32', 'clock.set-time-server', { server: 'bad host' }, 'bad-input');
  });

  it('automatic time on and back off: the exact commands per OS', () => {
    expect(elevatedCommand('linux', 'clock.enable-network-time', {}).args).toEqual(['/usr/bin/timedatectl', 'set-ntp', 'true']);
    expect(elevatedCommand('linux', 'clock.disable-network-time', {}).args).toEqual(['/usr/bin/timedatectl', 'set-ntp', 'false']);
    expect(elevatedCommand('darwin', 'clock.disable-network-time', {}).args.slice(-2)).toEqual(['-setusingnetworktime', 'off']);
    expect(elevatedCommand('darwin', 'clock.disable-network-time', {}).display).toBe('/usr/sbin/systemsetup -setusingnetworktime off');
    expect(elevatedCommand('win32', 'clock.enable-network-time', {}).display).toBe('C:\\Windows\\System32\\w32tm.exe /config /syncfromflags:manual /update');
    expect(elevatedCommand('win32', 'clock.disable-network-time', {}).display).toBe(
      'C:\\Windows\\System32\\reg.exe add HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters /v Type /t REG_SZ /d NoSync /f',
    );
    expect(() => elevatedCommand('linux', 'clock.disable-network-time', { extra: 'x' })).toThrow(/invalid arguments/);
  });
});

describe('fuzz: hostile text never reaches a command line', () => {
  const HOSTILE = [
    "'", '"', ';', '&&', '||', '|', '&', '$(', ')', '`', '\n', '\r', '\0', ' ', '\t', '-', '--', '\\', '/', '%', '^', '!', '*', '?', '<', '>',
    '{', '}', '[', ']', '#', '=', ',', ':', '@', '~', '\u2018', '\u2019', '\u201c', '\u201d', '\uff02', '\u202e', '\u2028', '\u0085', '\u00a0',
    'é', 'ı', 'K', '☃', '𝕏', 'ｐｏｏｌ', '\ud800', 'reboot', 'calc.exe', 'rm -rf ~', '$(reboot)', '`id`', "' ; calc ; '", '" & calc & "',
    '%COMSPEC%', '$env:TEMP', 'with administrator privileges', 'do shell script "id"', '-setnetworktimeserver', '/update', '..', '.', '0x8',
  ];
  const SAFE = ['pool', 'ntp', 'org', 'time', 'a', '1', '0', '255', 'example', '.', '-', 'x9'];

  // Deterministic PRNG (mulberry32): the same strings on every run, so a failure reproduces.
  function prng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function samples(count: number): string[] {
    const random = prng(53003);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const out = [...HOSTILE, ...HOSTILE.map((h) => `pool.ntp.org${h}`), ...HOSTILE.map((h) => `${h}pool.ntp.org`), 'a'.repeat(64), `${'a.'.repeat(127)}a`, '256.1.1.1', '1.2.3'];
    while (out.length < count) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.5 ? pick(HOSTILE) : pick(SAFE)));
      out.push(parts.join(''));
    }
    return out;
  }

  // The test's own idea of a harmless value: letters, digits, dots and dashes, no leading dash or dot.
  const harmless = (s: string) => /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(s) && s.length <= 253;

  const expected: Record<Platform, (server: string) => Call> = {
    linux: () => ({ file: '/usr/bin/pkexec', args: ['/usr/bin/chronyc', 'makestep'] }),
    darwin: (server) => ({ file: '/usr/bin/osascript', args: [...macPrefix('set the clock from the time server now'), '/usr/bin/sntp', '-sS', server] }),
    win32: () => ({ file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', args: [] }),
  };

  it('validation rejects every unsafe value; every accepted one yields exactly the template', async () => {
    let accepted = 0;
    let rejected = 0;
    for (const value of samples(3000)) {
      for (const platform of PLATFORMS) {
        const exec = recordingExec();
        const outcome = await runElevated({ platform, env: {}, exec }, 'clock.resync', { server: value }).catch((e: unknown) => e);
        if (outcome instanceof EngineError) {
          expect(outcome.code).toBe('bad-input');
          expect(exec.calls).toEqual([]);
          rejected++;
          continue;
        }
        accepted++;
        expect(harmless(value), JSON.stringify(value)).toBe(true);
        expect(exec.calls).toHaveLength(1);
        const call = exec.calls[0]!;
        if (platform === 'win32') {
          expect(call.file).toBe(expected.win32(value).file);
          expect(decodeUac(call.args)).toContain("-FilePath 'C:\\Windows\\System32\\w32tm.exe' -ArgumentList @('/resync','/force') -Verb RunAs");
        } else {
          expect(call).toEqual(expected[platform](value));
        }
      }
    }
    // The generator produces both kinds, so both branches above were exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('every hostile fragment on its own or appended to a host name is rejected', () => {
    for (const h of HOSTILE.filter((x) => !harmless(`pool.ntp.org${x}`) || !harmless(x))) {
      for (const value of [h, `pool.ntp.org${h}`, `${h}pool.ntp.org`].filter((v) => !harmless(v))) {
        expect(TimeServer.safeParse(value).success, JSON.stringify(value)).toBe(false);
        for (const platform of PLATFORMS) expect(() => elevatedCommand(platform, 'clock.set-time-server', { server: value })).toThrow(/invalid arguments/);
      }
    }
  });

  it('accepts the time servers people really use', () => {
    for (const server of ['time.windows.com', 'time.apple.com', 'pool.ntp.org', '0.pool.ntp.org', 'tick.usno.navy.mil', 'ntp-1.corp.example', '192.168.1.1', 'dc01']) {
      expect(TimeServer.safeParse(server).success, server).toBe(true);
    }
    for (const server of ['-oProxyCommand=x', '.pool.ntp.org', 'pool..ntp.org', 'pool.ntp.org.', '1.2.3', '999.1.1.1', 'a_b.example', `${'a'.repeat(64)}.example`]) {
      expect(TimeServer.safeParse(server).success, server).toBe(false);
    }
  });
});

describe('results: cancelled prompts and missing programs', () => {
  it('maps each OS prompt being dismissed to cancelled', async () => {
    const win = await runElevated({ platform: 'win32', env: {}, exec: recordingExec({ code: UAC_CANCELLED_EXIT }) }, 'clock.resync', { server: 'pool.ntp.org' });
    expect(win).toMatchObject({ ok: false, cancelled: true });
    const mac = await runElevated({ platform: 'darwin', env: {}, exec: recordingExec({ code: 1, stderr: '0:180: execution error: User canceled. (-128)' }) }, 'clock.resync', { server: 'pool.ntp.org' });
    expect(mac).toMatchObject({ ok: false, cancelled: true });
    const linux = await runElevated({ platform: 'linux', env: {}, exec: recordingExec({ code: 126, stderr: 'Error executing command as another user: Request dismissed' }) }, 'cac.restart-service', {});
    expect(linux).toMatchObject({ ok: false, cancelled: true });
  });

  it('a failing command is a failure, not a cancel; a missing pkexec is reported', async () => {
    const failed = await runElevated({ platform: 'linux', env: {}, exec: recordingExec({ code: 1, stderr: 'Job for pcscd.service failed' }) }, 'cac.restart-service', {});
    expect(failed).toEqual({ ok: false, cancelled: false, code: 1, stderr: 'Job for pcscd.service failed' });
    const missing = await runElevated({ platform: 'linux', env: {}, exec: recordingExec({ code: null, spawnError: 'ENOENT' }) }, 'cac.restart-service', {});
    expect(missing).toMatchObject({ ok: false, cancelled: false, spawnError: 'ENOENT' });
  });
});
