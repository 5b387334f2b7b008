// Per-action elevation. The app never runs elevated; a repair that needs admin rights asks the OS
// for them for ONE command, chosen from the closed table below, through the OS's own prompt:
// UAC (PowerShell Start-Process -Verb RunAs), the macOS administrator dialog (osascript
// "do shell script ... with administrator privileges") or polkit (pkexec).
//
// Nothing from a caller (renderer, CLI, config) is ever spliced into a command as text: the caller
// names an action id and gives values that must match strict patterns; the command is the fixed
// template with those values. Values are additionally quoted for the one interpreter in between
// (PowerShell single quotes; AppleScript `quoted form of` on argv items, never source text).
//
// Every program is an absolute path from os/programs.ts. On Windows both the program that gets
// admin rights and the PowerShell that asks UAC for them come from the fixed C:\Windows, never from
// SystemRoot/windir (a standard user can point those at a folder they write to, and the technician
// typing the admin password would run the user's program); if C:\Windows\System32 is missing on a
// real Windows host the action is blocked. Plans show the full path of what gets admin rights.
import { z } from 'zod';
import { badInput, blocked } from '../common/errors';
import type { Exec, ExecResult } from './exec';
import type { Platform } from './platform';
import { detectRunContext, type RunContextProbe } from './run-context';
import { REAL_HOST, commandLine, elevatedWindowsProgram, linuxProgram, macProgram, type HostProbe, type LinuxProgram, type MacProgram, type WindowsProgram } from './programs';

/** A DNS name (RFC 1123 labels) or a dotted IPv4 address: never starts with "-", no spaces or quotes. */
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_RE = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export const TimeServer = z.string().refine((s) => IPV4_RE.test(s) || (HOSTNAME_RE.test(s) && !/^[\d.]+$/.test(s)), 'a host name or an IPv4 address');

/** Every character any command token may contain, fixed or validated. Anything else is refused. */
const SAFE_TOKEN_RE = /^[A-Za-z0-9_.:,/\\=+-]+$/;

interface CommandTemplate<P extends string> {
  /** The program run with admin rights, by its name in the os/programs.ts table of that OS. */
  program: P;
  /** Fixed tokens; `{name}` is replaced by the validated argument of that name. */
  args: readonly string[];
}

interface ActionDefinition {
  /** Shown in the macOS admin dialog and in fix plans ("... to <title>"). */
  title: string;
  input: z.ZodType<Record<string, string>>;
  commands: { win32?: CommandTemplate<WindowsProgram>; darwin?: CommandTemplate<MacProgram>; linux?: CommandTemplate<LinuxProgram> };
}

const NO_ARGS = z.object({}).strict() as unknown as z.ZodType<Record<string, string>>;

export const ELEVATED_ACTIONS = {
  'cac.restart-service': {
    title: 'restart the smart-card service',
    input: NO_ARGS,
    commands: {
      win32: { program: 'powershell', args: ['-NoProfile', '-NonInteractive', '-Command', 'Restart-Service', '-Name', 'SCardSvr', '-Force'] },
      linux: { program: 'systemctl', args: ['restart', 'pcscd.service'] },
    },
  },
  'clock.resync': {
    title: 'set the clock from the time server now',
    input: z.object({ server: TimeServer }).strict(),
    commands: {
      win32: { program: 'w32tm', args: ['/resync', '/force'] },
      darwin: { program: 'sntp', args: ['-sS', '{server}'] },
      linux: { program: 'chronyc', args: ['makestep'] },
    },
  },
  'clock.set-time-server': {
    title: 'use a different time server',
    input: z.object({ server: TimeServer }).strict(),
    commands: {
      win32: { program: 'w32tm', args: ['/config', '/manualpeerlist:{server},0x8', '/syncfromflags:manual', '/update'] },
      darwin: { program: 'systemsetup', args: ['-setnetworktimeserver', '{server}'] },
    },
  },
  'clock.enable-network-time': {
    title: 'turn on automatic time',
    input: NO_ARGS,
    commands: {
      // W32Time Type NTP from the configured NtpServer list (the list itself is left as it is).
      win32: { program: 'w32tm', args: ['/config', '/syncfromflags:manual', '/update'] },
      darwin: { program: 'systemsetup', args: ['-setusingnetworktime', 'on'] },
      linux: { program: 'timedatectl', args: ['set-ntp', 'true'] },
    },
  },
  'clock.disable-network-time': {
    title: 'turn automatic time back off',
    input: NO_ARGS,
    commands: {
      win32: { program: 'reg', args: ['add', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters', '/v', 'Type', '/t', 'REG_SZ', '/d', 'NoSync', '/f'] },
      darwin: { program: 'systemsetup', args: ['-setusingnetworktime', 'off'] },
      linux: { program: 'timedatectl', args: ['set-ntp', 'false'] },
    },
  },
} as const satisfies Record<string, ActionDefinition>;

export type ElevatedActionId = keyof typeof ELEVATED_ACTIONS;
export const ELEVATED_ACTION_IDS = Object.keys(ELEVATED_ACTIONS) as ElevatedActionId[];

export interface ElevatedCommand {
  /** The program ctx.exec runs: C:\\Windows\\…\\powershell.exe, /usr/bin/osascript or /usr/bin/pkexec. */
  file: string;
  args: string[];
  /** The command that gets admin rights, full path first, for plans and logs: "C:\\Windows\\System32\\w32tm.exe /resync /force". */
  display: string;
}

export interface ElevationOptions {
  /** The real machine (is it Windows, does C:\\Windows exist); tests inject one. */
  host?: HostProbe;
  /** Unattended mode: who this process runs as (tests inject one). */
  runContext?: RunContextProbe;
}

export interface ElevationResult {
  ok: boolean;
  /** The user dismissed the prompt (UAC "No", macOS Cancel, polkit dialog closed). */
  cancelled: boolean;
  code: number | null;
  stderr: string;
  spawnError?: string;
}

export const UAC_CANCELLED_EXIT = 1223; // ERROR_CANCELLED
const PKEXEC_DISMISSED_EXIT = 126;
const DEFAULT_TIMEOUT_MS = 5 * 60_000; // a person answers the prompt

function lookupAction(actionId: unknown): ActionDefinition {
  if (typeof actionId !== 'string' || !Object.hasOwn(ELEVATED_ACTIONS, actionId)) throw badInput(`unknown elevated action ${JSON.stringify(String(actionId)).slice(0, 60)}`);
  return ELEVATED_ACTIONS[actionId as ElevatedActionId];
}

/** Own enumerable properties of a plain object only: inherited values (Object.create) never count. */
function ownPlainObject(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const proto: unknown = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  return Object.fromEntries(Object.entries(raw));
}

function assertSafeToken(token: string): string {
  if (!SAFE_TOKEN_RE.test(token)) throw badInput('a command token holds a character that is never allowed');
  return token;
}

/** PowerShell single-quoted literal. Tokens are already restricted to SAFE_TOKEN_RE (no quotes of any kind). */
const psQuote = (token: string) => `'${assertSafeToken(token)}'`;

/** The UAC launcher script: runs the fixed program elevated, waits, and passes its exit code on. */
export function uacScript(file: string, args: readonly string[]): string {
  const list = args.length ? ` -ArgumentList @(${args.map(psQuote).join(',')})` : '';
  return [
    "$ErrorActionPreference = 'Stop'",
    'try {',
    `  $p = Start-Process -FilePath ${psQuote(file)}${list} -Verb RunAs -WindowStyle Hidden -Wait -PassThru`,
    '  exit $p.ExitCode',
    '} catch {',
    `  if ($_.Exception.InnerException.NativeErrorCode -eq ${UAC_CANCELLED_EXIT} -or $_.Exception.Message -match 'canceled by the user') { exit ${UAC_CANCELLED_EXIT} }`,
    '  [Console]::Error.WriteLine($_.Exception.Message)',
    '  exit 1',
    '}',
  ].join('\n');
}

/** The AppleScript: a fixed program text; the command words arrive as argv and are shell-quoted by AppleScript. */
export function macScript(title: string): string[] {
  return [
    'on run argv',
    'set cmd to ""',
    'repeat with word_ in argv',
    'set cmd to cmd & quoted form of (word_ as text) & " "',
    'end repeat',
    `do shell script cmd with prompt "Sign-in Doctor needs administrator rights to ${title}." with administrator privileges`,
    'end run',
  ];
}

/** A program from the fixed C:\\Windows, or blocked with the reason. */
function windowsElevated(name: WindowsProgram, host: HostProbe, actionId: unknown): string {
  const r = elevatedWindowsProgram(name, host);
  if (r.problem !== undefined) throw blocked(`${String(actionId)} cannot ask for administrator rights: ${r.problem}`);
  return r.path;
}

/** The action's own command (the program that needs the rights and its arguments), validated; not yet wrapped in a prompt. */
function actionCommand(platform: Platform, actionId: unknown, rawArgs: unknown, options: ElevationOptions): { file: string; args: string[] } {
  const action = lookupAction(actionId);
  const parsed = action.input.safeParse(ownPlainObject(rawArgs ?? {}));
  if (!parsed.success) throw badInput(`invalid arguments for ${String(actionId)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
  const values = parsed.data;
  const template = action.commands[platform];
  if (!template) throw blocked(`${String(actionId)} is not available on ${platform}`);
  const fill = (token: string) =>
    assertSafeToken(
      token.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
        const value = Object.hasOwn(values, name) ? values[name] : undefined;
        if (typeof value !== 'string') throw badInput(`missing argument ${name}`);
        return value;
      }),
    );
  const windows = (name: WindowsProgram) => windowsElevated(name, options.host ?? REAL_HOST, actionId);
  const c = action.commands;
  const file = assertSafeToken(platform === 'win32' ? windows(c.win32!.program) : platform === 'darwin' ? macProgram(c.darwin!.program) : linuxProgram(c.linux!.program));
  return { file, args: template.args.map(fill) };
}

/**
 * Builds the one command for an action on a platform, or throws bad-input (unknown action,
 * arguments that do not validate) / blocked (the action does not exist on this OS).
 */
export function elevatedCommand(platform: Platform, actionId: unknown, rawArgs: unknown, options: ElevationOptions = {}): ElevatedCommand {
  const { file, args } = actionCommand(platform, actionId, rawArgs, options);
  const display = commandLine(file, args);
  const windows = (name: WindowsProgram) => windowsElevated(name, options.host ?? REAL_HOST, actionId);
  const action = lookupAction(actionId);
  if (platform === 'win32') {
    const powershell = windows('powershell');
    const encoded = Buffer.from(uacScript(file, args), 'utf16le').toString('base64');
    return { file: powershell, args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded], display };
  }
  if (platform === 'darwin') {
    return { file: macProgram('osascript'), args: [...macScript(action.title).flatMap((line) => ['-e', line]), file, ...args], display };
  }
  return { file: linuxProgram('pkexec'), args: [file, ...args], display };
}

/** What a fix plan shows before anything runs. */
export function describeElevation(platform: Platform, actionId: ElevatedActionId, rawArgs: unknown = {}, options: ElevationOptions = {}): string {
  if (unattended) {
    const own = actionCommand(platform, actionId, rawArgs, options);
    return `Unattended: runs only as root or SYSTEM (never asks): ${commandLine(own.file, own.args)}`;
  }
  const command = elevatedCommand(platform, actionId, rawArgs, options);
  const prompt = platform === 'win32' ? 'Windows asks for permission (UAC)' : platform === 'darwin' ? 'macOS asks for an administrator password' : 'polkit asks for an administrator password';
  return `${prompt}, then runs only: ${command.display}`;
}

function wasCancelled(platform: Platform, result: ExecResult): boolean {
  if (platform === 'win32') return result.code === UAC_CANCELLED_EXIT;
  if (platform === 'darwin') return result.code !== 0 && /\(-128\)/.test(result.stderr);
  return result.code === PKEXEC_DISMISSED_EXIT;
}

/** Runs one action with admin rights through the OS prompt. Throws bad-input / blocked before anything runs. */
export async function runElevated(
  // `env` is deliberately never read: no environment variable chooses what gets admin rights.
  ctx: { platform: Platform; env?: NodeJS.ProcessEnv; exec: Exec },
  actionId: unknown,
  rawArgs: unknown,
  options: { timeoutMs?: number } & ElevationOptions = {},
): Promise<ElevationResult> {
  if (unattended) return runUnattended(ctx, actionId, rawArgs, options);
  const command = elevatedCommand(ctx.platform, actionId, rawArgs, options);
  const result = await ctx.exec(command.file, command.args, { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const cancelled = wasCancelled(ctx.platform, result);
  return {
    ok: result.code === 0,
    cancelled,
    code: result.code,
    stderr: result.stderr.slice(0, 2000),
    ...(result.spawnError ? { spawnError: result.spawnError } : {}),
  };
}

// ---- Unattended mode (remediate --apply under Intune, Jamf, Configuration Manager) ----
// Nobody is there to answer a prompt, and a prompt on a user's screen that nobody expects must never
// appear. Once a process enters this mode (one way), an action runs directly when the process already
// holds administrator rights (root, SYSTEM, an elevated administrator) and is refused otherwise:
// sudo, pkexec, osascript and UAC are never started.
let unattended = false;
const UNATTENDED_TIMEOUT_MS = 2 * 60_000;

export function enterUnattendedMode(): void {
  unattended = true;
}

export function inUnattendedMode(): boolean {
  return unattended;
}

async function runUnattended(ctx: { platform: Platform; exec: Exec }, actionId: unknown, rawArgs: unknown, options: { timeoutMs?: number } & ElevationOptions): Promise<ElevationResult> {
  const command = actionCommand(ctx.platform, actionId, rawArgs, options);
  // An empty environment: SystemRoot never chooses which whoami answers this.
  const context = await detectRunContext(ctx.platform, ctx.exec, {}, options.runContext);
  if (!context.elevated) throw blocked(`${String(actionId)} needs administrator rights and an unattended run never asks for them (${context.how}): run it as root or SYSTEM, or from the app`);
  const result = await ctx.exec(command.file, command.args, { timeoutMs: options.timeoutMs ?? UNATTENDED_TIMEOUT_MS });
  return {
    ok: result.code === 0,
    cancelled: false,
    code: result.code,
    stderr: result.stderr.slice(0, 2000),
    ...(result.spawnError ? { spawnError: result.spawnError } : {}),
  };
}
