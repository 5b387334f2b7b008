// The OS name, version and patch level as a Conditional Access policy sees them ("device platform"
// and "OS version" conditions). Windows: the registry's CurrentVersion key (build + UBR) via `reg`;
// macOS: `sw_vers`; Linux: systeminformation's osInfo and the kernel release.
import { release, version as osVersionText } from 'node:os';
import type { EngineContext } from '../engine/types';
import { macProgram, windowsProgram } from '../os/programs';

export interface OsFacts {
  policyPlatform: 'Windows' | 'macOS' | 'Linux';
  osName: string;
  osVersion: string;
  patchLevel?: string;
  /** How the facts were read (reg, sw_vers, systeminformation, node). */
  source: string;
}

const REG_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** `reg query` output lines: "    CurrentBuild    REG_SZ    22631" / "    UBR    REG_DWORD    0x1130". */
export function parseRegQuery(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s+(\S+)\s+(REG_[A-Z_]+)\s+(.*?)\s*$/.exec(line);
    if (!m) continue;
    const [, name, type, raw] = m;
    values[name!] = type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(raw!) ? String(parseInt(raw!, 16)) : raw!;
  }
  return values;
}

/** `sw_vers` output: "ProductName:\tmacOS", "ProductVersion:\t14.6.1", "BuildVersion:\t23G93". */
export function parseSwVers(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (m) values[m[1]!] = m[2]!;
  }
  return values;
}

export async function readOsFacts(ctx: EngineContext): Promise<OsFacts> {
  if (ctx.platform === 'win32') {
    const r = await ctx.exec(windowsProgram('reg'), ['query', REG_KEY], { timeoutMs: 5_000, maxBytes: 256 * 1024 });
    const v = r.code === 0 ? parseRegQuery(r.stdout) : {};
    const build = v.CurrentBuild ?? v.CurrentBuildNumber;
    const major = v.CurrentMajorVersionNumber ?? '10';
    const minor = v.CurrentMinorVersionNumber ?? '0';
    // Windows 11 still calls itself "Windows 10" in ProductName; build 22000+ is Windows 11.
    const name = build && Number(build) >= 22000 ? (v.ProductName ?? 'Windows').replace('Windows 10', 'Windows 11') : (v.ProductName ?? 'Windows');
    if (build) {
      return {
        policyPlatform: 'Windows',
        osName: `${name}${v.DisplayVersion ? ` ${v.DisplayVersion}` : ''}`,
        osVersion: `${major}.${minor}.${build}${v.UBR ? `.${v.UBR}` : ''}`,
        ...(v.UBR ? { patchLevel: `build ${build}.${v.UBR}` } : {}),
        source: 'reg',
      };
    }
    return { policyPlatform: 'Windows', osName: 'Windows', osVersion: 'unknown (the registry could not be read)', source: 'none' };
  }
  if (ctx.platform === 'darwin') {
    const r = await ctx.exec(macProgram('sw_vers'), [], { timeoutMs: 5_000, maxBytes: 64 * 1024 });
    const v = r.code === 0 ? parseSwVers(r.stdout) : {};
    if (v.ProductVersion) {
      return {
        policyPlatform: 'macOS',
        osName: v.ProductName ?? 'macOS',
        osVersion: v.ProductVersion,
        ...(v.BuildVersion ? { patchLevel: `build ${v.BuildVersion}` } : {}),
        source: 'sw_vers',
      };
    }
    return { policyPlatform: 'macOS', osName: 'macOS', osVersion: 'unknown (sw_vers could not run)', source: 'none' };
  }
  if (process.platform === 'linux') {
    try {
      const si = await import('systeminformation');
      const info = await si.osInfo();
      return {
        policyPlatform: 'Linux',
        osName: info.distro || 'Linux',
        osVersion: info.release || 'unknown',
        patchLevel: `kernel ${info.kernel || release()}`,
        source: 'systeminformation',
      };
    } catch {
      // fall through to what Node knows
    }
  }
  return { policyPlatform: 'Linux', osName: 'Linux', osVersion: osVersionText(), patchLevel: `kernel ${release()}`, source: 'node' };
}
