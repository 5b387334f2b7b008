// The clock domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const clockModule: DomainModule = { domain: 'clock', checks: [], fixes: [], steps: [] };
