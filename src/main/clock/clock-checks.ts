// The clock check of `diagnose`: skew (with offsetMs in its evidence for the report and the token
// inspector) and automatic time / time zone.
import type { CheckDefinition } from '../engine/types';
import { readClockStatus } from './clock-status';

export const clockCheck: CheckDefinition = {
  id: 'clock.time',
  domain: 'clock',
  title: 'Clock and automatic time',
  timeoutMs: 20_000,
  async run(ctx) {
    return (await readClockStatus(ctx, { signal: ctx.signal })).findings;
  },
};
