// The clock domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';
import { clockCheck } from './clock-checks';
import { autoTimeOnFix, resyncFix } from './clock-fixes';
import { networkTimeOnStep, resyncStep } from './clock-steps';

export const clockModule: DomainModule = { domain: 'clock', checks: [clockCheck], fixes: [autoTimeOnFix, resyncFix], steps: [networkTimeOnStep, resyncStep] };
