// The network domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const networkModule: DomainModule = { domain: 'network', checks: [], fixes: [], steps: [] };
