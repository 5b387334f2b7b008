// The one table of programs: every path is absolute; the Windows folder is the fixed C:\Windows and
// never SystemRoot/windir for elevated use; Linux never reads PATH. And a scan of every source file
// under src/main: no call hands a program name that is not absolute to exec.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import {
  LINUX_FOLDERS,
  LINUX_PROGRAMS,
  MAC_PROGRAMS,
  WINDOWS_PROGRAMS,
  elevatedWindowsProgram,
  linuxProgram,
  macProgram,
  resolveWindowsFolder,
  windowsProgram,
  type HostProbe,
} from '../../../../src/main/os/programs';

const USER_ROOTS = ['C:\\Users\\eve\\evil', '\\\\server\\share', 'D:\\x', 'E:\\Windows', 'C:\\Windows\\..\\Users\\eve', "C:\\x' ; calc"];
const withWindowsFolder: HostProbe = { onWindows: true, exists: (p) => p === 'C:\\Windows' || p === 'C:\\Windows\\System32' };
const withoutWindowsFolder: HostProbe = { onWindows: true, exists: () => false };
const actingAsWindows: HostProbe = { onWindows: false, exists: () => false };

describe('the program table', () => {
  it('names every program by an absolute path', () => {
    for (const name of Object.keys(WINDOWS_PROGRAMS) as Array<keyof typeof WINDOWS_PROGRAMS>) {
      expect(windowsProgram(name, {}, actingAsWindows)).toMatch(/^C:\\Windows\\System32\\[A-Za-z0-9.\\]+\.exe$/);
    }
    for (const name of Object.keys(MAC_PROGRAMS) as Array<keyof typeof MAC_PROGRAMS>) expect(macProgram(name)).toMatch(new RegExp(`^/(usr/)?s?bin/${name}$`));
    for (const name of LINUX_PROGRAMS) expect(linuxProgram(name, () => false)).toBe(`/usr/bin/${name}`);
    expect(windowsProgram('powershell', {}, actingAsWindows)).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('Linux: the first fixed system folder that holds the program, never PATH', () => {
    vi.stubEnv('PATH', '/home/eve/bin:/tmp');
    try {
      const seen: string[] = [];
      expect(linuxProgram('pkexec', (p) => (seen.push(p), p === '/usr/sbin/pkexec' || p === '/sbin/pkexec'))).toBe('/usr/sbin/pkexec');
      expect(seen).toEqual(['/usr/bin/pkexec', '/bin/pkexec', '/usr/sbin/pkexec']);
      expect(linuxProgram('ps', (p) => p === '/bin/ps')).toBe('/bin/ps');
      // Not installed anywhere: /usr/bin/<name>, which then fails to run with ENOENT ("not installed").
      expect(linuxProgram('resolvectl', (p) => p.startsWith('/home/eve') || p.startsWith('/tmp'))).toBe('/usr/bin/resolvectl');
      expect(LINUX_FOLDERS).toEqual(['/usr/bin', '/bin', '/usr/sbin', '/sbin']);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the Windows folder', () => {
  it('is the fixed C:\\Windows when it exists: SystemRoot never moves an ordinary or an elevated program', () => {
    for (const root of USER_ROOTS) {
      const env = { SystemRoot: root, SYSTEMROOT: root, windir: root };
      expect(resolveWindowsFolder(withWindowsFolder, 'ordinary', env)).toEqual({ folder: 'C:\\Windows' });
      expect(resolveWindowsFolder(withWindowsFolder, 'elevated', env)).toEqual({ folder: 'C:\\Windows' });
      for (const name of Object.keys(WINDOWS_PROGRAMS) as Array<keyof typeof WINDOWS_PROGRAMS>) {
        expect(windowsProgram(name, env, withWindowsFolder)).toBe(`C:\\Windows\\${WINDOWS_PROGRAMS[name]}`);
        expect(elevatedWindowsProgram(name, withWindowsFolder)).toEqual({ path: `C:\\Windows\\${WINDOWS_PROGRAMS[name]}` });
      }
    }
  });

  it('checks that C:\\Windows holds System32 on a real Windows host, and checks nothing when only acting as Windows', () => {
    const asked: string[] = [];
    resolveWindowsFolder({ onWindows: true, exists: (p) => (asked.push(p), true) }, 'elevated');
    expect(asked).toEqual(['C:\\Windows', 'C:\\Windows\\System32']);
    const notAsked: string[] = [];
    expect(resolveWindowsFolder({ onWindows: false, exists: (p) => (notAsked.push(p), false) }, 'elevated', { SystemRoot: 'D:\\x' })).toEqual({ folder: 'C:\\Windows' });
    expect(notAsked).toEqual([]);
    // C:\Windows without System32 does not count.
    expect(resolveWindowsFolder({ onWindows: true, exists: (p) => p === 'C:\\Windows' }, 'elevated').problem).toMatch(/C:\\Windows\\System32 was not found/);
  });

  it('missing on a real Windows host: elevated use is refused with the reason, whatever the environment says', () => {
    for (const root of [...USER_ROOTS, 'C:\\Windows', 'D:\\Windows']) {
      const r = resolveWindowsFolder(withoutWindowsFolder, 'elevated', { SystemRoot: root, windir: root });
      expect(r.folder).toBeUndefined();
      expect(r.problem).toMatch(/^C:\\Windows\\System32 was not found on this computer\. .*SystemRoot and windir environment variables can be changed by any user/);
      expect(elevatedWindowsProgram('w32tm', withoutWindowsFolder)).toEqual({ problem: r.problem });
    }
  });

  it('missing on a real Windows host: ordinary programs (user rights) may use a plain-drive-folder SystemRoot, nothing else', () => {
    expect(windowsProgram('reg', { SystemRoot: 'D:\\Windows' }, withoutWindowsFolder)).toBe('D:\\Windows\\System32\\reg.exe');
    expect(windowsProgram('reg', { SYSTEMROOT: 'D:\\x' }, withoutWindowsFolder)).toBe('D:\\x\\System32\\reg.exe');
    for (const root of ['C:\\Users\\eve\\evil', '\\\\server\\share', 'C:\\Windows\\..\\Temp', 'D:\\x y', "D:\\x'", 'D:', 'relative', '']) {
      expect(windowsProgram('reg', { SystemRoot: root }, withoutWindowsFolder), root).toBe('C:\\Windows\\System32\\reg.exe');
    }
    // windir is never a source.
    expect(windowsProgram('reg', { windir: 'D:\\x' }, withoutWindowsFolder)).toBe('C:\\Windows\\System32\\reg.exe');
  });
});

// ---- every call site: what reaches exec is absolute ----

const SRC = resolve(__dirname, '../../../../src/main');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(name) ? [full] : [];
  });

const EXEC_NAMES = new Set(['exec', 'execFileSafe', 'execFile', 'execFileSync', 'spawn', 'spawnSync']);
const literalText = (node: ts.Node): string | undefined =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : undefined;
const absolute = (text: string) => text.startsWith('/') || /^[A-Za-z]:\\/.test(text);

/** Calls that hand a program name as text to exec: `exec('x', …)`, `ctx.exec('x', …)`, `run(exec, 'x', [...])`, `{ file: 'x', args }`. */
function programLiterals(name: string, code: string): Array<{ where: string; text: string }> {
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true);
  const found: Array<{ where: string; text: string }> = [];
  const note = (node: ts.Node, text: string) => found.push({ where: `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : undefined;
      const first = node.arguments[0];
      const firstText = first && literalText(first);
      if (callee && EXEC_NAMES.has(callee) && firstText !== undefined) note(first!, firstText);
      // Helpers that take the exec (or a context holding it), then a program and its argv: run(exec, 'reg', [...]), read(ctx, 'w32tm', [...]).
      node.arguments.forEach((arg, i) => {
        const text = literalText(arg);
        const before = node.arguments[i - 1];
        const next = node.arguments[i + 1];
        if (text !== undefined && before && /\b(exec|ctx)\b/.test(before.getText(source)) && next && ts.isArrayLiteralExpression(next)) note(arg, text);
      });
    }
    // Command tables: { file: 'x', args: [...] }.
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (key: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key);
      const fileProp = prop('file');
      const text = fileProp && literalText(fileProp.initializer);
      if (fileProp && text !== undefined && prop('args')) note(fileProp, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const notAbsolute = (name: string, code: string) => programLiterals(name, code).filter((l) => !absolute(l.text));

describe('every call site names its program by absolute path', () => {
  const files = sourceFiles(SRC);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => relative(SRC, f))).toContain(join('os', 'programs.ts'));
  });

  it('no program literal that is not absolute reaches exec in src/main (helpers and command tables included)', () => {
    expect(files.flatMap((f) => notAbsolute(relative(SRC, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the scan catches each form it looks for, and passes table lookups and absolute paths', () => {
    const texts = (code: string) => notAbsolute('probe.ts', code).map((l) => l.text);
    expect(texts("ctx.exec('reg', ['query'])")).toEqual(['reg']);
    expect(texts('await exec(`ps`, [])')).toEqual(['ps']);
    expect(texts("execFileSafe('certutil', args)")).toEqual(['certutil']);
    expect(texts("run(ctx.exec, 'gsettings', ['set'], 'x')")).toEqual(['gsettings']);
    expect(texts("read(ctx, 'w32tm', ['/query'])")).toEqual(['w32tm']);
    expect(texts("const T = { win32: [{ file: 'ipconfig', args: ['/flushdns'] }] }")).toEqual(['ipconfig']);
    expect(texts("ctx.exec('/usr/bin/ps', []); ctx.exec('C:\\\\Windows\\\\System32\\\\reg.exe', [])")).toEqual([]);
    expect(texts("ctx.exec(windowsProgram('reg'), ['query']); execNote(r, 'netsh'); /x/.exec(line); z.discriminatedUnion('type', [a, b])")).toEqual([]);
  });
});
