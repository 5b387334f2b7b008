// Per-action elevation. The app never runs elevated; a repair that needs admin rights asks the OS
// for them for ONE command, chosen from the closed table below, through the OS's own prompt:
// UAC (PowerShell Start-Process -Verb RunAs), the macOS administrator dialog (osascript
// "do shell script ... with administrator privileges") or polkit (pkexec).
//
// Nothing from a caller (renderer, CLI, config) is ever spliced into a command as text: the caller
// names an action id and gives values that must match strict patterns; the command is the fixed
// template with those values. Values are additionally quoted for the one interpreter in between
// (PowerShell single quotes; AppleScript `quoted form of` on argv items, never source text).
import { z } from 'zod';
import { badInput, blocked } from '../engine/errors';
import type { Exec, ExecResult } from './exec';
import type { Platform } from './platform';

/** A DNS name (RFC 1123 labels) or a dotted IPv4 address: never starts with "-", no spaces or quotes. */
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_RE = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export const TimeServer = z.string().refine((s) => IPV4_RE.test(s) || (HOSTNAME_RE.test(s) && !/^[\d.]+$/.test(s)), 'a host name or an IPv4 address');

/** Every character any command token may contain, fixed or validated. Anything else is refused. */
const SAFE_TOKEN_RE = /^[A-Za-z0-9_.:,/\\=+-]+$/;

interface CommandTemplate {
  /** Absolute path of the program run with admin rights. */
  file: string;
  /** Fixed tokens; `{name}` is replaced by the validated argument of that name. */
  args: readonly string[];
}

interface ActionDefinition {
  /** Shown in the macOS admin dialog and in fix plans ("... to <title>"). */
  title: string;
  input: z.ZodType<Record<string, string>>;
  commands: Partial<Record<Platform, CommandTemplate>>;
}

const NO_ARGS = z.object({}).strict() as unknown as z.ZodType<Record<string, string>>;
const SYSTEM32 = '{systemRoot}\\System32';

export const ELEVATED_ACTIONS = {
  'cac.restart-service': {
    title: 'restart the smart-card service',
    input: NO_ARGS,
    commands: {
      win32: { file: `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`, args: ['-NoProfile', '-NonInteractive', '-Command', 'Restart-Service', '-Name', 'SCardSvr', '-Force'] },
      linux: { file: '/usr/bin/systemctl', args: ['restart', 'pcscd.service'] },
    },
  },
  'clock.resync': {
    title: 'set the clock from the time server now',
    input: z.object({ server: TimeServer }).strict(),
    commands: {
      win32: { file: `${SYSTEM32}\\w32tm.exe`, args: ['/resync', '/force'] },
      darwin: { file: '/usr/bin/sntp', args: ['-sS', '{server}'] },
      linux: { file: '/usr/bin/chronyc', args: ['makestep'] },
    },
  },
  'clock.set-time-server': {
    title: 'use a different time server',
    input: z.object({ server: TimeServer }).strict(),
    commands: {
      win32: { file: `${SYSTEM32}\\w32tm.exe`, args: ['/config', '/manualpeerlist:{server},0x8', '/syncfromflags:manual', '/update'] },
      darwin: { file: '/usr/sbin/systemsetup', args: ['-setnetworktimeserver', '{server}'] },
    },
  },
  'clock.enable-network-time': {
    title: 'turn on automatic time',
    input: NO_ARGS,
    commands: {
      // W32Time Type NTP from the configured NtpServer list (the list itself is left as it is).
      win32: { file: `${SYSTEM32}\\w32tm.exe`, args: ['/config', '/syncfromflags:manual', '/update'] },
      darwin: { file: '/usr/sbin/systemsetup', args: ['-setusingnetworktime', 'on'] },
      linux: { file: '/usr/bin/timedatectl', args: ['set-ntp', 'true'] },
    },
  },
  'clock.disable-network-time': {
    title: 'turn automatic time back off',
    input: NO_ARGS,
    commands: {
      win32: { file: `${SYSTEM32}\\reg.exe`, args: ['add', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters', '/v', 'Type', '/t', 'REG_SZ', '/d', 'NoSync', '/f'] },
      darwin: { file: '/usr/sbin/systemsetup', args: ['-setusingnetworktime', 'off'] },
      linux: { file: '/usr/bin/timedatectl', args: ['set-ntp', 'false'] },
    },
  },
} as const satisfies Record<string, ActionDefinition>;

export type ElevatedActionId = keyof typeof ELEVATED_ACTIONS;
export const ELEVATED_ACTION_IDS = Object.keys(ELEVATED_ACTIONS) as ElevatedActionId[];

export interface ElevatedCommand {
  /** The program ctx.exec runs: powershell.exe, /usr/bin/osascript or /usr/bin/pkexec. */
  file: string;
  args: string[];
  /** The command that gets admin rights, for plans and logs: "w32tm.exe /resync /force". */
  display: string;
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

function systemRoot(env: NodeJS.ProcessEnv): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT;
  return root && /^[A-Za-z]:\\[A-Za-z0-9_-]{1,32}$/.test(root) ? root : 'C:\\Windows';
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

/**
 * Builds the one command for an action on a platform, or throws bad-input (unknown action,
 * arguments that do not validate) / blocked (the action does not exist on this OS).
 */
export function elevatedCommand(platform: Platform, actionId: unknown, rawArgs: unknown, env: NodeJS.ProcessEnv = {}): ElevatedCommand {
  const action = lookupAction(actionId);
  const parsed = action.input.safeParse(ownPlainObject(rawArgs ?? {}));
  if (!parsed.success) throw badInput(`invalid arguments for ${String(actionId)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
  const values = parsed.data;
  const template = action.commands[platform];
  if (!template) throw blocked(`${String(actionId)} is not available on ${platform}`);
  const fill = (token: string) =>
    assertSafeToken(
      token.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => {
        if (name === 'systemRoot') return systemRoot(env);
        const value = Object.hasOwn(values, name) ? values[name] : undefined;
        if (typeof value !== 'string') throw badInput(`missing argument ${name}`);
        return value;
      }),
    );
  const file = fill(template.file);
  const args = template.args.map(fill);
  const display = [file.split(/[\\/]/).pop()!, ...args].join(' ');
  if (platform === 'win32') {
    const powershell = `${systemRoot(env)}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
    const encoded = Buffer.from(uacScript(file, args), 'utf16le').toString('base64');
    return { file: powershell, args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded], display };
  }
  if (platform === 'darwin') {
    return { file: '/usr/bin/osascript', args: [...macScript(action.title).flatMap((line) => ['-e', line]), file, ...args], display };
  }
  return { file: '/usr/bin/pkexec', args: [file, ...args], display };
}

/** What a fix plan shows before anything runs. */
export function describeElevation(platform: Platform, actionId: ElevatedActionId, rawArgs: unknown = {}): string {
  const command = elevatedCommand(platform, actionId, rawArgs);
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
  ctx: { platform: Platform; env: NodeJS.ProcessEnv; exec: Exec },
  actionId: unknown,
  rawArgs: unknown,
  options: { timeoutMs?: number } = {},
): Promise<ElevationResult> {
  const command = elevatedCommand(ctx.platform, actionId, rawArgs, ctx.env);
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
