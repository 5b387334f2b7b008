// The clock domain: its checks, fixes, step executors, calls and CLI commands (loaded on first use).
import type { DomainModule } from '../engine/types';
import { runClock } from './clock-cli';
import { createClockHandlers } from './handlers';
import { clockCheck } from './clock-checks';
import { autoTimeOnFix, resyncFix } from './clock-fixes';
import { networkTimeOnStep, resyncStep } from './clock-steps';

export const clockModule: DomainModule = { domain: 'clock', checks: [clockCheck], fixes: [autoTimeOnFix, resyncFix], steps: [networkTimeOnStep, resyncStep], handlers: createClockHandlers, commands: { clock: runClock } };
