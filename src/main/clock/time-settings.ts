// Reads the time settings of this OS through ctx.exec (fixed programs, argument arrays,
// timeouts). A missing program or an unreadable answer gives "unknown", never an exception.
import type { TimeSettings } from '../../shared/contract/clock';
import type { EngineContext } from '../engine/types';
import { linuxProgram, macProgram, windowsProgram } from '../os/programs';
import {
  parseMacNetworkTime,
  parseMacTimeServer,
  parseMacTimeZone,
  parseRegW32TimeType,
  parseTimedatectlShow,
  parseTzutil,
  parseW32tmConfiguration,
  parseW32tmStatus,
} from './time-settings-parse';

const TIMEOUT_MS = 5000;
export const W32TIME_PARAMETERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters';

async function read(ctx: Pick<EngineContext, 'exec'>, file: string, args: string[]): Promise<string | undefined> {
  const r = await ctx.exec(file, args, { timeoutMs: TIMEOUT_MS });
  if (r.spawnError || r.timedOut) return undefined;
  return `${r.stdout}\n${r.code === 0 ? '' : r.stderr}`;
}

async function windows(ctx: Pick<EngineContext, 'exec'>): Promise<TimeSettings> {
  const [config, status, reg, tz] = await Promise.all([
    read(ctx, windowsProgram('w32tm'), ['/query', '/configuration']),
    read(ctx, windowsProgram('w32tm'), ['/query', '/status']),
    read(ctx, windowsProgram('reg'), ['query', W32TIME_PARAMETERS_KEY, '/v', 'Type']),
    read(ctx, windowsProgram('tzutil'), ['/g']),
  ]);
  const c = config ? parseW32tmConfiguration(config) : undefined;
  const s = status ? parseW32tmStatus(status) : {};
  let autoTime = c?.autoTime ?? 'unknown';
  if (autoTime === 'unknown' && reg) autoTime = parseRegW32TimeType(reg);
  if (s.serviceStopped && autoTime === 'on') autoTime = 'off'; // configured, but the Windows Time service is not running
  const timeZone = tz ? parseTzutil(tz) : undefined;
  const timeServer = s.source ?? c?.ntpServer;
  return {
    autoTime,
    ...(timeZone ? { timeZone } : {}),
    ...(timeServer ? { timeServer } : {}),
    ...(s.synchronized !== undefined ? { synchronized: s.synchronized } : {}),
    source: config || reg ? `w32tm${s.serviceStopped ? ' (Windows Time service stopped)' : ''}, tzutil` : 'w32tm could not be run',
  };
}

async function mac(ctx: Pick<EngineContext, 'exec'>): Promise<TimeSettings> {
  const [net, server, tz] = await Promise.all([
    read(ctx, macProgram('systemsetup'), ['-getusingnetworktime']),
    read(ctx, macProgram('systemsetup'), ['-getnetworktimeserver']),
    read(ctx, macProgram('systemsetup'), ['-gettimezone']),
  ]);
  const timeServer = server ? parseMacTimeServer(server) : undefined;
  const timeZone = tz ? parseMacTimeZone(tz) : undefined;
  return { autoTime: net ? parseMacNetworkTime(net) : 'unknown', ...(timeZone ? { timeZone } : {}), ...(timeServer ? { timeServer } : {}), source: net ? 'systemsetup' : 'systemsetup could not be run' };
}

async function linux(ctx: Pick<EngineContext, 'exec'>, env: NodeJS.ProcessEnv): Promise<TimeSettings> {
  const text = await read(ctx, linuxProgram('timedatectl'), ['show']);
  const parsed = text ? parseTimedatectlShow(text) : undefined;
  const timeZone = parsed?.timeZone ?? (env.TZ && /^[A-Za-z0-9_+/-]{1,64}$/.test(env.TZ) ? env.TZ : undefined);
  return {
    autoTime: parsed?.autoTime ?? 'unknown',
    ...(timeZone ? { timeZone } : {}),
    ...(parsed?.synchronized !== undefined ? { synchronized: parsed.synchronized } : {}),
    source: parsed && parsed.autoTime !== 'unknown' ? 'timedatectl show' : 'timedatectl could not be read (no systemd?)',
  };
}

/** The zone this process runs in (ICU's view of TZ / the OS setting), when the OS tools say nothing. */
function processTimeZone(): string | undefined {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && /^[A-Za-z0-9_+/-]{1,64}$/.test(tz) ? tz : undefined;
}

export async function readTimeSettings(ctx: Pick<EngineContext, 'exec' | 'platform' | 'env'>): Promise<TimeSettings> {
  const s = ctx.platform === 'win32' ? await windows(ctx) : ctx.platform === 'darwin' ? await mac(ctx) : await linux(ctx, ctx.env);
  if (s.timeZone) return s;
  const tz = processTimeZone();
  return tz ? { ...s, timeZone: tz, source: `${s.source}; time zone as this process sees it` } : s;
}
