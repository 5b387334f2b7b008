// The cac domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const cacModule: DomainModule = { domain: 'cac', checks: [], fixes: [], steps: [] };
