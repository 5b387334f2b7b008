// The report domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const reportModule: DomainModule = { domain: 'report', checks: [], fixes: [], steps: [] };
