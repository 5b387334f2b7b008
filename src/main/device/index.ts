// The device domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const deviceModule: DomainModule = { domain: 'device', checks: [], fixes: [], steps: [] };
