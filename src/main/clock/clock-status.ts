// The clock domain's one reading: measurement + time settings + findings. Shared by the checks,
// the clock.measure call, the CLI and fix verification so they all judge the same way.
import type { ClockStatus } from '../../shared/contract/clock';
import type { EngineContext } from '../engine/types';
import { clockSettings } from './clock-config';
import { autoTimeFinding, skewFinding } from './clock-findings';
import { measureClock, parseServers } from './measure';
import { readTimeSettings } from './time-settings';

export async function readClockStatus(ctx: EngineContext, options: { servers?: string[]; signal?: AbortSignal } = {}): Promise<ClockStatus> {
  const settings = clockSettings(ctx);
  if (options.servers?.length) {
    parseServers(options.servers); // bad input fails before anything is sent
    settings.servers = options.servers;
  }
  const [measurement, timeSettings] = await Promise.all([measureClock(settings, { now: () => ctx.now().getTime(), ...(options.signal ? { signal: options.signal } : {}) }), readTimeSettings(ctx)]);
  return { measurement, settings: timeSettings, findings: [skewFinding(measurement, timeSettings), autoTimeFinding(timeSettings)] };
}
