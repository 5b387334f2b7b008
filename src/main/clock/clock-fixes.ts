// clock.auto-time-on and clock.resync: one elevated command each, verified by measuring the clock
// again through the same SNTP client the check uses.
import { z } from 'zod';
import type { FixContext, FixDefinition } from '../engine/types';
import { TimeServer, describeElevation } from '../os/elevate';
import { clockFixOptions, describeOffset } from '../../shared/contract/clock';
import { clockSettings } from './clock-config';
import { WARN_SKEW_MS } from './clock-findings';
import { readClockStatus } from './clock-status';
import { readTimeSettings } from './time-settings';

const NoOptions = clockFixOptions['clock.auto-time-on'];

function elevationLine(ctx: FixContext, action: Parameters<typeof describeElevation>[1], args: Record<string, string> = {}): string | { blockedBy: string } {
  try {
    return describeElevation(ctx.platform, action, args);
  } catch (error) {
    return { blockedBy: error instanceof Error ? error.message : String(error) };
  }
}

export const autoTimeOnFix: FixDefinition<z.infer<typeof NoOptions>> = {
  id: 'clock.auto-time-on',
  domain: 'clock',
  title: 'Turn automatic time on',
  description: 'Lets the operating system set the clock from a time server from now on (administrator rights). Undo turns it back off only if it was off before.',
  options: NoOptions,
  scope: () => ({ stepKinds: ['clock.network-time-on'], roots: [] }),
  async plan(ctx) {
    const prior = (await readTimeSettings(ctx)).autoTime;
    const line = elevationLine(ctx, 'clock.enable-network-time');
    return {
      fixId: this.id,
      title: this.title,
      summary: prior === 'on' ? 'Automatic time is already on; this turns it on again (harmless).' : 'The clock will be set from a time server automatically from now on.',
      changes: [prior === 'off' ? 'Automatic (network) time: off → on.' : 'Automatic (network) time: on.', ...(typeof line === 'string' ? [line] : [])],
      keeps: ['The time zone and the chosen time server are not changed.'],
      steps: typeof line === 'string' ? [{ kind: 'clock.network-time-on', description: 'Turn automatic time on', data: { priorAutoTime: prior } }] : [],
      needsAdmin: true,
      needsClosed: [],
      undoable: true,
      undoDescription: prior === 'off' ? 'Undo turns automatic time back off, as it was.' : 'Automatic time was already on (or could not be read), so undo leaves it on.',
      warnings: ['On a managed (domain-joined) computer the time source is set by IT; ask them if the clock keeps drifting.'],
      ...(typeof line === 'string' ? {} : { blockedBy: line.blockedBy }),
    };
  },
  async verify(ctx) {
    const after = await readTimeSettings(ctx);
    if (after.autoTime === 'off') return { ok: false, message: 'Automatic time still reads as off.', findings: [] };
    return { ok: true, message: after.autoTime === 'on' ? 'Automatic time is on.' : `Automatic time could not be read back (${after.source}).`, findings: [] };
  },
};

const ResyncOptions = clockFixOptions['clock.resync'];

function defaultServer(ctx: FixContext): string {
  const first = clockSettings(ctx).servers.map((s) => s.replace(/:\d+$/, '')).find((s) => TimeServer.safeParse(s).success);
  return first ?? (ctx.platform === 'darwin' ? 'time.apple.com' : 'time.windows.com');
}

export const resyncFix: FixDefinition<z.infer<typeof ResyncOptions>> = {
  id: 'clock.resync',
  domain: 'clock',
  title: 'Set the clock now',
  description: 'Asks the operating system to set the clock from its time server right away (administrator rights). There is nothing to undo: a corrected clock is not restored to the wrong time.',
  options: ResyncOptions,
  // The server is validated by the step's own schema (the strict host pattern of os/elevate).
  scope: () => ({ stepKinds: ['clock.resync'], roots: [] }),
  async plan(ctx, options) {
    const server = options.server ?? defaultServer(ctx);
    const line = elevationLine(ctx, 'clock.resync', { server });
    return {
      fixId: this.id,
      title: this.title,
      summary: 'The clock is set from the time server now.',
      changes: [`The system clock is corrected${ctx.platform === 'darwin' ? ` from ${server}` : ' from the configured time source'}.`, ...(typeof line === 'string' ? [line] : [])],
      keeps: ['Time zone and automatic-time settings are not changed.'],
      steps: typeof line === 'string' ? [{ kind: 'clock.resync', description: `Resynchronise the clock${ctx.platform === 'darwin' ? ` with ${server}` : ''}`, data: { server } }] : [],
      needsAdmin: true,
      needsClosed: [],
      undoable: false,
      undoDescription: 'Nothing to undo: a corrected clock is not restored to the wrong time.',
      warnings: ctx.platform === 'linux' ? ['On Linux this asks chrony to step the clock (chronyc makestep); without chrony, turn automatic time on instead.'] : [],
      ...(typeof line === 'string' ? {} : { blockedBy: line.blockedBy }),
    };
  },
  async verify(ctx) {
    const status = await readClockStatus(ctx);
    const m = status.measurement;
    if (m.offsetMs === undefined) return { ok: false, message: 'The clock could not be measured again (no time server or Date header answered).', findings: status.findings };
    const ok = Math.abs(m.offsetMs) < WARN_SKEW_MS;
    return { ok, message: ok ? `The clock is now ${describeOffset(m.offsetMs)}.` : `The clock is still ${describeOffset(m.offsetMs)}.`, findings: status.findings };
  },
};
